package io.loyalty.bench;

import io.loyalty.core.LoyaltyEngine;
import io.loyalty.spi.ProgramId;
import io.loyalty.spi.event.Customer;
import io.loyalty.spi.event.Order;
import io.loyalty.spi.event.OrderPaid;
import io.loyalty.spi.program.Program;

/**
 * An engine whose store holds {@code programs} programs: the members' program (the workload's 12 rules) and
 * {@code programs - 1} others with the same order-paid rules that no member is in. Each round enrols new members
 * whose cards hold {@link ApplyFixture#PRIOR_ORDERS} earlier orders, as {@link ApplyFixture}'s do, and pre-builds one
 * new order per member ({@link #prepareRound}, untimed), which {@link #applyRound()} applies. Single-threaded use.
 */
public final class CatalogFixture {
  private final LoyaltyEngine engine;
  private OrderPaid[] events = new OrderPaid[0];
  private int round;

  private CatalogFixture(LoyaltyEngine engine) {
    this.engine = engine;
  }

  /** Defines the catalog. */
  public static CatalogFixture create(int programs) {
    LoyaltyEngine engine = Engines.create();
    Program theirs = Workload.program();
    engine.define(theirs);
    for (int i = 1; i < programs; i++) {
      engine.define(Program.builder(ProgramId.of(String.format("camp_other_%04d", i)), "Other program")
          .earningRules(theirs.earningRules()).build());
    }
    return new CatalogFixture(engine);
  }

  /** Enrols {@code members} new members with their earlier orders and builds one new order paid per member. */
  public void prepareRound(int members) {
    Customer[] customers = new Customer[members];
    for (int m = 0; m < members; m++) {
      customers[m] = Workload.customer("member_" + round + "_" + m);
      engine.enrol(Workload.PROGRAM, customers[m].id());
    }
    for (int prior = 0; prior < ApplyFixture.PRIOR_ORDERS; prior++) {
      Order order = Workload.order("ord_prior_" + prior);
      for (int m = 0; m < members; m++) {
        engine.apply(Workload.event("evt_prior_" + round + "_" + prior + "_" + m, customers[m], order));
      }
    }
    Order order = Workload.order("ord_measured");
    events = new OrderPaid[members];
    for (int m = 0; m < members; m++) {
      events[m] = Workload.event("evt_measured_" + round + "_" + m, customers[m], order);
    }
    round++;
  }

  /** Applies the prepared orders; returns the points they earned. */
  public long applyRound() {
    return Engines.applyAll(engine, events);
  }
}
