package io.loyalty.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import io.loyalty.spi.CardCode;
import io.loyalty.spi.CustomerId;
import io.loyalty.spi.OrderId;
import io.loyalty.spi.card.Card;
import io.loyalty.spi.card.EntryType;
import io.loyalty.spi.card.LedgerEntry;
import io.loyalty.spi.card.LedgerKey;
import io.loyalty.spi.card.LotDraw;
import io.loyalty.spi.card.Lot;
import io.loyalty.spi.card.LotList;
import io.loyalty.spi.card.LotSource;
import io.loyalty.spi.card.LotState;
import io.loyalty.spi.EventId;
import io.loyalty.spi.ProgramId;
import io.loyalty.spi.RuleId;
import io.loyalty.spi.earning.Accrual;
import io.loyalty.spi.program.CalculationType;
import io.loyalty.spi.earning.EventOutcome;
import io.loyalty.spi.earning.ProgramOutcome;
import io.loyalty.spi.earning.Skip;
import io.loyalty.spi.earning.SkipReason;
import io.loyalty.spi.event.Customer;
import io.loyalty.spi.event.Order;
import io.loyalty.spi.event.OrderItem;
import io.loyalty.spi.event.OrderPaid;
import io.loyalty.spi.store.EventReceipt;
import io.loyalty.spi.store.OutboxEvent;
import java.math.BigDecimal;
import java.sql.Connection;
import java.time.Instant;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("the schema is versioned, applied once and recorded")
class MigrationTest {
  @Test
  void a_new_database_is_migrated_to_the_latest_version_and_migrating_again_changes_nothing() throws Exception {
    DataSource ds = Postgres.freshSchema();
    JdbcLoyaltyStore store = JdbcLoyaltyStore.withoutMigration(ds);
    assertThat(store.schemaVersion()).isZero();
    assertThat(store.migrate()).isEqualTo(JdbcLoyaltyStore.latestSchemaVersion());
    assertThat(store.migrate()).isEqualTo(JdbcLoyaltyStore.latestSchemaVersion());
    assertThat(JdbcLoyaltyStore.create(ds).schemaVersion()).isEqualTo(12);
    try (Connection c = ds.getConnection(); Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT version, script FROM loyalty_schema_version ORDER BY version")) {
      assertThat(rs.next()).isTrue();
      assertThat(rs.getInt(1)).isEqualTo(1);
      assertThat(rs.getString(2)).isEqualTo("V1__schema.sql");
      assertThat(rs.next()).isTrue();
      assertThat(rs.getInt(1)).isEqualTo(2);
      assertThat(rs.getString(2)).isEqualTo("V2__cards_by_holder.sql");
      assertThat(rs.next()).isTrue();
      assertThat(rs.getInt(1)).isEqualTo(3);
      assertThat(rs.getString(2)).isEqualTo("V3__outbox.sql");
      assertThat(rs.next()).isTrue();
      assertThat(rs.getInt(1)).isEqualTo(4);
      assertThat(rs.getString(2)).isEqualTo("V4__wallets.sql");
      assertThat(rs.next()).isTrue();
      assertThat(rs.getInt(1)).isEqualTo(5);
      assertThat(rs.getString(2)).isEqualTo("V5__lots_as_rows.sql");
      assertThat(rs.next()).isTrue();
      assertThat(rs.getInt(1)).isEqualTo(6);
      assertThat(rs.getString(2)).isEqualTo("V6__ledger_as_columns.sql");
      assertThat(rs.next()).isTrue();
      assertThat(rs.getInt(1)).isEqualTo(7);
      assertThat(rs.getString(2)).isEqualTo("V7__catalog_counter.sql");
      assertThat(rs.next()).isTrue();
      assertThat(rs.getInt(1)).isEqualTo(8);
      assertThat(rs.getString(2)).isEqualTo("V8__card_tiers.sql");
      assertThat(rs.next()).isTrue();
      assertThat(rs.getInt(1)).isEqualTo(9);
      assertThat(rs.getString(2)).isEqualTo("V9__outbox_claims.sql");
      assertThat(rs.next()).isTrue();
      assertThat(rs.getInt(1)).isEqualTo(10);
      assertThat(rs.getString(2)).isEqualTo("V10__cross_card_keys.sql");
      assertThat(rs.next()).isTrue();
      assertThat(rs.getInt(1)).isEqualTo(11);
      assertThat(rs.getString(2)).isEqualTo("V11__components.sql");
      assertThat(rs.next()).isTrue();
      assertThat(rs.getInt(1)).isEqualTo(12);
      assertThat(rs.getString(2)).isEqualTo("V12__member_records.sql");
      assertThat(rs.next()).isFalse();
    }
  }

  @Test
  void version_2_drops_the_not_a_member_outcomes_of_receipts_stored_before_it_and_keeps_the_rest_as_it_was()
      throws Exception {
    DataSource ds = Postgres.freshSchema();
    OrderPaid paid = OrderPaid.of("evt_1", Instant.parse("2024-03-01T10:00:00Z"), Customer.of("alice"),
        Order.of("ord_1", "EUR", OrderItem.product("prod_phone", 1, 49_900)));
    ProgramOutcome earned = new ProgramOutcome(ProgramId.of("camp_a"), 2, CardCode.of("A-1"), false, 499,
        List.of(new Accrual(RuleId.of("r_amount"), "", CalculationType.ORDER_AMOUNT, new BigDecimal("4.99E+4"), 499,
            List.of())), List.of(), List.of(), null);
    ProgramOutcome notMember = new ProgramOutcome(ProgramId.of("camp_b"), 1, null, false, 0, List.of(),
        List.of(new Skip(RuleId.of("r_b"), SkipReason.RULE_INACTIVE, "the customer holds no card in camp_b")), List.of(),
        null);
    EventReceipt kept = new EventReceipt(paid, new EventOutcome(paid.id(), paid.name(), paid.occurredAt(), List.of(earned)));
    String legacy = SpiJson.write(new EventReceipt(paid, new EventOutcome(paid.id(), paid.name(), paid.occurredAt(),
        List.of(notMember, earned)))).replace("\"RULE_INACTIVE\"", "\"NOT_A_MEMBER\"");
    try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
      String v1;
      try (var in = Migrations.class.getResourceAsStream("V1__schema.sql")) {
        v1 = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
      }
      for (String statement : Migrations.statements(v1)) {
        s.execute(statement);
      }
      s.execute("CREATE TABLE loyalty_schema_version (version integer PRIMARY KEY, script text NOT NULL,"
          + " applied_at timestamptz NOT NULL DEFAULT now())");
      s.execute("INSERT INTO loyalty_schema_version (version, script) VALUES (1, 'V1__schema.sql')");
      try (var p = c.prepareStatement("INSERT INTO loyalty_receipt (event_id, body) VALUES (?, ?)")) {
        p.setString(1, "evt_1");
        p.setString(2, legacy);
        p.executeUpdate();
        p.setString(1, "evt_2");
        p.setString(2, SpiJson.write(kept));
        p.executeUpdate();
      }
    }
    JdbcLoyaltyStore store = JdbcLoyaltyStore.create(ds);
    assertThat(store.schemaVersion()).isEqualTo(JdbcLoyaltyStore.latestSchemaVersion());
    assertThat(store.receipt(EventId.of("evt_1"))).contains(kept);
    assertThat(store.receipt(EventId.of("evt_2"))).contains(kept);
  }

  @Test
  void version_4_puts_the_cards_stored_before_it_in_the_main_wallet_and_keys_memberships_by_wallet() throws Exception {
    DataSource ds = Postgres.freshSchema();
    io.loyalty.spi.card.Card stored = io.loyalty.spi.card.Card.generated(CardCode.of("A-1"), ProgramId.of("camp_a"),
        Instant.parse("2024-03-01T10:00:00Z")).toBuilder().holder(io.loyalty.spi.CustomerId.of("alice"))
        .publishedAt(Instant.parse("2024-03-01T10:00:00Z")).build();
    String body = SpiJson.write(stored).replace("\"wallet\":\"main\",", "");
    assertThat(body).doesNotContain("wallet");
    try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
      migrateBySqlTo(s, 3);
      try (var p = c.prepareStatement("INSERT INTO loyalty_card (code, program, holder, version, body) VALUES (?, ?, ?, ?, ?)")) {
        p.setString(1, "A-1");
        p.setString(2, "camp_a");
        p.setString(3, "alice");
        p.setLong(4, 1);
        p.setString(5, body);
        p.executeUpdate();
      }
    }
    JdbcLoyaltyStore store = JdbcLoyaltyStore.create(ds);
    assertThat(store.cardOf(ProgramId.of("camp_a"), io.loyalty.spi.CustomerId.of("alice"), io.loyalty.spi.WalletId.MAIN))
        .contains(stored);
    io.loyalty.spi.card.Card miles = io.loyalty.spi.card.Card.generated(CardCode.of("M-1"), ProgramId.of("camp_a"),
        Instant.parse("2024-03-02T10:00:00Z")).toBuilder().wallet(io.loyalty.spi.WalletId.of("lcd_miles"))
        .holder(io.loyalty.spi.CustomerId.of("alice")).publishedAt(Instant.parse("2024-03-02T10:00:00Z")).build();
    assertThat(store.commit(io.loyalty.spi.store.ChangeSet.builder()
        .cards(List.of(new io.loyalty.spi.store.CardWrite(miles, 0))).build()).applied()).isTrue();
    assertThat(store.cardsOf(ProgramId.of("camp_a"), io.loyalty.spi.CustomerId.of("alice"))).containsExactly(miles, stored);
  }

  @Test
  void version_5_turns_each_stored_card_into_its_row_and_lot_rows_and_reads_it_back_equal() throws Exception {
    DataSource ds = Postgres.freshSchema();
    Instant t0 = Instant.parse("2024-03-01T10:00:00.123456789Z");
    List<Lot> lots = new java.util.ArrayList<>();
    for (int i = 1; i <= 70; i++) {
      LotState state = LotState.values()[i % 3];
      lots.add(new Lot(i, 10L * i, i % 4 == 0 ? 0 : 5L * i, t0.plusSeconds(i), i % 2 == 0 ? null : t0.plusSeconds(100L * i),
          i % 5 == 0 ? null : t0.plusNanos(7L * i).plusSeconds(86_400L * i), state,
          i % 3 == 0 ? new LotSource(null, null, 2, null)
              : new LotSource(EventId.of("evt_" + i), RuleId.of("r_" + i), 1, OrderId.of("ord_" + i))));
    }
    Card held = Card.builder().code(CardCode.of("A-1")).program(ProgramId.of("camp_a")).version(7)
        .holder(CustomerId.of("alice")).createdAt(t0).publishedAt(t0.plusSeconds(5)).expiresAt(t0.plusSeconds(999_999))
        .active(false).lots(lots).debt(3).lastSeq(70).redemptions(2).build();
    Card pooled = Card.generated(CardCode.of("A-2"), ProgramId.of("camp_a"), t0);
    try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
      migrateBySqlTo(s, 3);
      try (var p = c.prepareStatement("INSERT INTO loyalty_card (code, program, holder, version, body) VALUES (?, ?, ?, ?, ?)")) {
        for (Card card : List.of(held, pooled)) {
          p.setString(1, card.code().value());
          p.setString(2, card.program().value());
          p.setString(3, card.holder() == null ? null : card.holder().value());
          p.setLong(4, card.version());
          p.setString(5, SpiJson.write(card));
          p.executeUpdate();
        }
      }
    }
    JdbcLoyaltyStore store = JdbcLoyaltyStore.create(ds);
    assertThat(store.schemaVersion()).isEqualTo(JdbcLoyaltyStore.latestSchemaVersion());
    assertThat(store.card(held.code())).contains(held);
    assertThat(store.card(pooled.code())).contains(pooled);
    assertThat(store.cardOf(held.program(), CustomerId.of("alice"), io.loyalty.spi.WalletId.MAIN)).contains(held);
    assertThat(store.cards(held.program(), "", 10)).containsExactly(held, pooled);
    assertThat(store.unpublishedCards(held.program(), "", 10)).containsExactly(pooled);
    try (Connection c = ds.getConnection(); Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT (SELECT count(*) FROM loyalty_lot), lot_count, active_sum, pending_sum"
            + " FROM loyalty_card WHERE code = 'A-1'")) {
      rs.next();
      assertThat(rs.getLong(1)).isEqualTo(70);
      assertThat(rs.getLong(2)).isEqualTo(70);
      assertThat(rs.getLong(3)).isEqualTo(((LotList) held.lots()).activeSum());
      assertThat(rs.getLong(4)).isEqualTo(((LotList) held.lots()).pendingSum());
    }
  }

  @Test
  void version_6_turns_each_stored_ledger_body_into_its_columns_and_reads_every_entry_back_equal() throws Exception {
    DataSource ds = Postgres.freshSchema();
    Instant t0 = Instant.parse("2024-03-01T10:00:00.123456789Z");
    CardCode code = CardCode.of("A-1");
    Card card = Card.generated(code, ProgramId.of("camp_a"), t0).toBuilder().version(2).lastSeq(3).build();
    LedgerEntry accrual = LedgerEntry.builder().card(code).seq(1).type(EntryType.POINTS_ACCRUAL).points(120).pending(0)
        .balanceAfter(120).at(t0).key(LedgerKey.Accrual.of(code, OrderId.of("ord_1"), EventId.of("evt_1"),
            RuleId.of("r_amount"))).event(EventId.of("evt_1")).rule(RuleId.of("r_amount")).programVersion(3)
        .order(OrderId.of("ord_1")).reason("r_amount").build();
    LedgerEntry redemption = LedgerEntry.builder().card(code).seq(2).type(EntryType.POINTS_REDEMPTION).points(-70)
        .pending(-5).balanceAfter(50).at(Instant.parse("1969-12-31T23:59:59.5Z")).key(LedgerKey.parse("legacy key \u00e9"))
        .programVersion(0).reason("caf\u00e9 \u2603, tab\there\u001f and \"quotes\"")
        .draws(List.of(new LotDraw(1, 60), new LotDraw(7, 10))).related(LedgerKey.parse("other:side")).build();
    LedgerEntry manual = LedgerEntry.builder().card(code).seq(3).type(EntryType.POINTS_ADDITION).points(Long.MAX_VALUE)
        .pending(Long.MIN_VALUE).balanceAfter(-1).at(Instant.EPOCH).key(LedgerKey.parse("manual:1")).rule(RuleId.of("r_manual"))
        .programVersion(1).build();
    OutboxEvent added = new OutboxEvent("entry:A-1#1", OutboxEvent.Type.POINTS_ADDED, code, card.program(), t0,
        new OutboxEvent.Transaction(accrual));
    try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
      migrateBySqlTo(s, 5);
      try (var p = c.prepareStatement(CardRows.INSERT_AT_5)) {
        CardRows.bindAt5(p, card, 0);
        p.executeUpdate();
      }
      try (var p = c.prepareStatement("INSERT INTO loyalty_ledger (card, seq, entry_key, order_id, event_id, body)"
          + " VALUES (?, ?, ?, ?, ?, ?)")) {
        for (LedgerEntry entry : List.of(accrual, redemption, manual)) {
          p.setString(1, entry.card().value());
          p.setLong(2, entry.seq());
          p.setString(3, entry.key().text());
          p.setString(4, entry.order() == null ? null : entry.order().value());
          p.setString(5, entry.event() == null ? null : entry.event().value());
          p.setString(6, SpiJson.write(entry));
          p.executeUpdate();
        }
      }
      try (var p = c.prepareStatement("INSERT INTO loyalty_outbox (id, aggregatetype, aggregateid, type, payload)"
          + " VALUES (?, ?, ?, ?, ?)")) {
        p.setString(1, added.id());
        p.setString(2, OutboxEvent.AGGREGATE_TYPE);
        p.setString(3, code.value());
        p.setString(4, added.type().wireName());
        p.setString(5, SpiJson.write(added)); // before version 6, the payload was the whole event
        p.executeUpdate();
      }
    }
    JdbcLoyaltyStore store = JdbcLoyaltyStore.create(ds);
    assertThat(store.schemaVersion()).isEqualTo(JdbcLoyaltyStore.latestSchemaVersion());
    assertThat(store.ledger(code, 0, 10)).containsExactly(accrual, redemption, manual);
    assertThat(store.entriesForOrder(code, OrderId.of("ord_1"))).containsExactly(accrual);
    assertThat(store.entry(redemption.key())).contains(redemption);
    assertThat(store.entry(manual.key())).contains(manual);
    OutboxEvent redeemed = new OutboxEvent("entry:A-1#2", OutboxEvent.Type.POINTS_REDEEMED, code, card.program(),
        t0.plusNanos(1), new OutboxEvent.Transaction(redemption));
    assertThat(store.commit(io.loyalty.spi.store.ChangeSet.builder().events(List.of(redeemed)).build()).applied())
        .isTrue();
    assertThat(store.pending("consumer", java.util.Set.of(), 10)).containsExactly(added, redeemed);
  }

  @Test
  void the_unique_constraints_the_adapter_maps_to_duplicate_keys_exist_under_their_names() throws Exception {
    DataSource ds = Postgres.freshSchema();
    JdbcLoyaltyStore.create(ds);
    try (Connection c = ds.getConnection(); Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT conname FROM pg_constraint WHERE contype IN ('p', 'u')"
            + " AND connamespace = current_schema()::regnamespace ORDER BY conname")) {
      List<String> names = new java.util.ArrayList<>();
      while (rs.next()) {
        names.add(rs.getString(1));
      }
      assertThat(names).contains("loyalty_card_code_key", "loyalty_card_member_key", "loyalty_ledger_entry_key",
          "loyalty_ledger_seq_key", "loyalty_receipt_event_key", "loyalty_redemption_id_key", "loyalty_program_version_key",
          "loyalty_outbox_id_key");
    }
  }

  @Test
  void a_script_splits_into_statements_at_semicolons_ending_lines_and_drops_comments() {
    assertThat(Migrations.statements("-- a comment\nCREATE TABLE t (\n  a int -- why\n);\n\nCREATE INDEX i ON t (a);\n"))
        .containsExactly("CREATE TABLE t (\n  a int \n)", "CREATE INDEX i ON t (a)");
  }

  @Test
  void version_7_starts_the_catalog_counter_at_the_stored_program_versions_and_program_writes_move_it() throws Exception {
    DataSource ds = Postgres.freshSchema();
    try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
      migrateBySqlTo(s, 6);
      try (var p = c.prepareStatement("INSERT INTO loyalty_program (id, version, body) VALUES (?, ?, ?)")) {
        for (int v = 1; v <= 3; v++) {
          io.loyalty.spi.program.Program program = io.loyalty.spi.program.Program.builder(ProgramId.of("camp_a"), "A")
              .build().withVersion(v);
          p.setString(1, "camp_a");
          p.setLong(2, v);
          p.setString(3, SpiJson.write(program));
          p.executeUpdate();
        }
      }
    }
    JdbcLoyaltyStore store = JdbcLoyaltyStore.create(ds);
    assertThat(store.catalogVersion()).as("the count of versions stored before it").isEqualTo(3);
    io.loyalty.spi.program.Program next = io.loyalty.spi.program.Program.builder(ProgramId.of("camp_b"), "B").build()
        .withVersion(1);
    assertThat(store.commit(io.loyalty.spi.store.ChangeSet.builder()
        .program(new io.loyalty.spi.store.ProgramWrite(next, 0)).build()).applied()).isTrue();
    assertThat(store.catalogVersion()).isEqualTo(4);
    // a refused program write moves nothing
    assertThat(store.commit(io.loyalty.spi.store.ChangeSet.builder()
        .program(new io.loyalty.spi.store.ProgramWrite(next, 0)).build()).applied()).isFalse();
    assertThat(store.catalogVersion()).isEqualTo(4);
  }

  @Test
  void version_8_reads_the_cards_stored_before_it_with_no_tier_state_and_keeps_the_state_a_write_gives() throws Exception {
    DataSource ds = Postgres.freshSchema();
    Instant t0 = Instant.parse("2024-03-01T10:00:00.123456789Z");
    io.loyalty.spi.card.Card card = Card.generated(CardCode.of("A-1"), ProgramId.of("camp_a"), t0).toBuilder()
        .holder(io.loyalty.spi.CustomerId.of("alice")).publishedAt(t0)
        .tiers(new io.loyalty.spi.tier.TierState(t0.plusSeconds(60), t0, 120, List.of(new io.loyalty.spi.tier.TierState.Grant(
            io.loyalty.spi.TierId.of("ltr_silver \u00e9"), t0, t0.plusSeconds(86_400).plusNanos(1), t0))))
        .build();
    try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
      migrateBySqlTo(s, 7);
      try (var p = c.prepareStatement(CardRows.INSERT_AT_5)) {
        CardRows.bindAt5(p, card, 0);
        p.executeUpdate();
      }
    }
    JdbcLoyaltyStore store = JdbcLoyaltyStore.create(ds);
    io.loyalty.spi.card.Card read = store.card(card.code()).orElseThrow();
    assertThat(read.tiers()).isNull();
    assertThat(read).isEqualTo(card.withTiers(null));
    io.loyalty.spi.card.Card next = read.toBuilder().version(read.version() + 1).tiers(card.tiers()).build();
    assertThat(store.commit(io.loyalty.spi.store.ChangeSet.builder()
        .card(new io.loyalty.spi.store.CardWrite(next, read.version())).build()).applied()).isTrue();
    assertThat(store.card(card.code()).orElseThrow().tiers()).isEqualTo(card.tiers()).isNotNull();
  }

  @Test
  void version_9_adds_the_claim_lines_and_keeps_the_outbox_columns_debeziums_outbox_router_reads() throws Exception {
    DataSource ds = Postgres.freshSchema();
    try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
      migrateBySqlTo(s, 8);
      OutboxEvent joined = new OutboxEvent("e1", OutboxEvent.Type.MEMBER_JOINED, CardCode.of("A"), ProgramId.of("P1"),
          Instant.EPOCH, new OutboxEvent.Membership(CustomerId.of("c1")));
      try (var p = c.prepareStatement("INSERT INTO loyalty_outbox (id, aggregatetype, aggregateid, type, payload)"
          + " VALUES ('e1', 'loyalty_card', 'A', 'member.joined', ?)")) {
        p.setString(1, SpiJson.payload(joined));
        p.executeUpdate();
      }
    }
    JdbcLoyaltyStore store = JdbcLoyaltyStore.create(ds);
    assertThat(store.schemaVersion()).isEqualTo(JdbcLoyaltyStore.latestSchemaVersion());
    try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
      List<String> columns = new java.util.ArrayList<>();
      try (ResultSet rs = s.executeQuery("SELECT column_name, data_type FROM information_schema.columns"
          + " WHERE table_schema = current_schema() AND table_name = 'loyalty_outbox' ORDER BY ordinal_position")) {
        while (rs.next()) {
          columns.add(rs.getString(1) + " " + rs.getString(2));
        }
      }
      assertThat(columns).containsExactly("position bigint", "id text", "aggregatetype text", "aggregateid text",
          "type text", "payload text");
      try (ResultSet rs = s.executeQuery("SELECT count(*) FROM loyalty_outbox_line")) {
        rs.next();
        assertThat(rs.getInt(1)).as("no line is held or failed after the migration").isZero();
      }
      try (ResultSet rs = s.executeQuery("SELECT count(*) FROM pg_constraint WHERE conname IN"
          + " ('loyalty_outbox_line_key', 'loyalty_outbox_line_failure_check') AND connamespace = current_schema()::regnamespace")) {
        rs.next();
        assertThat(rs.getInt(1)).isEqualTo(2);
      }
    }
    assertThat(store.claim("relay", "r1", 10, Instant.EPOCH, java.time.Duration.ofSeconds(30)))
        .extracting(e -> e.event().id()).as("an event stored before version 9 is claimed").containsExactly("e1");
  }

  @Test
  void a_lock_row_serializes_migrations_where_advisory_locks_are_missing() throws Exception {
    DataSource ds = Postgres.freshSchema();
    java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(2);
    try {
      java.util.List<java.util.concurrent.Future<Integer>> runs = new java.util.ArrayList<>();
      for (int i = 0; i < 2; i++) {
        runs.add(pool.submit(() -> JdbcLoyaltyStore.create(ds, MigrationLock.ROW).schemaVersion()));
      }
      for (java.util.concurrent.Future<Integer> run : runs) {
        assertThat(run.get()).isEqualTo(JdbcLoyaltyStore.latestSchemaVersion());
      }
    } finally {
      pool.shutdownNow();
    }
    try (Connection c = ds.getConnection(); Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT count(*), count(DISTINCT version) FROM loyalty_schema_version")) {
      rs.next();
      assertThat(rs.getInt(1)).as("each script applied once").isEqualTo(rs.getInt(2))
          .isEqualTo(JdbcLoyaltyStore.latestSchemaVersion());
    }
  }

  @Test
  void version_10_under_the_citus_dialect_moves_stored_memberships_and_source_ids_to_their_tables_which_refuse_them_again()
      throws Exception {
    DataSource ds = Postgres.freshSchema();
    try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
      migrateBySqlTo(s, 9);
    }
    ProgramId program = ProgramId.of("camp_v10");
    Instant now = Instant.parse("2024-03-04T10:00:00Z");
    io.loyalty.core.LoyaltyEngine before = engineOn(JdbcLoyaltyStore.withoutMigration(ds), now);
    before.define(io.loyalty.spi.program.Program.builder(program, "Before 10").build());
    CardCode first = before.enrol(program, CustomerId.of("c1")).code();
    before.addPoints(first, 10, io.loyalty.core.AddedPointsExpiry.never(), "welcome", "src-1");

    JdbcLoyaltyStore store = JdbcLoyaltyStore.create(ds, JdbcDialect.CITUS);

    assertThat(store.schemaVersion()).isEqualTo(JdbcLoyaltyStore.latestSchemaVersion());
    assertThat(rowsOf(ds, "SELECT holder || '/' || program || '/' || wallet || '=' || card FROM loyalty_member"))
        .containsExactly("c1/camp_v10/main=" + first.value());
    assertThat(rowsOf(ds, "SELECT entry_key || '=' || card FROM loyalty_entry_key"))
        .as("the source id only: the card-scoped keys stay checked by the ledger's (card, entry_key)")
        .containsExactly(io.loyalty.spi.card.LedgerKey.Source.of("src-1").text() + "=" + first.value());
    io.loyalty.core.LoyaltyEngine after = engineOn(store, now);
    CardCode second = after.enrol(program, CustomerId.of("c2")).code();
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> after.addPoints(second, 5,
        io.loyalty.core.AddedPointsExpiry.never(), "again", "src-1"))
        .isInstanceOf(io.loyalty.core.SourceIdReusedException.class);
    Card another = Card.generated(CardCode.of("V10-OTHER"), program, now).toBuilder().holder(CustomerId.of("c1"))
        .publishedAt(now).build();
    assertThat(store.commit(io.loyalty.spi.store.ChangeSet.builder()
        .card(new io.loyalty.spi.store.CardWrite(another, 0)).build()))
        .as("a second card of the member, refused by loyalty_member").isEqualTo(new io.loyalty.spi.store.CommitResult
            .Duplicate(io.loyalty.spi.store.UniqueKey.MemberKey.of(another, CustomerId.of("c1"))));
    assertThat(store.card(CardCode.of("V10-OTHER"))).isEmpty();
  }

  @Test
  void version_10_leaves_the_cross_card_key_tables_empty_under_the_default_dialect() throws Exception {
    DataSource ds = Postgres.freshSchema();
    ProgramId program = ProgramId.of("camp_v10");
    Instant now = Instant.parse("2024-03-04T10:00:00Z");
    io.loyalty.core.LoyaltyEngine engine = engineOn(JdbcLoyaltyStore.create(ds), now);
    engine.define(io.loyalty.spi.program.Program.builder(program, "Ten").build());
    CardCode card = engine.enrol(program, CustomerId.of("c1")).code();
    engine.addPoints(card, 10, io.loyalty.core.AddedPointsExpiry.never(), "welcome", "src-1");

    assertThat(rowsOf(ds, "SELECT card FROM loyalty_member UNION ALL SELECT card FROM loyalty_entry_key")).isEmpty();
  }

  private static io.loyalty.core.LoyaltyEngine engineOn(JdbcLoyaltyStore store, Instant now) {
    java.util.SplittableRandom random = new java.util.SplittableRandom(7);
    return io.loyalty.core.LoyaltyEngine.builder().store(store)
        .clock(java.time.Clock.fixed(now, java.time.ZoneOffset.UTC)).random(random::nextInt).build();
  }

  private static List<String> rowsOf(DataSource ds, String sql) throws Exception {
    List<String> out = new java.util.ArrayList<>();
    try (Connection c = ds.getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
      while (rs.next()) {
        out.add(rs.getString(1));
      }
    }
    return out;
  }

  /**
   * Applies the scripts up to version {@code last} as plain SQL and records them, as a database of that version
   * holds them (no data step runs: the tests insert the rows of that version after it).
   */
  private static void migrateBySqlTo(Statement s, int last) throws Exception {
    s.execute("CREATE TABLE loyalty_schema_version (version integer PRIMARY KEY, script text NOT NULL,"
        + " applied_at timestamptz NOT NULL DEFAULT now())");
    for (int v = 1; v <= last; v++) {
      String script = Migrations.SCRIPTS.get(v - 1);
      try (var in = Migrations.class.getResourceAsStream(script)) {
        for (String statement : Migrations.statements(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8))) {
          s.execute(statement);
        }
      }
      s.execute("INSERT INTO loyalty_schema_version (version, script) VALUES (" + v + ", '" + script + "')");
    }
  }
}
