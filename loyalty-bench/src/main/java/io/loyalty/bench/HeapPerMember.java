package io.loyalty.bench;

import io.loyalty.core.LoyaltyEngine;
import io.loyalty.spi.CustomerId;
import io.loyalty.spi.ProgramId;
import io.loyalty.spi.event.Customer;
import io.loyalty.spi.event.Order;
import io.loyalty.spi.event.OrderItem;
import io.loyalty.spi.event.OrderPaid;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.Locale;
import javax.management.ObjectName;

/**
 * Heap per member of the in-memory store, measured through the engine's API only: enrol N members, apply
 * 10 orders paid to each (one lot per order, so 10 lots per member), force a full GC and divide the growth
 * of the used heap by N. Everything the store keeps counts: cards and lots, ledger entries and their
 * indexes, and each event's receipt (the event itself and its outcome). Run in its own JVM with an
 * {@code -Xmx} that fits N: {@code HeapPerMember N [--histogram]}.
 */
public final class HeapPerMember {
  /** Orders (lots) per member. */
  public static final int LOTS = 10;

  private HeapPerMember() {}

  /** Measures with N members (default 1,000,000); {@code --histogram} also prints the top classes. */
  public static void main(String[] args) throws Exception {
    int members = args.length > 0 ? Integer.parseInt(args[0].replace("_", "")) : 1_000_000;
    boolean histogram = java.util.List.of(args).contains("--histogram");
    MemoryMXBean memory = ManagementFactory.getMemoryMXBean();

    LoyaltyEngine engine = Engines.create();
    ProgramId program = engine.define(Workload.oneLotPerOrder(ProgramId.of("camp_heap"))).id();
    long before = usedAfterGc(memory);
    long started = System.nanoTime();
    for (int m = 0; m < members; m++) {
      engine.enrol(program, CustomerId.of("member_" + m));
    }
    long enrolled = System.nanoTime();
    for (int round = 0; round < LOTS; round++) {
      for (int m = 0; m < members; m++) {
        // a distinct order and customer value per event, as a host would send them
        Order order = Order.of("ord_" + round + "_" + m, "USD", OrderItem.product("prod_" + (m % 100), 1, 2_500));
        engine.apply(OrderPaid.of("evt_" + round + "_" + m, Workload.AT, Customer.of("member_" + m), order));
      }
    }
    long applied = System.nanoTime();
    long after = usedAfterGc(memory);
    if (engine.card(engine.cardOf(program, CustomerId.of("member_0")).orElseThrow().code()).lots().size() != LOTS) {
      throw new IllegalStateException("member_0 does not hold " + LOTS + " lots");
    }
    double perMember = (after - before) / (double) members;
    System.out.printf(Locale.ROOT, "Heap per member: %,d members x %d lots: used heap %,d MiB -> %,d MiB, %,.0f B per member "
            + "(enrol %.1f µs, apply %.1f µs per call while filling)%n", members, LOTS, before >> 20, after >> 20, perMember,
        (enrolled - started) / 1e3 / members, (applied - enrolled) / 1e3 / members / LOTS);
    System.out.printf(Locale.ROOT, "| heap per member of %d lots (%,d members) | %,.0f B | %s |%n", LOTS, members, perMember,
        perMember <= 2_048 ? "yes" : "**no**");
    if (histogram) {
      Object text = ManagementFactory.getPlatformMBeanServer().invoke(
          new ObjectName("com.sun.management:type=DiagnosticCommand"), "gcClassHistogram",
          new Object[] {new String[0]}, new String[] {String[].class.getName()});
      text.toString().lines().limit(30).forEach(System.out::println);
    }
    // keep the engine reachable until after the measurement
    System.out.println("(cards checked: " + engine.balance(engine.cardOf(program, CustomerId.of("member_0")).orElseThrow().code())
        + " points on member_0)");
  }

  private static long usedAfterGc(MemoryMXBean memory) throws InterruptedException {
    long used = Long.MAX_VALUE;
    for (int i = 0; i < 4; i++) {
      System.gc();
      Thread.sleep(100);
      used = Math.min(used, memory.getHeapMemoryUsage().getUsed());
    }
    return used;
  }
}
