package io.loyalty.jdbc;

import io.loyalty.spi.store.ClaimedEvent;
import io.loyalty.spi.store.DeadLetter;
import io.loyalty.spi.store.DeliveryFailure;
import io.loyalty.spi.store.OutboxStore;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;

/**
 * The claim contract of {@link OutboxStore} on the schema of version 9 ({@code loyalty_outbox_line}). A claim is one
 * transaction: it picks the first unacknowledged outbox rows of lines that are not held, waiting or dead, skipping rows
 * another claim has locked; takes those rows' lines with a guarded upsert in card order (so claims at once never
 * deadlock, and exactly one wins a line); then reads the won lines' unacknowledged events again, since a row skipped
 * as locked may be an earlier event of a won line. A claim the database aborts (deadlock, serialization) answers
 * nothing; the relay claims again later.
 */
final class OutboxClaims {
  private static final String DEADLOCK = "40P01";
  private static final String SERIALIZATION = "40001";
  private static final String NOT_ACKED =
      "NOT EXISTS (SELECT 1 FROM loyalty_outbox_ack a WHERE a.consumer = ? AND a.position = o.position)";

  private final DataSource dataSource;
  /** The locking clause of a claim's pick, by the database ({@link JdbcDialect}). */
  private final String claimLock;

  OutboxClaims(DataSource dataSource) {
    this(dataSource, JdbcDialect.POSTGRESQL);
  }

  OutboxClaims(DataSource dataSource, JdbcDialect dialect) {
    this.claimLock = dialect.claimLock();
    this.dataSource = dataSource;
  }

  List<ClaimedEvent> claim(String consumer, String owner, int limit, Instant now, Duration lease) {
    OutboxStore.checkClaim(consumer, owner, limit, now, lease);
    long nowMicros = floorMicros(now);
    long until = ceilMicros(plus(now, lease));
    try (Connection c = dataSource.getConnection()) {
      boolean autoCommit = c.getAutoCommit();
      c.setAutoCommit(false);
      try {
        List<ClaimedEvent> claimed = claim(c, consumer, owner, limit, nowMicros, until);
        c.commit();
        return claimed;
      } catch (SQLException e) {
        c.rollback();
        if (DEADLOCK.equals(e.getSQLState()) || SERIALIZATION.equals(e.getSQLState())) {
          return List.of();
        }
        throw e;
      } finally {
        c.setAutoCommit(autoCommit);
      }
    } catch (SQLException e) {
      throw new JdbcStoreException("cannot claim outbox events", e);
    }
  }

  private List<ClaimedEvent> claim(Connection c, String consumer, String owner, int limit, long now, long until)
      throws SQLException {
    TreeSet<String> cards = new TreeSet<>();
    try (PreparedStatement p = c.prepareStatement("SELECT o.aggregateid FROM loyalty_outbox o WHERE " + NOT_ACKED
        + " AND NOT EXISTS (SELECT 1 FROM loyalty_outbox_line l WHERE l.consumer = ? AND l.aggregateid = o.aggregateid"
        + " AND (l.dead OR l.retry_at > ? OR (l.owner <> ? AND l.lease_until > ?)))"
        + " ORDER BY o.position LIMIT ? " + claimLock)) {
      p.setString(1, consumer);
      p.setString(2, consumer);
      p.setLong(3, now);
      p.setString(4, owner);
      p.setLong(5, now);
      p.setInt(6, limit);
      try (ResultSet rs = p.executeQuery()) {
        while (rs.next()) {
          cards.add(rs.getString(1));
        }
      }
    }
    if (cards.isEmpty()) {
      return List.of();
    }
    Map<String, long[]> won = new HashMap<>(); // card -> {failed position or -1, failures}
    try (PreparedStatement p = c.prepareStatement("INSERT INTO loyalty_outbox_line AS l (consumer, aggregateid, owner,"
        + " lease_until) SELECT ?, card, ?, ? FROM unnest(?::text[]) AS t(card) ORDER BY card"
        + " ON CONFLICT (consumer, aggregateid) DO UPDATE SET owner = excluded.owner, lease_until = excluded.lease_until"
        + " WHERE NOT l.dead AND (l.retry_at IS NULL OR l.retry_at <= ?)"
        + " AND (l.owner IS NULL OR l.lease_until IS NULL OR l.lease_until <= ? OR l.owner = excluded.owner)"
        + " RETURNING l.aggregateid, l.failed_position, l.failures")) {
      p.setString(1, consumer);
      p.setString(2, owner);
      p.setLong(3, until);
      p.setArray(4, c.createArrayOf("text", cards.toArray()));
      p.setLong(5, now);
      p.setLong(6, now);
      try (ResultSet rs = p.executeQuery()) {
        while (rs.next()) {
          long failed = rs.getLong(2);
          won.put(rs.getString(1), new long[] {rs.wasNull() ? -1 : failed, rs.getInt(3)});
        }
      }
    }
    if (won.isEmpty()) {
      return List.of();
    }
    List<ClaimedEvent> claimed = new ArrayList<>();
    TreeSet<String> empty = new TreeSet<>(won.keySet());
    try (PreparedStatement p = c.prepareStatement("SELECT o.position, o.id, o.type, o.aggregateid, o.payload"
        + " FROM loyalty_outbox o WHERE o.aggregateid = ANY (?) AND " + NOT_ACKED + " ORDER BY o.position LIMIT ?")) {
      p.setArray(1, c.createArrayOf("text", won.keySet().toArray()));
      p.setString(2, consumer);
      p.setInt(3, limit);
      try (ResultSet rs = p.executeQuery()) {
        while (rs.next()) {
          String card = rs.getString(4);
          long[] line = java.util.Objects.requireNonNull(won.get(card));
          empty.remove(card);
          claimed.add(new ClaimedEvent(SpiJson.event(rs.getString(2), rs.getString(3), card, rs.getString(5)),
              line[0] == rs.getLong(1) ? (int) line[1] : 0));
        }
      }
    }
    if (!empty.isEmpty()) {
      // lines won whose events the limit left out (or that another relay settled meanwhile): give them back
      release(c, consumer, owner, empty.toArray());
    }
    return claimed;
  }

  private static void release(Connection c, String consumer, String owner, Object @Nullable [] cards)
      throws SQLException {
    String only = cards == null ? "" : " AND aggregateid = ANY (?)";
    try (PreparedStatement d = c.prepareStatement("DELETE FROM loyalty_outbox_line WHERE consumer = ? AND owner = ?"
        + " AND failed_position IS NULL" + only);
        PreparedStatement u = c.prepareStatement("UPDATE loyalty_outbox_line SET owner = NULL, lease_until = NULL"
            + " WHERE consumer = ? AND owner = ?" + only)) {
      for (PreparedStatement p : List.of(d, u)) {
        p.setString(1, consumer);
        p.setString(2, owner);
        if (cards != null) {
          p.setArray(3, c.createArrayOf("text", cards));
        }
        p.executeUpdate();
      }
    }
  }

  void settle(String consumer, String owner, Collection<String> delivered, List<DeliveryFailure> failures) {
    OutboxStore.checkConsumer(consumer);
    OutboxStore.checkOwner(owner);
    for (int attempt = 1; ; attempt++) {
      try (Connection c = dataSource.getConnection()) {
        boolean autoCommit = c.getAutoCommit();
        c.setAutoCommit(false);
        try {
          acknowledge(c, consumer, delivered);
          fail(c, consumer, owner, failures);
          release(c, consumer, owner, null);
          c.commit();
          return;
        } catch (SQLException e) {
          c.rollback();
          if (attempt >= 5 || !(DEADLOCK.equals(e.getSQLState()) || SERIALIZATION.equals(e.getSQLState()))) {
            throw e;
          }
        } finally {
          c.setAutoCommit(autoCommit);
        }
      } catch (SQLException e) {
        throw new JdbcStoreException("cannot settle outbox events", e);
      }
    }
  }

  /** Acknowledges the events and clears the failure of each line whose failed event is among them. */
  static void acknowledge(Connection c, String consumer, Collection<String> ids) throws SQLException {
    if (ids.isEmpty()) {
      return;
    }
    try (PreparedStatement p = c.prepareStatement("INSERT INTO loyalty_outbox_ack (consumer, position)"
        + " SELECT ?, position FROM loyalty_outbox WHERE id = ANY (?) ON CONFLICT DO NOTHING");
        PreparedStatement clear = c.prepareStatement("UPDATE loyalty_outbox_line SET " + CLEARED
            + " WHERE consumer = ? AND failed_position IN (SELECT position FROM loyalty_outbox WHERE id = ANY (?))")) {
      for (PreparedStatement s : List.of(p, clear)) {
        s.setString(1, consumer);
        s.setArray(2, c.createArrayOf("text", ids.toArray()));
        s.executeUpdate();
      }
    }
  }

  private static final String CLEARED = "failed_position = NULL, failures = 0, retry_at = NULL, dead = false,"
      + " failed_seconds = NULL, failed_nanos = NULL, reason = NULL";

  private static void fail(Connection c, String consumer, String owner, List<DeliveryFailure> failures)
      throws SQLException {
    if (failures.isEmpty()) {
      return;
    }
    try (PreparedStatement p = c.prepareStatement("UPDATE loyalty_outbox_line l SET"
        + " failures = CASE WHEN l.failed_position = o.position THEN l.failures + 1 ELSE 1 END,"
        + " failed_position = o.position, retry_at = ?, dead = ?, failed_seconds = ?, failed_nanos = ?, reason = ?"
        + " FROM loyalty_outbox o WHERE o.id = ? AND l.consumer = ? AND l.aggregateid = o.aggregateid AND l.owner = ?"
        + " AND " + NOT_ACKED)) {
      for (DeliveryFailure f : failures) {
        Instant retryAt = f.retryAt();
        if (retryAt == null) {
          p.setNull(1, Types.BIGINT);
        } else {
          p.setLong(1, ceilMicros(retryAt));
        }
        p.setBoolean(2, retryAt == null);
        p.setLong(3, f.at().getEpochSecond());
        p.setInt(4, f.at().getNano());
        p.setString(5, f.reason());
        p.setString(6, f.eventId());
        p.setString(7, consumer);
        p.setString(8, owner);
        p.setString(9, consumer);
        p.addBatch();
      }
      p.executeBatch();
    }
  }

  List<DeadLetter> deadLetters(String consumer, int limit) {
    OutboxStore.checkConsumer(consumer);
    if (limit < 1) {
      throw new IllegalArgumentException("limit must be at least 1: " + limit);
    }
    try (Connection c = dataSource.getConnection(); PreparedStatement p = c.prepareStatement(
        "SELECT o.id, o.type, o.aggregateid, o.payload, l.failures, l.failed_seconds, l.failed_nanos, l.reason"
            + " FROM loyalty_outbox_line l JOIN loyalty_outbox o ON o.position = l.failed_position"
            + " WHERE l.consumer = ? AND l.dead ORDER BY l.failed_position LIMIT ?")) {
      p.setString(1, consumer);
      p.setInt(2, limit);
      List<DeadLetter> dead = new ArrayList<>();
      try (ResultSet rs = p.executeQuery()) {
        while (rs.next()) {
          dead.add(new DeadLetter(SpiJson.event(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)),
              rs.getInt(5), Instant.ofEpochSecond(rs.getLong(6), rs.getInt(7)), rs.getString(8)));
        }
      }
      return List.copyOf(dead);
    } catch (SQLException e) {
      throw new JdbcStoreException("cannot read dead letters", e);
    }
  }

  int requeue(String consumer, Collection<String> ids) {
    OutboxStore.checkConsumer(consumer);
    if (ids.isEmpty()) {
      return 0;
    }
    try (Connection c = dataSource.getConnection(); PreparedStatement p = c.prepareStatement(
        "UPDATE loyalty_outbox_line l SET " + CLEARED + " FROM loyalty_outbox o WHERE l.consumer = ? AND l.dead"
            + " AND o.position = l.failed_position AND o.id = ANY (?)")) {
      p.setString(1, consumer);
      p.setArray(2, c.createArrayOf("text", ids.toArray()));
      return p.executeUpdate();
    } catch (SQLException e) {
      throw new JdbcStoreException("cannot requeue dead letters", e);
    }
  }

  private static Instant plus(Instant now, Duration lease) {
    try {
      return now.plus(lease);
    } catch (java.time.DateTimeException | ArithmeticException e) {
      return Instant.MAX;
    }
  }

  /** Epoch microseconds, rounded down, saturating at the range of {@code long}. */
  static long floorMicros(Instant t) {
    try {
      return Math.addExact(Math.multiplyExact(t.getEpochSecond(), 1_000_000L), t.getNano() / 1_000);
    } catch (ArithmeticException e) {
      return t.getEpochSecond() < 0 ? Long.MIN_VALUE : Long.MAX_VALUE;
    }
  }

  /** Epoch microseconds, rounded up, saturating at the range of {@code long}. */
  static long ceilMicros(Instant t) {
    long floor = floorMicros(t);
    return t.getNano() % 1_000 == 0 || floor == Long.MAX_VALUE ? floor : floor + 1;
  }
}
