package io.loyalty.testkit;

import io.loyalty.spi.store.LoyaltyStore;
import org.junit.jupiter.api.DisplayName;

/** The kit's own oracle passes the whole kit, so what it checks other stores against is itself checked. */
@DisplayName("ReferenceStore, the kit's oracle, passes the conformance kit")
class ReferenceStoreContractTest extends LoyaltyStoreCompatibilityKit {
  @Override
  protected LoyaltyStore newStore() {
    return new ReferenceStore();
  }
}
