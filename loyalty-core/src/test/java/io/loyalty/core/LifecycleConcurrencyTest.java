package io.loyalty.core;

import static io.loyalty.core.Fixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;

import io.loyalty.spi.CardCode;
import io.loyalty.spi.EventId;
import io.loyalty.spi.InvalidInputException;
import io.loyalty.spi.OrderId;
import io.loyalty.spi.CustomerId;
import io.loyalty.spi.ProgramId;
import io.loyalty.spi.card.Card;
import io.loyalty.spi.card.EntryType;
import io.loyalty.spi.card.LedgerEntry;
import io.loyalty.spi.card.Lot;
import io.loyalty.spi.card.LotDraw;
import io.loyalty.spi.earning.EventOutcome;
import io.loyalty.spi.earning.Reversal;
import io.loyalty.spi.event.Customer;
import io.loyalty.spi.event.Order;
import io.loyalty.spi.event.OrderItem;
import io.loyalty.spi.event.OrderPaid;
import io.loyalty.spi.event.OrderRefunded;
import io.loyalty.spi.event.RefundLine;
import io.loyalty.spi.program.EarningRule;
import io.loyalty.spi.program.ExpirationRule;
import io.loyalty.spi.program.PendingPoints;
import io.loyalty.spi.program.PointsFormula;
import io.loyalty.spi.program.Program;
import io.loyalty.spi.program.RefundPolicy;
import io.loyalty.spi.store.ChangeSet;
import io.loyalty.spi.store.CommitResult;
import io.loyalty.spi.store.EventReceipt;
import io.loyalty.spi.store.LoyaltyStore;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Real threads racing refunds, removals, transfers, earnings and sweeps on shared cards: every call counts exactly once. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class LifecycleConcurrencyTest {
  static final int THREADS = 8;
  final ExecutorService pool = Executors.newFixedThreadPool(THREADS);
  final Customer alice = Fixtures.customer("alice");
  final Customer bob = Fixtures.customer("bob");

  @AfterEach
  void shutDown() throws InterruptedException {
    pool.shutdownNow();
    assertThat(pool.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
  }

  /** Runs the tasks in a seeded shuffled order on all threads at once, behind one start gate. */
  List<Object> race(List<Callable<Object>> tasks) throws Exception {
    List<Callable<Object>> shuffled = new ArrayList<>(tasks);
    Collections.shuffle(shuffled, new Random(tasks.size()));
    CountDownLatch gate = new CountDownLatch(1);
    List<Future<Object>> futures = new ArrayList<>();
    for (Callable<Object> task : shuffled) {
      futures.add(pool.submit(() -> {
        gate.await();
        return task.call();
      }));
    }
    gate.countDown();
    List<Object> results = new ArrayList<>();
    for (Future<Object> f : futures) {
      results.add(f.get(25, TimeUnit.SECONDS));
    }
    return results;
  }

  /** Two lines: 2 × prod_a and 1 × prod_b, in whole euros so every part earns exactly its share. */
  static Order order(int i) {
    return Order.of("ord_" + i, "EUR", OrderItem.product("prod_a", 2, 1_000 + 100L * (i % 5)), OrderItem.product("prod_b", 1, 500));
  }

  static void assertSound(LoyaltyEngine engine, CardCode card, Instant at) {
    LifecycleWorkloads.assertConserved(engine.summary(card, at), card);
    engine.sweep(card, at);
    List<LedgerEntry> ledger = engine.ledger(card);
    assertThat(ledger).extracting(LedgerEntry::seq)
        .containsExactlyElementsOf(LongStream.rangeClosed(1, ledger.size()).boxed().toList());
    long sum = ledger.stream().mapToLong(LedgerEntry::points).sum();
    assertThat(sum).as("ledger points of %s", card).isEqualTo(engine.balance(card, at));
    assertThat(ledger.get(ledger.size() - 1).balanceAfter()).isEqualTo(sum);
    assertThat(ledger.stream().map(LedgerEntry::key).distinct()).hasSize(ledger.size());
  }

  @Test
  void racing_refunds_removals_and_earnings_on_one_card_each_count_exactly_once() throws Exception {
    LoyaltyEngine engine = Fixtures.engine().build();
    engine.define(Fixtures.program(Fixtures.perAmount("per_euro", 100, 1), Fixtures.orderRule("bonus", PointsFormula.fixed(5))));
    CardCode card = engine.enrol(Fixtures.PROGRAM, alice.id()).code();
    Map<OrderId, Long> earnedBy = new ConcurrentHashMap<>();
    for (int i = 0; i < 40; i++) {
      earnedBy.put(OrderId.of("ord_" + i), engine.apply(OrderPaid.of("paid_" + i, T0, alice, order(i))).points());
    }
    List<OrderRefunded> refunds = new ArrayList<>();
    for (int i = 0; i < 30; i++) {
      if (i % 2 == 0) {
        refunds.add(OrderRefunded.whole("refund_" + i, T0, alice, "ord_" + i));
      } else { // two refunds of one order by lines, racing each other
        refunds.add(OrderRefunded.lines("refund_" + i + "_a", T0, alice, "ord_" + i, new RefundLine(0, 2)));
        refunds.add(OrderRefunded.lines("refund_" + i + "_b", T0, alice, "ord_" + i, new RefundLine(1, 1)));
      }
    }
    List<Callable<Object>> tasks = new ArrayList<>();
    for (OrderRefunded refund : refunds) {
      for (int copy = 0; copy < 3; copy++) { // the same refund delivered three times
        tasks.add(() -> {
          try {
            return engine.apply(refund);
          } catch (InvalidInputException e) {
            return refund.id(); // a redelivery racing its first delivery: see the disabled test below
          }
        });
      }
    }
    AtomicInteger refused = new AtomicInteger();
    for (int i = 0; i < 80; i++) {
      long points = 1 + i % 7;
      tasks.add(() -> {
        try {
          return engine.removePoints(card, points, "spent", null);
        } catch (InsufficientPointsException e) {
          refused.incrementAndGet();
          return e.code();
        }
      });
    }
    for (int i = 100; i < 140; i++) {
      OrderPaid paid = OrderPaid.of("paid_" + i, T0, alice, order(i));
      tasks.add(() -> engine.apply(paid));
    }
    List<Object> results = race(tasks);

    Map<EventId, Set<EventOutcome>> byRefund = new HashMap<>();
    long earned = earnedBy.values().stream().mapToLong(Long::longValue).sum();
    long removed = 0;
    int removals = 0;
    for (Object r : results) {
      if (r instanceof EventOutcome o && o.eventName().equals("order.refunded")) {
        byRefund.computeIfAbsent(o.event(), k -> new HashSet<>()).add(o);
      } else if (r instanceof EventOutcome o) {
        earned += o.points();
      } else if (r instanceof LedgerEntry e) {
        removed -= e.points();
        removals++;
      }
    }
    for (OrderRefunded refund : refunds) { // delivered once more, after the race, each returns its first outcome
      assertThat(byRefund.get(refund.id())).as("outcomes of %s", refund.id()).containsExactly(engine.apply(refund));
    }
    assertThat(removals + refused.get()).isEqualTo(80);
    assertThat(byRefund).hasSize(refunds.size());
    long reversed = 0;
    int reversalEntries = 0;
    Map<OrderId, Long> owedBy = new HashMap<>();
    for (OrderRefunded refund : refunds) {
      Set<EventOutcome> outcomes = byRefund.get(refund.id());
      assertThat(outcomes).as("every delivery of %s returns the first outcome", refund.id()).hasSize(1);
      for (Reversal rv : outcomes.iterator().next().programs().get(0).reversals()) {
        reversed += rv.pending() + rv.active() + rv.debt();
        owedBy.merge(refund.order(), rv.owed(), Long::sum);
        reversalEntries++;
      }
    }
    owedBy.forEach((order, owed) -> assertThat(owed).as("owed by the refunds of %s", order).isEqualTo(earnedBy.get(order)));
    CardSummary summary = engine.summary(card, T0);
    assertThat(summary.earned()).isEqualTo(earned);
    assertThat(summary.reversed()).isEqualTo(reversed);
    assertThat(summary.subtracted()).isEqualTo(removed);
    assertThat(summary.balance()).isEqualTo(earned - reversed - removed).isNotNegative();
    List<LedgerEntry> ledger = engine.ledger(card);
    assertThat(ledger.stream().filter(e -> e.type() == EntryType.POINTS_REVERSAL)).hasSize(reversalEntries);
    assertThat(ledger.stream().filter(e -> e.type() == EntryType.POINTS_REMOVAL)).hasSize(removals);
    assertSound(engine, card, T0);
  }

  @Test
  void racing_transfers_both_ways_and_earnings_on_two_cards_lose_and_double_nothing() throws Exception {
    LoyaltyEngine engine = Fixtures.engine().build();
    engine.define(Fixtures.program(Fixtures.perAmount("per_euro", 100, 1)));
    CardCode a = engine.enrol(Fixtures.PROGRAM, alice.id()).code();
    CardCode b = engine.enrol(Fixtures.PROGRAM, bob.id()).code();
    engine.addPoints(a, 10_000, AddedPointsExpiry.never(), "opening", null);
    engine.addPoints(b, 10_000, AddedPointsExpiry.never(), "opening", null);
    List<Callable<Object>> tasks = new ArrayList<>();
    long aToB = 0;
    long bToA = 0;
    for (int i = 0; i < 200; i++) {
      CardCode from = i % 2 == 0 ? a : b;
      CardCode to = i % 2 == 0 ? b : a;
      long points = 1 + i % 10;
      String source = "tr_" + i;
      aToB += i % 2 == 0 ? points : 0;
      bToA += i % 2 == 0 ? 0 : points;
      for (int copy = 0; copy < (i % 4 == 0 ? 2 : 1); copy++) { // every fourth transfer is sent twice
        tasks.add(() -> engine.transfer(from, to, points, "move", source));
      }
    }
    for (int i = 0; i < 60; i++) {
      OrderPaid paid = OrderPaid.of("paid_" + i, T0, i % 2 == 0 ? alice : bob, order(i));
      tasks.add(() -> engine.apply(paid));
    }
    List<Object> results = race(tasks);

    long earned = 0;
    Map<String, Set<Transfer>> bySource = new HashMap<>();
    for (Object r : results) {
      if (r instanceof EventOutcome o) {
        earned += o.points();
      } else if (r instanceof Transfer t) {
        bySource.computeIfAbsent(t.out().key().text(), k -> new HashSet<>()).add(t);
      }
    }
    assertThat(bySource).hasSize(200).allSatisfy((key, transfers) -> assertThat(transfers).hasSize(1));
    assertThat(engine.balance(a, T0) + engine.balance(b, T0)).isEqualTo(20_000 + earned);
    CardSummary sa = engine.summary(a, T0);
    CardSummary sb = engine.summary(b, T0);
    assertThat(sa.transferredOut()).isEqualTo(sb.transferredIn()).isEqualTo(aToB);
    assertThat(sb.transferredOut()).isEqualTo(sa.transferredIn()).isEqualTo(bToA);
    for (CardCode card : List.of(a, b)) {
      List<LedgerEntry> outs = engine.ledger(card).stream().filter(e -> e.type() == EntryType.POINTS_TRANSFER_OUT).toList();
      assertThat(outs).hasSize(100);
      assertThat(outs.stream().map(LedgerEntry::related).distinct()).hasSize(100);
      assertSound(engine, card, T0);
    }
  }

  @Test
  void sweeps_racing_with_earnings_record_each_activation_and_expiration_once() throws Exception {
    EarningRule pending = Fixtures.perAmount("pending", 100, 1).toBuilder().pendingPoints(new PendingPoints(1))
        .expiration(ExpirationRule.months(0)).build();
    EarningRule instant = Fixtures.orderRule("instant", PointsFormula.fixed(3)).toBuilder()
        .expiration(ExpirationRule.months(0)).build();
    // Points are recorded, and fall due, by the engine's clock: a clock moving on at every reading makes activations
    // and expirations fall due while the earnings and the sweeps (each as of its own reading, so only the past) race.
    MutableClock clock = MutableClock.ticking(T0, Duration.ofMinutes(20));
    LoyaltyEngine engine = Fixtures.engine().clock(clock).build();
    engine.define(Program.builder(Fixtures.PROGRAM, "Daily").refundPolicy(RefundPolicy.WITHIN_BALANCE)
        .earningRules(List.of(pending, instant)).build());
    CardCode card = engine.enrol(Fixtures.PROGRAM, alice.id()).code();
    List<Callable<Object>> tasks = new ArrayList<>();
    for (int i = 0; i < 150; i++) {
      OrderPaid paid = OrderPaid.of("paid_" + i, T0, alice, order(i));
      tasks.add(() -> engine.apply(paid));
    }
    for (int j = 0; j < 120; j++) {
      tasks.add(j % 3 == 0 ? () -> engine.sweep(Fixtures.PROGRAM, clock.instant()) : () -> engine.sweep(card, clock.instant()));
    }
    List<Object> results = race(tasks);

    long earned = results.stream().filter(EventOutcome.class::isInstance).mapToLong(r -> ((EventOutcome) r).points()).sum();
    clock.advance(Duration.ofDays(3)); // past every activation and expiration
    Instant end = clock.instant();
    engine.sweep(card, end);
    Card swept = engine.card(card);
    List<LedgerEntry> ledger = engine.ledger(card);
    Map<Long, Integer> expirations = new HashMap<>();
    for (LedgerEntry e : ledger) {
      if (e.type() == EntryType.POINTS_EXPIRATION) {
        for (LotDraw d : e.draws()) {
          expirations.merge(d.lot(), 1, Integer::sum);
        }
      }
    }
    assertThat(swept.lots()).hasSize(300);
    assertThat(expirations).as("lots expired once each").hasSize(300).allSatisfy((lot, n) -> assertThat(n).isEqualTo(1));
    long pendingLots = swept.lots().stream().filter(l -> l.activatesAt() != null).count();
    assertThat(pendingLots).isEqualTo(150);
    assertThat(ledger.stream().filter(e -> e.type() == EntryType.PENDING_POINTS_ACTIVATION)).hasSize(150);
    assertThat(ledger.stream().filter(e -> e.type() == EntryType.POINTS_EXPIRATION).mapToLong(e -> -e.points()).sum())
        .isEqualTo(earned).isEqualTo(swept.lots().stream().mapToLong(Lot::initial).sum());
    assertThat(engine.balance(card, end)).isZero();
    assertThat(engine.pendingPoints(card, end)).isZero();
    assertSound(engine, card, end);
  }

  @Test
  void a_refund_redelivered_while_its_first_delivery_commits_returns_the_first_outcome() {
    InterleavingStore store = new InterleavingStore();
    LoyaltyEngine engine = Fixtures.engine().store(store).build();
    engine.define(Fixtures.program(Fixtures.perAmount("per_euro", 100, 1)));
    engine.enrol(Fixtures.PROGRAM, alice.id());
    engine.apply(OrderPaid.of("paid_1", T0, alice, order(1)));
    OrderRefunded refund = OrderRefunded.whole("refund_1", T0, alice, "ord_1");
    EventOutcome[] first = new EventOutcome[1];
    // the second delivery has found no receipt yet; the first one commits just before it reads the order's history
    store.beforeOrderHistory = () -> first[0] = engine.apply(refund);
    EventOutcome second = engine.apply(refund);
    assertThat(second).isEqualTo(first[0]);
  }

  /** A store that runs a hook once, the first time a card's history of one order is read: a chosen interleaving. */
  static final class InterleavingStore implements LoyaltyStore {
    final InMemoryLoyaltyStore delegate = InMemoryLoyaltyStore.create();
    volatile Runnable beforeOrderHistory;

    @Override
    public List<LedgerEntry> entriesForOrder(CardCode card, OrderId order) {
      Runnable hook = beforeOrderHistory;
      beforeOrderHistory = null;
      if (hook != null) {
        hook.run();
      }
      return delegate.entriesForOrder(card, order);
    }

    @Override
    public List<io.loyalty.spi.store.OutboxEvent> pending(String consumer,
        java.util.Set<io.loyalty.spi.store.OutboxEvent.Type> types, int limit) {
      return delegate.pending(consumer, types, limit);
    }

    @Override
    public void acknowledge(String consumer, java.util.Collection<String> eventIds) {
      delegate.acknowledge(consumer, eventIds);
    }

    @Override
    public CommitResult commit(ChangeSet changes) {
      return delegate.commit(changes);
    }

    @Override
    public Optional<io.loyalty.spi.store.StoredComponent> component(io.loyalty.spi.program.ComponentKind kind,
        String id) {
      return delegate.component(kind, id);
    }

    @Override
    public Optional<io.loyalty.spi.store.StoredComponent> component(io.loyalty.spi.program.ComponentKind kind,
        String id, long version) {
      return delegate.component(kind, id, version);
    }

    @Override
    public List<io.loyalty.spi.store.StoredComponent> components(io.loyalty.spi.program.ComponentKind kind) {
      return delegate.components(kind);
    }

    @Override
    public java.util.Optional<io.loyalty.spi.card.Member> member(io.loyalty.spi.ProgramId program,
        io.loyalty.spi.CustomerId customer) {
      return delegate.member(program, customer);
    }

    @Override
    public java.util.List<io.loyalty.spi.card.Member> members(io.loyalty.spi.ProgramId program, int limit) {
      return delegate.members(program, limit);
    }

    @Override
    public Optional<Program> program(ProgramId id) {
      return delegate.program(id);
    }

    @Override
    public Optional<Program> program(ProgramId id, long version) {
      return delegate.program(id, version);
    }

    @Override
    public List<Program> programs() {
      return delegate.programs();
    }

    @Override
    public Optional<Card> card(CardCode code) {
      return delegate.card(code);
    }

    @Override
    public Optional<Card> cardOf(ProgramId program, CustomerId holder, io.loyalty.spi.WalletId wallet) {
      return delegate.cardOf(program, holder, wallet);
    }

    @Override
    public List<Card> cardsOf(CustomerId holder) {
      return delegate.cardsOf(holder);
    }

    @Override
    public List<Card> unpublishedCards(ProgramId program, String from, int limit) {
      return delegate.unpublishedCards(program, from, limit);
    }

    @Override
    public List<Card> cards(ProgramId program, String afterCode, int limit) {
      return delegate.cards(program, afterCode, limit);
    }

    @Override
    public long cardCount(ProgramId program) {
      return delegate.cardCount(program);
    }

    @Override
    public List<LedgerEntry> ledger(CardCode card, long afterSeq, int limit) {
      return delegate.ledger(card, afterSeq, limit);
    }

    @Override
    public Optional<LedgerEntry> entry(io.loyalty.spi.card.LedgerKey key) {
      return delegate.entry(key);
    }

    @Override
    public Optional<EventReceipt> receipt(EventId event) {
      return delegate.receipt(event);
    }

    @Override
    public Optional<io.loyalty.spi.reward.Reward> reward(io.loyalty.spi.RewardId id) {
      return delegate.reward(id);
    }

    @Override
    public List<io.loyalty.spi.reward.Reward> rewards() {
      return delegate.rewards();
    }

    @Override
    public Optional<io.loyalty.spi.reward.Redemption> redemption(io.loyalty.spi.RedemptionId id) {
      return delegate.redemption(id);
    }

    @Override
    public List<io.loyalty.spi.reward.Redemption> redemptions(CardCode card) {
      return delegate.redemptions(card);
    }
  }
}
