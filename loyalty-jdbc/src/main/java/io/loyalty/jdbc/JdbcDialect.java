package io.loyalty.jdbc;

/**
 * The PostgreSQL-compatible database the store runs on, for the few statements where they differ
 * ({@code docs/scale-out.md}): how migrations are serialized, and how an outbox claim locks the rows it picks.
 */
public enum JdbcDialect {
  /** PostgreSQL: advisory locks; claims {@code FOR NO KEY UPDATE SKIP LOCKED} (not blocking acknowledgements' key checks). */
  POSTGRESQL(MigrationLock.ADVISORY, "FOR NO KEY UPDATE SKIP LOCKED"),
  /**
   * Citus: PostgreSQL's statements on its coordinator, and the unique keys that span cards checked in tables of their
   * own (schema 10: {@code loyalty_entry_key}, {@code loyalty_member}), so that the card, lot and ledger tables can be
   * distributed by card.
   */
  CITUS(MigrationLock.ADVISORY, "FOR NO KEY UPDATE SKIP LOCKED"),
  /** YugabyteDB: a lock row (its advisory locks are partial); {@code FOR NO KEY UPDATE SKIP LOCKED}. */
  YUGABYTEDB(MigrationLock.ROW, "FOR NO KEY UPDATE SKIP LOCKED"),
  /** CockroachDB: a lock row (no advisory locks); {@code FOR UPDATE SKIP LOCKED} (no {@code FOR NO KEY UPDATE}). */
  COCKROACHDB(MigrationLock.ROW, "FOR UPDATE SKIP LOCKED");

  private final MigrationLock migrationLock;
  private final String claimLock;

  JdbcDialect(MigrationLock migrationLock, String claimLock) {
    this.migrationLock = migrationLock;
    this.claimLock = claimLock;
  }

  /** How migrations are serialized on this database. */
  public MigrationLock migrationLock() {
    return migrationLock;
  }

  /** The locking clause an outbox claim picks its rows with. */
  String claimLock() {
    return claimLock;
  }

  /** Whether store-wide ledger keys and memberships are checked in their own tables rather than by card-table keys. */
  boolean crossCardKeyTables() {
    return this == CITUS;
  }
}
