package io.loyalty.jdbc;

import io.loyalty.spi.store.LoyaltyStore;
import io.loyalty.testkit.OutboxClaimContract;
import org.junit.jupiter.api.DisplayName;

/**
 * The claim contract with CockroachDB's dialect ({@code FOR UPDATE SKIP LOCKED}, a lock row for migrations), run on
 * PostgreSQL, which has both: the statements the dialect switches to keep every claim sentence true.
 */
@DisplayName("outbox claims with the CockroachDB dialect's statements, on PostgreSQL")
class CockroachDialectClaimsTest extends OutboxClaimContract {
  @Override
  protected LoyaltyStore newStore() {
    return JdbcLoyaltyStore.create(Postgres.freshSchema(), JdbcDialect.COCKROACHDB);
  }
}
