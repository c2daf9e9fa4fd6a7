package io.loyalty.testkit;

import io.loyalty.spi.store.LoyaltyStore;

/**
 * The base of every contract class of the kit: the one factory an adapter implements, and optional hooks with
 * defaults. Extend {@link LoyaltyStoreCompatibilityKit} to run every contract, or one contract class alone.
 */
public abstract class StoreContract {
  /** Creates a contract; an adapter's test class has a no-argument constructor as JUnit requires. */
  protected StoreContract() {}

  /**
   * A new, empty store, never shared: called once per test, once per example of a random workload, and once per
   * engine of a test. Stores returned by separate calls must not see each other's data.
   */
  protected abstract LoyaltyStore newStore();

  /**
   * Whether the store may be called from several threads at once. When {@code false} the thread races are reported
   * as skipped (assumption failures), so a run shows what was not checked. Defaults to {@code true}.
   */
  protected boolean supportsConcurrency() {
    return true;
  }

  /** How much random and threaded work the kit does; {@link KitBudget#DEFAULT} unless overridden. */
  protected KitBudget budget() {
    return KitBudget.DEFAULT;
  }
}
