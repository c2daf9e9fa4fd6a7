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
}
