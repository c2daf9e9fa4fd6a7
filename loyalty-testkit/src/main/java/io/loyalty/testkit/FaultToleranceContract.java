package io.loyalty.testkit;

import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

/**
 * The engine over the store wrapped in {@link FaultyStore}: commits that fail before the store, commits written but
 * unacknowledged, stale reads, failed reads and slow calls. A caller that re-sends the same request on any failure
 * ends, on every random workload, with every event applied exactly once and the same cards, ledgers and receipts
 * as the reference engine that met no fault.
 */
@DisplayName("under injected faults, a retrying caller ends with every event applied exactly once")
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
public abstract class FaultToleranceContract extends StoreContract {
  /** The default seed of this contract's runs; {@code -Dloyalty.testkit.seed} replaces it. */
  public static final long SEED = 5_2024L;

  /** The faults injected; override to run harsher or milder plans. */
  protected FaultPlan faultPlan() {
    return FaultPlan.DEFAULT;
  }

  @Test
  void retried_requests_through_a_faulty_store_end_in_the_reference_state_with_each_event_applied_once() {
    long seed = Seeds.seed(SEED);
    KitBudget budget = budget();
    Coverage coverage = new Coverage();
    qt().withFixedSeed(seed).withExamples(budget.faultRuns()).withShrinkCycles(20)
        .forAll(Workloads.workloads(true, budget.stepsPerFaultRun()), longs().all())
        .checkAssert((steps, faultSeed) -> {
          new WorkloadRunner(newStore(), faultPlan(), faultSeed, Seeds.replay(seed) + ", fault seed " + faultSeed, coverage)
              .run(steps);
        });
    System.out.println("fault runs, " + Seeds.replay(seed) + ": " + coverage.steps() + " steps: " + coverage);
    coverage.assertEveryKindSucceeded(true, Seeds.replay(seed));
    coverage.assertRedemptionsMet(Seeds.replay(seed));
    if (faultPlan().equals(FaultPlan.DEFAULT)) {
      coverage.assertEveryFaultMet(Seeds.replay(seed));
    }
  }
}
