package io.loyalty.testkit;

import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import java.util.List;
import org.quicktheories.core.Gen;

/** QuickTheories generators of random workloads: lists of steps drawn from a weighted mix of step kinds. */
final class Workloads {
  private Workloads() {}

  /** Workloads of 1 to {@code maxSteps} steps, drawn from the mix (fault-safe kinds only when {@code underFaults}). */
  static Gen<List<Step>> workloads(boolean underFaults, int maxSteps) {
    List<StepKind> mix = StepKind.mix(underFaults);
    Gen<Step> steps = integers().between(0, mix.size() - 1).zip(integers().allPositive(), integers().allPositive(),
        integers().allPositive(), (k, a, b, c) -> new Step(mix.get(k), a, b, c));
    return lists().of(steps).ofSizeBetween(Math.max(1, maxSteps / 2), maxSteps);
  }
}
