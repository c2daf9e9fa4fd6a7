package io.loyalty.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import io.loyalty.core.AddedPointsExpiry;
import io.loyalty.core.LoyaltyEngine;
import io.loyalty.spi.CardCode;
import io.loyalty.spi.CustomerId;
import io.loyalty.spi.ProgramId;
import io.loyalty.spi.RuleId;
import io.loyalty.spi.card.LedgerEntry;
import io.loyalty.spi.event.Customer;
import io.loyalty.spi.event.Order;
import io.loyalty.spi.event.OrderPaid;
import io.loyalty.spi.program.EarningRule;
import io.loyalty.spi.program.Measure;
import io.loyalty.spi.program.PointsFormula;
import io.loyalty.spi.program.Program;
import io.loyalty.spi.program.Trigger;
import io.loyalty.spi.reward.RedeemRequest;
import io.loyalty.spi.reward.Reward;
import io.loyalty.spi.reward.RewardAssignment;
import io.loyalty.spi.reward.RewardKind;
import io.loyalty.spi.store.OutboxEvent;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.junit.jupiter.api.DisplayName;

/**
 * A distributed PostgreSQL (CockroachDB, YugabyteDB) rejects a transaction with a serialization failure
 * ({@code 40001}) at any statement or at its commit: here one is injected at every statement of every write in turn,
 * and each operation still takes effect exactly once, leaving the same state as a run with no failure.
 */
@DisplayName("a serialization failure (40001) at any statement of any write: nothing half-written, applied once")
class SerializationFailureTest {
  private static final Instant T0 = Instant.parse("2024-03-04T10:00:00Z");
  private static final ProgramId PROGRAM = ProgramId.of("camp_40001");

  /** A data source whose write transactions fail with 40001 at one chosen statement (or commit), once. */
  static final class FailingSource implements ConnectionSource {
    private final DataSource real;
    /** The write statement to fail at, counted from 1 since {@link #arm}; 0 for none. */
    private volatile int failAt;
    final AtomicInteger seen = new AtomicInteger();
    volatile boolean fired;

    FailingSource(DataSource real) {
      this.real = real;
    }

    void arm(int at) {
      seen.set(0);
      fired = false;
      failAt = at;
    }

    void disarm() {
      failAt = 0;
    }

    private void step(Connection c) throws SQLException {
      if (failAt == 0 || c.getAutoCommit()) {
        return; // reads outside a transaction are single statements a distributed database retries itself
      }
      if (seen.incrementAndGet() == failAt) {
        fired = true;
        throw new SQLException("injected: restart transaction", "40001");
      }
    }

    @Override
    public Connection getConnection() throws SQLException {
      return wrap(real.getConnection());
    }

    private Connection wrap(Connection c) {
      InvocationHandler statements = (proxy, method, args) -> invoke(c, method, args);
      return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {Connection.class},
          statements);
    }

    private Object invoke(Connection c, Method method, Object[] args) throws Throwable {
      if (method.getName().equals("commit")) {
        step(c);
      }
      Object result = call(c, method, args);
      if (result instanceof Statement s) {
        Class<?> type = method.getReturnType();
        return Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (p, m, a) -> {
          if (m.getName().startsWith("execute")) {
            step(c);
          }
          return call(s, m, a);
        });
      }
      return result;
    }

    private static Object call(Object target, Method method, Object[] args) throws Throwable {
      try {
        return method.invoke(target, args);
      } catch (InvocationTargetException e) {
        throw e.getCause();
      }
    }

  }

  /** The operations of the test, each a write of a different shape, run in order on one engine. */
  private static List<Consumer<LoyaltyEngine>> operations() {
    List<Consumer<LoyaltyEngine>> ops = new ArrayList<>();
    ops.add(e -> e.defineReward(Reward.of("rew_mug", "Mug", new RewardKind.Material(io.loyalty.spi.ProductId.of("p_mug"),
        null))));
    ops.add(e -> e.define(Program.builder(PROGRAM, "40001").autoJoin(true)
        .earningRule(EarningRule.builder(RuleId.of("ern_per_dollar"), Trigger.ORDER_PAID,
            PointsFormula.proportional(new Measure.OrderAmount(), 100, 1)).build())
        .reward(RewardAssignment.of("rewa_mug", io.loyalty.spi.RewardId.of("rew_mug"), 30))
        .build()));
    ops.add(e -> e.apply(OrderPaid.of("evt_1", T0, Customer.of("alice"), Order.ofAmount("ord_1", "USD", 12_000))));
    ops.add(e -> e.addPoints(card(e), 25, AddedPointsExpiry.never(), "goodwill", "src_1"));
    ops.add(e -> e.removePoints(card(e), 5, "correction", "src_2"));
    ops.add(e -> e.redeem(RedeemRequest.of("red_1", card(e), io.loyalty.spi.AssignmentId.of("rewa_mug"))));
    ops.add(e -> {
      try {
        e.rollback(io.loyalty.spi.RedemptionId.of("red_1"), "returned");
      } catch (io.loyalty.core.AlreadyRolledBackException done) {
        // a retry of a rollback that took effect: the typed answer of its idempotency
      }
    });
    ops.add(e -> e.apply(OrderPaid.of("evt_2", T0, Customer.of("bob"), Order.ofAmount("ord_2", "USD", 5_000))));
    return ops;
  }

  private static CardCode card(LoyaltyEngine e) {
    return e.cardOf(PROGRAM, CustomerId.of("alice")).orElseThrow().code();
  }

  private static LoyaltyEngine engine(DataSource ds, JdbcDialect dialect) {
    return LoyaltyEngine.builder().store(JdbcLoyaltyStore.create(ds, dialect)).clock(Clock.fixed(T0, ZoneOffset.UTC))
        .random(new io.loyalty.spi.host.RandomSource() {
          private final java.util.Random random = new java.util.Random(40001);

          @Override
          public synchronized int nextInt(int bound) {
            return random.nextInt(bound);
          }
        }).build();
  }

  /** What a run leaves: each member's ledger (type, points, balance after) and the outbox's event types. */
  private static List<String> state(LoyaltyEngine e, JdbcLoyaltyStore store) {
    List<String> state = new ArrayList<>();
    for (String member : List.of("alice", "bob")) {
      CardCode code = e.cardOf(PROGRAM, CustomerId.of(member)).orElseThrow().code();
      for (LedgerEntry entry : e.ledger(code)) {
        state.add(member + " " + entry.type() + " " + entry.points() + " -> " + entry.balanceAfter());
      }
    }
    for (OutboxEvent event : store.pending("check", Set.copyOf(EnumSet.allOf(OutboxEvent.Type.class)), 10_000)) {
      state.add("event " + event.type());
    }
    return state;
  }

  /** With the Citus dialect too: its claims of the keys that span cards are statements of the writes as well. */
  @org.junit.jupiter.params.ParameterizedTest
  @org.junit.jupiter.params.provider.EnumSource(value = JdbcDialect.class, names = {"POSTGRESQL", "CITUS"})
  void every_statement_of_every_write_may_fail_once_and_the_operation_still_takes_effect_once(JdbcDialect dialect) {
    DataSource reference = Postgres.freshSchema();
    LoyaltyEngine plain = engine(reference, dialect);
    operations().forEach(op -> op.accept(plain));
    List<String> expected = state(plain, JdbcLoyaltyStore.create(reference, dialect));

    FailingSource failing = new FailingSource(Postgres.freshSchema());
    LoyaltyEngine engine = engine(failing, dialect);
    JdbcLoyaltyStore store = JdbcLoyaltyStore.create(failing, dialect);
    int injected = 0;
    for (Consumer<LoyaltyEngine> op : operations()) {
      for (int at = 1; ; at++) {
        // the same operation with a failure at its at-th write statement: a retry (or the engine's idempotency on a
        // second call) makes it take effect once
        failing.arm(at);
        try {
          op.accept(engine);
        } catch (RuntimeException failed) {
          failing.disarm();
          op.accept(engine); // a caller's retry of a failed operation: idempotent
        }
        failing.disarm();
        if (!failing.fired) {
          break; // the operation has fewer write statements: every one has failed once
        }
        injected++;
        op.accept(engine); // and a retry after success is a no-op: the state must not move
      }
    }
    assertThat(injected).as("failures injected: at least one in each write").isGreaterThanOrEqualTo(operations().size());
    assertThat(state(engine, store)).isEqualTo(expected);
  }
}
