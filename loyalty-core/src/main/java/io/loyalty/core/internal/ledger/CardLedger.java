package io.loyalty.core.internal.ledger;

import io.loyalty.core.OverflowException;
import io.loyalty.spi.card.Card;
import io.loyalty.spi.card.LedgerEntry;
import io.loyalty.spi.card.Lot;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Pure transitions of a card's points: each returns the new card value and the ledger entries it implies,
 * with sequence numbers continuing the card's ledger. Nothing here reads a clock or a store.
 */
public final class CardLedger {
  private CardLedger() {}

  /**
   * Returns the card one version on, granting each credit as a new lot (id = its entry's seq) and appends one entry per credit. The balance
   * after each entry is the card's balance at {@code at} plus the credits so far that are usable then.
   *
   * @throws OverflowException when a balance would exceed the range of exact points
   */
  public static CardTransition credit(Card card, List<Credit> credits, Instant at) {
    List<Lot> lots = new ArrayList<>(card.lots().size() + credits.size());
    lots.addAll(card.lots());
    List<LedgerEntry> entries = new ArrayList<>(credits.size());
    long balance = card.balanceAt(at);
    long seq = card.lastSeq();
    for (Credit credit : credits) {
      seq++;
      Lot lot = new Lot(seq, credit.points(), credit.points(), at, credit.activatesAt(), credit.expiresAt(), credit.source());
      lots.add(lot);
      if (lot.isActiveAt(at)) {
        try {
          balance = Math.addExact(balance, credit.points());
        } catch (ArithmeticException e) {
          throw new OverflowException("card " + card.code() + ": balance " + balance + " + " + credit.points()
              + " exceeds " + Long.MAX_VALUE);
        }
      }
      entries.add(new LedgerEntry(card.code(), seq, credit.type(), credit.points(), balance, at, credit.key(),
          credit.source().event(), credit.source().rule(), credit.source().programVersion(), credit.source().order(),
          credit.reason(), List.of()));
    }
    Card next = new Card(card.code(), card.program(), card.version() + 1, card.holder(), card.createdAt(),
        card.publishedAt(), card.expiresAt(), card.active(), lots, seq);
    return new CardTransition(next, entries);
  }
}
