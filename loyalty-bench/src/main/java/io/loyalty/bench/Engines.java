package io.loyalty.bench;

import io.loyalty.core.LoyaltyEngine;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.SplittableRandom;

/** Builds the engines the benchmarks use: in-memory store, a fixed clock, seeded card codes. */
final class Engines {
  private Engines() {}

  /** A fresh engine with the workload's products collections. */
  static LoyaltyEngine create() {
    SplittableRandom random = new SplittableRandom(42);
    return LoyaltyEngine.builder()
        .clock(Clock.fixed(Workload.AT, ZoneOffset.UTC))
        .random(random::nextInt)
        .productCollections(Workload.collections())
        .build();
  }

  /** Applies the events in order; returns the points they earned (a sink the JIT cannot drop). */
  public static long applyAll(io.loyalty.core.LoyaltyEngine engine, io.loyalty.spi.event.OrderPaid[] events) {
    long sum = 0;
    for (io.loyalty.spi.event.OrderPaid event : events) {
      sum += engine.apply(event).points();
    }
    return sum;
  }
}
