package io.loyalty.spi.card;

import io.loyalty.spi.CardCode;
import io.loyalty.spi.EventId;
import io.loyalty.spi.OrderId;
import io.loyalty.spi.RuleId;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One immutable change of a card's points (Voucherify's card transaction). Once expirations and activations
 * up to an instant are recorded (the sweep), the sum of the entries' {@code points} is the balance at that
 * instant and the sum of their {@code pending} is the pending points. Stores keep entries append-only and
 * reject a second entry with the same {@link #key()}.
 *
 * @param card the card
 * @param seq 1 for the card's first entry, then one more per entry
 * @param type what happened
 * @param points the signed change of the usable balance
 * @param pending the signed change of the pending points
 * @param balanceAfter the card's balance right after this entry
 * @param at when the engine recorded it (its clock at the write, whatever the time of the event that caused it);
 *     for an activation or expiration, the instant it fell due
 * @param key the idempotency key, unique in the store (for an accrual: card, order or event, and rule)
 * @param event the event that caused it, {@code null} for manual operations
 * @param rule the earning rule, {@code null} when none
 * @param programVersion the program definition version in force
 * @param order the order, {@code null} when none
 * @param reason a free-text reason (manual operations), possibly empty
 * @param draws the lots drawn from (debits), or the debt repaid from the new lot (credits); possibly empty
 * @param related the key of the linked entry (the other side of a transfer), {@code null} for none
 */
public record LedgerEntry(
    CardCode card,
    long seq,
    EntryType type,
    long points,
    long pending,
    long balanceAfter,
    Instant at,
    String key,
    @Nullable EventId event,
    @Nullable RuleId rule,
    long programVersion,
    @Nullable OrderId order,
    String reason,
    List<LotDraw> draws,
    @Nullable String related) {

  /** Copies the draws and defaults the reason. */
  public LedgerEntry {
    reason = reason == null ? "" : reason;
    draws = List.copyOf(draws);
  }
}
