package io.loyalty.testkit;

import io.loyalty.spi.store.LoyaltyStore;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;

/**
 * The whole conformance kit in one class, in the style of Micrometer's {@code MeterRegistryCompatibilityKit}: an
 * adapter's test extends it and implements {@link #newStore()}, and every contract runs as a {@code @Nested} group
 * of sentences. Each group is also a public abstract class that can be extended alone.
 *
 * <pre>{@code
 * class MyStoreContractTest extends LoyaltyStoreCompatibilityKit {
 *   @Override
 *   protected LoyaltyStore newStore() {
 *     return MyStore.on(freshSchema());
 *   }
 * }
 * }</pre>
 */
public abstract class LoyaltyStoreCompatibilityKit extends StoreContract {
  /** Creates the kit; the adapter's test class has a no-argument constructor as JUnit requires. */
  protected LoyaltyStoreCompatibilityKit() {}

  @Nested
  class Wallets extends WalletContract {
    @Override
    protected LoyaltyStore newStore() {
      return LoyaltyStoreCompatibilityKit.this.newStore();
    }

    @Override
    protected boolean supportsConcurrency() {
      return LoyaltyStoreCompatibilityKit.this.supportsConcurrency();
    }

    @Override
    protected KitBudget budget() {
      return LoyaltyStoreCompatibilityKit.this.budget();
    }
  }

  @Nested
  class Components extends ComponentContract {
    @Override
    protected LoyaltyStore newStore() {
      return LoyaltyStoreCompatibilityKit.this.newStore();
    }

    @Override
    protected boolean supportsConcurrency() {
      return LoyaltyStoreCompatibilityKit.this.supportsConcurrency();
    }

    @Override
    protected KitBudget budget() {
      return LoyaltyStoreCompatibilityKit.this.budget();
    }
  }

  @Nested
  class TierStructures extends TierStructureContract {
    @Override
    protected LoyaltyStore newStore() {
      return LoyaltyStoreCompatibilityKit.this.newStore();
    }

    @Override
    protected boolean supportsConcurrency() {
      return LoyaltyStoreCompatibilityKit.this.supportsConcurrency();
    }

    @Override
    protected KitBudget budget() {
      return LoyaltyStoreCompatibilityKit.this.budget();
    }
  }

  @Nested
  class Outbox extends OutboxContract {
    @Override
    protected LoyaltyStore newStore() {
      return LoyaltyStoreCompatibilityKit.this.newStore();
    }

    @Override
    protected boolean supportsConcurrency() {
      return LoyaltyStoreCompatibilityKit.this.supportsConcurrency();
    }

    @Override
    protected KitBudget budget() {
      return LoyaltyStoreCompatibilityKit.this.budget();
    }
  }

  @Nested
  class OutboxClaims extends OutboxClaimContract {
    @Override
    protected LoyaltyStore newStore() {
      return LoyaltyStoreCompatibilityKit.this.newStore();
    }

    @Override
    protected boolean supportsConcurrency() {
      return LoyaltyStoreCompatibilityKit.this.supportsConcurrency();
    }

    @Override
    protected KitBudget budget() {
      return LoyaltyStoreCompatibilityKit.this.budget();
    }
  }

  @Nested
  class Relay extends OutboxRelayContract {
    @Override
    protected LoyaltyStore newStore() {
      return LoyaltyStoreCompatibilityKit.this.newStore();
    }

    @Override
    protected boolean supportsConcurrency() {
      return LoyaltyStoreCompatibilityKit.this.supportsConcurrency();
    }

    @Override
    protected KitBudget budget() {
      return LoyaltyStoreCompatibilityKit.this.budget();
    }
  }

  @Nested
  @DisplayName("compare-and-set on versions: a stale write is a conflict that changes nothing")
  class CompareAndSet extends CompareAndSetContract {
    @Override
    protected LoyaltyStore newStore() {
      return LoyaltyStoreCompatibilityKit.this.newStore();
    }

    @Override
    protected boolean supportsConcurrency() {
      return LoyaltyStoreCompatibilityKit.this.supportsConcurrency();
    }

    @Override
    protected KitBudget budget() {
      return LoyaltyStoreCompatibilityKit.this.budget();
    }
  }

  @Nested
  @DisplayName("unique keys: a duplicate is reported with its key string and never applied twice")
  class UniqueKeys extends UniqueKeyContract {
    @Override
    protected LoyaltyStore newStore() {
      return LoyaltyStoreCompatibilityKit.this.newStore();
    }

    @Override
    protected boolean supportsConcurrency() {
      return LoyaltyStoreCompatibilityKit.this.supportsConcurrency();
    }

    @Override
    protected KitBudget budget() {
      return LoyaltyStoreCompatibilityKit.this.budget();
    }
  }

  @Nested
  @DisplayName("a change set is all-or-nothing: a rejected one leaves every read unchanged")
  class AllOrNothing extends AllOrNothingContract {
    @Override
    protected LoyaltyStore newStore() {
      return LoyaltyStoreCompatibilityKit.this.newStore();
    }

    @Override
    protected boolean supportsConcurrency() {
      return LoyaltyStoreCompatibilityKit.this.supportsConcurrency();
    }

    @Override
    protected KitBudget budget() {
      return LoyaltyStoreCompatibilityKit.this.budget();
    }
  }

  @Nested
  @DisplayName("reads: paging and ordering of every query")
  class Reads extends ReadContract {
    @Override
    protected LoyaltyStore newStore() {
      return LoyaltyStoreCompatibilityKit.this.newStore();
    }

    @Override
    protected boolean supportsConcurrency() {
      return LoyaltyStoreCompatibilityKit.this.supportsConcurrency();
    }

    @Override
    protected KitBudget budget() {
      return LoyaltyStoreCompatibilityKit.this.budget();
    }
  }

  @Nested
  @DisplayName("fidelity: what is written reads back equal")
  class Fidelity extends FidelityContract {
    @Override
    protected LoyaltyStore newStore() {
      return LoyaltyStoreCompatibilityKit.this.newStore();
    }

    @Override
    protected boolean supportsConcurrency() {
      return LoyaltyStoreCompatibilityKit.this.supportsConcurrency();
    }

    @Override
    protected KitBudget budget() {
      return LoyaltyStoreCompatibilityKit.this.budget();
    }
  }

  @Nested
  @DisplayName("the port under real threads: no lost update, one winner per key, stock never oversold")
  class PortConcurrency extends ConcurrencyContract {
    @Override
    protected LoyaltyStore newStore() {
      return LoyaltyStoreCompatibilityKit.this.newStore();
    }

    @Override
    protected boolean supportsConcurrency() {
      return LoyaltyStoreCompatibilityKit.this.supportsConcurrency();
    }

    @Override
    protected KitBudget budget() {
      return LoyaltyStoreCompatibilityKit.this.budget();
    }
  }

  @Nested
  @DisplayName("the engine over the store: random workloads equal the reference model and keep every invariant")
  class EngineProperties extends EnginePropertiesContract {
    @Override
    protected LoyaltyStore newStore() {
      return LoyaltyStoreCompatibilityKit.this.newStore();
    }

    @Override
    protected boolean supportsConcurrency() {
      return LoyaltyStoreCompatibilityKit.this.supportsConcurrency();
    }

    @Override
    protected KitBudget budget() {
      return LoyaltyStoreCompatibilityKit.this.budget();
    }
  }

  @Nested
  @DisplayName("under injected faults, a retrying caller ends with every event applied exactly once")
  class Faults extends FaultToleranceContract {
    @Override
    protected LoyaltyStore newStore() {
      return LoyaltyStoreCompatibilityKit.this.newStore();
    }

    @Override
    protected boolean supportsConcurrency() {
      return LoyaltyStoreCompatibilityKit.this.supportsConcurrency();
    }

    @Override
    protected KitBudget budget() {
      return LoyaltyStoreCompatibilityKit.this.budget();
    }
  }

  @Nested
  @DisplayName("the engine over the store under real threads: nothing lost, nothing applied twice")
  class EngineConcurrency extends EngineConcurrencyContract {
    @Override
    protected LoyaltyStore newStore() {
      return LoyaltyStoreCompatibilityKit.this.newStore();
    }

    @Override
    protected boolean supportsConcurrency() {
      return LoyaltyStoreCompatibilityKit.this.supportsConcurrency();
    }

    @Override
    protected KitBudget budget() {
      return LoyaltyStoreCompatibilityKit.this.budget();
    }
  }

  @Nested
  @DisplayName("hostile input: what is accepted is kept exactly and apart, what is refused leaves no trace")
  class HostileInput extends HostileInputContract {
    @Override
    protected LoyaltyStore newStore() {
      return LoyaltyStoreCompatibilityKit.this.newStore();
    }

    @Override
    protected boolean supportsConcurrency() {
      return LoyaltyStoreCompatibilityKit.this.supportsConcurrency();
    }

    @Override
    protected KitBudget budget() {
      return LoyaltyStoreCompatibilityKit.this.budget();
    }
  }
}
