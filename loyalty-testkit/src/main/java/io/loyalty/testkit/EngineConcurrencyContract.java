package io.loyalty.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.loyalty.core.AddedPointsExpiry;
import io.loyalty.core.InsufficientPointsException;
import io.loyalty.core.LoyaltyEngine;
import io.loyalty.core.NoCardAvailableException;
import io.loyalty.core.Transfer;
import io.loyalty.spi.CustomerId;
import io.loyalty.spi.ProgramId;
import io.loyalty.spi.RuleId;
import io.loyalty.spi.card.Card;
import io.loyalty.spi.card.EntryType;
import io.loyalty.spi.card.LedgerEntry;
import io.loyalty.spi.earning.EventOutcome;
import io.loyalty.spi.event.Customer;
import io.loyalty.spi.event.Order;
import io.loyalty.spi.event.OrderPaid;
import io.loyalty.spi.program.CardPool;
import io.loyalty.spi.program.EarningRule;
import io.loyalty.spi.program.Measure;
import io.loyalty.spi.program.PointsFormula;
import io.loyalty.spi.program.Program;
import io.loyalty.spi.program.Trigger;
import io.loyalty.spi.store.LoyaltyStore;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.LongStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

/**
 * The engine over the store under real threads: many events on one card, many customers enrolling into one
 * program, one event id delivered by many threads, transfers both ways between two cards. Nothing is lost, nothing
 * is applied twice, no card is shared. Redemption races join when the rewards engine lands.
 */
@DisplayName("the engine over the store under real threads: nothing lost, nothing applied twice")
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
public abstract class EngineConcurrencyContract extends StoreContract {
  private static final ProgramId PROGRAM = ProgramId.of("camp_race");
  private static final Instant T0 = Instant.parse("2024-03-04T10:00:00Z");

  /** The engine of the current test, over a store created by {@link #newStore()}. */
  protected LoyaltyEngine engine;

  @BeforeEach
  void createEngine() {
    assumeTrue(supportsConcurrency(), "the adapter declares it does not support concurrent callers");
    LoyaltyStore store = newStore();
    engine = LoyaltyEngine.builder().store(store).clock(Clock.fixed(T0, ZoneOffset.UTC))
        .random(WorkloadPrograms.seeded(7)).build();
  }

  private static Program program(CardPool pool, boolean autoJoin) {
    return Program.builder(PROGRAM, "Race").pool(pool).autoJoin(autoJoin)
        .earningRule(EarningRule.builder(RuleId.of("per_euro"), Trigger.ORDER_PAID,
            PointsFormula.proportional(new Measure.OrderAmount(), 100, 1)).build())
        .build();
  }

  private static OrderPaid paid(String event, String customer, String order, long amount) {
    return OrderPaid.of(event, T0, Customer.of(customer), Order.ofAmount(order, "EUR", amount));
  }

  @Test
  void many_events_for_one_card_from_several_threads_end_with_the_exact_sum_and_a_contiguous_ledger() throws Exception {
    engine.define(program(CardPool.growing(2), false));
    Card card = engine.enrol(PROGRAM, CustomerId.of("alice"));
    int events = budget().threads() * budget().opsPerThread() / 2;
    List<Callable<EventOutcome>> tasks = new ArrayList<>();
    for (int i = 0; i < events; i++) {
      String id = "evt_" + i;
      String order = "ord_" + i;
      long amount = 100L * (1 + i % 37);
      tasks.add(() -> engine.apply(paid(id, "alice", order, amount)));
    }
    List<EventOutcome> outcomes = Race.run(budget().threads(), tasks);
    long expected = LongStream.range(0, events).map(i -> 1 + i % 37).sum();
    assertThat(outcomes.stream().mapToLong(EventOutcome::points).sum()).isEqualTo(expected);
    assertThat(engine.balance(card.code())).isEqualTo(expected);
    List<LedgerEntry> ledger = engine.ledger(card.code());
    assertThat(ledger).extracting(LedgerEntry::seq).containsExactlyElementsOf(LongStream.rangeClosed(1, events).boxed().toList());
    assertThat(ledger.get(events - 1).balanceAfter()).isEqualTo(expected);
  }

  @Test
  void several_threads_enrolling_into_a_static_pool_never_share_a_card_and_exhaust_it_exactly() throws Exception {
    int cards = budget().threads() * 5;
    engine.define(program(CardPool.fixed(cards), false));
    List<Callable<Object>> tasks = new ArrayList<>();
    for (int t = 0; t < cards + 5; t++) {
      CustomerId customer = CustomerId.of("c" + t);
      tasks.add(() -> {
        try {
          return engine.enrol(PROGRAM, customer).code();
        } catch (NoCardAvailableException e) {
          return e.code();
        }
      });
    }
    List<Object> results = Race.run(budget().threads(), tasks);
    assertThat(results.stream().filter("no_voucher_suitable_for_publication"::equals)).hasSize(5);
    assertThat(results.stream().filter(r -> !(r instanceof String)).distinct()).hasSize(cards);
    assertThat(engine.liability(PROGRAM, T0).cards()).isEqualTo(cards);
  }

  @Test
  void several_threads_enrolling_into_an_auto_update_pool_all_get_their_own_card() throws Exception {
    engine.define(program(CardPool.growing(2), false));
    int customers = budget().threads() * 5;
    List<Callable<Card>> tasks = new ArrayList<>();
    for (int t = 0; t < customers; t++) {
      CustomerId customer = CustomerId.of("c" + t);
      tasks.add(() -> engine.enrol(PROGRAM, customer));
    }
    List<Card> cards = Race.run(budget().threads(), tasks);
    assertThat(cards.stream().map(Card::code).distinct()).hasSize(customers);
    for (int t = 0; t < customers; t++) {
      assertThat(engine.cardOf(PROGRAM, CustomerId.of("c" + t))).map(Card::code).contains(cards.get(t).code());
    }
  }

  @Test
  void one_event_delivered_by_several_threads_is_applied_once() throws Exception {
    engine.define(program(CardPool.growing(2), false));
    Card card = engine.enrol(PROGRAM, CustomerId.of("alice"));
    int rounds = Math.max(5, budget().opsPerThread() / 5);
    for (int round = 0; round < rounds; round++) {
      OrderPaid event = paid("evt_" + round, "alice", "ord_" + round, 1_000);
      List<Callable<EventOutcome>> tasks = new ArrayList<>();
      for (int t = 0; t < budget().threads(); t++) {
        tasks.add(() -> engine.apply(event));
      }
      assertThat(new HashSet<>(Race.run(budget().threads(), tasks))).hasSize(1);
    }
    assertThat(engine.balance(card.code())).isEqualTo(rounds * 10L);
    assertThat(engine.ledger(card.code())).hasSize(rounds);
  }

  @Test
  void racing_auto_joins_of_one_customer_publish_one_card() throws Exception {
    engine.define(program(CardPool.growing(4), true));
    int events = budget().threads() * 4;
    List<Callable<EventOutcome>> tasks = new ArrayList<>();
    for (int t = 0; t < events; t++) {
      OrderPaid event = paid("evt_" + t, "bob", "ord_" + t, 500);
      tasks.add(() -> engine.apply(event));
    }
    List<EventOutcome> outcomes = Race.run(budget().threads(), tasks);
    assertThat(outcomes.stream().map(o -> o.programs().get(0).card()).distinct()).hasSize(1);
    assertThat(outcomes.stream().filter(o -> o.programs().get(0).joined())).hasSize(1);
    Card card = engine.cardOf(PROGRAM, CustomerId.of("bob")).orElseThrow();
    assertThat(engine.balance(card.code())).isEqualTo(events * 5L);
  }

  @Test
  void transfers_both_ways_between_two_cards_conserve_the_points_and_each_is_applied_once() throws Exception {
    engine.define(program(CardPool.growing(2), false));
    Card a = engine.enrol(PROGRAM, CustomerId.of("alice"));
    Card b = engine.enrol(PROGRAM, CustomerId.of("bob"));
    engine.addPoints(a.code(), 500, AddedPointsExpiry.never(), "seed", "seed-a");
    engine.addPoints(b.code(), 500, AddedPointsExpiry.never(), "seed", "seed-b");
    int transfers = budget().threads() * budget().opsPerThread() / 4;
    List<Callable<Optional<Transfer>>> tasks = new ArrayList<>();
    for (int i = 0; i < transfers; i++) {
      boolean ab = i % 2 == 0;
      long points = 1 + i % 60;
      String source = "tr-" + i;
      tasks.add(() -> {
        try {
          return Optional.of(ab ? engine.transfer(a.code(), b.code(), points, "race", source)
              : engine.transfer(b.code(), a.code(), points, "race", source));
        } catch (InsufficientPointsException e) {
          return Optional.empty();
        }
      });
    }
    List<Optional<Transfer>> done = Race.run(budget().threads(), tasks);
    assertThat(engine.balance(a.code()) + engine.balance(b.code())).isEqualTo(1_000);
    assertThat(engine.balance(a.code())).isNotNegative();
    assertThat(engine.balance(b.code())).isNotNegative();
    Set<String> moved = new HashSet<>();
    for (Optional<Transfer> t : done) {
      t.ifPresent(x -> moved.add(x.out().key()));
    }
    List<LedgerEntry> outs = new ArrayList<>(engine.ledger(a.code()));
    outs.addAll(engine.ledger(b.code()));
    assertThat(outs.stream().filter(e -> e.type() == EntryType.POINTS_TRANSFER_OUT).map(LedgerEntry::key))
        .containsExactlyInAnyOrderElementsOf(moved);
    assertThat(outs.stream().filter(e -> e.type() == EntryType.POINTS_TRANSFER_IN)).hasSize(moved.size());
  }
}
