package io.loyalty.jdbc;

import io.loyalty.spi.CardCode;
import io.loyalty.spi.ErrorCode;
import io.loyalty.spi.EventId;
import io.loyalty.spi.OrderId;
import io.loyalty.spi.RuleId;
import io.loyalty.spi.card.EntryType;
import io.loyalty.spi.card.LedgerEntry;
import io.loyalty.spi.card.LedgerKey;
import io.loyalty.spi.card.LotDraw;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A ledger entry as a row of {@code loyalty_ledger} (schema version 6): the columns the ports query by ({@code card,
 * seq, entry_key, order_id, event_id}), the free texts as columns ({@code reason}, see {@link #reason}, and
 * {@code related}), and everything else as one packed text ({@link #pack}). The mapping is here and only here.
 */
final class LedgerRows {
  /** Entries converted at a time by the data step of version 6. */
  private static final int PAGE = 1_000;
  /** Separates the values of an entry's packed text. */
  private static final char UNIT = '\u001f';
  /** The values of an entry's packed text. */
  private static final int VALUES = 8;

  static final String COLUMNS = "card, seq, entry_key, order_id, event_id, fields, reason, related";
  static final String INSERT = "INSERT INTO loyalty_ledger (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?)";

  private LedgerRows() {}

  /** The query reading the entries {@code where} selects (a condition, possibly with its order and limit). */
  static String select(String where) {
    return "SELECT " + COLUMNS + " FROM loyalty_ledger WHERE " + where;
  }

  /** Binds the entry to {@link #INSERT}. */
  static void bind(PreparedStatement p, LedgerEntry entry) throws SQLException {
    p.setString(1, entry.card().value());
    p.setLong(2, entry.seq());
    p.setString(3, entry.key().text());
    text(p, 4, entry.order() == null ? null : entry.order().value());
    text(p, 5, entry.event() == null ? null : entry.event().value());
    p.setString(6, pack(entry));
    text(p, 7, reason(entry));
    text(p, 8, entry.related() == null ? null : entry.related().text());
  }

  /**
   * The reason column: {@code NULL} when the reason is the rule's id (an accrual's), or empty for an entry of no rule;
   * else the reason itself, possibly empty.
   */
  static @Nullable String reason(LedgerEntry entry) {
    String implied = entry.rule() == null ? "" : entry.rule().value();
    return entry.reason().equals(implied) ? null : entry.reason();
  }

  private static void text(PreparedStatement p, int at, @Nullable String value) throws SQLException {
    if (value == null) {
      p.setNull(at, Types.VARCHAR);
    } else {
      p.setString(at, value);
    }
  }

  /**
   * The entries of a {@link #select} result.
   *
   * @throws JdbcStoreException with code {@code stored_definition_unreadable} for a row this version cannot read
   */
  static List<LedgerEntry> read(ResultSet rs) throws SQLException {
    List<LedgerEntry> entries = new ArrayList<>();
    try {
      while (rs.next()) {
        String order = rs.getString(4);
        String event = rs.getString(5);
        String reason = rs.getString(7);
        String related = rs.getString(8);
        LedgerEntry.Builder entry = LedgerEntry.builder().card(CardCode.of(rs.getString(1))).seq(rs.getLong(2))
            .key(LedgerKey.parse(rs.getString(3))).order(order == null ? null : OrderId.of(order))
            .event(event == null ? null : EventId.of(event))
            .related(related == null ? null : LedgerKey.parse(related));
        RuleId rule = unpack(rs.getString(6), entry);
        entries.add(entry.reason(reason != null ? reason : rule == null ? "" : rule.value()).build());
      }
    } catch (RuntimeException e) {
      throw new JdbcStoreException(ErrorCode.STORED_DEFINITION_UNREADABLE, "cannot read a stored LedgerEntry from its row",
          e);
    }
    return entries;
  }

  /**
   * The entry's other values as one text: type, points, pending, balance after, when (the epoch second, or
   * second:nanosecond), rule, program version and draws ({@code lot:points} joined by commas), joined by {@link #UNIT},
   * a {@code null} as nothing. Numbers and ids hold no separator (ids have no control characters), so nothing needs
   * escaping.
   */
  static String pack(LedgerEntry entry) {
    StringBuilder b = new StringBuilder(64);
    b.append(entry.type().name()).append(UNIT).append(entry.points()).append(UNIT).append(entry.pending()).append(UNIT)
        .append(entry.balanceAfter()).append(UNIT).append(entry.at().getEpochSecond());
    if (entry.at().getNano() != 0) {
      b.append(':').append(entry.at().getNano());
    }
    b.append(UNIT).append(entry.rule() == null ? "" : entry.rule().value()).append(UNIT).append(entry.programVersion())
        .append(UNIT);
    for (int i = 0; i < entry.draws().size(); i++) {
      LotDraw draw = entry.draws().get(i);
      b.append(i == 0 ? "" : ",").append(draw.lot()).append(':').append(draw.points());
    }
    return b.toString();
  }

  /** Sets the packed values; returns the rule. */
  private static @Nullable RuleId unpack(String text, LedgerEntry.Builder entry) {
    String[] v = text.split(String.valueOf(UNIT), -1);
    if (v.length != VALUES) {
      throw new IllegalStateException("a stored ledger entry has " + v.length + " packed values, not " + VALUES);
    }
    int colon = v[4].indexOf(':');
    Instant at = colon < 0 ? Instant.ofEpochSecond(Long.parseLong(v[4]))
        : Instant.ofEpochSecond(Long.parseLong(v[4].substring(0, colon)), Long.parseLong(v[4].substring(colon + 1)));
    List<LotDraw> draws = new ArrayList<>();
    if (!v[7].isEmpty()) {
      for (String draw : v[7].split(",", -1)) {
        int cut = draw.indexOf(':');
        draws.add(new LotDraw(Long.parseLong(draw.substring(0, cut)), Long.parseLong(draw.substring(cut + 1))));
      }
    }
    RuleId rule = v[5].isEmpty() ? null : RuleId.of(v[5]);
    entry.type(EntryType.valueOf(v[0])).points(Long.parseLong(v[1])).pending(Long.parseLong(v[2]))
        .balanceAfter(Long.parseLong(v[3])).at(at).rule(rule).programVersion(Long.parseLong(v[6])).draws(draws);
    return rule;
  }

  /**
   * The data step of schema version 6: every entry's JSON body becomes its packed text and free-text columns, on the
   * migration's connection and transaction, a page at a time in (card, seq) order.
   */
  static void fromBodies(Connection c) throws SQLException {
    String afterCard = "";
    long afterSeq = 0;
    while (true) {
      List<LedgerEntry> page = new ArrayList<>();
      try (PreparedStatement p = c.prepareStatement("SELECT body FROM loyalty_ledger WHERE (card, seq) > (?, ?)"
          + " ORDER BY card, seq LIMIT " + PAGE)) {
        p.setString(1, afterCard);
        p.setLong(2, afterSeq);
        try (ResultSet rs = p.executeQuery()) {
          while (rs.next()) {
            page.add(SpiJson.read(rs.getString(1), LedgerEntry.class));
          }
        }
      }
      try (PreparedStatement u = c.prepareStatement(
          "UPDATE loyalty_ledger SET fields = ?, reason = ?, related = ? WHERE card = ? AND seq = ?")) {
        for (LedgerEntry entry : page) {
          u.setString(1, pack(entry));
          text(u, 2, reason(entry));
          text(u, 3, entry.related() == null ? null : entry.related().text());
          u.setString(4, entry.card().value());
          u.setLong(5, entry.seq());
          u.addBatch();
          afterCard = entry.card().value();
          afterSeq = entry.seq();
        }
        u.executeBatch();
      }
      if (page.size() < PAGE) {
        return;
      }
    }
  }
}
