package io.loyalty.core;

import io.loyalty.spi.CardCode;
import java.time.Instant;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * A card's counters as of an instant, derived from its ledger and lots (Voucherify's {@code loyalty_card}):
 * what came in, where it went, and what is left. Activations and expirations due by {@code asOf} count even if
 * no sweep has recorded them yet. Conservation: {@code earned + added + transferredIn = balance + pending +
 * redeemed + subtracted + expired + transferredOut + reversed + canceled} (a debt is part of {@code reversed}
 * and makes {@code balance} negative by as much).
 *
 * @param card the card
 * @param asOf the instant the counters are read at
 * @param balance usable points (negative when a refund left a debt)
 * @param pending points not yet activated
 * @param debt points owed to the program, repaid first from future earning
 * @param earned points granted by earning rules, pending or not
 * @param added points added by hand (and initial points)
 * @param transferredIn points received from other cards
 * @param redeemed points spent on rewards, less those rolled back
 * @param subtracted points removed by hand
 * @param expired points that expired
 * @param transferredOut points sent to other cards
 * @param reversed points taken back by refunds (from the balance, pending points and debt)
 * @param canceled pending points canceled by hand
 * @param nextExpirationDate the last usable day of the soonest-expiring points, {@code null} when none expire
 * @param nextExpirationPoints the points that expire then
 */
public record CardSummary(
    CardCode card,
    Instant asOf,
    long balance,
    long pending,
    long debt,
    long earned,
    long added,
    long transferredIn,
    long redeemed,
    long subtracted,
    long expired,
    long transferredOut,
    long reversed,
    long canceled,
    @Nullable LocalDate nextExpirationDate,
    long nextExpirationPoints) {

  /** Voucherify's lifetime {@code points}: everything that came into the card. */
  public long points() {
    return earned + added + transferredIn;
  }
}
