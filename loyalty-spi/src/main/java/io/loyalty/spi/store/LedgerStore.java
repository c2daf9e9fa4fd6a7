package io.loyalty.spi.store;

import io.loyalty.spi.CardCode;
import io.loyalty.spi.EventId;
import io.loyalty.spi.OrderId;
import io.loyalty.spi.card.LedgerEntry;
import io.loyalty.spi.card.LedgerKey;
import java.util.List;
import java.util.Optional;

/** Reads the append-only ledger and the receipts of applied events. Thread-safe. */
public interface LedgerStore {
  /** Up to {@code limit} entries of the card with {@code seq > afterSeq}, in seq order. */
  List<LedgerEntry> ledger(CardCode card, long afterSeq, int limit);

  /** The card's entries for one order, in seq order. */
  List<LedgerEntry> entriesForOrder(CardCode card, OrderId order);

  /** The entry with this idempotency key, in any card. */
  Optional<LedgerEntry> entry(LedgerKey key);

  /** The receipt of an applied event, if it was applied. */
  Optional<EventReceipt> receipt(EventId event);
}
