package io.loyalty.bench;

import io.loyalty.core.LoyaltyEngine;
import io.loyalty.jdbc.JdbcLoyaltyStore;
import io.loyalty.spi.event.Customer;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.SplittableRandom;
import javax.sql.DataSource;

/**
 * One build's side of {@link JdbcAb}: an engine on {@link JdbcLoyaltyStore} in its own schema, members enrolled and
 * given earlier orders, then bursts of the workload's order round-robin, each order timed. {@link JdbcAb} loads it once
 * per build, in that build's class loader, and calls it reflectively (its constructor and {@link #burst}), so it uses
 * only what every build has: the engine's builder, the store's {@code create}, the workload.
 */
public final class JdbcAbDriver {
  private final LoyaltyEngine engine;
  private final Customer[] customers;
  private final String schema;
  private int next;

  /** Creates {@code schema} on the database, enrols {@code members} and applies {@code prior} orders to each. */
  public JdbcAbDriver(DataSource database, String schema, int members, int prior) throws SQLException {
    try (Connection c = database.getConnection(); Statement s = c.createStatement()) {
      s.execute("CREATE SCHEMA " + schema);
    }
    ThreadConnections pool = new ThreadConnections(() -> {
      try {
        Connection c = database.getConnection();
        try (Statement s = c.createStatement()) {
          s.execute("SET search_path TO " + schema);
        }
        return c;
      } catch (SQLException e) {
        throw new IllegalStateException("cannot connect", e);
      }
    });
    SplittableRandom random = new SplittableRandom(1);
    this.engine = LoyaltyEngine.builder().store(JdbcLoyaltyStore.create(pool))
        .clock(Clock.fixed(Workload.AT, ZoneOffset.UTC))
        .random(bound -> {
          synchronized (random) {
            return random.nextInt(bound);
          }
        })
        .productCollections(Workload.collections())
        .build();
    engine.define(Workload.program());
    this.schema = schema;
    this.customers = new Customer[members];
    for (int m = 0; m < members; m++) {
      customers[m] = Workload.customer(schema + "_m" + m);
      engine.enrol(Workload.PROGRAM, customers[m].id());
    }
    for (int i = 0; i < prior * members; i++) {
      apply();
    }
  }

  private void apply() {
    int i = next++;
    engine.apply(Workload.event("evt_" + schema + "_" + i, customers[i % customers.length],
        Workload.order("ord_" + i / customers.length)));
  }

  /** Applies the next {@code orders} orders; returns the nanoseconds each took. */
  public long[] burst(int orders) {
    long[] nanos = new long[orders];
    for (int i = 0; i < orders; i++) {
      long t0 = System.nanoTime();
      apply();
      nanos[i] = System.nanoTime() - t0;
    }
    return nanos;
  }
}
