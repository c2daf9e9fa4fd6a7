package io.loyalty.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import io.loyalty.core.LoyaltyEngine;
import io.loyalty.core.OutboxRelay;
import io.loyalty.spi.CardCode;
import io.loyalty.spi.CustomerId;
import io.loyalty.spi.ErrorCode;
import io.loyalty.spi.EventId;
import io.loyalty.spi.LoyaltyException;
import io.loyalty.spi.OrderId;
import io.loyalty.spi.ProgramId;
import io.loyalty.spi.RuleId;
import io.loyalty.spi.card.EntryType;
import io.loyalty.spi.card.LedgerEntry;
import io.loyalty.spi.card.LedgerKey;
import io.loyalty.spi.event.Customer;
import io.loyalty.spi.event.Order;
import io.loyalty.spi.event.OrderPaid;
import io.loyalty.spi.program.CardPool;
import io.loyalty.spi.program.EarningRule;
import io.loyalty.spi.program.Measure;
import io.loyalty.spi.program.PointsFormula;
import io.loyalty.spi.program.Program;
import io.loyalty.spi.program.Trigger;
import io.loyalty.spi.store.EventReceipt;
import io.loyalty.spi.store.OutboxEvent;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 15, item 7: PostgreSQL stopped and started again under load. Its own embedded server (not the shared one), on a
 * data directory and port that survive the restart; the engine and the relay keep running through it, on a plain
 * {@link FreshConnections} data source that opens a fresh connection for each request (as the driver's {@code
 * PGSimpleDataSource} does; a pool that validates connections recovers the same way).
 */
@DisplayName("PostgreSQL stopped and started again under load")
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class DatabaseRestartUnderLoadTest {
  static final ProgramId PROGRAM = ProgramId.of("camp_faults");
  static final Instant T0 = Instant.parse("2024-03-04T10:00:00Z");
  static final int CUSTOMERS = 6;
  static final int WORKERS = 4;
  static final int ORDERS = 240;
  static final int BATCH = 20;
  /** Orders applied before the database is stopped: the stop lands mid-load. */
  static final int STOP_AFTER = 40;
  /** The application name of the engine's sessions. */
  static final String ENGINE_SESSIONS = "faults-engine";

  @TempDir
  Path dir;
  int port;
  String url;
  volatile EmbeddedPostgres server;
  JdbcLoyaltyStore store;
  LoyaltyEngine engine;
  OutboxRelay relay;
  final List<CardCode> cards = new ArrayList<>();
  final ConcurrentLinkedQueue<OutboxEvent> delivered = new ConcurrentLinkedQueue<>();

  @BeforeEach
  void ownServer() throws IOException {
    try (ServerSocket free = new ServerSocket(0)) {
      port = free.getLocalPort();
    }
    server = start();
    // a dead server answers at once (connection refused); the timeouts only bound a hung one
    url = "jdbc:postgresql://localhost:" + port + "/postgres?user=postgres&connectTimeout=5&socketTimeout=20";
    // the engine and the relay on their own sessions' names, so that the test can tell their waits apart
    store = JdbcLoyaltyStore.create(new FreshConnections(url + "&ApplicationName=" + ENGINE_SESSIONS));
    engine = LoyaltyEngine.builder().store(store).clock(Clock.fixed(T0, ZoneOffset.UTC)).build();
    engine.define(Program.builder(PROGRAM, "Faults").pool(CardPool.growing(2))
        .earningRule(EarningRule.builder(RuleId.of("per_euro"), Trigger.ORDER_PAID,
            PointsFormula.proportional(new Measure.OrderAmount(), 100, 1)).build()).build());
    for (int c = 0; c < CUSTOMERS; c++) {
      cards.add(engine.enrol(PROGRAM, CustomerId.of("cust_" + c)).code());
    }
    // leases run on real time, so a batch cut off by the stop is claimed again once its lease ends
    JdbcLoyaltyStore relayStore = JdbcLoyaltyStore.withoutMigration(
        new FreshConnections(url + "&ApplicationName=faults-relay"));
    relay = OutboxRelay.builder(relayStore, "faults").clock(Clock.systemUTC()).batchSize(BATCH)
        .lease(Duration.ofSeconds(2)).pollInterval(Duration.ofMillis(20)).listener(delivered::add).build();
    relay.start();
  }

  private EmbeddedPostgres start() throws IOException {
    return EmbeddedPostgres.builder().setDataDirectory(dir.resolve("data")).setCleanDataDirectory(false).setPort(port)
        .start();
  }

  @AfterEach
  void stop() throws IOException {
    if (relay != null) {
      relay.stop(Duration.ofSeconds(10));
    }
    if (server != null) {
      server.close();
    }
  }

  static long points(int order) {
    return 1 + order % 7;
  }

  static OrderPaid order(int i) {
    return OrderPaid.of("evt_" + i, T0, Customer.of("cust_" + (i % CUSTOMERS)),
        Order.ofAmount("ord_" + i, "EUR", 100 * points(i)));
  }

  @Test
  @DisplayName("operations in flight fail as store_unavailable, their retries apply once, nothing is half-written, "
      + "and the relay resumes by itself, delivering every event in each card's order")
  void a_restart_under_load_loses_nothing_and_applies_nothing_twice() throws Exception {
    CountDownLatch back = new CountDownLatch(1);
    AtomicInteger applied = new AtomicInteger();
    AtomicInteger waiting = new AtomicInteger();
    AtomicInteger finished = new AtomicInteger();
    ConcurrentLinkedQueue<LoyaltyException> failures = new ConcurrentLinkedQueue<>();
    ConcurrentLinkedQueue<Throwable> unexpected = new ConcurrentLinkedQueue<>();
    List<Thread> workers = new ArrayList<>();
    for (int w = 0; w < WORKERS; w++) {
      int first = w;
      Thread worker = new Thread(() -> {
        try {
          for (int i = first; i < ORDERS; i += WORKERS) {
            applyRetrying(order(i), back, waiting, failures);
            applied.incrementAndGet();
          }
        } catch (Throwable e) {
          unexpected.add(e);
        } finally {
          finished.incrementAndGet();
        }
      }, "faults-worker-" + w);
      worker.start();
      workers.add(worker);
    }

    await(() -> applied.get() >= STOP_AFTER || !unexpected.isEmpty(), "the first orders to be applied");
    // Hold the outbox so that every commit under way waits inside its transaction, its card rows already updated:
    // the stop then lands in the middle of those transactions, not between them.
    Connection holder = DriverManager.getConnection(url);
    holder.setAutoCommit(false);
    try (Statement lock = holder.createStatement()) {
      lock.execute("LOCK TABLE loyalty_outbox IN EXCLUSIVE MODE");
    }
    await(() -> blockedOnTheOutbox() >= WORKERS, "every worker's commit to wait on the held outbox");
    server.close();
    holder.close();
    // Keep it down until every worker still running has hit the outage and waits to retry.
    await(() -> waiting.get() + finished.get() >= WORKERS, "every worker to fail on the stopped database");
    server = start();
    back.countDown();
    for (Thread worker : workers) {
      worker.join(TimeUnit.SECONDS.toMillis(60));
      assertThat(worker.isAlive()).as("%s still running a minute after the restart", worker.getName()).isFalse();
    }
    assertThat(unexpected).as("failures that are not a retryable store error").isEmpty();

    assertThat(failures).as("operations that failed on the stopped database").isNotEmpty();
    // The commits waiting inside their transactions were ended by the server (57P01) or lost their socket (08006); a
    // worker whose next operation met the server shutting down saw 57P03 instead (the waits the test counts are the
    // engine's, but which operation each worker has under way when the stop lands is up to the scheduler).
    assertThat(failures.stream().filter(f -> f.getCause() instanceof SQLException sql
        && Set.of("57P01", "08006").contains(sql.getSQLState())))
        .as("operations cut off in flight, of failures in states %s", failures.stream()
            .map(f -> f.getCause() instanceof SQLException sql ? sql.getSQLState() : String.valueOf(f.getCause()))
            .toList())
        .isNotEmpty();
    for (LoyaltyException failure : failures) {
      assertThat(failure).isInstanceOf(JdbcStoreException.class);
      assertThat(failure.errorCode()).isEqualTo(ErrorCode.STORE_UNAVAILABLE);
      assertThat(failure.errorCode().httpStatus()).isEqualTo(503);
      assertThat(failure.getMessage()).doesNotContain("cust_");
    }

    List<OutboxEvent> outbox = store.pending("audit", Set.of(), 100_000);
    everyOrderAppliedOnceWithItsLedgerAndOutbox(outbox);
    await(() -> deliveredIds().containsAll(ids(outbox)), "the relay to deliver every committed event");
    deliveredInEachCardsOrderAtLeastOnce(outbox);
  }

  /** Applies the order, and after a store_unavailable waits for the database and sends the same event again. */
  private void applyRetrying(OrderPaid order, CountDownLatch back, AtomicInteger waiting,
      ConcurrentLinkedQueue<LoyaltyException> failures) throws InterruptedException {
    boolean counted = false;
    for (int attempt = 1; ; attempt++) {
      try {
        engine.apply(order);
        return;
      } catch (LoyaltyException e) {
        if (e.errorCode() != ErrorCode.STORE_UNAVAILABLE || attempt >= 100) {
          throw e;
        }
        failures.add(e);
        if (!counted) {
          counted = true;
          waiting.incrementAndGet();
        }
        if (!back.await(60, TimeUnit.SECONDS)) {
          throw new AssertionError("the database did not come back within a minute", e);
        }
        // the first attempts after the restart may still meet a server that is starting up
        Thread.sleep(20);
      }
    }
  }

  private void everyOrderAppliedOnceWithItsLedgerAndOutbox(List<OutboxEvent> outbox) {
    Map<CardCode, Long> expected = new HashMap<>();
    Map<CardCode, Set<OrderId>> ordersOf = new HashMap<>();
    for (int i = 0; i < ORDERS; i++) {
      CardCode card = cards.get(i % CUSTOMERS);
      expected.merge(card, points(i), Long::sum);
      ordersOf.computeIfAbsent(card, k -> new HashSet<>()).add(OrderId.of("ord_" + i));
      EventReceipt receipt = store.receipt(EventId.of("evt_" + i)).orElse(null);
      assertThat(receipt).as("receipt of evt_%s", i).isNotNull();
      assertThat(receipt.outcome().points()).as("points of evt_%s", i).isEqualTo(points(i));
    }
    Set<String> outboxIds = ids(outbox);
    assertThat(outboxIds).as("outbox ids are unique").hasSize(outbox.size());
    for (CardCode card : cards) {
      List<LedgerEntry> ledger = engine.ledger(card);
      List<OrderId> accrued = new ArrayList<>();
      for (int s = 0; s < ledger.size(); s++) {
        LedgerEntry entry = ledger.get(s);
        assertThat(entry.seq()).as("ledger of %s without gaps", card).isEqualTo(s + 1L);
        assertThat(outboxIds).as("the outbox row of %s's entry %s", card, entry.seq())
            .contains("entry:" + card.value() + "#" + entry.seq());
        assertThat(entry.type()).isEqualTo(EntryType.POINTS_ACCRUAL);
        accrued.add(((LedgerKey.Accrual) entry.key()).order());
      }
      assertThat(accrued).as("each order of %s accrued exactly once", card).doesNotHaveDuplicates()
          .containsExactlyInAnyOrderElementsOf(ordersOf.get(card));
      long sum = ledger.stream().mapToLong(LedgerEntry::points).sum();
      assertThat(sum).as("ledger of %s", card).isEqualTo(expected.get(card));
      assertThat(engine.card(card).balanceAt(T0)).as("balance of %s", card).isEqualTo(expected.get(card));
      assertThat(outbox.stream().filter(e -> e.card().equals(card) && e.id().startsWith("entry:")))
          .as("outbox rows of %s match its ledger", card).hasSize(ledger.size());
    }
  }

  private void deliveredInEachCardsOrderAtLeastOnce(List<OutboxEvent> outbox) {
    Map<CardCode, List<String>> committed = new HashMap<>();
    for (OutboxEvent event : outbox) {
      committed.computeIfAbsent(event.card(), k -> new ArrayList<>()).add(event.id());
    }
    Map<CardCode, LinkedHashSet<String>> firstDeliveries = new HashMap<>();
    int deliveries = 0;
    for (OutboxEvent event : delivered) {
      deliveries++;
      firstDeliveries.computeIfAbsent(event.card(), k -> new LinkedHashSet<>()).add(event.id());
    }
    for (Map.Entry<CardCode, List<String>> card : committed.entrySet()) {
      assertThat(List.copyOf(firstDeliveries.get(card.getKey()))).as("first deliveries of %s", card.getKey())
          .isEqualTo(card.getValue());
    }
    // At least once, and again only for the batch the stop cut off before it was settled.
    assertThat(deliveries - outbox.size()).as("events delivered again").isBetween(0, BATCH);
  }

  /**
   * The engine's sessions waiting for a lock: its commits, on the held outbox or on a card another waiting commit
   * holds (a separate connection: a transaction would see one snapshot). Not the relay's claims, nor autovacuum, which
   * wait on the held outbox too.
   */
  private int blockedOnTheOutbox() {
    try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT count(DISTINCT l.pid) FROM pg_locks l JOIN pg_stat_activity a"
            + " ON a.pid = l.pid WHERE NOT l.granted AND a.application_name = '" + ENGINE_SESSIONS + "'")) {
      rs.next();
      return rs.getInt(1);
    } catch (SQLException e) {
      throw new IllegalStateException("cannot read pg_locks", e);
    }
  }

  private Set<String> deliveredIds() {
    Set<String> ids = new HashSet<>();
    delivered.forEach(e -> ids.add(e.id()));
    return ids;
  }

  private static Set<String> ids(List<OutboxEvent> events) {
    Set<String> ids = new HashSet<>();
    events.forEach(e -> ids.add(e.id()));
    return ids;
  }

  /** Waits for the condition, at most 30 s, polling; fails naming what it waited for. */
  private static void await(BooleanSupplier condition, String what) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() - deadline > 0) {
        throw new AssertionError("gave up after 30 s waiting for " + what);
      }
      Thread.sleep(10);
    }
  }

  /** A data source without a pool: every {@code getConnection()} is a new connection to the URL. */
  private record FreshConnections(String url) implements ConnectionSource {
    @Override
    public Connection getConnection() throws SQLException {
      return DriverManager.getConnection(url);
    }
  }

}
