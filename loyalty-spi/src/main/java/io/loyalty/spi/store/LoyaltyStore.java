package io.loyalty.spi.store;

import io.loyalty.spi.CustomerId;
import io.loyalty.spi.EventId;
import io.loyalty.spi.OrderId;
import io.loyalty.spi.card.Card;
import io.loyalty.spi.card.LedgerEntry;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Everything the engine needs from persistence: program, card, ledger and reward reads plus the one write path.
 * A host implements it for its database; the engine ships a thread-safe in-memory one.
 */
public interface LoyaltyStore extends ProgramStore, ComponentStore, MemberStore, CardStore, LedgerStore, RewardStore,
    OutboxStore, ChangeSetWriter {
  /**
   * What the engine reads before deciding an event of {@code holder} ({@link EventReads}): the receipt of
   * {@code event}, then (when it was not applied) the catalog version, the holder's cards and their entries for
   * {@code order} ({@code null}: the event names no order, so none). This default makes those reads one after
   * another, as the ports above answer them; a store overrides it to answer in one round trip. Each part is what its
   * own port method would answer; like them, the parts need not be one snapshot.
   */
  default EventReads eventReads(EventId event, CustomerId holder, @Nullable OrderId order) {
    Optional<EventReceipt> receipt = receipt(event);
    if (receipt.isPresent()) {
      return EventReads.applied(receipt.get());
    }
    long catalog = catalogVersion();
    List<Card> cards = cardsOf(holder);
    List<LedgerEntry> entries = new ArrayList<>();
    if (order != null) {
      for (Card card : cards) {
        entries.addAll(entriesForOrder(card.code(), order));
      }
    }
    return new EventReads(null, catalog, cards, entries);
  }
}
