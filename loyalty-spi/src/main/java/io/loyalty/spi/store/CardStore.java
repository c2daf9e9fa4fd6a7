package io.loyalty.spi.store;

import io.loyalty.spi.CardCode;
import io.loyalty.spi.CustomerId;
import io.loyalty.spi.ProgramId;
import io.loyalty.spi.card.Card;
import java.util.List;
import java.util.Optional;

/** Reads cards by code, by program and holder, by holder across programs, and a program's unpublished pool. Thread-safe. */
public interface CardStore {
  /** The card with this code, in any program. */
  Optional<Card> card(CardCode code);

  /** The card the customer holds in the program (at most one: programs are join-once). */
  Optional<Card> cardOf(ProgramId program, CustomerId holder);

  /** The cards the customer holds, one per program at most, in program id order; empty for a customer with none. */
  List<Card> cardsOf(CustomerId holder);

  /**
   * Up to {@code limit} unpublished cards of the program in code order, starting at the first code not
   * less than {@code from} and wrapping around to the lowest; empty when the pool is used up. The engine
   * picks {@code from} per customer so that joins spread over the pool. Several callers may get the same
   * cards; publishing one is a compare-and-set, so only one wins.
   */
  List<Card> unpublishedCards(ProgramId program, String from, int limit);

  /** Up to {@code limit} cards of the program, published or not, with codes after {@code afterCode}, in code order. */
  List<Card> cards(ProgramId program, String afterCode, int limit);

  /** How many cards the program has, published or not. */
  long cardCount(ProgramId program);
}
