package io.loyalty.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import io.loyalty.core.AddedPointsExpiry;
import io.loyalty.core.InsufficientPointsException;
import io.loyalty.core.LoyaltyEngine;
import io.loyalty.core.MemberAlreadyExistsException;
import io.loyalty.spi.CardCode;
import io.loyalty.spi.CustomerId;
import io.loyalty.spi.EventId;
import io.loyalty.spi.ProgramId;
import io.loyalty.spi.RuleId;
import io.loyalty.spi.card.Card;
import io.loyalty.spi.card.EntryType;
import io.loyalty.spi.card.LedgerEntry;
import io.loyalty.spi.event.Customer;
import io.loyalty.spi.event.Order;
import io.loyalty.spi.event.OrderPaid;
import io.loyalty.spi.program.CardPool;
import io.loyalty.spi.program.EarningRule;
import io.loyalty.spi.program.Measure;
import io.loyalty.spi.program.PointsFormula;
import io.loyalty.spi.program.Program;
import io.loyalty.spi.program.Trigger;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Two service instances, each an engine with its own connection pool, share one database and hammer the same cards:
 * the same events delivered to both, transfers both ways with source ids sent to both. Nothing is lost, nothing is
 * applied twice, and every card's ledger adds up.
 */
@DisplayName("two engines on separate pools against one PostgreSQL lose nothing and apply nothing twice")
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class TwoInstancesOneDatabaseTest {
  static final ProgramId PROGRAM = ProgramId.of("camp_shared");
  static final Instant T0 = Instant.parse("2024-03-04T10:00:00Z");
  static final int CUSTOMERS = 4;

  SchemaPool poolA;
  SchemaPool poolB;
  JdbcLoyaltyStore storeA;
  LoyaltyEngine a;
  LoyaltyEngine b;
  final ExecutorService threads = Executors.newFixedThreadPool(8);

  @BeforeEach
  void twoInstances() throws Exception {
    String schema = Postgres.newSchema();
    poolA = Postgres.separatePool(4);
    poolB = Postgres.separatePool(4);
    // Both instances start at once: the migration runs once.
    List<JdbcLoyaltyStore> stores = race(List.of(() -> JdbcLoyaltyStore.create(poolA.schema(schema)),
        () -> JdbcLoyaltyStore.create(poolB.schema(schema))));
    storeA = stores.get(0);
    assertThat(storeA.schemaVersion()).isEqualTo(JdbcLoyaltyStore.latestSchemaVersion());
    a = engine(stores.get(0), 1);
    b = engine(stores.get(1), 2);
  }

  @AfterEach
  void stop() throws Exception {
    threads.shutdownNow();
    assertThat(threads.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
    poolA.close();
    poolB.close();
  }

  static LoyaltyEngine engine(JdbcLoyaltyStore store, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    return LoyaltyEngine.builder().store(store).clock(Clock.fixed(T0, ZoneOffset.UTC)).random(bound -> {
      synchronized (random) {
        return random.nextInt(bound);
      }
    }).build();
  }

  <T> List<T> race(List<Callable<T>> tasks) throws Exception {
    CountDownLatch gate = new CountDownLatch(1);
    List<Future<T>> futures = new ArrayList<>();
    for (Callable<T> task : tasks) {
      futures.add(threads.submit(() -> {
        gate.await();
        return task.call();
      }));
    }
    gate.countDown();
    List<T> results = new ArrayList<>();
    for (Future<T> f : futures) {
      results.add(f.get(150, TimeUnit.SECONDS));
    }
    return results;
  }

  @Test
  void the_same_cards_hammered_through_both_instances_keep_every_point_exactly_once() throws Exception {
    a.define(Program.builder(PROGRAM, "Shared").pool(CardPool.growing(2))
        .earningRule(EarningRule.builder(RuleId.of("per_euro"), Trigger.ORDER_PAID,
            PointsFormula.proportional(new Measure.OrderAmount(), 100, 1)).build()).build());

    // Each customer joins through both instances at once: one card each, the other instance is told so.
    List<Callable<Object>> joins = new ArrayList<>();
    for (int c = 0; c < CUSTOMERS; c++) {
      CustomerId customer = CustomerId.of("c" + c);
      for (LoyaltyEngine engine : List.of(a, b)) {
        joins.add(() -> {
          try {
            return engine.enrol(PROGRAM, customer).code();
          } catch (MemberAlreadyExistsException e) {
            return e.code();
          }
        });
      }
    }
    List<Object> joined = race(joins);
    assertThat(joined.stream().filter("member_already_exists"::equals)).hasSize(CUSTOMERS);
    List<CardCode> cards = new ArrayList<>();
    for (int c = 0; c < CUSTOMERS; c++) {
      cards.add(a.cardOf(PROGRAM, CustomerId.of("c" + c)).orElseThrow().code());
    }
    assertThat(cards).doesNotHaveDuplicates();
    a.addPoints(cards.get(0), 1_000, AddedPointsExpiry.never(), "float", "float-0");
    b.addPoints(cards.get(1), 1_000, AddedPointsExpiry.never(), "float", "float-1");

    int events = 240;
    long[] earned = new long[CUSTOMERS];
    List<Callable<Object>> work = new ArrayList<>();
    for (int i = 0; i < events; i++) {
      int customer = i % CUSTOMERS;
      long amount = 100L * (1 + i % 13);
      earned[customer] += 1 + i % 13;
      OrderPaid paid = OrderPaid.of("evt_" + i, T0, Customer.of("c" + customer), Order.ofAmount("ord_" + i, "EUR", amount));
      // Every event is delivered to both instances.
      work.add(() -> a.apply(paid));
      work.add(() -> b.apply(paid));
      if (i % 4 == 0) {
        boolean forth = i % 8 == 0;
        CardCode from = forth ? cards.get(0) : cards.get(1);
        CardCode to = forth ? cards.get(1) : cards.get(0);
        long points = 1 + i % 50;
        String source = "tr_" + i;
        for (LoyaltyEngine engine : List.of(a, b)) {
          work.add(() -> {
            try {
              return engine.transfer(from, to, points, "shared", source);
            } catch (InsufficientPointsException e) {
              return e.code();
            }
          });
        }
      }
    }
    race(work);

    for (int i = 0; i < events; i++) {
      assertThat(storeA.receipt(EventId.of("evt_" + i))).as("receipt of evt_%s", i).isPresent();
    }
    long pairBefore = 2_000 + earned[0] + earned[1];
    long pairAfter = 0;
    for (int c = 0; c < CUSTOMERS; c++) {
      Card card = a.card(cards.get(c));
      List<LedgerEntry> ledger = a.ledger(card.code());
      for (int s = 0; s < ledger.size(); s++) {
        assertThat(ledger.get(s).seq()).isEqualTo(s + 1L);
      }
      long sum = ledger.stream().mapToLong(LedgerEntry::points).sum();
      assertThat(card.balanceAt(T0)).as("card of c%s", c).isEqualTo(sum);
      assertThat(ledger.stream().filter(e -> e.type() == EntryType.POINTS_ACCRUAL)).as("accruals of c%s", c)
          .hasSize(events / CUSTOMERS);
      long accrued = ledger.stream().filter(e -> e.type() == EntryType.POINTS_ACCRUAL).mapToLong(LedgerEntry::points).sum();
      assertThat(accrued).as("points c%s earned", c).isEqualTo(earned[c]);
      if (c < 2) {
        pairAfter += sum;
        long outs = ledger.stream().filter(e -> e.type() == EntryType.POINTS_TRANSFER_OUT).count();
        long distinctOuts = ledger.stream().filter(e -> e.type() == EntryType.POINTS_TRANSFER_OUT).map(LedgerEntry::key)
            .distinct().count();
        assertThat(outs).as("each transfer applied once from c%s", c).isEqualTo(distinctOuts);
      } else {
        assertThat(sum).isEqualTo(earned[c]);
      }
    }
    assertThat(pairAfter).as("transfers between c0 and c1 conserve points").isEqualTo(pairBefore);
  }
}
