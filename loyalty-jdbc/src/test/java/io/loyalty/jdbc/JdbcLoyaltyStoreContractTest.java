package io.loyalty.jdbc;

import io.loyalty.spi.store.LoyaltyStore;
import io.loyalty.testkit.LoyaltyStoreCompatibilityKit;
import org.junit.jupiter.api.DisplayName;

/** The PostgreSQL store runs the whole conformance kit, each store on a fresh schema of one real PostgreSQL. */
@DisplayName("JdbcLoyaltyStore on PostgreSQL passes the conformance kit")
class JdbcLoyaltyStoreContractTest extends LoyaltyStoreCompatibilityKit {
  @Override
  protected LoyaltyStore newStore() {
    return JdbcLoyaltyStore.create(Postgres.freshSchema());
  }
}
