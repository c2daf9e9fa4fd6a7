package io.loyalty.jdbc;

import io.loyalty.spi.CardCode;
import io.loyalty.spi.CustomerId;
import io.loyalty.spi.ErrorCode;
import io.loyalty.spi.EventId;
import io.loyalty.spi.OrderId;
import io.loyalty.spi.ProgramId;
import io.loyalty.spi.WalletId;
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
import java.util.HashMap;
import java.util.Map;
import java.util.List;
import java.util.Objects;
import java.util.function.LongSupplier;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.jspecify.annotations.Nullable;

/**
 * A card as rows (schema version 5): its fields and counters are the columns of {@code loyalty_card}, and each lot is
 * a row of {@code loyalty_lot} at its index in the card's list. The mapping is here and only here: a new field of
 * {@link Card} is one line of {@link #CARD}.
 */
final class CardRows {
  /** Cards converted at a time by the data step of version 5. */
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

  /** Reads consecutive values: the columns of a row, or the elements of a JSON array. */
  private interface In {
    @Nullable String text() throws SQLException;

    @Nullable Long nullableNumber() throws SQLException;

    boolean flag() throws SQLException;

    default String required() throws SQLException {
      return Objects.requireNonNull(text(), "a NOT NULL value");
    }

    default long number() throws SQLException {
      return Objects.requireNonNull(nullableNumber(), "a NOT NULL value");
    }

    /** Two values: the epoch second and the nanosecond. */
    default @Nullable Instant instant() throws SQLException {
      Long seconds = nullableNumber();
      Long nanos = nullableNumber();
      return seconds == null ? null : Instant.ofEpochSecond(seconds, Objects.requireNonNull(nanos, "nanoseconds"));
    }

    default Instant requiredInstant() throws SQLException {
      return Objects.requireNonNull(instant(), "a NOT NULL value");
    }
  }

  /** Reads consecutive columns of a row. */
  private static final class Columns implements In {
    private final ResultSet rs;
    private int at;

    Columns(ResultSet rs, int first) {
      this.rs = rs;
      this.at = first;
    }

    @Override
    public @Nullable String text() throws SQLException {
      return rs.getString(at++);
    }

    @Override
    public @Nullable Long nullableNumber() throws SQLException {
      long value = rs.getLong(at++);
      return rs.wasNull() ? null : value;
    }

    @Override
    public boolean flag() throws SQLException {
      return rs.getBoolean(at++);
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
      column("wallet", (o, c) -> o.text(c.wallet().value()), (i, b) -> b.wallet(WalletId.of(i.required()))),
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
      column("tiers", (o, c) -> o.text(c.tiers() == null ? null : SpiJson.write(c.tiers())),
          (i, b) -> b.tiers(tiers(i.text()))),
      column("lot_count", (o, c) -> o.number(c.lots().size()), null),
      column("active_sum", (o, c) -> o.number(exact(lots(c)::activeSum)), null),
      column("pending_sum", (o, c) -> o.number(exact(lots(c)::pendingSum)), null));

  private static final List<String> CARD_COLUMNS = CARD.stream().flatMap(f -> f.columns().stream()).toList();
  /** Separates the values of a lot's text, and the lots a read aggregates. */
  private static final char UNIT = '\u001f';
  private static final char RECORD = '\u001e';
  /** The values of a lot's text. */
  private static final int LOT_VALUES = 11;

  static final String INSERT = insert(CARD);
  static final String UPDATE = update(CARD);
  /** The card's fields as schema version 5 has them (its migration writes them): all but the later {@code tiers}. */
  private static final List<Field> AT_5 = CARD.stream().filter(f -> !f.columns().contains("tiers")).toList();
  /** An insert of a card into a schema at version 5 to 7 (for the migrations' tests). */
  static final String INSERT_AT_5 = insert(AT_5);
  private static final String UPSERT_LOT = "INSERT INTO loyalty_lot (card, position, lot) VALUES (?, ?, ?)"
      + " ON CONFLICT (card, position) DO UPDATE SET lot = EXCLUDED.lot";
  private static final String TRIM_LOTS = "DELETE FROM loyalty_lot WHERE card = ? AND position >= ?";

  private CardRows() {}

  private static String insert(List<Field> fields) {
    List<String> columns = fields.stream().flatMap(f -> f.columns().stream()).toList();
    return "INSERT INTO loyalty_card (" + String.join(", ", columns) + ") VALUES (" + marks(columns.size()) + ")";
  }

  private static String update(List<Field> fields) {
    List<String> columns = fields.stream().flatMap(f -> f.columns().stream()).toList();
    return "UPDATE loyalty_card SET (" + String.join(", ", columns) + ") = (" + marks(columns.size())
        + ") WHERE code = ? AND version = ?";
  }

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

  private static io.loyalty.spi.tier.@Nullable TierState tiers(@Nullable String json) {
    return json == null ? null : SpiJson.read(json, io.loyalty.spi.tier.TierState.class);
  }

  private static @Nullable CustomerId customer(@Nullable String holder) {
    return holder == null ? null : CustomerId.of(holder);
  }

  /**
   * The query reading the cards {@code where} selects (a condition, possibly with its order and limit), each with
   * its lots' texts joined by {@link #RECORD} in position order: one statement, so one snapshot, and one row per card.
   */
  static String select(String where) {
    return "SELECT " + String.join(", ", CARD_COLUMNS) + ", (SELECT string_agg(l.lot, E'\\x1e' ORDER BY l.position)"
        + " FROM loyalty_lot l WHERE l.card = loyalty_card.code) FROM loyalty_card WHERE " + where;
  }

  /**
   * The cards of a {@link #select} result.
   *
   * @throws JdbcStoreException with code {@code stored_definition_unreadable} for a row this version cannot read
   */
  static List<Card> read(ResultSet rs) throws SQLException {
    List<Card> cards = new ArrayList<>();
    try {
      while (rs.next()) {
        Card.Builder card = Card.builder();
        Columns in = new Columns(rs, 1);
        for (Field field : CARD) {
          Read read = field.read();
          if (read == null) {
            in.skip(field.columns().size());
          } else {
            read.read(in, card);
          }
        }
        cards.add(card.lots(lots(rs.getString(CARD_COLUMNS.size() + 1))).build());
      }
    } catch (RuntimeException e) {
      throw new JdbcStoreException(ErrorCode.STORED_DEFINITION_UNREADABLE, "cannot read a stored Card from its rows", e);
    }
    return cards;
  }

  private static LotList lots(@Nullable String text) {
    if (text == null) {
      return LotList.empty();
    }
    List<Lot> lots = new ArrayList<>();
    Lots cursor = new Lots(text);
    while (cursor.hasNext()) {
      lots.add(cursor.next());
    }
    return LotList.empty().plusAll(lots);
  }

  /**
   * Reads the lots of a {@link #select}'s aggregated text in place (see {@link #pack}), value by value with no split
   * and no copy but of the ids, which the lots of a card share (an order's lots its event and order, every order
   * the rules): an id is made once per read and text. Not thread-safe: one per read.
   */
  private static final class Lots {
    private static final LotState[] STATES = LotState.values();

    private final String text;
    private int at;
    /** Where the current value ends (a separator, or the end of the lot). */
    private int end;
    private int lotEnd;
    private final Map<String, EventId> events = new HashMap<>();
    private final Map<String, RuleId> rules = new HashMap<>();
    private final Map<String, OrderId> orders = new HashMap<>();
    private @Nullable EventId lastEvent;
    private @Nullable OrderId lastOrder;

    Lots(String text) {
      this.text = text;
    }

    boolean hasNext() {
      return at <= text.length(); // past the end only after the last lot
    }

    Lot next() {
      int stop = text.indexOf(RECORD, at);
      lotEnd = stop < 0 ? text.length() : stop;
      int units = 0;
      for (int i = at; i < lotEnd; i++) {
        if (text.charAt(i) == UNIT) {
          units++;
        }
      }
      if (units != LOT_VALUES - 1) {
        throw new IllegalStateException("a stored lot has " + (units + 1) + " values, not " + LOT_VALUES);
      }
      long id = number();
      long initial = number();
      long remaining = number();
      Instant granted = Objects.requireNonNull(instant(), "a NOT NULL value");
      Instant activates = instant();
      Instant expires = instant();
      LotState state = state();
      EventId event = event();
      RuleId rule = rule();
      long programVersion = number();
      OrderId order = order();
      at = lotEnd + 1; // past the record separator, or past the end after the last lot
      return new Lot(id, initial, remaining, granted, activates, expires, state,
          new LotSource(event, rule, programVersion, order));
    }

    /** Moves to the next value: {@code at} its first character, {@code end} just past its last. */
    private void value() {
      int unit = text.indexOf(UNIT, at);
      end = unit < 0 || unit > lotEnd ? lotEnd : unit;
    }

    /** Past the current value and its separator. */
    private void skip() {
      at = end + 1;
    }

    private long number() {
      value();
      if (end == at) {
        throw new IllegalStateException("a NOT NULL value");
      }
      long n = Long.parseLong(text, at, end, 10);
      skip();
      return n;
    }

    /** The epoch second, or second:nanosecond; {@code null} for nothing. */
    private @Nullable Instant instant() {
      value();
      Instant instant = null;
      if (end > at) {
        int colon = at;
        while (colon < end && text.charAt(colon) != ':') { // within the value: an indexOf would scan the whole text
          colon++;
        }
        instant = colon == end ? Instant.ofEpochSecond(Long.parseLong(text, at, end, 10))
            : Instant.ofEpochSecond(Long.parseLong(text, at, colon, 10), Long.parseLong(text, colon + 1, end, 10));
      }
      skip();
      return instant;
    }

    private LotState state() {
      value();
      for (LotState state : STATES) {
        String name = state.name();
        if (name.length() == end - at && text.startsWith(name, at)) {
          skip();
          return state;
        }
      }
      throw new IllegalArgumentException("no lot state " + text.substring(at, end));
    }

    /** The current value, {@code null} for nothing. */
    private @Nullable String text() {
      value();
      String value = end == at ? null : text.substring(at, end);
      skip();
      return value;
    }

    /** Whether the current value is {@code last}'s text (an order's lots follow one another). */
    private boolean repeats(@Nullable Object last, String lastText) {
      return last != null && lastText.length() == end - at && text.startsWith(lastText, at);
    }

    private @Nullable EventId event() {
      value();
      EventId last = lastEvent;
      if (last != null && repeats(last, last.value())) {
        skip();
        return last;
      }
      String value = text();
      return value == null ? null : (lastEvent = events.computeIfAbsent(value, EventId::of));
    }

    private @Nullable RuleId rule() {
      String value = text();
      return value == null ? null : rules.computeIfAbsent(value, RuleId::of);
    }

    private @Nullable OrderId order() {
      value();
      OrderId last = lastOrder;
      if (last != null && repeats(last, last.value())) {
        skip();
        return last;
      }
      String value = text();
      return value == null ? null : (lastOrder = orders.computeIfAbsent(value, OrderId::of));
    }
  }

  /**
   * A lot as one text: its id, initial and remaining points, when granted, activated and expiring (the epoch second,
   * or second:nanosecond), state, event, rule, program version and order, joined by {@link #UNIT}, a {@code null} as
   * nothing. Ids and numbers are never empty and hold neither separator (ids have no control characters), so no value
   * needs escaping.
   */
  static String pack(Lot lot) {
    StringBuilder b = new StringBuilder(96);
    b.append(lot.id()).append(UNIT).append(lot.initial()).append(UNIT).append(lot.remaining()).append(UNIT);
    instant(b, lot.grantedAt());
    instant(b, lot.activatesAt());
    instant(b, lot.expiresAt());
    b.append(lot.state().name()).append(UNIT);
    LotSource source = lot.source();
    b.append(source.event() == null ? "" : source.event().value()).append(UNIT);
    b.append(source.rule() == null ? "" : source.rule().value()).append(UNIT);
    b.append(source.programVersion()).append(UNIT);
    b.append(source.order() == null ? "" : source.order().value());
    return b.toString();
  }

  private static void instant(StringBuilder b, @Nullable Instant at) {
    if (at != null) {
      b.append(at.getEpochSecond());
      if (at.getNano() != 0) {
        b.append(':').append(at.getNano());
      }
    }
    b.append(UNIT);
  }

  /** Binds the card to {@link #INSERT}, or to {@link #UPDATE} over {@code expectedVersion} when that is not 0. */
  static void bind(PreparedStatement p, Card card, long expectedVersion) throws SQLException {
    bind(p, card, expectedVersion, CARD);
  }

  /** As {@link #bind(PreparedStatement, Card, long)} for {@link #INSERT_AT_5}. */
  static void bindAt5(PreparedStatement p, Card card, long expectedVersion) throws SQLException {
    bind(p, card, expectedVersion, AT_5);
  }

  private static void bind(PreparedStatement p, Card card, long expectedVersion, List<Field> fields)
      throws SQLException {
    Out out = new Out(p);
    for (Field field : fields) {
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
          upsert.setString(1, card.code().value());
          upsert.setInt(2, index);
          upsert.setString(3, pack(lots.get(index)));
          upsert.addBatch();
          rows++;
        }
      }
      if (rows > 0) {
        upsert.executeBatch();
      }
    }
  }

  /**
   * The data step of schema version 5: every card's JSON body (which holds its lots) becomes its columns and lot
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
      try (PreparedStatement u = c.prepareStatement(update(AT_5))) {
        for (Card card : page) {
          bind(u, card, card.version(), AT_5);
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
