package io.loyalty.jdbc;

import io.loyalty.spi.store.LoyaltyStore;
import io.loyalty.testkit.LoyaltyStoreCompatibilityKit;
import org.junit.jupiter.api.DisplayName;

/**
 * The whole conformance kit with the Citus dialect, run on PostgreSQL: the ledger's key narrowed to
 * {@code (card, entry_key)}, no member key on the card table, and the keys that span cards claimed in
 * {@code loyalty_entry_key} and {@code loyalty_member} instead. Every exactly-once sentence of the kit (duplicate
 * source ids across cards, one card per member, first outcomes answered) holds with those keys.
 */
@DisplayName("JdbcLoyaltyStore with the Citus dialect's keys passes the conformance kit on PostgreSQL")
class CitusDialectContractTest extends LoyaltyStoreCompatibilityKit {
  @Override
  protected LoyaltyStore newStore() {
    return JdbcLoyaltyStore.create(Postgres.freshSchema(), JdbcDialect.CITUS);
  }
}
