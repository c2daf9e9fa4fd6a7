package io.loyalty.bench;

import io.loyalty.core.LoyaltyEngine;
import io.loyalty.spi.CardCode;
import io.loyalty.spi.ProgramId;
import io.loyalty.spi.card.Card;
import io.loyalty.spi.event.Customer;
import java.time.Instant;

/**
 * A card with {@value #LOTS} lots, built through the engine: a program with one FIXED rule and
 * {@value #LOTS} orders paid by one member. Reads its balance as of an instant.
 */
public final class BalanceFixture {
  /** Lots on the card. */
  public static final int LOTS = 100;

  private final LoyaltyEngine engine;
  private final CardCode code;
  private final Card card;
  private final Instant asOf = Workload.AT.plusSeconds(60);

  /** Applies the {@value #LOTS} orders. */
  public BalanceFixture() {
    engine = Engines.create();
    ProgramId program = engine.define(Workload.oneLotPerOrder(ProgramId.of("camp_lots"))).id();
    Customer bob = Workload.customer("bob");
    code = engine.enrol(program, bob.id()).code();
    for (int i = 0; i < LOTS; i++) {
      engine.apply(Workload.event("evt_lot_" + i, bob, Workload.order("ord_lot_" + i)));
    }
    card = engine.card(code);
    if (card.lots().size() != LOTS) {
      throw new IllegalStateException("expected " + LOTS + " lots, the card has " + card.lots().size());
    }
  }

  /** {@code engine.balance(code, instant)}: the store lookup and the sum over the lots. */
  public long engineBalance() {
    return engine.balance(code, asOf);
  }

  /** {@code card.balanceAt(instant)} on a card already read: the sum over the lots alone. */
  public long cardBalance() {
    return card.balanceAt(asOf);
  }
}
