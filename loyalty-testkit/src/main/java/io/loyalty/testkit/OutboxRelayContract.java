package io.loyalty.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.loyalty.core.AddedPointsExpiry;
import io.loyalty.core.LoyaltyEngine;
import io.loyalty.core.LoyaltyListener;
import io.loyalty.core.OutboxRelay;
import io.loyalty.core.RetryPolicy;
import io.loyalty.spi.CardCode;
import io.loyalty.spi.CustomerId;
import io.loyalty.spi.ProgramId;
import io.loyalty.spi.RuleId;
import io.loyalty.spi.card.Card;
import io.loyalty.spi.program.CardPool;
import io.loyalty.spi.program.EarningRule;
import io.loyalty.spi.program.Measure;
import io.loyalty.spi.program.PointsFormula;
import io.loyalty.spi.program.Program;
import io.loyalty.spi.program.Trigger;
import io.loyalty.spi.store.DeadLetter;
import io.loyalty.spi.store.LoyaltyStore;
import io.loyalty.spi.store.OutboxEvent;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

/**
 * The outbox relay over the store: the engine's committed events reach in-process listeners at least once, in commit
 * order per card, from several relays racing on real threads; a relay killed mid-batch loses nothing; a listener that
 * throws is retried with backoff and dead-lettered, and a requeued dead letter is delivered. Relay time is a clock the
 * test moves by hand; nothing sleeps to wait for a lease.
 */
@DisplayName("the outbox relay: at least once, in per-card order, across racing and dying relays")
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
public abstract class OutboxRelayContract extends StoreContract {
  private static final String CONSUMER = "listeners";
  private static final ProgramId PROGRAM = ProgramId.of("camp_relay");
  private static final Duration LEASE = Duration.ofSeconds(30);
  private static final Set<OutboxEvent.Type> ALL = Set.of();
  /** The store of the current test, created by {@link #newStore()} before each test. */
  protected LoyaltyStore store;
  private SteppingClock relayClock;

  @BeforeEach
  void createStore() {
    store = newStore();
    relayClock = new SteppingClock(WorkloadPrograms.START);
    try {
      store.claim(CONSUMER, "probe", 1, WorkloadPrograms.START, LEASE);
    } catch (UnsupportedOperationException e) {
      assumeTrue(false, "the store does not implement outbox claims");
    }
  }

  private LoyaltyEngine engine(long seed) {
    return LoyaltyEngine.builder().store(store).clock(Clock.fixed(WorkloadPrograms.START, ZoneOffset.UTC))
        .random(WorkloadPrograms.seeded(seed)).build();
  }

  private static void define(LoyaltyEngine engine) {
    engine.define(Program.builder(PROGRAM, "Relay").pool(CardPool.growing(2)).autoJoin(true)
        .earningRule(EarningRule.builder(RuleId.of("per_euro"), Trigger.ORDER_PAID,
            PointsFormula.proportional(new Measure.OrderAmount(), 100, 1)).build()).build());
  }

  private OutboxRelay.Builder relay(String owner, LoyaltyListener listener) {
    return OutboxRelay.builder(store, CONSUMER).owner(owner).clock(relayClock).lease(LEASE).batchSize(10)
        .retry(RetryPolicy.of(3, Duration.ofSeconds(1), Duration.ofSeconds(4))).listener(listener);
  }

  /** Each card's events in commit order, as the store keeps them for a consumer that acknowledged none. */
  private Map<CardCode, List<String>> committedByCard() {
    return byCard(store.pending("audit", ALL, 10_000));
  }

  private static Map<CardCode, List<String>> byCard(List<OutboxEvent> events) {
    return events.stream().collect(Collectors.groupingBy(OutboxEvent::card, HashMap::new,
        Collectors.mapping(OutboxEvent::id, Collectors.toList())));
  }

  /** Listener that records what it got, per card, in the order it got it. */
  private static final class Recorder implements LoyaltyListener {
    final List<OutboxEvent> seen = new ArrayList<>();

    @Override
    public synchronized void onEvent(OutboxEvent event) {
      seen.add(event);
    }

    synchronized Map<CardCode, List<String>> byCard() {
      return OutboxRelayContract.byCard(seen);
    }

    synchronized List<String> ids() {
      return seen.stream().map(OutboxEvent::id).toList();
    }
  }

  private List<Card> cards(LoyaltyEngine engine, int n) {
    List<Card> cards = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      cards.add(engine.enrol(PROGRAM, CustomerId.of("cust_" + i)));
    }
    return cards;
  }

  @Test
  void a_relay_hands_every_committed_event_to_its_listener_in_commit_order_and_acknowledges_it() {
    LoyaltyEngine engine = engine(1);
    define(engine);
    List<Card> cards = cards(engine, 2);
    for (int i = 0; i < 12; i++) {
      engine.addPoints(cards.get(i % 2).code(), 5, AddedPointsExpiry.never(), "gift", "src-" + i);
    }
    Recorder recorder = new Recorder();
    OutboxRelay relay = relay("r1", recorder).build();
    while (relay.runOnce().claimed() > 0) {
      // batches of 10 until nothing is left
    }
    assertThat(recorder.ids()).isEqualTo(store.pending("audit", ALL, 1000).stream().map(OutboxEvent::id).toList());
    assertThat(store.pending(CONSUMER, ALL, 10)).as("all acknowledged").isEmpty();
    assertThat(relay.runOnce()).isEqualTo(new OutboxRelay.Run(0, 0, 0, 0));
  }

  @Test
  void a_listener_that_throws_is_retried_with_backoff_then_dead_lettered_and_its_card_waits_until_requeued() {
    LoyaltyEngine engine = engine(2);
    define(engine);
    List<Card> cards = cards(engine, 2);
    CardCode poisoned = cards.get(0).code();
    engine.addPoints(poisoned, 5, AddedPointsExpiry.never(), "gift", "src-a");
    engine.addPoints(cards.get(1).code(), 5, AddedPointsExpiry.never(), "gift", "src-b");
    AtomicBoolean refuse = new AtomicBoolean(true);
    Recorder recorder = new Recorder();
    LoyaltyListener flaky = event -> {
      if (refuse.get() && event.card().equals(poisoned)) {
        throw new IllegalStateException("the CRM is down for cust_0"); // never stored or logged
      }
      recorder.onEvent(event);
    };
    OutboxRelay relay = relay("r1", flaky).build();
    OutboxRelay.Run first = relay.runOnce();
    assertThat(first.failed()).isEqualTo(1);
    assertThat(recorder.byCard()).as("the other card flows").containsOnlyKeys(cards.get(1).code());
    assertThat(relay.runOnce().claimed()).as("the failed card waits for its retry").isZero();
    relayClock.advance(Duration.ofSeconds(1));
    assertThat(relay.runOnce().failed()).isEqualTo(1);
    relayClock.advance(Duration.ofSeconds(1));
    assertThat(relay.runOnce().claimed()).as("the second retry waits twice as long").isZero();
    relayClock.advance(Duration.ofSeconds(1));
    assertThat(relay.runOnce().deadLettered()).isEqualTo(1);
    relayClock.advance(Duration.ofDays(1));
    assertThat(relay.runOnce().claimed()).as("a dead letter stops its card").isZero();
    List<DeadLetter> dead = relay.deadLetters(10);
    assertThat(dead).singleElement().satisfies(d -> {
      assertThat(d.event().card()).isEqualTo(poisoned);
      assertThat(d.event().type()).isEqualTo(OutboxEvent.Type.MEMBER_JOINED);
      assertThat(d.failures()).isEqualTo(3);
      assertThat(d.reason()).isEqualTo(IllegalStateException.class.getName());
    });
    refuse.set(false);
    assertThat(relay.requeue(List.of(dead.get(0).event().id()))).isEqualTo(1);
    relay.runOnce();
    assertThat(recorder.byCard().get(poisoned)).isEqualTo(committedByCard().get(poisoned));
    assertThat(store.pending(CONSUMER, ALL, 10)).isEmpty();
  }

  @Test
  void a_relay_killed_mid_batch_loses_nothing_another_delivers_its_events_after_the_lease() {
    LoyaltyEngine engine = engine(3);
    define(engine);
    List<Card> cards = cards(engine, 3);
    for (int i = 0; i < 6; i++) {
      engine.addPoints(cards.get(i % 3).code(), 5, AddedPointsExpiry.never(), "gift", "src-" + i);
    }
    AtomicInteger handled = new AtomicInteger();
    OutboxRelay dying = relay("dying", event -> {
      if (handled.incrementAndGet() == 4) {
        throw new OutboxContract.SimulatedCrash();
      }
    }).build();
    assertThrows(OutboxContract.SimulatedCrash.class, dying::runOnce);
    Recorder recorder = new Recorder();
    OutboxRelay survivor = relay("survivor", recorder).build();
    relayClock.advance(LEASE.minusSeconds(1));
    assertThat(survivor.runOnce().claimed()).as("the dead relay's lease still holds its lines").isZero();
    relayClock.advance(Duration.ofSeconds(1));
    while (survivor.runOnce().claimed() > 0) {
      // until drained
    }
    assertThat(recorder.byCard()).as("every event, in each card's order").isEqualTo(committedByCard());
    assertThat(store.pending(CONSUMER, ALL, 10)).isEmpty();
  }

  @Test
  void relays_racing_on_real_threads_deliver_every_event_once_in_each_cards_order() throws Exception {
    assumeTrue(supportsConcurrency(), "the adapter declares it does not support concurrent callers");
    LoyaltyEngine first = engine(4);
    LoyaltyEngine second = engine(5);
    define(first);
    List<Card> cards = cards(first, 4);
    int producers = budget().threads();
    int perProducer = Math.max(8, budget().opsPerThread() / 4);
    Recorder recorder = new Recorder();
    CountDownLatch produced = new CountDownLatch(producers);
    List<Callable<Integer>> tasks = new ArrayList<>();
    for (int t = 0; t < producers; t++) {
      int thread = t;
      LoyaltyEngine engine = thread % 2 == 0 ? first : second;
      tasks.add(() -> {
        try {
          for (int i = 0; i < perProducer; i++) {
            engine.addPoints(cards.get((thread + i) % cards.size()).code(), 1 + i, AddedPointsExpiry.never(), "race",
                "src-" + thread + "-" + i);
          }
        } finally {
          produced.countDown();
        }
        return thread;
      });
    }
    for (int r = 0; r < 4; r++) {
      // the clock does not move: no lease runs out, so no event may come twice
      OutboxRelay relay = relay("relay-" + r, recorder).batchSize(3 + r).build();
      tasks.add(() -> {
        int batches = 0;
        while (produced.getCount() > 0 || !store.pending(CONSUMER, ALL, 1).isEmpty()) {
          if (relay.runOnce().claimed() == 0) {
            java.util.concurrent.locks.LockSupport.parkNanos(200_000); // leave the cores to the producers
          }
          batches++;
        }
        return batches;
      });
    }
    Race.run(tasks.size(), tasks);
    Map<CardCode, List<String>> committed = committedByCard();
    assertThat(committed.values().stream().mapToInt(List::size).sum()).isEqualTo(cards.size() + producers * perProducer);
    assertThat(recorder.byCard()).as("each card's events once each, in commit order").isEqualTo(committed);
  }

  @Test
  void a_started_relay_delivers_in_the_background_and_stops_when_asked() throws Exception {
    LoyaltyEngine engine = engine(6);
    define(engine);
    List<Card> cards = cards(engine, 2);
    CountDownLatch all = new CountDownLatch(4);
    Recorder recorder = new Recorder();
    OutboxRelay relay = relay("background", event -> {
      recorder.onEvent(event);
      all.countDown();
    }).pollInterval(Duration.ofMillis(5)).build();
    relay.start();
    try {
      engine.addPoints(cards.get(0).code(), 5, AddedPointsExpiry.never(), "gift", "src-0");
      engine.addPoints(cards.get(1).code(), 5, AddedPointsExpiry.never(), "gift", "src-1");
      assertThat(all.await(60, TimeUnit.SECONDS)).as("delivered by the background runner").isTrue();
    } finally {
      assertThat(relay.stop(Duration.ofSeconds(30))).isTrue();
    }
    assertThrows(IllegalStateException.class, relay::start);
    assertThat(recorder.byCard()).isEqualTo(committedByCard());
  }
}
