package io.loyalty.bench;

import io.loyalty.core.AddedPointsExpiry;
import io.loyalty.core.LoyaltyEngine;
import io.loyalty.spi.CardCode;
import io.loyalty.spi.event.Customer;
import io.loyalty.spi.event.Order;
import io.loyalty.spi.event.OrderPaid;

/**
 * An engine whose members' cards each hold {@code lots} lots before the measured order: {@code lots} points added one
 * by one (each a lot, expiring in 2099), so the card's history is long but nothing falls due. Each round
 * pre-builds one new order per member ({@link #prepareRound}, untimed); {@link #applyRound()} applies them, each
 * adding lots to a card that already holds many. Single-threaded use.
 */
public final class HistoryFixture {
  private final LoyaltyEngine engine;
  private final Customer[] members;
  private OrderPaid[] events = new OrderPaid[0];
  private int round;

  private HistoryFixture(LoyaltyEngine engine, Customer[] members) {
    this.engine = engine;
    this.members = members;
  }

  /** Defines the workload's program and enrols {@code members} members whose cards hold {@code lots} lots each. */
  public static HistoryFixture create(int members, int lots) {
    LoyaltyEngine engine = Engines.create();
    engine.define(Workload.program());
    Customer[] customers = new Customer[members];
    for (int m = 0; m < members; m++) {
      customers[m] = Workload.customer("member_" + m);
      CardCode card = engine.enrol(Workload.PROGRAM, customers[m].id()).code();
      for (int l = 0; l < lots; l++) {
        engine.addPoints(card, 1, AddedPointsExpiry.on(java.time.LocalDate.of(2099, 12, 31)), "history", null);
      }
    }
    return new HistoryFixture(engine, customers);
  }

  /** Builds one new order paid per member. */
  public void prepareRound() {
    Order order = Workload.order("ord_measured_" + round);
    events = new OrderPaid[members.length];
    for (int m = 0; m < members.length; m++) {
      events[m] = Workload.event("evt_measured_" + round + "_" + m, members[m], order);
    }
    round++;
  }

  /** Applies the prepared orders; returns the points they earned. */
  public long applyRound() {
    return Engines.applyAll(engine, events);
  }
}
