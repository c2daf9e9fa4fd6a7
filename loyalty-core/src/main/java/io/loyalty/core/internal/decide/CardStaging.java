package io.loyalty.core.internal.decide;

import io.loyalty.spi.CardCode;
import io.loyalty.spi.CustomerId;
import io.loyalty.spi.ProgramId;
import io.loyalty.spi.WalletId;
import io.loyalty.spi.card.Card;
import io.loyalty.spi.store.CardWrite;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The cards one change set writes, so that a second change to a card in the same operation (an order earning in
 * program B after program A's auto-redeem credited B) starts from the first and the two become one write over
 * the version the store holds. Not thread-safe: one per operation.
 */
public final class CardStaging {
  private final Map<CardCode, CardWrite> writes = new LinkedHashMap<>();
  private @Nullable List<Refill> refills;
  /** The cards as read from the store, the base of their first write (see {@link CardWrite#base()}). */
  private @Nullable Map<CardCode, Card> read;

  /** An empty staging, for one operation. */
  public CardStaging() {}

  /** The customer's card of the program's wallet: as this change set leaves it, else as {@code reads} give it. */
  @Nullable Card cardOf(ProgramId program, CustomerId holder, WalletId wallet, Reads reads) {
    Card staged = staged(program, holder, wallet);
    return staged != null ? staged : read(reads.cardOf(program, holder, wallet));
  }

  /** The customer's card of the program's wallet: as this change set leaves it, else {@code stored} (as read before). */
  @Nullable Card cardOf(ProgramId program, CustomerId holder, WalletId wallet, @Nullable Card stored) {
    Card staged = staged(program, holder, wallet);
    return staged != null ? staged : read(stored);
  }

  private @Nullable Card read(@Nullable Card stored) {
    if (stored != null) {
      if (read == null) {
        read = new HashMap<>(4);
      }
      read.put(stored.code(), stored);
    }
    return stored;
  }

  private @Nullable Card staged(ProgramId program, CustomerId holder, WalletId wallet) {
    for (CardWrite write : writes.values()) {
      Card card = write.card();
      if (card.program().equals(program) && holder.equals(card.holder()) && card.wallet().equals(wallet)) {
        return card;
      }
    }
    return null;
  }

  /** The version the store must still hold for this card: the first write's expectation, else the card's. */
  long expectedFor(Card card) {
    CardWrite staged = writes.get(card.code());
    return staged != null ? staged.expectedVersion() : card.version();
  }

  /** Stages the card's next state over {@code expected}; a later stage of the same card replaces it. */
  void stage(Card next, long expected) {
    stage(next, expected, null);
  }

  private void stage(Card next, long expected, @Nullable Card base) {
    CardWrite staged = writes.get(next.code());
    Card from = staged != null ? staged.base() : base != null ? base : read == null ? null : read.get(next.code());
    writes.put(next.code(), new CardWrite(next.version() == expected + 1 ? next : next.withVersion(expected + 1), expected,
        from != null && from.version() == expected ? from : null));
  }

  /** Stages writes made elsewhere (refills, another program's card). */
  void stageAll(List<CardWrite> more) {
    for (CardWrite write : more) {
      stage(write.card(), write.expectedVersion(), write.base());
    }
  }

  /** Asks for new unpublished cards for a pool a join drew from. */
  void refill(Refill refill) {
    if (refills == null) {
      refills = new ArrayList<>(1);
    }
    refills.add(refill);
  }

  /** Every staged write, in first-staged order. */
  List<CardWrite> writes() {
    return new ArrayList<>(writes.values());
  }

  /** The refills joins asked for, in the order asked. */
  public List<Refill> refills() {
    return refills == null ? List.of() : refills;
  }
}
