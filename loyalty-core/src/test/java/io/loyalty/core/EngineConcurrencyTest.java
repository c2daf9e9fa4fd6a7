package io.loyalty.core;

import static org.assertj.core.api.Assertions.assertThat;

import io.loyalty.spi.CustomerId;
import io.loyalty.spi.card.Card;
import io.loyalty.spi.card.LedgerEntry;
import io.loyalty.spi.earning.EventOutcome;
import io.loyalty.spi.event.Customer;
import io.loyalty.spi.program.CardPool;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Real threads against one engine and its in-memory store: no lost update, no double credit. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class EngineConcurrencyTest {
  static final int THREADS = 8;
  final ExecutorService pool = Executors.newFixedThreadPool(THREADS);

  @AfterEach
  void shutDown() throws InterruptedException {
    pool.shutdownNow();
    assertThat(pool.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
  }

  <T> List<T> race(List<Callable<T>> tasks) throws Exception {
    CountDownLatch gate = new CountDownLatch(1);
    List<Future<T>> futures = new ArrayList<>();
    for (Callable<T> task : tasks) {
      futures.add(pool.submit(() -> {
        gate.await();
        return task.call();
      }));
    }
    gate.countDown();
    List<T> results = new ArrayList<>();
    for (Future<T> f : futures) {
      results.add(f.get(50, TimeUnit.SECONDS));
    }
    return results;
  }

  @Test
  void many_events_for_one_card_applied_concurrently_end_with_the_exact_sum() throws Exception {
    LoyaltyEngine engine = Fixtures.engine().build();
    engine.define(Fixtures.program(Fixtures.perAmount("per_dollar", 100, 1)));
    Customer alice = Fixtures.customer("alice");
    Card card = engine.enrol(Fixtures.PROGRAM, alice.id());
    int events = 2_000;
    List<Callable<EventOutcome>> tasks = new ArrayList<>();
    for (int i = 0; i < events; i++) {
      String id = "evt_" + i;
      String order = "ord_" + i;
      long amount = 100L * (1 + i % 37);
      tasks.add(() -> engine.apply(Fixtures.paid(id, alice, order, amount)));
    }
    List<EventOutcome> outcomes = race(tasks);
    long expected = LongStream.range(0, events).map(i -> 1 + i % 37).sum();
    assertThat(outcomes.stream().mapToLong(EventOutcome::points).sum()).isEqualTo(expected);
    assertThat(engine.balance(card.code())).isEqualTo(expected);
    List<LedgerEntry> ledger = engine.ledger(card.code());
    assertThat(ledger).hasSize(events);
    assertThat(ledger).extracting(LedgerEntry::seq).containsExactlyElementsOf(LongStream.rangeClosed(1, events).boxed().toList());
    assertThat(ledger.get(events - 1).balanceAfter()).isEqualTo(expected);
  }

  @Test
  void the_same_event_delivered_by_many_threads_is_applied_once() throws Exception {
    LoyaltyEngine engine = Fixtures.engine().build();
    engine.define(Fixtures.program(Fixtures.perAmount("per_dollar", 100, 1)));
    Customer alice = Fixtures.customer("alice");
    Card card = engine.enrol(Fixtures.PROGRAM, alice.id());
    for (int round = 0; round < 50; round++) {
      String id = "evt_" + round;
      String order = "ord_" + round;
      List<Callable<EventOutcome>> tasks = new ArrayList<>();
      for (int t = 0; t < THREADS; t++) {
        tasks.add(() -> engine.apply(Fixtures.paid(id, alice, order, 1_000)));
      }
      assertThat(new HashSet<>(race(tasks))).hasSize(1);
    }
    assertThat(engine.balance(card.code())).isEqualTo(50 * 10);
    assertThat(engine.ledger(card.code())).hasSize(50);
  }

  @Test
  void racing_auto_joins_of_one_customer_publish_one_card() throws Exception {
    LoyaltyEngine engine = Fixtures.engine().build();
    engine.define(Fixtures.program(Fixtures.perAmount("per_dollar", 100, 1)).toBuilder().autoJoin(true).build());
    Customer bob = Fixtures.customer("bob");
    List<Callable<EventOutcome>> tasks = new ArrayList<>();
    for (int t = 0; t < 64; t++) {
      String id = "evt_" + t;
      String order = "ord_" + t;
      tasks.add(() -> engine.apply(Fixtures.paid(id, bob, order, 500)));
    }
    List<EventOutcome> outcomes = race(tasks);
    Set<Object> cards = new HashSet<>();
    outcomes.forEach(o -> cards.add(o.programs().get(0).card()));
    assertThat(cards).hasSize(1);
    assertThat(outcomes.stream().filter(o -> o.programs().get(0).joined())).hasSize(1);
    Card card = engine.cardOf(Fixtures.PROGRAM, bob.id()).orElseThrow();
    assertThat(engine.balance(card.code())).isEqualTo(64 * 5);
  }

  @Test
  void racing_enrolments_of_many_customers_into_a_static_pool_never_share_a_card() throws Exception {
    LoyaltyEngine engine = Fixtures.engine().build();
    engine.define(Fixtures.program(Fixtures.perAmount("r", 100, 1)).toBuilder().pool(CardPool.fixed(100)).build());
    List<Callable<Object>> tasks = new ArrayList<>();
    for (int t = 0; t < 120; t++) {
      CustomerId customer = CustomerId.of("c" + t);
      tasks.add(() -> {
        try {
          return engine.enrol(Fixtures.PROGRAM, customer).code();
        } catch (NoCardAvailableException e) {
          return e.code();
        }
      });
    }
    List<Object> results = race(tasks);
    assertThat(results.stream().filter(r -> r.equals("no_voucher_suitable_for_publication"))).hasSize(20);
    assertThat(results.stream().filter(r -> !(r instanceof String)).distinct()).hasSize(100);
  }
}
