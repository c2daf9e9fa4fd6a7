package io.loyalty.spi.card;

import io.loyalty.spi.CardCode;
import io.loyalty.spi.EventId;
import io.loyalty.spi.OrderId;
import io.loyalty.spi.RuleId;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One immutable change of a card's points (Voucherify's card transaction). The sum of a card's entries
 * is its balance; stores keep them append-only and reject a second entry with the same {@link #key()}.
 *
 * @param card the card
 * @param seq 1 for the card's first entry, then one more per entry
 * @param type what happened
 * @param points the signed change
 * @param balanceAfter the card's balance right after this entry
 * @param at when it happened
 * @param key the idempotency key, unique in the store (for an accrual: card, order or event, and rule)
 * @param event the event that caused it, {@code null} for manual operations
 * @param rule the earning rule, {@code null} when none
 * @param programVersion the program definition version in force
 * @param order the order, {@code null} when none
 * @param reason a free-text reason (manual operations), possibly empty
 * @param draws for debits, the lots drawn from; empty for credits
 */
public record LedgerEntry(
    CardCode card,
    long seq,
    EntryType type,
    long points,
    long balanceAfter,
    Instant at,
    String key,
    @Nullable EventId event,
    @Nullable RuleId rule,
    long programVersion,
    @Nullable OrderId order,
    String reason,
    List<LotDraw> draws) {

  /** Copies the draws and defaults the reason. */
  public LedgerEntry {
    reason = reason == null ? "" : reason;
    draws = List.copyOf(draws);
  }
}
