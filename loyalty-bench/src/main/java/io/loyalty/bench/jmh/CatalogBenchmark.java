package io.loyalty.bench.jmh;

import io.loyalty.bench.Engines;
import io.loyalty.bench.Workload;
import io.loyalty.core.LoyaltyEngine;
import io.loyalty.spi.ProgramId;
import io.loyalty.spi.event.Customer;
import io.loyalty.spi.event.Order;
import io.loyalty.spi.event.OrderPaid;
import io.loyalty.spi.program.Program;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * {@code engine.apply} of a new order into the in-memory store with {@code programs} programs in the store: the
 * members' program (the workload's 12 rules) and {@code programs - 1} others with the same order-paid rules that no
 * member is in. The cost of an apply should not grow with the catalog; compare the two scores. Each iteration
 * applies one new order per member (the store grows by one order per card and iteration); the score is per order.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 6)
@Measurement(iterations = 12)
@Fork(1)
public class CatalogBenchmark {
  /** Members, and so orders applied, per iteration. */
  public static final int MEMBERS = 2_000;

  /** How many programs the store holds. */
  @Param({"1", "1000"})
  public int programs;

  private LoyaltyEngine engine;
  private Customer[] customers;
  private OrderPaid[] events;
  private int round;

  /** The engine, its catalog and its members, with one earlier order per card. */
  @Setup(Level.Trial)
  public void setUpTrial() {
    engine = Engines.create();
    Program members = Workload.program();
    engine.define(members);
    for (int i = 1; i < programs; i++) {
      engine.define(Program.builder(ProgramId.of(String.format("camp_other_%04d", i)), "Other program")
          .earningRules(members.earningRules()).build());
    }
    customers = new Customer[MEMBERS];
    for (int m = 0; m < MEMBERS; m++) {
      customers[m] = Workload.customer("member_" + m);
      engine.enrol(Workload.PROGRAM, customers[m].id());
    }
    prepareRound();
    apply();
  }

  /** A new order per member, built untimed; then a clean heap. */
  @Setup(Level.Iteration)
  public void prepareRound() {
    Order order = Workload.order("ord_" + round);
    events = new OrderPaid[MEMBERS];
    for (int m = 0; m < MEMBERS; m++) {
      events[m] = Workload.event("evt_" + round + "_" + m, customers[m], order);
    }
    round++;
    System.gc();
  }

  /** Applies {@value #MEMBERS} orders, one per member. */
  @Benchmark
  @OperationsPerInvocation(MEMBERS)
  public long apply() {
    long sum = 0;
    for (OrderPaid event : events) {
      sum += engine.apply(event).points();
    }
    return sum;
  }
}
