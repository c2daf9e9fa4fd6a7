package io.loyalty.jdbc;

import io.loyalty.spi.CardCode;
import io.loyalty.spi.CustomerId;
import io.loyalty.spi.ErrorCode;
import io.loyalty.spi.EventId;
import io.loyalty.spi.OrderId;
import io.loyalty.spi.ProgramId;
import io.loyalty.spi.RuleId;
import io.loyalty.spi.card.Card;
import io.loyalty.spi.card.Lot;
import io.loyalty.spi.card.LotList;
import io.loyalty.spi.card.LotSource;
import io.loyalty.spi.card.LotState;
import io.loyalty.spi.store.CardWrite;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.LongSupplier;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.jspecify.annotations.Nullable;

/**
 * A card as rows (schema version 4): its fields and counters are the columns of {@code loyalty_card}, and each lot is
 * a row of {@code loyalty_lot} at its index in the card's list. The mapping is here and only here: a new field of
 * {@link Card} is one line of {@link #CARD}.
 */
final class CardRows {
  /** Cards converted at a time by the data step of version 4. */
  private static final int PAGE = 500;

  /** Binds consecutive parameters of a statement. */
  static final class Out {
    private final PreparedStatement p;
    private int at = 1;

    Out(PreparedStatement p) {
      this.p = p;
    }

    void text(@Nullable String value) throws SQLException {
      if (value == null) {
        p.setNull(at++, Types.VARCHAR);
      } else {
        p.setString(at++, value);
      }
    }

    void number(long value) throws SQLException {
      p.setLong(at++, value);
    }

    void number(@Nullable Long value) throws SQLException {
      if (value == null) {
        p.setNull(at++, Types.BIGINT);
      } else {
        p.setLong(at++, value);
      }
    }

    void flag(boolean value) throws SQLException {
      p.setBoolean(at++, value);
    }

    /** Two parameters: the epoch second and the nanosecond. */
    void instant(@Nullable Instant value) throws SQLException {
      if (value == null) {
        p.setNull(at++, Types.BIGINT);
        p.setNull(at++, Types.INTEGER);
      } else {
        p.setLong(at++, value.getEpochSecond());
        p.setInt(at++, value.getNano());
      }
    }
  }

  /** Reads consecutive columns of a row. */
  static final class In {
    private final ResultSet rs;
    private int at;

    In(ResultSet rs, int first) {
      this.rs = rs;
      this.at = first;
    }

    @Nullable String text() throws SQLException {
      return rs.getString(at++);
    }

    String required() throws SQLException {
      return Objects.requireNonNull(text(), "a NOT NULL column");
    }

    long number() throws SQLException {
      return rs.getLong(at++);
    }

    boolean flag() throws SQLException {
      return rs.getBoolean(at++);
    }

    @Nullable Instant instant() throws SQLException {
      long seconds = rs.getLong(at++);
      boolean none = rs.wasNull();
      int nanos = rs.getInt(at++);
      return none ? null : Instant.ofEpochSecond(seconds, nanos);
    }

    Instant requiredInstant() throws SQLException {
      return Objects.requireNonNull(instant(), "a NOT NULL column");
    }

    void skip(int columns) {
      at += columns;
    }
  }

  /** How a field is bound from a card. */
  private interface Write {
    void write(Out out, Card card) throws SQLException;
  }

  /** How a field is read into a card. */
  private interface Read {
    void read(In in, Card.Builder card) throws SQLException;
  }

  /** A field of a card: its columns, how it is written and how it is read back ({@code null}: a derived column). */
  private record Field(List<String> columns, Write write, @Nullable Read read) {}

  private static Field column(String name, Write write, @Nullable Read read) {
    return new Field(List.of(name), write, read);
  }

  private static Field instant(String name, Write write, Read read) {
    return new Field(List.of(name + "_seconds", name + "_nanos"), write, read);
  }

  /** The card's columns; the code first. */
  private static final List<Field> CARD = List.of(
      column("code", (o, c) -> o.text(c.code().value()), (i, b) -> b.code(CardCode.of(i.required()))),
      column("program", (o, c) -> o.text(c.program().value()), (i, b) -> b.program(ProgramId.of(i.required()))),
      column("wallet", (o, c) -> o.text("main"), null), // every card is in wallet "main" until cards name their wallet
      column("holder", (o, c) -> o.text(c.holder() == null ? null : c.holder().value()),
          (i, b) -> b.holder(customer(i.text()))),
      column("version", (o, c) -> o.number(c.version()), (i, b) -> b.version(i.number())),
      instant("created", (o, c) -> o.instant(c.createdAt()), (i, b) -> b.createdAt(i.requiredInstant())),
      instant("published", (o, c) -> o.instant(c.publishedAt()), (i, b) -> b.publishedAt(i.instant())),
      instant("expires", (o, c) -> o.instant(c.expiresAt()), (i, b) -> b.expiresAt(i.instant())),
      column("active", (o, c) -> o.flag(c.active()), (i, b) -> b.active(i.flag())),
      column("debt", (o, c) -> o.number(c.debt()), (i, b) -> b.debt(i.number())),
      column("last_seq", (o, c) -> o.number(c.lastSeq()), (i, b) -> b.lastSeq(i.number())),
      column("redemptions", (o, c) -> o.number(c.redemptions()), (i, b) -> b.redemptions(i.number())),
      column("lot_count", (o, c) -> o.number(c.lots().size()), null),
      column("active_sum", (o, c) -> o.number(exact(lots(c)::activeSum)), null),
      column("pending_sum", (o, c) -> o.number(exact(lots(c)::pendingSum)), null));

  private static final List<String> CARD_COLUMNS = CARD.stream().flatMap(f -> f.columns().stream()).toList();
  /** A lot's columns but the card's code and the position, in the order {@link #readLot} reads them. */
  private static final List<String> LOT_COLUMNS = List.of("id", "initial", "remaining", "granted_seconds",
      "granted_nanos", "activates_seconds", "activates_nanos", "expires_seconds", "expires_nanos", "state", "event_id",
      "rule_id", "program_version", "order_id");

  static final String INSERT = "INSERT INTO loyalty_card (" + String.join(", ", CARD_COLUMNS) + ") VALUES ("
      + marks(CARD_COLUMNS.size()) + ")";
  static final String UPDATE = "UPDATE loyalty_card SET (" + String.join(", ", CARD_COLUMNS) + ") = ("
      + marks(CARD_COLUMNS.size()) + ") WHERE code = ? AND version = ?";
  private static final String UPSERT_LOT = "INSERT INTO loyalty_lot (card, position, " + String.join(", ", LOT_COLUMNS)
      + ") VALUES (" + marks(LOT_COLUMNS.size() + 2) + ") ON CONFLICT (card, position) DO UPDATE SET ("
      + String.join(", ", LOT_COLUMNS) + ") = (" + LOT_COLUMNS.stream().map(c -> "EXCLUDED." + c)
          .collect(Collectors.joining(", ")) + ")";
  private static final String TRIM_LOTS = "DELETE FROM loyalty_lot WHERE card = ? AND position >= ?";

  private CardRows() {}

  private static String marks(int n) {
    return IntStream.range(0, n).mapToObj(i -> "?").collect(Collectors.joining(", "));
  }

  private static LotList lots(Card card) {
    return (LotList) card.lots(); // a card holds its lots in a LotList
  }

  /** The sum, or {@code null} when it exceeds a bigint. */
  private static @Nullable Long exact(LongSupplier sum) {
    try {
      return sum.getAsLong();
    } catch (ArithmeticException overflow) {
      return null;
    }
  }

  private static @Nullable CustomerId customer(@Nullable String holder) {
    return holder == null ? null : CustomerId.of(holder);
  }

  /**
   * The query reading the cards {@code where} selects (a condition, possibly with its order and limit), each with
   * its lots, in {@code order} (columns of {@code c}) and lots by position: one statement, so one snapshot.
   */
  static String select(String where, String order) {
    return "SELECT " + CARD_COLUMNS.stream().map(c -> "c." + c).collect(Collectors.joining(", ")) + ", l.position, "
        + LOT_COLUMNS.stream().map(c -> "l." + c).collect(Collectors.joining(", "))
        + " FROM (SELECT * FROM loyalty_card WHERE " + where + ") c LEFT JOIN loyalty_lot l ON l.card = c.code"
        + " ORDER BY " + order + ", l.position";
  }

  /**
   * The cards of a {@link #select} result.
   *
   * @throws JdbcStoreException with code {@code stored_definition_unreadable} for a row this version cannot read
   */
  static List<Card> read(ResultSet rs) throws SQLException {
    List<Card> cards = new ArrayList<>();
    String current = null;
    Card.Builder card = null;
    List<Lot> lots = new ArrayList<>();
    int position = CARD_COLUMNS.size() + 1;
    try {
      while (rs.next()) {
        String code = rs.getString(1);
        if (card == null || !code.equals(current)) {
          if (card != null) {
            cards.add(card.lots(LotList.empty().plusAll(lots)).build());
            lots.clear();
          }
          card = Card.builder();
          In in = new In(rs, 1);
          for (Field field : CARD) {
            Read read = field.read();
            if (read == null) {
              in.skip(field.columns().size());
            } else {
              read.read(in, card);
            }
          }
          current = code;
        }
        rs.getInt(position);
        if (!rs.wasNull()) {
          lots.add(readLot(new In(rs, position + 1)));
        }
      }
      if (card != null) {
        cards.add(card.lots(LotList.empty().plusAll(lots)).build());
      }
    } catch (RuntimeException e) {
      throw new JdbcStoreException(ErrorCode.STORED_DEFINITION_UNREADABLE, "cannot read a stored Card from its rows", e);
    }
    return cards;
  }

  private static Lot readLot(In in) throws SQLException {
    long id = in.number();
    long initial = in.number();
    long remaining = in.number();
    Instant granted = in.requiredInstant();
    Instant activates = in.instant();
    Instant expires = in.instant();
    LotState state = LotState.valueOf(in.required());
    String event = in.text();
    String rule = in.text();
    long programVersion = in.number();
    String order = in.text();
    return new Lot(id, initial, remaining, granted, activates, expires, state, new LotSource(
        event == null ? null : EventId.of(event), rule == null ? null : RuleId.of(rule), programVersion,
        order == null ? null : OrderId.of(order)));
  }

  private static void bindLot(Out o, CardCode card, int position, Lot lot) throws SQLException {
    o.text(card.value());
    o.number(position);
    o.number(lot.id());
    o.number(lot.initial());
    o.number(lot.remaining());
    o.instant(lot.grantedAt());
    o.instant(lot.activatesAt());
    o.instant(lot.expiresAt());
    o.text(lot.state().name());
    LotSource source = lot.source();
    o.text(source.event() == null ? null : source.event().value());
    o.text(source.rule() == null ? null : source.rule().value());
    o.number(source.programVersion());
    o.text(source.order() == null ? null : source.order().value());
  }

  /** Binds the card to {@link #INSERT}, or to {@link #UPDATE} over {@code expectedVersion} when that is not 0. */
  static void bind(PreparedStatement p, Card card, long expectedVersion) throws SQLException {
    Out out = new Out(p);
    for (Field field : CARD) {
      field.write().write(out, card);
    }
    if (expectedVersion != 0) {
      out.text(card.code().value());
      out.number(expectedVersion);
    }
  }

  /**
   * Writes the lots of the card writes, in order, after their card rows: for a write whose base is the card as stored
   * at the expected version, only the lots that differ from the base's ({@link LotList#changedSince}: a path of the
   * tree per change); for any other, every lot, over whatever the card held. One batch but for such rewrites.
   */
  static void writeLots(Connection c, List<CardWrite> writes) throws SQLException {
    try (PreparedStatement upsert = c.prepareStatement(UPSERT_LOT)) {
      int rows = 0;
      for (CardWrite write : writes) {
        Card card = write.card();
        LotList lots = lots(card);
        Card base = write.base();
        int[] changed;
        if (write.expectedVersion() == 0) {
          changed = IntStream.range(0, lots.size()).toArray();
        } else if (base != null && base.lots().size() <= lots.size()) {
          changed = lots.changedSince(lots(base));
        } else {
          if (rows > 0) {
            upsert.executeBatch(); // the rewrite comes after the writes before it
            rows = 0;
          }
          try (PreparedStatement trim = c.prepareStatement(TRIM_LOTS)) {
            trim.setString(1, card.code().value());
            trim.setInt(2, lots.size());
            trim.executeUpdate();
          }
          changed = IntStream.range(0, lots.size()).toArray();
        }
        for (int index : changed) {
          bindLot(new Out(upsert), card.code(), index, lots.get(index));
          upsert.addBatch();
          rows++;
        }
      }
      if (rows == 1) {
        upsert.executeUpdate();
      } else if (rows > 1) {
        upsert.executeBatch();
      }
    }
  }

  /**
   * The data step of schema version 4: every card's JSON body (which holds its lots) becomes its columns and lot
   * rows, on the migration's connection and transaction, a page at a time.
   */
  static void fromBodies(Connection c) throws SQLException {
    String after = "";
    while (true) {
      List<Card> page = new ArrayList<>();
      try (PreparedStatement p = c.prepareStatement(
          "SELECT body FROM loyalty_card WHERE code > ? ORDER BY code LIMIT " + PAGE)) {
        p.setString(1, after);
        try (ResultSet rs = p.executeQuery()) {
          while (rs.next()) {
            page.add(SpiJson.read(rs.getString(1), Card.class));
          }
        }
      }
      try (PreparedStatement u = c.prepareStatement(UPDATE)) {
        for (Card card : page) {
          bind(u, card, card.version());
          u.addBatch();
          after = card.code().value();
        }
        u.executeBatch();
      }
      List<CardWrite> lots = new ArrayList<>();
      for (Card card : page) {
        lots.add(new CardWrite(card, 0));
      }
      writeLots(c, lots);
      if (page.size() < PAGE) {
        return;
      }
    }
  }
}
