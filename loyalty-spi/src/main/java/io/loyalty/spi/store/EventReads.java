package io.loyalty.spi.store;

import io.loyalty.spi.CardCode;
import io.loyalty.spi.card.Card;
import io.loyalty.spi.card.LedgerEntry;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What the engine reads before it decides an event, gathered by one call ({@link LoyaltyStore#eventReads}) so a
 * store can answer it in one round trip: the event's receipt, the catalog version, the customer's cards and those
 * cards' entries for the event's order. Immutable.
 *
 * @param receipt the event's receipt when it was applied, else {@code null}
 * @param catalogVersion {@link ProgramStore#catalogVersion()}, read before the cards
 * @param cards {@link CardStore#cardsOf(io.loyalty.spi.CustomerId)} for the event's customer; potentially empty, and
 *     empty when {@code receipt} is present and the store did not read them
 * @param orderEntries the entries of those cards for the event's order ({@link LedgerStore#entriesForOrder} of each),
 *     each card's in seq order; empty when the event names no order
 */
public record EventReads(@Nullable EventReceipt receipt, long catalogVersion, List<Card> cards,
    List<LedgerEntry> orderEntries) {
  /** Copies the lists. */
  public EventReads {
    cards = List.copyOf(cards);
    orderEntries = List.copyOf(orderEntries);
  }

  /** The reads of an event already applied: its receipt, and nothing else read. */
  public static EventReads applied(EventReceipt receipt) {
    return new EventReads(java.util.Objects.requireNonNull(receipt, "receipt"), 0, List.of(), List.of());
  }

  /** The order's entries of one of {@link #cards()}, in seq order; empty for a card with none or not among them. */
  public List<LedgerEntry> entriesOf(CardCode card) {
    List<LedgerEntry> found = null;
    for (int i = 0; i < orderEntries.size(); i++) {
      LedgerEntry entry = orderEntries.get(i);
      if (entry.card().equals(card)) {
        if (found == null) {
          found = new ArrayList<>();
        }
        found.add(entry);
      }
    }
    return found == null ? List.of() : List.copyOf(found);
  }
}
