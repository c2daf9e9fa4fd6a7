package io.loyalty.json;

import io.loyalty.core.AddedPointsExpiry;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A v1 balance body read: a signed number of points (positive adds, negative removes), how added points expire, the
 * reason and the caller's idempotency key.
 *
 * @param points never 0
 * @param expiry how added points expire; {@link AddedPointsExpiry#programRules()} when the body names none
 * @param reason the reason, {@code ""} when none is given
 * @param sourceId the caller's idempotency key, or {@code null}
 */
public record BalanceChange(long points, AddedPointsExpiry expiry, String reason, @Nullable String sourceId) {
  /** Checks the parts are present. */
  public BalanceChange {
    Objects.requireNonNull(expiry, "expiry");
    Objects.requireNonNull(reason, "reason");
  }
}
