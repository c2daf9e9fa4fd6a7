package io.loyalty.spi.program;

import org.jspecify.annotations.Nullable;

/**
 * How much a loyalty v2 wallet lets a member spend on rewards (Voucherify's card definition {@code spending_limits}):
 * in all, per calendar period, and per purchase. A purchase past any of them is rejected whole; points given back by
 * a rollback no longer count as spent.
 *
 * @param lifetime {@code global SPENDING_BASED}: the most points the card may ever spend, {@code null} for no limit
 * @param period {@code global TIME_BASED}: the most points it may spend per calendar period of the program's zone,
 *     {@code null} for no limit
 * @param perTransaction {@code transactions POINTS}: the most points one purchase may cost, {@code null} for no limit
 */
public record SpendingLimits(@Nullable Long lifetime, EarningLimits.@Nullable Period period,
    @Nullable Long perTransaction) {
  /** No limits. */
  public static final SpendingLimits NONE = new SpendingLimits(null, null, null);

  /** Whether it limits nothing. */
  public boolean isNone() {
    return lifetime == null && period == null && perTransaction == null;
  }

  /** Whether a limit needs what the card spent before (the lifetime or period limit). */
  public boolean countsHistory() {
    return lifetime != null || period != null;
  }
}
