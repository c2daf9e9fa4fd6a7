package io.loyalty.testkit;

import static org.quicktheories.QuickTheory.qt;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

/**
 * The engine over the store under test, on random workloads (QuickTheories, fixed seeds): enrolments, orders, custom
 * events, refunds, manual additions and removals, transfers, replays of earlier events, time passing, sweeps,
 * redefinitions and cards switched off and on. After every step the answers, cards and ledgers equal those of the
 * same workload on the in-memory reference store, and the invariants of DESIGN.md hold.
 */
@DisplayName("the engine over the store: random workloads equal the reference model and keep every invariant")
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
public abstract class EnginePropertiesContract extends StoreContract {
  /** The default seed of this contract's workloads; {@code -Dloyalty.testkit.seed} replaces it. */
  public static final long SEED = 20_240_304L;

  @Test
  void random_workloads_give_the_reference_engines_answers_cards_and_ledgers_and_keep_every_invariant() {
    long seed = Seeds.seed(SEED);
    KitBudget budget = budget();
    Coverage coverage = new Coverage();
    qt().withFixedSeed(seed).withExamples(budget.workloads()).withShrinkCycles(30)
        .forAll(Workloads.workloads(false, budget.stepsPerWorkload()))
        .checkAssert(steps -> new WorkloadRunner(newStore(), null, 0, Seeds.replay(seed), coverage).run(steps));
    System.out.println("engine properties, " + Seeds.replay(seed) + ": " + coverage.steps() + " steps: " + coverage);
    coverage.assertEveryKindSucceeded(false, Seeds.replay(seed));
    coverage.assertRedemptionsMet(Seeds.replay(seed));
  }
}
