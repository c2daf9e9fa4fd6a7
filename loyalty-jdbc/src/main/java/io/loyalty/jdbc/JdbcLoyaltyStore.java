package io.loyalty.jdbc;

import io.loyalty.spi.CardCode;
import io.loyalty.spi.CustomerId;
import io.loyalty.spi.EventId;
import io.loyalty.spi.OrderId;
import io.loyalty.spi.ProgramId;
import io.loyalty.spi.WalletId;
import io.loyalty.spi.RedemptionId;
import io.loyalty.spi.RewardId;
import io.loyalty.spi.card.Card;
import io.loyalty.spi.card.LedgerEntry;
import io.loyalty.spi.program.Program;
import io.loyalty.spi.reward.Redemption;
import io.loyalty.spi.reward.Reward;
import io.loyalty.spi.store.ChangeSet;
import io.loyalty.spi.store.CommitResult;
import io.loyalty.spi.store.EventReads;
import io.loyalty.spi.store.EventReceipt;
import io.loyalty.spi.store.LoyaltyStore;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import javax.sql.DataSource;
import io.loyalty.spi.store.ClaimedEvent;
import io.loyalty.spi.store.DeadLetter;
import io.loyalty.spi.store.DeliveryFailure;
import io.loyalty.spi.store.OutboxEvent;
import io.loyalty.spi.store.OutboxStore;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The engine's store on PostgreSQL through plain JDBC. Every change set is one transaction: versions are
 * compare-and-set ({@code UPDATE ... WHERE version = ?}), idempotency keys are named unique constraints whose
 * violations are answered as duplicates, and anything else rolls back and is thrown as {@link JdbcStoreException}.
 * Reads run one statement each in autocommit, so they see committed state only. Nothing relies on the isolation
 * level, so several service instances (and connection pools) can share one database.
 *
 * <p>It needs a {@link DataSource} and nothing else: pool connections there. It holds no connection between
 * operations, so once a stopped database is back (and the data source hands out working connections) the next
 * operation works; meanwhile operations fail with {@code store_unavailable}, to be retried with the same ids.
 * Thread-safe.
 */
public final class JdbcLoyaltyStore implements LoyaltyStore {
  private static final Logger LOG = LoggerFactory.getLogger(JdbcLoyaltyStore.class);

  /** The receipt, the catalog version and the holder's cards, in one query string (see {@link #eventReads}). */
  private static final String EVENT_READS = "SELECT body FROM loyalty_receipt WHERE event_id = ?;"
      + " SELECT version FROM loyalty_catalog WHERE id = 1; " + CardRows.select("holder = ? ORDER BY program, wallet");
  /** The entries of the holder's cards for an order. */
  private static final String ORDER_ENTRIES = LedgerRows.select(
      "card IN (SELECT code FROM loyalty_card WHERE holder = ?) AND order_id = ? ORDER BY card, seq");

  private final DataSource dataSource;
  private final JdbcDialect dialect;
  private final OutboxClaims claims;

  private JdbcLoyaltyStore(DataSource dataSource) {
    this(dataSource, JdbcDialect.POSTGRESQL);
  }

  private JdbcLoyaltyStore(DataSource dataSource, JdbcDialect dialect) {
    this.dataSource = dataSource;
    this.dialect = dialect;
    this.claims = new OutboxClaims(dataSource, dialect);
  }

  /**
   * A store on the database, applying the schema scripts the database has not recorded yet (safe to call from
   * several instances at once).
   *
   * @throws JdbcStoreException when the database cannot be reached or migrated
   */
  public static JdbcLoyaltyStore create(DataSource dataSource) {
    JdbcLoyaltyStore store = new JdbcLoyaltyStore(Objects.requireNonNull(dataSource, "dataSource"));
    store.migrate();
    return store;
  }

  /**
   * As {@link #create(DataSource)}, with migrations serialized by {@code lock} ({@link MigrationLock#ROW} on databases
   * whose advisory locks are missing or partial).
   */
  public static JdbcLoyaltyStore create(DataSource dataSource, MigrationLock lock) {
    JdbcLoyaltyStore store = new JdbcLoyaltyStore(Objects.requireNonNull(dataSource, "dataSource"));
    Migrations.migrate(dataSource, Objects.requireNonNull(lock, "lock"));
    return store;
  }

  /**
   * A store for a PostgreSQL-compatible database ({@link JdbcDialect}: its migration lock and its claims' locking
   * clause), migrated as {@link #create(DataSource)}.
   */
  public static JdbcLoyaltyStore create(DataSource dataSource, JdbcDialect dialect) {
    Objects.requireNonNull(dialect, "dialect");
    JdbcLoyaltyStore store = new JdbcLoyaltyStore(Objects.requireNonNull(dataSource, "dataSource"), dialect);
    Migrations.migrate(dataSource, dialect.migrationLock(), dialect);
    return store;
  }

  /** A store on a database whose schema is already at {@link #schemaVersion()}'s latest; nothing is checked. */
  public static JdbcLoyaltyStore withoutMigration(DataSource dataSource) {
    return new JdbcLoyaltyStore(Objects.requireNonNull(dataSource, "dataSource"));
  }

  /** Applies the schema scripts not yet applied; returns the schema version the database is at now. */
  public int migrate() {
    return Migrations.migrate(dataSource, dialect.migrationLock(), dialect);
  }

  /** The schema version recorded in the database, 0 when it was never migrated. */
  public int schemaVersion() {
    return Migrations.current(dataSource);
  }

  /** The schema version this adapter's scripts bring a database to. */
  public static int latestSchemaVersion() {
    return Migrations.latest();
  }

  /**
   * Applies the change set in one transaction: {@code Duplicate} for a taken key ({@code event:<id>},
   * {@code code:<code>}, {@code member:<program>:<customer>}, {@code entry:<key>}, {@code entry:<card>#<seq>},
   * {@code redemption:<id>}), {@code Conflict} for a stale version ({@code program:<id>}, {@code card:<code>},
   * {@code reward:<id>}, {@code redemption:<id>}, or the first aggregate written when the database broke a deadlock
   * between writers); nothing is written unless it answers applied.
   *
   * @throws JdbcStoreException when the database fails; nothing is written, or, with {@code store_unavailable} when
   *     the connection was lost at {@code COMMIT}, possibly all of it: retry with the same ids
   * @throws IllegalArgumentException for a ledger entry of a card that is neither stored nor written
   */
  @Override
  public CommitResult commit(ChangeSet changes) {
    Objects.requireNonNull(changes, "changes");
    if (changes.isEmpty()) {
      return CommitResult.APPLIED;
    }
    try (Connection c = dataSource.getConnection()) {
      return ChangeSetTransaction.commit(c, changes, dialect);
    } catch (SQLException e) {
      throw new JdbcStoreException("cannot commit a change set", e);
    }
  }

  @Override
  public Optional<Program> program(ProgramId id) {
    return one(Program.class, "SELECT body FROM loyalty_program WHERE id = ? ORDER BY version DESC LIMIT 1", id.value());
  }

  @Override
  public Optional<Program> program(ProgramId id, long version) {
    return one(Program.class, "SELECT body FROM loyalty_program WHERE id = ? AND version = ?", id.value(), version);
  }

  @Override
  public List<Program> programs() {
    // one unreadable program must fail alone: it is left out of the catalog (every event would fail otherwise),
    // and program(id) answers it with stored_definition_unreadable
    try (Connection c = dataSource.getConnection(); PreparedStatement p = prepare(c,
        "SELECT DISTINCT ON (id) id, version, body FROM loyalty_program ORDER BY id, version DESC");
        ResultSet rs = p.executeQuery()) {
      List<Program> found = new ArrayList<>();
      while (rs.next()) {
        try {
          found.add(SpiJson.read(rs.getString(3), Program.class));
        } catch (JdbcStoreException unreadable) {
          LOG.warn("stored program {} version {} cannot be read and is left out of the catalog: {}", rs.getString(1),
              rs.getLong(2), String.valueOf(unreadable.getCause()).split(":", 2)[0]);
        }
      }
      return List.copyOf(found);
    } catch (SQLException e) {
      throw new JdbcStoreException("cannot read Programs", e);
    }
  }

  @Override
  public Optional<io.loyalty.spi.store.StoredComponent> component(io.loyalty.spi.program.ComponentKind kind,
      String id) {
    return first(components(COMPONENT_COLUMNS + " WHERE kind = ? AND id = ? ORDER BY version DESC LIMIT 1",
        kind.name(), id));
  }

  @Override
  public Optional<io.loyalty.spi.store.StoredComponent> component(io.loyalty.spi.program.ComponentKind kind,
      String id, long version) {
    return first(components(COMPONENT_COLUMNS + " WHERE kind = ? AND id = ? AND version = ?", kind.name(), id,
        version));
  }

  @Override
  public List<io.loyalty.spi.store.StoredComponent> components(io.loyalty.spi.program.ComponentKind kind) {
    return components("SELECT DISTINCT ON (id) kind, version, status, created_at, updated_at, body"
        + " FROM loyalty_component WHERE kind = ? ORDER BY id, version DESC", kind.name());
  }

  @Override
  public Optional<io.loyalty.spi.card.Member> member(ProgramId program, CustomerId customer) {
    return first(memberRecords(MEMBER_COLUMNS + " WHERE holder = ? AND program = ?", customer.value(),
        program.value()));
  }

  @Override
  public List<io.loyalty.spi.card.Member> members(ProgramId program, int limit) {
    return memberRecords(MEMBER_COLUMNS + " WHERE program = ? ORDER BY created_at, holder LIMIT ?", program.value(),
        (long) limit);
  }

  private static final String MEMBER_COLUMNS =
      "SELECT holder, program, version, status, metadata, created_at, updated_at FROM loyalty_member_record";

  private List<io.loyalty.spi.card.Member> memberRecords(String sql, Object... values) {
    try (Connection c = dataSource.getConnection(); PreparedStatement p = prepare(c, sql, values);
        ResultSet rs = p.executeQuery()) {
      List<io.loyalty.spi.card.Member> found = new ArrayList<>();
      while (rs.next()) {
        found.add(new io.loyalty.spi.card.Member(ProgramId.of(rs.getString(2)), CustomerId.of(rs.getString(1)),
            io.loyalty.spi.card.MemberStatus.valueOf(rs.getString(4)),
            SpiJson.read(rs.getString(5), io.loyalty.spi.Metadata.class), rs.getLong(3),
            java.time.Instant.parse(rs.getString(6)), java.time.Instant.parse(rs.getString(7))));
      }
      return List.copyOf(found);
    } catch (SQLException e) {
      throw new JdbcStoreException("cannot read member records", e);
    }
  }

  private static final String COMPONENT_COLUMNS =
      "SELECT kind, version, status, created_at, updated_at, body FROM loyalty_component";

  private List<io.loyalty.spi.store.StoredComponent> components(String sql, Object... values) {
    try (Connection c = dataSource.getConnection(); PreparedStatement p = prepare(c, sql, values);
        ResultSet rs = p.executeQuery()) {
      List<io.loyalty.spi.store.StoredComponent> found = new ArrayList<>();
      while (rs.next()) {
        io.loyalty.spi.program.ComponentKind kind = io.loyalty.spi.program.ComponentKind.valueOf(rs.getString(1));
        Class<? extends io.loyalty.spi.program.Component> type = switch (kind) {
          case CARD_DEFINITION -> io.loyalty.spi.program.CardDefinition.class;
          case EARNING_RULE -> io.loyalty.spi.program.FirstMatchRule.class;
        };
        found.add(new io.loyalty.spi.store.StoredComponent(SpiJson.read(rs.getString(6), type),
            io.loyalty.spi.program.ComponentStatus.valueOf(rs.getString(3)), rs.getLong(2),
            java.time.Instant.parse(rs.getString(4)), java.time.Instant.parse(rs.getString(5))));
      }
      return List.copyOf(found);
    } catch (SQLException e) {
      throw new JdbcStoreException("cannot read components", e);
    }
  }

  /** The number of stored program versions: every program write inserts one row and no row is ever deleted. */
  @Override
  public long catalogVersion() {
    try (Connection c = dataSource.getConnection();
        PreparedStatement p = prepare(c, "SELECT version FROM loyalty_catalog WHERE id = 1");
        ResultSet rs = p.executeQuery()) {
      rs.next();
      return rs.getLong(1);
    } catch (SQLException e) {
      throw new JdbcStoreException("cannot read the catalog version", e);
    }
  }

  /**
   * The event's first reads in one round trip: the receipt, the catalog version, the holder's cards and their entries
   * for the order, as the statements of {@link #receipt}, {@link #catalogVersion}, {@link #cardsOf(CustomerId)} and
   * {@link #entriesForOrder} sent together (each its own snapshot, as when they are sent one by one).
   */
  @Override
  public EventReads eventReads(EventId event, CustomerId holder, @Nullable OrderId order) {
    Objects.requireNonNull(event, "event");
    Objects.requireNonNull(holder, "holder");
    String sql = EVENT_READS + (order == null ? "" : "; " + ORDER_ENTRIES);
    Object[] values = order == null ? new Object[] {event.value(), holder.value()}
        : new Object[] {event.value(), holder.value(), holder.value(), order.value()};
    try (Connection c = dataSource.getConnection(); PreparedStatement p = prepare(c, sql, values)) {
      p.execute();
      EventReceipt receipt;
      try (ResultSet rs = p.getResultSet()) {
        receipt = rs.next() ? SpiJson.read(rs.getString(1), EventReceipt.class) : null;
      }
      long catalog;
      try (ResultSet rs = next(p)) {
        rs.next();
        catalog = rs.getLong(1);
      }
      List<Card> cards;
      try (ResultSet rs = next(p)) {
        cards = CardRows.read(rs);
      }
      List<LedgerEntry> entries = List.of();
      if (order != null) {
        try (ResultSet rs = next(p)) {
          entries = LedgerRows.read(rs);
        }
      }
      return new EventReads(receipt, catalog, cards, entries);
    } catch (SQLException e) {
      throw new JdbcStoreException("cannot read what an event reads first", e);
    }
  }

  private static ResultSet next(PreparedStatement p) throws SQLException {
    if (!p.getMoreResults()) {
      throw new SQLException("a statement of the event's reads returned no rows");
    }
    return p.getResultSet();
  }

  @Override
  public List<Card> cardsOf(CustomerId holder) {
    return cards(CardRows.select("holder = ? ORDER BY program, wallet"), holder.value());
  }

  @Override
  public Optional<Card> card(CardCode code) {
    return first(cards(CardRows.select("code = ?"), code.value()));
  }

  @Override
  public Optional<Card> cardOf(ProgramId program, CustomerId holder, WalletId wallet) {
    return first(cards(CardRows.select("program = ? AND holder = ? AND wallet = ?"), program.value(), holder.value(),
        wallet.value()));
  }

  @Override
  public List<Card> cardsOf(ProgramId program, CustomerId holder) {
    return cards(CardRows.select("holder = ? AND program = ? ORDER BY wallet"), holder.value(), program.value());
  }

  @Override
  public List<Card> unpublishedCards(ProgramId program, String from, int limit) {
    checkLimit(limit);
    List<Card> found = cards(CardRows.select("program = ? AND holder IS NULL AND code >= ? ORDER BY code LIMIT ?"), program.value(), from, (long) limit);
    if (!from.isEmpty() && found.size() < limit) {
      found = new ArrayList<>(found);
      found.addAll(cards(CardRows.select("program = ? AND holder IS NULL AND code < ? ORDER BY code LIMIT ?"),
          program.value(), from, (long) (limit - found.size())));
    }
    return List.copyOf(found);
  }

  @Override
  public List<Card> cards(ProgramId program, String afterCode, int limit) {
    checkLimit(limit);
    return cards(CardRows.select("program = ? AND code > ? ORDER BY code LIMIT ?"), program.value(),
        afterCode, (long) limit);
  }

  @Override
  public long cardCount(ProgramId program) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement p = prepare(c, "SELECT count(*) FROM loyalty_card WHERE program = ?", program.value());
        ResultSet rs = p.executeQuery()) {
      rs.next();
      return rs.getLong(1);
    } catch (SQLException e) {
      throw new JdbcStoreException("cannot count the cards of " + program, e);
    }
  }

  @Override
  public List<LedgerEntry> ledger(CardCode card, long afterSeq, int limit) {
    checkLimit(limit);
    return entries(LedgerRows.select("card = ? AND seq > ? ORDER BY seq LIMIT ?"), card.value(), afterSeq, (long) limit);
  }

  @Override
  public List<LedgerEntry> entriesForOrder(CardCode card, OrderId order) {
    return entries(LedgerRows.select("card = ? AND order_id = ? ORDER BY seq"), card.value(), order.value());
  }

  @Override
  public Optional<LedgerEntry> entry(io.loyalty.spi.card.LedgerKey key) {
    if (!dialect.crossCardKeyTables()) {
      return first(entries(LedgerRows.select("entry_key = ?"), key.text()));
    }
    // Citus: the ledger's key leads with the card, so the read names it (a store-wide key's card from its table)
    CardCode scoped = key.card();
    String card = scoped != null ? scoped.value() : storeWideKeyCard(key);
    return card == null ? Optional.empty()
        : first(entries(LedgerRows.select("card = ? AND entry_key = ?"), card, key.text()));
  }

  private @Nullable String storeWideKeyCard(io.loyalty.spi.card.LedgerKey key) {
    try (Connection c = dataSource.getConnection()) {
      return CrossCardKeys.cardOf(c, key);
    } catch (SQLException e) {
      throw new JdbcStoreException("cannot read the card of a ledger key", e);
    }
  }

  @Override
  public Optional<EventReceipt> receipt(EventId event) {
    return one(EventReceipt.class, "SELECT body FROM loyalty_receipt WHERE event_id = ?", event.value());
  }

  @Override
  public Optional<Reward> reward(RewardId id) {
    return one(Reward.class, "SELECT body FROM loyalty_reward WHERE id = ?", id.value());
  }

  @Override
  public List<Reward> rewards() {
    return list(Reward.class, "SELECT body FROM loyalty_reward ORDER BY id");
  }

  @Override
  public Optional<Redemption> redemption(RedemptionId id) {
    return one(Redemption.class, "SELECT body FROM loyalty_redemption WHERE id = ?", id.value());
  }

  @Override
  public List<Redemption> redemptions(CardCode card) {
    return list(Redemption.class, "SELECT body FROM loyalty_redemption WHERE card = ? ORDER BY at_seconds, at_nanos, id",
        card.value());
  }

  @Override
  public List<OutboxEvent> pending(String consumer, Set<OutboxEvent.Type> types, int limit) {
    OutboxStore.checkConsumer(consumer);
    if (limit < 1) {
      throw new IllegalArgumentException("limit must be at least 1: " + limit);
    }
    List<Object> values = new ArrayList<>();
    StringBuilder sql = new StringBuilder("SELECT id, type, aggregateid, payload FROM loyalty_outbox o WHERE ");
    if (!types.isEmpty()) {
      sql.append("type IN (");
      for (OutboxEvent.Type type : types) {
        sql.append(values.isEmpty() ? "?" : ", ?");
        values.add(type.wireName());
      }
      sql.append(") AND ");
    }
    sql.append("NOT EXISTS (SELECT 1 FROM loyalty_outbox_ack a WHERE a.consumer = ? AND a.position = o.position)"
        + " ORDER BY position LIMIT ?");
    values.add(consumer);
    values.add((long) limit);
    try (Connection c = dataSource.getConnection(); PreparedStatement p = prepare(c, sql.toString(), values.toArray());
        ResultSet rs = p.executeQuery()) {
      List<OutboxEvent> found = new ArrayList<>();
      while (rs.next()) {
        found.add(SpiJson.event(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)));
      }
      return List.copyOf(found);
    } catch (SQLException e) {
      throw new JdbcStoreException("cannot read outbox events", e);
    }
  }

  /** Records the acknowledgements durably and frees the lines whose failed event is among them (one transaction). */
  @Override
  public void acknowledge(String consumer, Collection<String> eventIds) {
    OutboxStore.checkConsumer(consumer);
    if (eventIds.isEmpty()) {
      return;
    }
    try (Connection c = dataSource.getConnection()) {
      boolean autoCommit = c.getAutoCommit();
      c.setAutoCommit(false);
      try {
        OutboxClaims.acknowledge(c, consumer, eventIds);
        c.commit();
      } catch (SQLException | RuntimeException e) {
        c.rollback();
        throw e;
      } finally {
        c.setAutoCommit(autoCommit);
      }
    } catch (SQLException e) {
      throw new JdbcStoreException("cannot acknowledge outbox events", e);
    }
  }

  /**
   * Claims lines of the consumer for the owner ({@link OutboxStore#claim}): outbox rows picked {@code FOR NO KEY
   * UPDATE SKIP LOCKED}, lines taken by a guarded upsert, leases in {@code loyalty_outbox_line}. A claim the database
   * aborts as a deadlock or serialization failure answers no events.
   */
  @Override
  public List<ClaimedEvent> claim(String consumer, String owner, int limit, Instant now, Duration lease) {
    return claims.claim(consumer, owner, limit, now, lease);
  }

  /** Settles an owner's claim in one transaction ({@link OutboxStore#settle}). */
  @Override
  public void settle(String consumer, String owner, Collection<String> delivered, List<DeliveryFailure> failures) {
    claims.settle(consumer, owner, List.copyOf(delivered), List.copyOf(failures));
  }

  /** The consumer's dead letters in commit order. */
  @Override
  public List<DeadLetter> deadLetters(String consumer, int limit) {
    return claims.deadLetters(consumer, limit);
  }

  /** Puts dead letters back on their lines. */
  @Override
  public int requeue(String consumer, Collection<String> eventIds) {
    return claims.requeue(consumer, List.copyOf(eventIds));
  }

  private List<Card> cards(String sql, Object... values) {
    try (Connection c = dataSource.getConnection(); PreparedStatement p = prepare(c, sql, values);
        ResultSet rs = p.executeQuery()) {
      return List.copyOf(CardRows.read(rs));
    } catch (SQLException e) {
      throw new JdbcStoreException("cannot read Cards", e);
    }
  }

  private List<LedgerEntry> entries(String sql, Object... values) {
    try (Connection c = dataSource.getConnection(); PreparedStatement p = prepare(c, sql, values);
        ResultSet rs = p.executeQuery()) {
      return List.copyOf(LedgerRows.read(rs));
    } catch (SQLException e) {
      throw new JdbcStoreException("cannot read ledger entries", e);
    }
  }

  private static <T> Optional<T> first(List<T> found) {
    return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
  }

  private <T> Optional<T> one(Class<T> type, String sql, Object... values) {
    List<T> found = list(type, sql, values);
    return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
  }

  private <T> List<T> list(Class<T> type, String sql, Object... values) {
    try (Connection c = dataSource.getConnection(); PreparedStatement p = prepare(c, sql, values);
        ResultSet rs = p.executeQuery()) {
      List<T> found = new ArrayList<>();
      while (rs.next()) {
        found.add(SpiJson.read(rs.getString(1), type));
      }
      return List.copyOf(found);
    } catch (SQLException e) {
      throw new JdbcStoreException("cannot read " + type.getSimpleName() + "s", e);
    }
  }

  private static PreparedStatement prepare(Connection c, String sql, @Nullable Object... values) throws SQLException {
    PreparedStatement p = c.prepareStatement(sql);
    for (int i = 0; i < values.length; i++) {
      if (values[i] instanceof Long l) {
        p.setLong(i + 1, l);
      } else {
        p.setString(i + 1, String.valueOf(values[i]));
      }
    }
    return p;
  }

  private static void checkLimit(int limit) {
    if (limit < 0) {
      throw new IllegalArgumentException("limit must be zero or more: " + limit);
    }
  }
}
