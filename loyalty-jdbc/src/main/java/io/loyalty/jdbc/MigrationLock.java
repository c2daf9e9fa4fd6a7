package io.loyalty.jdbc;

import java.sql.SQLException;
import java.sql.Statement;

/**
 * How schema migrations keep two instances from migrating at once: taken inside the migration's transaction and
 * released by its end. PostgreSQL's advisory lock by default; a lock row for databases whose advisory locks are missing
 * or partial (CockroachDB, YugabyteDB: {@code docs/scale-out.md}).
 */
@FunctionalInterface
public interface MigrationLock {
  /** PostgreSQL's transaction-scoped advisory lock ({@code pg_advisory_xact_lock}). */
  MigrationLock ADVISORY = s -> s.execute("SELECT pg_advisory_xact_lock(" + 0x4C6F79616C7479L + ")");

  /**
   * A row of a one-row table, locked {@code FOR UPDATE}: plain SQL that every PostgreSQL-compatible database
   * serializes. The table is created the first time (creating it twice at once is harmless: one waits or fails and
   * retries).
   */
  MigrationLock ROW = s -> {
    s.execute("CREATE TABLE IF NOT EXISTS loyalty_migration_lock (id integer PRIMARY KEY)");
    s.execute("INSERT INTO loyalty_migration_lock (id) VALUES (1) ON CONFLICT (id) DO NOTHING");
    s.execute("SELECT id FROM loyalty_migration_lock WHERE id = 1 FOR UPDATE");
  };

  /** Takes the lock with the migration's statement, inside its transaction. */
  void acquire(Statement statement) throws SQLException;
}
