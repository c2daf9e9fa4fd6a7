package io.loyalty.core.internal.expiry;

import io.loyalty.spi.Violation;
import io.loyalty.spi.program.ExpirationRule;
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
    String field = base.isEmpty() ? "period_value" : base + ".period_value";
    int modes = (pending.days() != 0 ? 1 : 0) + (pending.months() != 0 ? 1 : 0) + (pending.dates().isEmpty() ? 0 : 1);
    if (modes > 1) {
      out.add(new Violation(base.isEmpty() ? "type" : base + ".type",
          "must be one of a period in days, a period in months, or fixed dates", null));
    } else if (pending.months() != 0) {
      if (pending.months() < 1 || pending.months() > PendingPoints.MAX_MONTHS) {
        out.add(new Violation(field, "must be between 1 and " + PendingPoints.MAX_MONTHS + " months",
            pending.months()));
      }
    } else if (!pending.dates().isEmpty()) {
      String at = base.isEmpty() ? "dates" : base + ".dates";
      if (pending.dates().size() > PendingPoints.MAX_DATES) {
        out.add(new Violation(at, "must hold 1 to " + PendingPoints.MAX_DATES + " dates", pending.dates().size()));
      }
      // the same day-of-year rules as a calendar expiration's dates
      for (Violation v : ExpirationRuleValidator.validate(base, new ExpirationRule.OnDates(pending.dates()))) {
        out.add(new Violation(v.path().replace("expiration_dates", "dates"), v.message(), v.value()));
      }
    } else if (pending.days() < 1 || pending.days() > PendingPoints.MAX_DAYS) {
      out.add(new Violation(field, "must be between 1 and " + PendingPoints.MAX_DAYS + " days", pending.days()));
    }
    return out;
  }
}
