package io.loyalty.jdbc;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/**
 * Applies the versioned schema scripts ({@code V<n>__<name>.sql} beside this class) that the database has not
 * recorded in {@code loyalty_schema_version}, in one transaction under an advisory lock, so several service
 * instances starting at once migrate once. A script may have a data step written in Java (version 2:
 * {@link LegacyReceipts}, after the script; version 5: {@link CardRows#fromBodies}, version 6: {@link LedgerRows#fromBodies},
 * where the script's {@code -- data step} line is), run in the same transaction. Version 10 depends on the dialect:
 * under {@link JdbcDialect#CITUS} it fills the cross-card key tables ({@link CrossCardKeys}) and narrows the ledger's and
 * the card's keys to ones a card-distributed table can check.
 */
final class Migrations {
  /** The scripts in version order; a new version is one more line. */
  static final List<String> SCRIPTS = List.of("V1__schema.sql", "V2__cards_by_holder.sql", "V3__outbox.sql",
      "V4__wallets.sql", "V5__lots_as_rows.sql", "V6__ledger_as_columns.sql", "V7__catalog_counter.sql",
      "V8__card_tiers.sql", "V9__outbox_claims.sql", "V10__cross_card_keys.sql",
      "V11__components.sql", "V12__member_records.sql");

  /** Taken for the migration transaction: instances migrating at once wait for each other. */

  private Migrations() {}

  /** The latest schema version the scripts define. */
  static int latest() {
    return SCRIPTS.size();
  }

  /** Applies the missing scripts; returns the version the database is at. */
  static int migrate(DataSource dataSource) {
    return migrate(dataSource, MigrationLock.ADVISORY);
  }

  /**
   * As {@link #migrate(DataSource)}, serialized by {@code lock}. An attempt that two instances' first creation of the
   * lock or version table collides on, or that the database aborts as a serialization failure or deadlock, wrote
   * nothing and is made again (a few times).
   */
  static int migrate(DataSource dataSource, MigrationLock lock) {
    return migrate(dataSource, lock, JdbcDialect.POSTGRESQL);
  }

  /** As {@link #migrate(DataSource, MigrationLock)}, with the statements of the dialect where versions differ. */
  static int migrate(DataSource dataSource, MigrationLock lock, JdbcDialect dialect) {
    for (int attempt = 1; ; attempt++) {
      try {
        return migrateOnce(dataSource, lock, dialect);
      } catch (JdbcStoreException e) {
        if (attempt >= 5 || !(e.getCause() instanceof SQLException sql) || !RACES.contains(sql.getSQLState())) {
          throw e;
        }
      }
    }
  }

  /** Unique violation, duplicate table, serialization failure, deadlock: another writer got there first. */
  private static final java.util.Set<String> RACES = java.util.Set.of("23505", "42P07", "40001", "40P01");

  private static int migrateOnce(DataSource dataSource, MigrationLock lock, JdbcDialect dialect) {
    try (Connection c = dataSource.getConnection()) {
      boolean autoCommit = c.getAutoCommit();
      c.setAutoCommit(false);
      try (Statement s = c.createStatement()) {
        lock.acquire(s);
        s.execute("CREATE TABLE IF NOT EXISTS loyalty_schema_version (version integer PRIMARY KEY, script text NOT NULL,"
            + " applied_at timestamptz NOT NULL DEFAULT now())");
        int current = 0;
        try (ResultSet rs = s.executeQuery("SELECT coalesce(max(version), 0) FROM loyalty_schema_version")) {
          rs.next();
          current = rs.getInt(1);
        }
        for (int v = current + 1; v <= SCRIPTS.size(); v++) {
          String script = SCRIPTS.get(v - 1);
          // a data step written in Java runs where the script says "-- data step", else after it
          String[] parts = load(script).split("(?m)^-- data step.*$", 2);
          for (String statement : statements(parts[0])) {
            s.execute(statement);
          }
          if (v == 2) {
            LegacyReceipts.dropNotAMember(c);
          } else if (v == 5) {
            CardRows.fromBodies(c);
          } else if (v == 6) {
            LedgerRows.fromBodies(c);
          } else if (v == 10 && dialect.crossCardKeyTables()) {
            CrossCardKeys.fill(c);
            for (String statement : CrossCardKeys.NARROW_KEYS) {
              s.execute(statement);
            }
          }
          for (String statement : parts.length > 1 ? statements(parts[1]) : List.<String>of()) {
            s.execute(statement);
          }
          try (PreparedStatement p = c.prepareStatement("INSERT INTO loyalty_schema_version (version, script) VALUES (?, ?)")) {
            p.setInt(1, v);
            p.setString(2, script);
            p.executeUpdate();
          }
        }
        c.commit();
        return Math.max(current, SCRIPTS.size());
      } catch (SQLException | RuntimeException e) {
        c.rollback();
        throw e;
      } finally {
        c.setAutoCommit(autoCommit);
      }
    } catch (SQLException e) {
      throw new JdbcStoreException("cannot migrate the loyalty schema", e);
    }
  }

  /** The version the database is at, 0 when the store was never migrated there. */
  static int current(DataSource dataSource) {
    try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT to_regclass('loyalty_schema_version') IS NOT NULL")) {
      rs.next();
      if (!rs.getBoolean(1)) {
        return 0;
      }
      try (ResultSet v = s.executeQuery("SELECT coalesce(max(version), 0) FROM loyalty_schema_version")) {
        v.next();
        return v.getInt(1);
      }
    } catch (SQLException e) {
      throw new JdbcStoreException("cannot read the loyalty schema version", e);
    }
  }

  private static String load(String script) {
    try (InputStream in = Migrations.class.getResourceAsStream(script)) {
      if (in == null) {
        throw new IllegalStateException("schema script " + script + " is missing from the class path");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalStateException("cannot read schema script " + script, e);
    }
  }

  /** Splits a script into statements: comment lines dropped, statements end with a semicolon at a line's end. */
  static List<String> statements(String script) {
    List<String> statements = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    for (String line : script.split("\n")) {
      String trimmed = line.strip();
      if (trimmed.isEmpty() || trimmed.startsWith("--")) {
        continue;
      }
      int comment = line.indexOf("--");
      current.append(comment >= 0 ? line.substring(0, comment) : line).append('\n');
      if (trimmed.endsWith(";") || (comment >= 0 && line.substring(0, comment).strip().endsWith(";"))) {
        String statement = current.toString().strip();
        statements.add(statement.substring(0, statement.length() - 1));
        current.setLength(0);
      }
    }
    if (!current.toString().isBlank()) {
      throw new IllegalStateException("schema script ends without a semicolon: " + current);
    }
    return statements;
  }
}
