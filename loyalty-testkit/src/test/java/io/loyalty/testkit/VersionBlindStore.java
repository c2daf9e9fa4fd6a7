package io.loyalty.testkit;

import io.loyalty.spi.card.Card;
import io.loyalty.spi.store.CardWrite;
import io.loyalty.spi.store.ChangeSet;
import io.loyalty.spi.store.CommitResult;
import io.loyalty.spi.store.LoyaltyStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A mutant: it ignores the expected version of card writes (last writer wins), as an adapter that forgets the
 * {@code WHERE version = ?} would. The kit must fail it.
 */
final class VersionBlindStore extends ForwardingStore {
  VersionBlindStore(LoyaltyStore delegate) {
    super(delegate);
  }

  @Override
  public synchronized CommitResult commit(ChangeSet changes) {
    List<CardWrite> cards = new ArrayList<>();
    for (CardWrite write : changes.cards()) {
      Optional<Card> stored = delegate.card(write.card().code());
      if (stored.isPresent() && write.expectedVersion() > 0) {
        Card c = write.card();
        long v = stored.get().version();
        cards.add(new CardWrite(c.withVersion(v + 1), v));
      } else {
        cards.add(write);
      }
    }
    return delegate.commit(new ChangeSet(changes.programs(), cards, changes.entries(), changes.receipt(),
        changes.rewards(), changes.redemptions()));
  }
}
