package io.loyalty.jdbc;

import io.loyalty.spi.card.Card;
import io.loyalty.spi.card.LedgerEntry;
import io.loyalty.spi.program.Program;
import io.loyalty.spi.reward.Redemption;
import io.loyalty.spi.reward.Reward;
import io.loyalty.spi.store.CardWrite;
import io.loyalty.spi.store.ChangeSet;
import io.loyalty.spi.store.CommitResult;
import io.loyalty.spi.store.UniqueKey;
import io.loyalty.spi.store.Aggregate;
import io.loyalty.spi.store.EventReceipt;
import io.loyalty.spi.store.OutboxEvent;
import io.loyalty.spi.store.ProgramWrite;
import io.loyalty.spi.store.RedemptionWrite;
import io.loyalty.spi.store.RewardWrite;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;

/**
 * One change set in one transaction: the receipt first (an event already applied ends a caller's retries at
 * once), then programs, cards, entries, rewards and redemptions. A version is checked by the row count of an
 * {@code UPDATE ... WHERE version = ?} (or of a guarded insert for programs); a taken key by the named unique
 * constraint that refused the row. The first refusal rolls everything back and is the answer.
 */
final class ChangeSetTransaction {
  private static final String UNIQUE_VIOLATION = "23505";
  private static final String FOREIGN_KEY_VIOLATION = "23503";

  private static final String INSERT_EVENT =
      "INSERT INTO loyalty_outbox (id, aggregatetype, aggregateid, type, payload) VALUES (?, ?, ?, ?, ?)";

  private final Connection c;
  /** Whether rows of one kind go to the database in one batch (the fast path) or one by one (to name a taken key). */
  private final boolean batched;
  /** Whether the keys that span cards are claimed in their own tables ({@link CrossCardKeys}, Citus). */
  private final boolean crossCardKeys;

  private ChangeSetTransaction(Connection c, boolean batched, boolean crossCardKeys) {
    this.c = c;
    this.batched = batched;
    this.crossCardKeys = crossCardKeys;
  }

  /** A batch met a unique constraint: the transaction is aborted, and the row-by-row path says which key. */
  private static final class BatchRefused extends Exception {
    private static final long serialVersionUID = 1L;

    BatchRefused(SQLException cause) {
      super(null, cause, false, false);
    }
  }

  /** Applies the change set on the connection, in a transaction it commits or rolls back. */
  static CommitResult commit(Connection c, ChangeSet changes) throws SQLException {
    return commit(c, changes, JdbcDialect.POSTGRESQL);
  }

  /** As {@link #commit(Connection, ChangeSet)}, with the dialect's way of checking the keys that span cards. */
  static CommitResult commit(Connection c, ChangeSet changes, JdbcDialect dialect) throws SQLException {
    boolean crossCardKeys = dialect.crossCardKeyTables();
    boolean autoCommit = c.getAutoCommit();
    c.setAutoCommit(false);
    Exception failed = null;
    try {
      CommitResult result;
      try {
        result = new ChangeSetTransaction(c, true, crossCardKeys).apply(changes);
      } catch (BatchRefused refused) {
        // Rare: a ledger or outbox row's key was taken. Start again row by row, which answers with the exact key.
        c.rollback();
        result = new ChangeSetTransaction(c, false, crossCardKeys).applyUnbatched(changes);
      }
      if (result.applied()) {
        c.commit();
      } else {
        c.rollback();
      }
      return result;
    } catch (SQLException | RuntimeException e) {
      failed = e;
      rollback(c, e);
      if (e instanceof SQLException sql && isConcurrencyAbort(sql)) {
        // The database broke a deadlock or a serialization race between writers: nothing was written, and a
        // retry re-reads, exactly as for a stale version.
        return new CommitResult.Conflict(firstAggregate(changes));
      }
      throw e;
    } finally {
      restoreAutoCommit(c, autoCommit, failed);
    }
  }

  /** As {@link #rollback}: on a dropped connection the first failure is what the caller sees. */
  private static void restoreAutoCommit(Connection c, boolean autoCommit, @Nullable Exception failed)
      throws SQLException {
    try {
      c.setAutoCommit(autoCommit);
    } catch (SQLException e) {
      if (failed == null) {
        throw e;
      }
      failed.addSuppressed(e);
    }
  }

  /**
   * Rolls back after {@code failure}; on a connection the database dropped the rollback fails too, and that second
   * error is kept as suppressed so the first one (the one that says why) is what the caller sees.
   */
  private static void rollback(Connection c, Exception failure) {
    try {
      c.rollback();
    } catch (SQLException | RuntimeException e) {
      failure.addSuppressed(e);
    }
  }

  private CommitResult applyUnbatched(ChangeSet changes) throws SQLException {
    try {
      return apply(changes);
    } catch (BatchRefused impossible) {
      throw new IllegalStateException("the row-by-row path runs no batch", impossible);
    }
  }

  private CommitResult apply(ChangeSet changes) throws SQLException, BatchRefused {
    CommitResult refused = receipt(changes.receipt());
    if (refused != null) {
      return refused;
    }
    for (ProgramWrite write : changes.programs()) {
      refused = program(write);
      if (refused != null) {
        return refused;
      }
    }
    for (io.loyalty.spi.store.ComponentWrite write : changes.components()) {
      refused = component(write);
      if (refused != null) {
        return refused;
      }
    }
    for (io.loyalty.spi.store.MemberWrite write : changes.members()) {
      refused = memberRecord(write);
      if (refused != null) {
        return refused;
      }
    }
    // Cards in code order (a stable sort keeps a card's chained writes in order): writers lock rows in one order.
    List<CardWrite> cards = new ArrayList<>(changes.cards());
    cards.sort(Comparator.comparing(w -> w.card().code()));
    for (CardWrite write : cards) {
      refused = card(write);
      if (refused != null) {
        return refused;
      }
    }
    CardRows.writeLots(c, cards);
    if (batched && changes.entries().size() > 1) {
      batch(LedgerRows.INSERT, changes.entries(), (p, entry) -> bindEntry(p, entry));
    } else {
      for (LedgerEntry entry : changes.entries()) {
        refused = entry(entry);
        if (refused != null) {
          return refused;
        }
      }
    }
    if (crossCardKeys) {
      // the ledger's own key is (card, entry_key) here: a store-wide key is claimed across cards in its table
      for (LedgerEntry entry : changes.entries()) {
        if (CrossCardKeys.storeWide(entry) && !CrossCardKeys.claimEntryKey(c, entry)) {
          return new CommitResult.Duplicate(new UniqueKey.EntryKey(entry.key()));
        }
      }
    }
    for (RewardWrite write : changes.rewards()) {
      refused = reward(write);
      if (refused != null) {
        return refused;
      }
    }
    for (RedemptionWrite write : changes.redemptions()) {
      refused = redemption(write);
      if (refused != null) {
        return refused;
      }
    }
    // Last: the card rows are locked by now, so a card's events take positions in the order its changes commit.
    if (batched && changes.events().size() > 1) {
      batch(INSERT_EVENT, changes.events(), (p, event) -> bind(p, event.id(), OutboxEvent.AGGREGATE_TYPE,
          event.card().value(), event.type().wireName(), SpiJson.payload(event)));
    } else {
      for (OutboxEvent event : changes.events()) {
        String taken = insert(INSERT_EVENT, event.id(), OutboxEvent.AGGREGATE_TYPE, event.card().value(),
            event.type().wireName(), SpiJson.payload(event));
        if (taken != null) {
          return new CommitResult.Duplicate(new UniqueKey.OutboxKey(event.id()));
        }
      }
    }
    return CommitResult.APPLIED;
  }

  private @Nullable CommitResult receipt(@Nullable EventReceipt receipt) throws SQLException {
    if (receipt == null) {
      return null;
    }
    String taken = insert("INSERT INTO loyalty_receipt (event_id, body) VALUES (?, ?)",
        receipt.event().id().value(), SpiJson.write(receipt));
    return taken == null ? null : new CommitResult.Duplicate(new UniqueKey.EventKey(receipt.event().id()));
  }

  private @Nullable CommitResult program(ProgramWrite write) throws SQLException {
    Program program = write.program();
    CommitResult conflict = new CommitResult.Conflict(new Aggregate.ProgramRef(program.id()));
    if (program.version() != write.expectedVersion() + 1) {
      return conflict;
    }
    // Inserted only over the expected latest version; a racing writer of the same version hits the primary key.
    String sql = "INSERT INTO loyalty_program (id, version, body) SELECT ?, ?, ?"
        + " WHERE coalesce((SELECT max(version) FROM loyalty_program WHERE id = ?), 0) = ?";
    try (PreparedStatement p = c.prepareStatement(sql)) {
      p.setString(1, program.id().value());
      p.setLong(2, program.version());
      p.setString(3, SpiJson.write(program));
      p.setString(4, program.id().value());
      p.setLong(5, write.expectedVersion());
      return savepoint(() -> p.executeUpdate() == 1 ? bumpCatalog() : conflict, taken -> conflict);
    }
  }

  private @Nullable CommitResult memberRecord(io.loyalty.spi.store.MemberWrite write) throws SQLException {
    io.loyalty.spi.card.Member m = write.member();
    CommitResult conflict = new CommitResult.Conflict(new Aggregate.MemberRef(m.program(), m.customer()));
    if (m.version() != write.expectedVersion() + 1) {
      return conflict;
    }
    String sql = write.expectedVersion() == 0
        ? "INSERT INTO loyalty_member_record (version, status, metadata, created_at, updated_at, holder, program)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?)"
        : "UPDATE loyalty_member_record SET version = ?, status = ?, metadata = ?, created_at = ?, updated_at = ?"
            + " WHERE holder = ? AND program = ? AND version = ?";
    try (PreparedStatement p = c.prepareStatement(sql)) {
      p.setLong(1, m.version());
      p.setString(2, m.status().name());
      p.setString(3, SpiJson.write(m.metadata()));
      p.setString(4, m.createdAt().toString());
      p.setString(5, m.updatedAt().toString());
      p.setString(6, m.customer().value());
      p.setString(7, m.program().value());
      if (write.expectedVersion() != 0) {
        p.setLong(8, write.expectedVersion());
      }
      return savepoint(() -> p.executeUpdate() == 1 ? null : conflict, taken -> conflict);
    }
  }

  private @Nullable CommitResult component(io.loyalty.spi.store.ComponentWrite write) throws SQLException {
    io.loyalty.spi.store.StoredComponent stored = write.component();
    io.loyalty.spi.program.Component part = stored.component();
    CommitResult conflict = new CommitResult.Conflict(new Aggregate.ComponentRef(part.kind(), part.componentId()));
    if (stored.version() != write.expectedVersion() + 1) {
      return conflict;
    }
    String sql = "INSERT INTO loyalty_component (kind, id, version, status, created_at, updated_at, body)"
        + " SELECT ?, ?, ?, ?, ?, ?, ? WHERE coalesce((SELECT max(version) FROM loyalty_component"
        + " WHERE kind = ? AND id = ?), 0) = ?";
    try (PreparedStatement p = c.prepareStatement(sql)) {
      p.setString(1, part.kind().name());
      p.setString(2, part.componentId());
      p.setLong(3, stored.version());
      p.setString(4, stored.status().name());
      p.setString(5, stored.createdAt().toString());
      p.setString(6, stored.updatedAt().toString());
      p.setString(7, SpiJson.write(part));
      p.setString(8, part.kind().name());
      p.setString(9, part.componentId());
      p.setLong(10, write.expectedVersion());
      return savepoint(() -> p.executeUpdate() == 1 ? null : conflict, taken -> conflict);
    }
  }

  /** One more program version: the catalog's counter moves in the same transaction (schema 7). */
  private @Nullable CommitResult bumpCatalog() throws SQLException {
    try (PreparedStatement p = c.prepareStatement("UPDATE loyalty_catalog SET version = version + 1 WHERE id = 1")) {
      p.executeUpdate();
    }
    return null;
  }

  private @Nullable CommitResult card(CardWrite write) throws SQLException {
    Card card = write.card();
    CommitResult conflict = new CommitResult.Conflict(new Aggregate.CardRef(card.code()));
    if (card.version() != write.expectedVersion() + 1) {
      return conflict;
    }
    CommitResult member = card.holder() == null ? new CommitResult.Conflict(new Aggregate.CardRef(card.code()))
        : new CommitResult.Duplicate(UniqueKey.MemberKey.of(card, card.holder()));
    boolean inserted = write.expectedVersion() == 0;
    CommitResult written;
    try (PreparedStatement p = c.prepareStatement(inserted ? CardRows.INSERT : CardRows.UPDATE)) {
      CardRows.bind(p, card, write.expectedVersion());
      written = savepoint(() -> p.executeUpdate() == 1 ? null : conflict, taken -> !inserted
          || taken.equals("loyalty_card_member_key") ? member : new CommitResult.Duplicate(new UniqueKey.CodeKey(card.code())));
    }
    if (written == null && crossCardKeys) {
      CrossCardKeys.releaseFormer(c, write);
      if (CrossCardKeys.setsHolder(write) && !CrossCardKeys.claimMembership(c, card)) {
        return member; // the card table has no member key here: its table says another card holds the membership
      }
    }
    return written;
  }

  private @Nullable CommitResult entry(LedgerEntry entry) throws SQLException {
    String taken = insert(LedgerRows.INSERT, entry, ChangeSetTransaction::bindEntry);
    if (taken == null) {
      return null;
    }
    return taken.equals("loyalty_ledger_entry_key")
        ? new CommitResult.Duplicate(new UniqueKey.EntryKey(entry.key()))
        : new CommitResult.Duplicate(new UniqueKey.SeqKey(entry.card(), entry.seq()));
  }

  private static void checkSeq(LedgerEntry entry) {
    if (entry.seq() < 1) {
      throw new IllegalArgumentException("ledger entry " + entry.key() + " of card " + entry.card() + " has seq "
          + entry.seq() + ", expected 1 or more");
    }
  }

  private static void bindEntry(PreparedStatement p, LedgerEntry entry) throws SQLException {
    checkSeq(entry);
    LedgerRows.bind(p, entry);
  }

  /** How one row of a batch is bound. */
  private interface Binder<T> {
    void bind(PreparedStatement p, T row) throws SQLException;
  }

  /**
   * Inserts the rows in one batch (one round trip); a unique violation is {@link BatchRefused}, anything else a
   * failure.
   */
  private <T> void batch(String sql, List<T> rows, Binder<T> binder) throws SQLException, BatchRefused {
    try (PreparedStatement p = c.prepareStatement(sql)) {
      for (T row : rows) {
        binder.bind(p, row);
        p.addBatch();
      }
      p.executeBatch();
    } catch (java.sql.BatchUpdateException e) {
      SQLException cause = e.getNextException() != null ? e.getNextException() : e;
      if (violated(cause) != null || violated(e) != null) {
        throw new BatchRefused(e);
      }
      if (FOREIGN_KEY_VIOLATION.equals(cause.getSQLState())) {
        throw new IllegalArgumentException("a ledger entry names a card that is neither stored nor written in the same"
            + " change set: " + cause.getMessage(), e);
      }
      throw e;
    }
  }

  private @Nullable CommitResult reward(RewardWrite write) throws SQLException {
    Reward reward = write.reward();
    CommitResult conflict = new CommitResult.Conflict(new Aggregate.RewardRef(reward.id()));
    if (reward.version() != write.expectedVersion() + 1) {
      return conflict;
    }
    if (write.expectedVersion() == 0) {
      return insert("INSERT INTO loyalty_reward (id, version, body) VALUES (?, ?, ?)", reward.id().value(),
          reward.version(), SpiJson.write(reward)) == null ? null : conflict;
    }
    return update("UPDATE loyalty_reward SET version = ?, body = ? WHERE id = ? AND version = ?", conflict,
        reward.version(), SpiJson.write(reward), reward.id().value(), write.expectedVersion());
  }

  private @Nullable CommitResult redemption(RedemptionWrite write) throws SQLException {
    Redemption r = write.redemption();
    CommitResult conflict = new CommitResult.Conflict(new Aggregate.RedemptionRef(r.id()));
    if (r.version() != write.expectedVersion() + 1) {
      return write.expectedVersion() == 0 && exists("SELECT 1 FROM loyalty_redemption WHERE id = ?", r.id().value())
          ? new CommitResult.Duplicate(new UniqueKey.RedemptionKey(r.id()))
          : conflict;
    }
    if (write.expectedVersion() == 0) {
      return insert("INSERT INTO loyalty_redemption (id, card, reward, version, at_seconds, at_nanos, body)"
          + " VALUES (?, ?, ?, ?, ?, ?, ?)", r.id().value(), r.card().value(), r.reward().value(), r.version(),
          r.at().getEpochSecond(), r.at().getNano(), SpiJson.write(r)) == null
          ? null
          : new CommitResult.Duplicate(new UniqueKey.RedemptionKey(r.id()));
    }
    return update("UPDATE loyalty_redemption SET card = ?, reward = ?, version = ?, at_seconds = ?, at_nanos = ?, body = ?"
        + " WHERE id = ? AND version = ?", conflict, r.card().value(), r.reward().value(), r.version(),
        r.at().getEpochSecond(), r.at().getNano(), SpiJson.write(r), r.id().value(), write.expectedVersion());
  }

  /** Runs an insert; returns {@code null}, or the name of the unique constraint that refused the row. */
  private @Nullable String insert(String sql, @Nullable Object... values) throws SQLException {
    return insert(sql, values, ChangeSetTransaction::bind);
  }

  /** Runs an insert of the row as the binder binds it; returns {@code null}, or the name of the refusing constraint. */
  private <T> @Nullable String insert(String sql, T row, Binder<T> binder) throws SQLException {
    try (PreparedStatement p = c.prepareStatement(sql)) {
      binder.bind(p, row);
      String[] taken = new String[1];
      savepoint(() -> {
        p.executeUpdate();
        return null;
      }, constraint -> {
        taken[0] = constraint;
        return CommitResult.APPLIED;
      });
      return taken[0];
    }
  }

  private @Nullable CommitResult update(String sql, CommitResult conflict, Object... values) throws SQLException {
    try (PreparedStatement p = c.prepareStatement(sql)) {
      bind(p, values);
      return p.executeUpdate() == 1 ? null : conflict;
    }
  }

  private boolean exists(String sql, Object value) throws SQLException {
    try (PreparedStatement p = c.prepareStatement(sql)) {
      bind(p, value);
      try (var rs = p.executeQuery()) {
        return rs.next();
      }
    }
  }

  private static void bind(PreparedStatement p, @Nullable Object... values) throws SQLException {
    for (int i = 0; i < values.length; i++) {
      Object v = values[i];
      if (v == null) {
        p.setNull(i + 1, java.sql.Types.VARCHAR);
      } else if (v instanceof Long l) {
        p.setLong(i + 1, l);
      } else if (v instanceof Integer n) {
        p.setInt(i + 1, n);
      } else {
        p.setString(i + 1, v.toString());
      }
    }
  }

  /** A statement that may hit a unique constraint: the violation is an answer, anything else a failure. */
  private interface Statement {
    @Nullable CommitResult run() throws SQLException;
  }

  /** What a unique violation means, given the constraint's name. */
  private interface OnTaken {
    CommitResult taken(String constraint);
  }

  private @Nullable CommitResult savepoint(Statement statement, OnTaken onTaken) throws SQLException {
    try {
      return statement.run();
    } catch (SQLException e) {
      String constraint = violated(e);
      if (constraint == null) {
        if (FOREIGN_KEY_VIOLATION.equals(e.getSQLState())) {
          throw new IllegalArgumentException("a ledger entry names a card that is neither stored nor written in the same"
              + " change set: " + e.getMessage(), e);
        }
        throw e;
      }
      // The transaction is aborted now; the caller answers and rolls back.
      CommitResult answer = onTaken.taken(constraint);
      return answer == CommitResult.APPLIED ? null : answer;
    }
  }

  private static @Nullable String violated(SQLException e) {
    if (!UNIQUE_VIOLATION.equals(e.getSQLState())) {
      return null;
    }
    ServerErrorMessage message = e instanceof PSQLException p ? p.getServerErrorMessage() : null;
    String constraint = message == null ? null : message.getConstraint();
    return constraint == null ? "unknown" : constraint;
  }

  private static boolean isConcurrencyAbort(SQLException e) {
    return "40P01".equals(e.getSQLState()) || "40001".equals(e.getSQLState());
  }

  private static Aggregate firstAggregate(ChangeSet changes) {
    if (!changes.cards().isEmpty()) {
      return new Aggregate.CardRef(changes.cards().get(0).card().code());
    }
    if (!changes.programs().isEmpty()) {
      return new Aggregate.ProgramRef(changes.programs().get(0).program().id());
    }
    if (!changes.rewards().isEmpty()) {
      return new Aggregate.RewardRef(changes.rewards().get(0).reward().id());
    }
    return changes.redemptions().isEmpty() ? new Aggregate.WholeStore()
        : new Aggregate.RedemptionRef(changes.redemptions().get(0).redemption().id());
  }
}
