package io.loyalty.spi.store;

import io.loyalty.spi.CardCode;
import io.loyalty.spi.CustomerId;
import io.loyalty.spi.ProgramId;
import io.loyalty.spi.WalletId;
import io.loyalty.spi.card.Card;
import java.util.List;
import java.util.Optional;

/** Reads cards by code, by program and holder, by holder across programs, and a program's unpublished pool. Thread-safe. */
public interface CardStore {
  /** The card with this code, in any program. */
  Optional<Card> card(CardCode code);

  /** The customer's card of one wallet of the program (at most one: programs are join-once, one card per wallet). */
  Optional<Card> cardOf(ProgramId program, CustomerId holder, WalletId wallet);

  /**
   * The cards the customer holds, at most one per program and wallet, in program id order and then wallet id order;
   * empty for a customer with none.
   */
  List<Card> cardsOf(CustomerId holder);

  /**
   * The customer's cards in one program, one per wallet, in wallet id order (a member of a v1 program holds one).
   * This default filters {@link #cardsOf(CustomerId)}, one read.
   */
  default List<Card> cardsOf(ProgramId program, CustomerId holder) {
    List<Card> cards = new java.util.ArrayList<>(1);
    for (Card card : cardsOf(holder)) {
      if (card.program().equals(program)) {
        cards.add(card);
      }
    }
    return List.copyOf(cards);
  }

  /**
   * Up to {@code limit} unpublished cards of the program in code order, starting at the first code not
   * less than {@code from} and wrapping around to the lowest; empty when the pool is used up. The engine
   * picks {@code from} per customer so that joins spread over the pool. Several callers may get the same
   * cards; publishing one is a compare-and-set, so only one wins.
   */
  List<Card> unpublishedCards(ProgramId program, String from, int limit);

  /** Up to {@code limit} cards of the program, published or not, with codes after {@code afterCode}, in code order. */
  List<Card> cards(ProgramId program, String afterCode, int limit);

  /**
   * How many cards the program has, published or not. This default pages through {@link #cards}, which is correct
   * but reads every card: a store overrides it with one count.
   */
  default long cardCount(ProgramId program) {
    long count = 0;
    String after = "";
    for (List<Card> page = cards(program, after, 1_000); !page.isEmpty(); page = cards(program, after, 1_000)) {
      count += page.size();
      after = page.get(page.size() - 1).code().value();
    }
    return count;
  }
}
