package io.loyalty.bench;

import io.loyalty.core.InMemoryLoyaltyStore;
import io.loyalty.core.LoyaltyEngine;
import io.loyalty.jdbc.JdbcLoyaltyStore;
import io.loyalty.spi.event.Customer;
import io.loyalty.spi.event.Order;
import io.loyalty.spi.store.LoyaltyStore;
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
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.Supplier;

/**
 * The outbox's own cost on an order (issue 15, "Measured"): the workload's orders applied once with the outbox and
 * once with every change set committed without its outbox events ({@link OutboxSwitchStore}), on the in-memory store
 * and on embedded PostgreSQL; orders per second, p50 and p99 per order, and on PostgreSQL the disk per order. The two
 * sides alternate round by round on fresh stores, so neither always goes first. Run by its command only
 * (docs/benchmarks.md). Options: {@code --orders N} per round in memory (20,000), {@code --pg-orders N} per round on
 * PostgreSQL (2,000), {@code --rounds N} (7), {@code --members N} (50), {@code --no-pg}.
 */
public final class OutboxCostRun {
  private static final long ORDER_POINTS = Arrays.stream(Workload.EXPECTED_POINTS).sum();

  private OutboxCostRun() {}

  /** One side's figures, summed over its rounds; {@code rounds} holds each round's orders per second. */
  record Side(boolean outbox, long orders, long nanos, long[] latencies, long bytes, long outboxEvents,
      double[] rounds) {
    double perSecond() {
      return orders / (nanos / 1e9);
    }

    /** The median of the rounds' orders per second. */
    double medianPerSecond() {
      return median(rounds);
    }

    double percentileMicros(int percentile) {
      long[] sorted = latencies.clone();
      Arrays.sort(sorted);
      int at = Math.min(sorted.length - 1, Math.max(0, (int) Math.ceil(percentile / 100.0 * sorted.length) - 1));
      return sorted.length == 0 ? 0 : sorted[at] / 1e3;
    }

    double bytesPerOrder() {
      return (double) bytes / orders;
    }

    Side plus(Side other) {
      long[] all = Arrays.copyOf(latencies, latencies.length + other.latencies.length);
      System.arraycopy(other.latencies, 0, all, latencies.length, other.latencies.length);
      double[] both = Arrays.copyOf(rounds, rounds.length + other.rounds.length);
      System.arraycopy(other.rounds, 0, both, rounds.length, other.rounds.length);
      return new Side(outbox, orders + other.orders, nanos + other.nanos, all, bytes + other.bytes,
          outboxEvents + other.outboxEvents, both);
    }
  }

  /**
   * Both sides on one store; {@code ratios} holds, per round, the orders per second with the outbox over those without
   * it in the same round.
   */
  record Comparison(String store, Side with, Side without, double[] ratios) {
    /** The median of the rounds' throughput ratios. */
    double medianRatio() {
      return median(ratios);
    }
  }

  static double median(double[] values) {
    if (values.length == 0) {
      return 0;
    }
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    int mid = sorted.length / 2;
    return sorted.length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
  }

  /** A fresh store for one round, and how to read its size and its outbox rows after the round. */
  private interface Fixture {
    LoyaltyStore store();

    /** Bytes on disk, or 0 where there is no disk. */
    long size();

    /** How many outbox events the store holds. */
    long outboxEvents();
  }

  /** {@code OutboxCostRun [options]}: prints the figures as Markdown tables. */
  public static void main(String[] args) throws Exception {
    int orders = 20_000;
    int pgOrders = 2_000;
    int rounds = 7;
    int members = 50;
    boolean pg = true;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--orders" -> orders = Integer.parseInt(args[++i]);
        case "--pg-orders" -> pgOrders = Integer.parseInt(args[++i]);
        case "--rounds" -> rounds = Integer.parseInt(args[++i]);
        case "--members" -> members = Integer.parseInt(args[++i]);
        case "--no-pg" -> pg = false;
        default -> throw new IllegalArgumentException("unknown option " + args[i]);
      }
    }
    long started = System.nanoTime();
    System.out.printf(Locale.ROOT, "# The outbox's own cost on an order%n%n%s, %d cores, load average %.2f; %d rounds"
            + " per side, %d members, %d orders per round in memory, %d on PostgreSQL%n%n",
        ZonedDateTime.now(ZoneOffset.UTC).withNano(0), Runtime.getRuntime().availableProcessors(),
        java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(), rounds, members,
        orders, pgOrders);
    List<Comparison> results = new ArrayList<>();
    results.add(memory(orders, members, rounds));
    if (pg) {
      try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().setServerConfig("autovacuum", "off").start()) {
        results.add(postgres(postgres, pgOrders, members, rounds));
      }
    }
    System.out.println();
    System.out.println("| store | outbox | orders/s (median of rounds) | p50 (µs) | p99 (µs) | B/order |"
        + " outbox events/order |");
    System.out.println("|---|---|---:|---:|---:|---:|---:|");
    for (Comparison c : results) {
      for (Side s : List.of(c.with(), c.without())) {
        System.out.printf(Locale.ROOT, "| %s | %s | %,.0f | %.1f | %.1f | %s | %.1f |%n", c.store(),
            s.outbox() ? "with" : "without", s.medianPerSecond(), s.percentileMicros(50), s.percentileMicros(99),
            s.bytes() == 0 ? "—" : String.format(Locale.ROOT, "%,.0f", s.bytesPerOrder()),
            (double) s.outboxEvents() / s.orders());
      }
      System.out.printf(Locale.ROOT, "| %s | **with / without** | **%.2f** (median of the rounds' ratios) | **%.2f** |"
              + " **%.2f** | %s | |%n", c.store(), c.medianRatio(),
          c.with().percentileMicros(50) / c.without().percentileMicros(50),
          c.with().percentileMicros(99) / c.without().percentileMicros(99), c.without().bytes() == 0 ? "—"
              : String.format(Locale.ROOT, "**%.2f**", c.with().bytesPerOrder() / c.without().bytesPerOrder()));
    }
    System.out.printf(Locale.ROOT, "%nwhole run: %.0f s, load average at the end %.2f%n",
        (System.nanoTime() - started) / 1e9,
        java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
  }

  /** Both sides on fresh in-memory stores: one untimed warm-up round each, then {@code rounds} rounds each. */
  static Comparison memory(int orders, int members, int rounds) {
    Supplier<Fixture> stores = () -> inMemory(InMemoryLoyaltyStore.create());
    round(stores.get(), true, Math.min(orders, 5_000), members);
    round(stores.get(), false, Math.min(orders, 5_000), members);
    return compare("in memory", stores, orders, members, rounds);
  }

  /** Both sides on embedded PostgreSQL, each round on a fresh schema. */
  static Comparison postgres(EmbeddedPostgres pg, int orders, int members, int rounds) throws SQLException {
    List<ThreadConnections> pools = new ArrayList<>();
    try (Connection admin = pg.getPostgresDatabase().getConnection()) {
      int[] schemas = {0};
      Supplier<Fixture> stores = () -> {
        String schema = "outbox_cost_" + schemas[0]++;
        exec(admin, "CREATE SCHEMA " + schema);
        ThreadConnections pool = new ThreadConnections(() -> {
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
        pools.add(pool);
        LoyaltyStore store = JdbcLoyaltyStore.create(pool);
        return new Fixture() {
          @Override
          public LoyaltyStore store() {
            return store;
          }

          @Override
          public long size() {
            return query(admin, "SELECT coalesce(sum(pg_total_relation_size(c.oid)), 0) FROM pg_class c"
                + " JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = '" + schema + "'"
                + " AND c.relkind = 'r'");
          }

          @Override
          public long outboxEvents() {
            return query(admin, "SELECT count(*) FROM " + schema + ".loyalty_outbox");
          }
        };
      };
      round(stores.get(), true, Math.min(orders, 500), members);
      round(stores.get(), false, Math.min(orders, 500), members);
      return compare("PostgreSQL", stores, orders, members, rounds);
    } finally {
      for (ThreadConnections pool : pools) {
        pool.close();
      }
    }
  }

  private static Comparison compare(String name, Supplier<Fixture> stores, int orders, int members, int rounds) {
    Side with = new Side(true, 0, 0, new long[0], 0, 0, new double[0]);
    Side without = new Side(false, 0, 0, new long[0], 0, 0, new double[0]);
    double[] ratios = new double[rounds];
    for (int r = 0; r < rounds; r++) {
      boolean withFirst = r % 2 == 0;
      Side roundWith = null;
      Side roundWithout = null;
      for (boolean outbox : new boolean[] {withFirst, !withFirst}) {
        Side side = round(stores.get(), outbox, orders, members);
        if (outbox) {
          roundWith = side;
        } else {
          roundWithout = side;
        }
      }
      with = with.plus(roundWith);
      without = without.plus(roundWithout);
      ratios[r] = roundWith.perSecond() / roundWithout.perSecond();
      System.out.printf(Locale.ROOT, "%s, round %d: with %,.0f orders/s, without %,.0f (%.2f)%n", name, r + 1,
          roundWith.perSecond(), roundWithout.perSecond(), ratios[r]);
    }
    return new Comparison(name, with, without, ratios);
  }

  /**
   * One round on a fresh store: {@code members} members enrolled with {@link ApplyFixture#PRIOR_ORDERS} orders each
   * (untimed), then {@code orders} orders round-robin, each timed; the store's size and outbox are read around the
   * timed part.
   */
  static Side round(Fixture fixture, boolean outbox, int orders, int members) {
    OutboxSwitchStore store = outbox ? OutboxSwitchStore.withOutbox(fixture.store())
        : OutboxSwitchStore.withoutOutbox(fixture.store());
    LoyaltyEngine engine = engine(store);
    engine.define(Workload.program());
    Customer[] customers = new Customer[members];
    for (int m = 0; m < members; m++) {
      customers[m] = Workload.customer("member_" + m);
      engine.enrol(Workload.PROGRAM, customers[m].id());
    }
    for (int round = 0; round < ApplyFixture.PRIOR_ORDERS; round++) {
      Order order = Workload.order("ord_prior_" + round);
      for (int m = 0; m < members; m++) {
        engine.apply(Workload.event("evt_prior_" + round + "_" + m, customers[m], order));
      }
    }
    var events = new io.loyalty.spi.event.OrderPaid[orders];
    for (int i = 0; i < orders; i++) {
      events[i] = Workload.event("evt_" + i, customers[i % members], Workload.order("ord_" + i / members));
    }
    long eventsBefore = fixture.outboxEvents();
    long sizeBefore = fixture.size();
    System.gc(); // the rounds before leave their garbage: collect it outside the timed part
    long[] latencies = new long[orders];
    long points = 0;
    long start = System.nanoTime();
    for (int i = 0; i < orders; i++) {
      long t0 = System.nanoTime();
      points += engine.apply(events[i]).points();
      latencies[i] = System.nanoTime() - t0;
    }
    long nanos = System.nanoTime() - start;
    if (points != orders * ORDER_POINTS) {
      throw new IllegalStateException(orders + " orders earned " + points + " points, expected " + ORDER_POINTS
          + " each");
    }
    return new Side(outbox, orders, nanos, latencies, fixture.size() - sizeBefore,
        fixture.outboxEvents() - eventsBefore, new double[] {orders / (nanos / 1e9)});
  }

  /** An in-memory fixture for tests: the store, no disk. */
  static Fixture inMemory(InMemoryLoyaltyStore store) {
    return new Fixture() {
      @Override
      public LoyaltyStore store() {
        return store;
      }

      @Override
      public long size() {
        return 0;
      }

      @Override
      public long outboxEvents() {
        return store.pending("bench.count", Set.of(), Integer.MAX_VALUE).size();
      }
    };
  }

  private static LoyaltyEngine engine(LoyaltyStore store) {
    SplittableRandom random = new SplittableRandom(42);
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

  private static void exec(Connection c, String sql) {
    try (Statement s = c.createStatement()) {
      s.execute(sql);
    } catch (SQLException e) {
      throw new IllegalStateException("cannot run " + sql, e);
    }
  }

  private static long query(Connection c, String sql) {
    try (PreparedStatement p = c.prepareStatement(sql); ResultSet r = p.executeQuery()) {
      r.next();
      return r.getLong(1);
    } catch (SQLException e) {
      throw new IllegalStateException("cannot run " + sql, e);
    }
  }
}
