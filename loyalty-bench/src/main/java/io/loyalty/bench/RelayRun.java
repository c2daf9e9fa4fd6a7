package io.loyalty.bench;

import io.loyalty.core.LoyaltyEngine;
import io.loyalty.core.OutboxRelay;
import io.loyalty.jdbc.JdbcLoyaltyStore;
import io.loyalty.spi.event.Customer;
import io.loyalty.spi.event.Order;
import io.loyalty.spi.event.OrderPaid;
import io.loyalty.spi.store.LoyaltyStore;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;

/**
 * The outbox relay on embedded PostgreSQL (issue 15, "Measured"): events delivered per second by 1 and by 4 relays
 * racing on one consumer, over a backlog of committed orders; and the delivery lag (commit to listener) while orders
 * keep coming. {@code RelayRun [ORDERS, default 2000] [--members N, default 50]}: the orders go round-robin to N
 * members, so the backlog has N cards (lines) for the relays to share. Figures from one run.
 */
public final class RelayRun {
  private RelayRun() {}

  /** {@code RelayRun [ORDERS] [--members N]}. */
  public static void main(String[] args) throws Exception {
    int orders = 2_000;
    int members = 50;
    for (int i = 0; i < args.length; i++) {
      if (args[i].equals("--members")) {
        members = Integer.parseInt(args[++i]);
      } else {
        orders = Integer.parseInt(args[i]);
      }
    }
    if (members < 1) {
      throw new IllegalArgumentException("--members must be 1 or more: " + members);
    }
    try (EmbeddedPostgres pg = EmbeddedPostgres.builder().setServerConfig("autovacuum", "off").start()) {
      System.out.printf(Locale.ROOT, "Outbox relay on embedded PostgreSQL, %d orders of the workload (12 rules: about"
          + " 13 events each) over %d members (cards), %s, load average %.2f%n", orders, members, Instant.now(),
          java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
      for (int relays : new int[] {1, 4}) {
        DataSource ds = schema(pg, "relay_" + relays);
        LoyaltyStore store = JdbcLoyaltyStore.create(ds);
        LoyaltyEngine engine = engine(store);
        for (int i = 0; i < orders; i++) {
          engine.apply(order(i, members));
        }
        AtomicLong seen = new AtomicLong();
        List<OutboxRelay> racing = new ArrayList<>();
        for (int r = 0; r < relays; r++) {
          racing.add(OutboxRelay.builder(store, "bench").owner("relay-" + r).clock(Clock.systemUTC()).batchSize(200)
              .lease(Duration.ofSeconds(30)).listener(e -> seen.incrementAndGet()).build());
        }
        long start = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(relays);
        List<Future<?>> runs = new ArrayList<>();
        for (OutboxRelay relay : racing) {
          runs.add(pool.submit(() -> {
            int idle = 0;
            while (idle < 3) {
              idle = relay.runOnce().claimed() == 0 ? idle + 1 : 0;
            }
            return null;
          }));
        }
        for (Future<?> run : runs) {
          run.get();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        pool.shutdown();
        System.out.printf(Locale.ROOT, "  %d relay(s): %,d events delivered in %.2f s: %,.0f events/s%n", relays,
            seen.get(), seconds, seen.get() / seconds);
      }
      // lag: orders keep coming on one thread while one relay delivers; commit instant to the listener's instant
      DataSource ds = schema(pg, "relay_lag");
      LoyaltyStore store = JdbcLoyaltyStore.create(ds);
      LoyaltyEngine engine = engine(store);
      ConcurrentLinkedQueue<Long> lags = new ConcurrentLinkedQueue<>();
      OutboxRelay relay = OutboxRelay.builder(store, "bench").owner("relay-lag").clock(Clock.systemUTC())
          .batchSize(200).pollInterval(Duration.ofMillis(5))
          .listener(e -> lags.add(Duration.between(e.at(), Instant.now()).toNanos())).build();
      relay.start();
      for (int i = 0; i < orders / 2; i++) {
        engine.apply(order(i, members));
      }
      long deadline = System.nanoTime() + 30_000_000_000L;
      // until the relay has acknowledged every event (12 per order and one per member joined), or 30 s
      while (!store.pending("bench", java.util.Set.of(), 1).isEmpty() && System.nanoTime() < deadline) {
        Thread.sleep(20);
      }
      relay.stop(Duration.ofSeconds(5));
      long[] sorted = lags.stream().mapToLong(Long::longValue).sorted().toArray();
      System.out.printf(Locale.ROOT, "  delivery lag with orders arriving (1 relay, polling every 5 ms): %,d events,"
          + " p50 %.1f ms, p99 %.1f ms%n", sorted.length, at(sorted, 50) / 1e6, at(sorted, 99) / 1e6);
    }
  }

  private static long at(long[] sorted, int percentile) {
    return sorted.length == 0 ? 0 : sorted[Math.min(sorted.length - 1, (int) Math.ceil(percentile / 100.0 * sorted.length) - 1)];
  }

  private static OrderPaid order(int i, int members) {
    Customer customer = Workload.customer("m" + (i % members));
    return OrderPaid.of("evt_" + i, Instant.now(), customer, Workload.order("ord_" + i));
  }

  private static LoyaltyEngine engine(LoyaltyStore store) {
    LoyaltyEngine engine = LoyaltyEngine.builder().store(store).clock(Clock.systemUTC())
        .productCollections(Workload.collections()).build();
    engine.define(Workload.program().toBuilder().autoJoin(true).build());
    return engine;
  }

  private static DataSource schema(EmbeddedPostgres pg, String name) throws Exception {
    try (var c = pg.getPostgresDatabase().getConnection(); var s = c.createStatement()) {
      s.execute("CREATE SCHEMA " + name);
    }
    org.postgresql.ds.PGSimpleDataSource ds = new org.postgresql.ds.PGSimpleDataSource();
    ds.setURL("jdbc:postgresql://localhost:" + pg.getPort() + "/postgres?currentSchema=" + name);
    ds.setUser("postgres");
    return ds;
  }
}
