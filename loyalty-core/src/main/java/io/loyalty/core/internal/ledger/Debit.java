package io.loyalty.core.internal.ledger;

import io.loyalty.spi.card.LedgerKey;
import io.loyalty.spi.EventId;
import io.loyalty.spi.OrderId;
import io.loyalty.spi.card.EntryType;
import org.jspecify.annotations.Nullable;

/**
 * Points to take from a card's usable lots, soonest-expiring first, with the ledger entry that records it.
 *
 * @param type the entry type (a removal, a redemption, a transfer out, ...)
 * @param points positive, at most the card's balance
 * @param key the entry's idempotency key, unique in the store
 * @param event the causing event, {@code null} for manual operations
 * @param order the order, {@code null} for none
 * @param programVersion the program version in force
 * @param reason a free-text reason, possibly empty
 * @param related the key of the linked entry (a transfer's other side), {@code null} for none
 */
public record Debit(
    EntryType type,
    long points,
    LedgerKey key,
    @Nullable EventId event,
    @Nullable OrderId order,
    long programVersion,
    String reason,
    @Nullable LedgerKey related) {

  /** A debit with no event, order or link. */
  public static Debit manual(EntryType type, long points, LedgerKey key, long programVersion, String reason) {
    return new Debit(type, points, key, null, null, programVersion, reason, null);
  }

}
