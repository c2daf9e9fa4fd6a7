package io.loyalty.bench;

import io.loyalty.core.LoyaltyEngine;
import io.loyalty.spi.earning.EventOutcome;
import io.loyalty.spi.event.Customer;
import io.loyalty.spi.event.Order;
import io.loyalty.spi.event.OrderPaid;

/**
 * A fresh engine for measuring {@code apply}: {@code members} members whose cards each already hold
 * {@link #PRIOR_ORDERS} earlier orders of the workload (12 lots and 12 ledger entries per order), and one
 * new order per member, pre-built with fresh event and order ids, applied round-robin. Building it is the
 * untimed setup; {@link #applyNext()} is the measured operation. Single-threaded use.
 */
public final class ApplyFixture {
  /** Orders each card holds before the measured one: 24 lots, a realistic card mid-life. */
  public static final int PRIOR_ORDERS = 2;

  private final LoyaltyEngine engine;
  private final OrderPaid[] events;
  private int next;

  private ApplyFixture(LoyaltyEngine engine, OrderPaid[] events) {
    this.engine = engine;
    this.events = events;
  }

  /** Enrols the members, applies their earlier orders, and pre-builds one new order paid per member. */
  public static ApplyFixture create(int members) {
    return create(members, 1);
  }

  /** As {@link #create(int)}, with {@code rounds} new orders per member, applied round-robin over the members. */
  public static ApplyFixture create(int members, int rounds) {
    return create(members, rounds, false);
  }

  /** As {@link #create(int, int)}, on the workload's tiered program when {@code tiered} ({@link Workload#tieredProgram}). */
  public static ApplyFixture create(int members, int rounds, boolean tiered) {
    return create(members, rounds, tiered ? Workload.tieredProgram() : Workload.program());
  }

  /** As {@link #create(int, int)}, on {@code program} (the workload's rules, with or without tiers). */
  public static ApplyFixture create(int members, int rounds, io.loyalty.spi.program.Program program) {
    LoyaltyEngine engine = Engines.create();
    engine.define(program);
    Customer[] customers = new Customer[members];
    for (int m = 0; m < members; m++) {
      customers[m] = Workload.customer("member_" + m);
      if (program.isV2()) {
        engine.addMember(program.id(), customers[m].id()); // a card per wallet
      } else {
        engine.enrol(program.id(), customers[m].id());
      }
    }
    for (int round = 0; round < PRIOR_ORDERS; round++) {
      Order order = Workload.order("ord_prior_" + round); // one order id per card is all the engine asks
      for (int m = 0; m < members; m++) {
        engine.apply(Workload.event("evt_prior_" + round + "_" + m, customers[m], order));
      }
    }
    OrderPaid[] events = new OrderPaid[members * rounds];
    for (int round = 0; round < rounds; round++) {
      Order order = Workload.order("ord_measured_" + round);
      for (int m = 0; m < members; m++) {
        events[round * members + m] = Workload.event("evt_measured_" + round + "_" + m, customers[m], order);
      }
    }
    return new ApplyFixture(engine, events);
  }

  /** How many orders are left to apply. */
  public int remaining() {
    return events.length - next;
  }

  /** Applies the next pre-built order (a new event id, a new order for that card). */
  public EventOutcome applyNext() {
    return engine.apply(events[next++]);
  }
}
