package io.loyalty.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;

/**
 * The PostgreSQL floor: hand-written JDBC doing per order only what the order needs, on its own small schema, in one
 * transaction on one connection: insert the receipt, a ledger row and a lot per rule that earned, update the card's
 * counters with a version check, insert an outbox row per ledger row. Rows of one kind go in one JDBC batch. The
 * version is the one this thread last wrote (each thread owns its cards), so the floor reads nothing.
 */
final class JdbcFloor {
  /** The floor's tables: typed columns, the idempotency keys unique, no JSON bodies but the outbox payload. */
  static final String[] SCHEMA = {
    "CREATE TABLE floor_card (code text COLLATE \"C\" PRIMARY KEY, balance bigint NOT NULL, last_seq bigint NOT NULL,"
        + " version bigint NOT NULL)",
    "CREATE TABLE floor_receipt (event_id text COLLATE \"C\" PRIMARY KEY, card text NOT NULL, points bigint NOT NULL)",
    "CREATE TABLE floor_ledger (card text COLLATE \"C\" NOT NULL, seq bigint NOT NULL, entry_key text COLLATE \"C\" NOT NULL,"
        + " order_id text NOT NULL, event_id text NOT NULL, points bigint NOT NULL, PRIMARY KEY (card, seq),"
        + " UNIQUE (entry_key))",
    "CREATE TABLE floor_lot (card text COLLATE \"C\" NOT NULL, seq bigint NOT NULL, points bigint NOT NULL,"
        + " expires_at timestamptz, PRIMARY KEY (card, seq))",
    "CREATE TABLE floor_outbox (position bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, id text COLLATE \"C\" NOT NULL"
        + " UNIQUE, aggregateid text NOT NULL, type text NOT NULL, payload text NOT NULL)",
  };

  private JdbcFloor() {}

  /** Creates the floor's tables on the connection's schema. */
  static void createSchema(Connection c) throws SQLException {
    try (Statement s = c.createStatement()) {
      for (String sql : SCHEMA) {
        s.execute(sql);
      }
    }
  }

  /** A card of the floor, owned by one thread: its code and the version and sequence it last wrote. */
  static final class FloorCard {
    final String code;
    long version;
    long lastSeq;

    FloorCard(String code) {
      this.code = code;
    }
  }

  /** Inserts the card's counter row. */
  static void enrol(Connection c, FloorCard card) throws SQLException {
    try (PreparedStatement p = c.prepareStatement(
        "INSERT INTO floor_card (code, balance, last_seq, version) VALUES (?, 0, 0, 1)")) {
      p.setString(1, card.code);
      p.executeUpdate();
    }
    card.version = 1;
  }

  /** Writes one order's rows: {@code points[i]} for rule {@code rules[i]}, in one transaction. */
  static void order(Connection c, FloorCard card, String eventId, String orderId, String[] rules, long[] points)
      throws SQLException {
    c.setAutoCommit(false);
    try {
      long total = 0;
      for (long p : points) {
        total = Math.addExact(total, p);
      }
      try (PreparedStatement p = c.prepareStatement(
          "INSERT INTO floor_receipt (event_id, card, points) VALUES (?, ?, ?)")) {
        p.setString(1, eventId);
        p.setString(2, card.code);
        p.setLong(3, total);
        p.executeUpdate();
      }
      String prefix = "accrual:" + card.code + ":order:" + orderId + ":";
      try (PreparedStatement p = c.prepareStatement("INSERT INTO floor_ledger (card, seq, entry_key, order_id, event_id,"
          + " points) VALUES (?, ?, ?, ?, ?, ?)")) {
        for (int i = 0; i < rules.length; i++) {
          p.setString(1, card.code);
          p.setLong(2, card.lastSeq + 1 + i);
          p.setString(3, prefix + rules[i]);
          p.setString(4, orderId);
          p.setString(5, eventId);
          p.setLong(6, points[i]);
          p.addBatch();
        }
        p.executeBatch();
      }
      Timestamp expires = Timestamp.from(Instant.parse("2099-12-31T23:00:00Z"));
      try (PreparedStatement p = c.prepareStatement(
          "INSERT INTO floor_lot (card, seq, points, expires_at) VALUES (?, ?, ?, ?)")) {
        for (int i = 0; i < rules.length; i++) {
          p.setString(1, card.code);
          p.setLong(2, card.lastSeq + 1 + i);
          p.setLong(3, points[i]);
          p.setTimestamp(4, expires);
          p.addBatch();
        }
        p.executeBatch();
      }
      try (PreparedStatement p = c.prepareStatement("UPDATE floor_card SET balance = balance + ?, last_seq = ?,"
          + " version = ? WHERE code = ? AND version = ?")) {
        p.setLong(1, total);
        p.setLong(2, card.lastSeq + rules.length);
        p.setLong(3, card.version + 1);
        p.setString(4, card.code);
        p.setLong(5, card.version);
        if (p.executeUpdate() != 1) {
          throw new IllegalStateException("card " + card.code + " is not at version " + card.version);
        }
      }
      try (PreparedStatement p = c.prepareStatement(
          "INSERT INTO floor_outbox (id, aggregateid, type, payload) VALUES (?, ?, ?, ?)")) {
        for (int i = 0; i < rules.length; i++) {
          String key = prefix + rules[i];
          p.setString(1, key);
          p.setString(2, card.code);
          p.setString(3, "points.added");
          p.setString(4, "{\"card\":\"" + card.code + "\",\"entry\":\"" + key + "\",\"seq\":" + (card.lastSeq + 1 + i)
              + ",\"points\":" + points[i] + "}");
          p.addBatch();
        }
        p.executeBatch();
      }
      c.commit();
      card.version++;
      card.lastSeq += rules.length;
    } catch (SQLException | RuntimeException e) {
      c.rollback();
      throw e;
    } finally {
      c.setAutoCommit(true);
    }
  }
}
