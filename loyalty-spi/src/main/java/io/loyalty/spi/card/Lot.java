package io.loyalty.spi.card;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * One grant of points on a card: how many were granted, how many remain, when they become usable and when
 * they expire. Spending draws the soonest-expiring lots first, non-expiring last, ties oldest first.
 *
 * @param id the ledger sequence number of the entry that granted it, unique within the card
 * @param initial points granted, positive
 * @param remaining points not yet spent, expired, moved or taken back, from 0 to {@code initial}
 * @param grantedAt when the points were recorded on the card (the engine's clock at the write), whatever the time
 *     of the event that earned them; the lot counts from then
 * @param activatesAt when pending points become usable, {@code null} when usable at once
 * @param expiresAt the first instant the points are no longer usable, {@code null} for never
 * @param state pending, active or canceled
 * @param source where the points came from
 */
public record Lot(
    long id,
    long initial,
    long remaining,
    Instant grantedAt,
    @Nullable Instant activatesAt,
    @Nullable Instant expiresAt,
    LotState state,
    LotSource source) {

  /** The order points are drawn in: soonest expiry first, non-expiring last, ties oldest first, then by id. */
  public static final java.util.Comparator<Lot> CONSUMPTION_ORDER = java.util.Comparator
      .comparing(Lot::expiresAt, java.util.Comparator.nullsLast(java.util.Comparator.naturalOrder()))
      .thenComparing(Lot::grantedAt)
      .thenComparingLong(Lot::id);

  /**
   * Whether the points are usable at {@code asOf}: granted by then, not canceled, activated and not expired. A lot
   * counts from the instant it was recorded, so no later grant shows in a read as of an earlier instant.
   */
  public boolean isActiveAt(Instant asOf) {
    return state != LotState.CANCELED
        && !asOf.isBefore(grantedAt)
        && (activatesAt == null || !asOf.isBefore(activatesAt))
        && (expiresAt == null || asOf.isBefore(expiresAt));
  }

  /** Whether the points are still pending at {@code asOf}: granted by then, not canceled and not yet activated. */
  public boolean isPendingAt(Instant asOf) {
    return state == LotState.PENDING && activatesAt != null && !asOf.isBefore(grantedAt) && asOf.isBefore(activatesAt);
  }

  /** Whether the points have expired by {@code asOf} with some left over (an expiration to record). */
  public boolean hasExpiredAt(Instant asOf) {
    return state != LotState.CANCELED && remaining > 0 && expiresAt != null && !asOf.isBefore(expiresAt);
  }

  /** A copy with another remaining amount. */
  public Lot withRemaining(long remaining) {
    return new Lot(id, initial, remaining, grantedAt, activatesAt, expiresAt, state, source);
  }

  /** A copy in another state, with the given activation and expiry. */
  public Lot with(LotState state, @Nullable Instant activatesAt, @Nullable Instant expiresAt) {
    return new Lot(id, initial, remaining, grantedAt, activatesAt, expiresAt, state, source);
  }
}
