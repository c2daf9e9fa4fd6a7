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

  /**
   * The card's entries for one order, in seq order. This default pages through the card's whole ledger, which is
   * correct but costs a read of every entry: a store overrides it with one indexed read (the engine asks it for every
   * order a card earns on).
   */
  default List<LedgerEntry> entriesForOrder(CardCode card, OrderId order) {
    List<LedgerEntry> found = new java.util.ArrayList<>();
    long after = 0;
    for (List<LedgerEntry> page = ledger(card, after, 1_000); !page.isEmpty(); page = ledger(card, after, 1_000)) {
      for (LedgerEntry entry : page) {
        if (order.equals(entry.order())) {
          found.add(entry);
        }
      }
      after = page.get(page.size() - 1).seq();
    }
    return List.copyOf(found);
  }

  /** The entry with this idempotency key, in any card. */
  Optional<LedgerEntry> entry(LedgerKey key);

  /** The receipt of an applied event, if it was applied. */
  Optional<EventReceipt> receipt(EventId event);
}
