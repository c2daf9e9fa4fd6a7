package io.loyalty.spi.store;

import io.loyalty.spi.CustomerId;
import io.loyalty.spi.card.Card;
import io.loyalty.spi.program.Program;
import java.util.ArrayList;
import java.util.List;

/**
 * Everything the engine needs from persistence: program, card, ledger and reward reads plus the one write path.
 * A host implements it for its database; the engine ships a thread-safe in-memory one.
 */
public interface LoyaltyStore extends ProgramStore, CardStore, LedgerStore, RewardStore, OutboxStore,
    ChangeSetWriter {
  /**
   * {@inheritDoc} This default asks {@link #cardOf} once per program, which is correct but costs one read per
   * program: a store overrides it with one read by holder.
   */
  @Override
  default List<Card> cardsOf(CustomerId holder) {
    List<Card> cards = new ArrayList<>();
    for (Program program : programs()) {
      cardOf(program.id(), holder).ifPresent(cards::add);
    }
    return List.copyOf(cards);
  }
}
