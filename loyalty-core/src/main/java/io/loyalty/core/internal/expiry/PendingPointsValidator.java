package io.loyalty.core.internal.expiry;

import io.loyalty.spi.Violation;
import io.loyalty.spi.program.PendingPoints;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Checks a rule's {@link PendingPoints} the way Voucherify checks {@code pending_points}: a period of 1 to
 * {@value PendingPoints#MAX_DAYS} days. Never throws; stateless and thread-safe.
 */
public final class PendingPointsValidator {
  private PendingPointsValidator() {}

  /**
   * The violations of {@code pending}, empty when it is valid or {@code null} (credit at once).
   *
   * @param path the path of the {@code pending_points} object itself, such as
   *     {@code earning_rules[2].pending_points}; empty for the top level
   * @param pending the setting to check
   */
  public static List<Violation> validate(String path, @Nullable PendingPoints pending) {
    List<Violation> out = new ArrayList<>();
    if (pending == null) {
      return out;
    }
    String base = path == null ? "" : path;
    if (pending.days() < 1 || pending.days() > PendingPoints.MAX_DAYS) {
      String field = base.isEmpty() ? "period_value" : base + ".period_value";
      out.add(new Violation(field, "must be between 1 and " + PendingPoints.MAX_DAYS + " days", pending.days()));
    }
    return out;
  }
}
