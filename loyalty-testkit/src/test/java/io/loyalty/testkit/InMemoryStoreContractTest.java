package io.loyalty.testkit;

import io.loyalty.core.InMemoryLoyaltyStore;
import io.loyalty.spi.store.LoyaltyStore;
import org.junit.jupiter.api.DisplayName;

/**
 * The engine's in-memory store runs the whole kit. It lives here rather than in loyalty-core because the kit
 * depends on core (its engine-over-store properties drive the real engine), so core cannot depend on the kit.
 */
@DisplayName("InMemoryLoyaltyStore passes the conformance kit")
class InMemoryStoreContractTest extends LoyaltyStoreCompatibilityKit {
  @Override
  protected LoyaltyStore newStore() {
    return InMemoryLoyaltyStore.create();
  }
}
