package io.loyalty.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.loyalty.core.AddedPointsExpiry;
import io.loyalty.core.AlreadyRolledBackException;
import io.loyalty.core.InsufficientPointsException;
import io.loyalty.core.LoyaltyEngine;
import io.loyalty.core.NoCardAvailableException;
import io.loyalty.core.Transfer;
import io.loyalty.spi.AssignmentId;
import io.loyalty.spi.CustomerId;
import io.loyalty.spi.ProductId;
import io.loyalty.spi.ProgramId;
import io.loyalty.spi.RedemptionId;
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
import io.loyalty.spi.reward.RedeemRequest;
import io.loyalty.spi.reward.Redemption;
import io.loyalty.spi.reward.Reward;
import io.loyalty.spi.reward.RewardAssignment;
import io.loyalty.spi.reward.RewardKind;
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
 * program, one event id delivered by many threads, transfers both ways between two cards, redemptions racing for one
 * card's points and for one reward's stock, one redemption request sent by many threads, racing rollbacks. Nothing
 * is lost, nothing is applied twice, no card is shared or overdrawn, no reward is oversold.
 */
@DisplayName("the engine over the store under real threads: nothing lost, nothing applied twice")
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
public abstract class EngineConcurrencyContract extends StoreContract {
  private static final ProgramId PROGRAM = ProgramId.of("camp_race");
  private static final Instant T0 = Instant.parse("2024-03-04T10:00:00Z");

  private static final Reward GIFT = Reward.of("rew_gift", "Gift", new RewardKind.Material(ProductId.of("prod_gift"), null));
  private static final Reward LIMITED =
      Reward.of("rew_limited", "Limited", new RewardKind.Material(ProductId.of("prod_limited"), null));
  private static final AssignmentId GIFT_OFFER = AssignmentId.of("rewa_gift");
  private static final AssignmentId LIMITED_OFFER = AssignmentId.of("rewa_limited");
  private static final long GIFT_PRICE = 30;
  private static final long LIMITED_PRICE = 10;
  private static final String POINTS_EXCEEDED = "loyalty_card_points_exceeded";

  /** The engine of the current test, over a store created by {@link #newStore()}. */
  protected LoyaltyEngine engine;
  private LoyaltyStore store;

  @BeforeEach
  void createEngine() {
    assumeTrue(supportsConcurrency(), "the adapter declares it does not support concurrent callers");
    store = newStore();
    engine = LoyaltyEngine.builder().store(store).clock(Clock.fixed(T0, ZoneOffset.UTC))
        .random(WorkloadPrograms.seeded(7)).build();
  }

  private static Program program(CardPool pool, boolean autoJoin) {
    return Program.builder(PROGRAM, "Race").pool(pool).autoJoin(autoJoin)
        .earningRule(EarningRule.builder(RuleId.of("per_euro"), Trigger.ORDER_PAID,
            PointsFormula.proportional(new Measure.OrderAmount(), 100, 1)).build())
        .build();
  }

  /** Defines the program offering an unlimited gift and a reward of {@code stock}. */
  private void offerRewards(long stock) {
    engine.defineReward(GIFT);
    engine.defineReward(LIMITED.withStock(stock));
    engine.define(program(CardPool.growing(2), false).toBuilder()
        .reward(RewardAssignment.of(GIFT_OFFER.value(), GIFT.id(), GIFT_PRICE))
        .reward(RewardAssignment.of(LIMITED_OFFER.value(), LIMITED.id(), LIMITED_PRICE)).build());
  }

  private Card member(String customer, long points) {
    Card card = engine.enrol(PROGRAM, CustomerId.of(customer));
    engine.addPoints(card.code(), points, AddedPointsExpiry.never(), "seed", "seed-" + customer);
    return card;
  }

  /** The card's invariants, its redemptions' and the catalog's, as the store holds them after a race. */
  private void checkInvariants(Card card, String race) {
    Card stored = engine.card(card.code());
    Invariants.check(store, engine, stored, T0, race);
    RedemptionInvariants.check(store, stored, race);
    RedemptionInvariants.checkStock(store.rewards(), race);
    OutboxInvariants.check(store, List.of(stored), store.redemptions(card.code()), race);
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

  /** The kit's program with ten tiers of ten points each (the last unbounded) under the policy. */
  private Program ladderOfTen(io.loyalty.spi.tier.TierPolicy policy) {
    Program.Builder tiered = program(CardPool.growing(2), false).toBuilder().tierPolicy(policy);
    for (int t = 0; t < 10; t++) {
      tiered.tier(io.loyalty.spi.tier.Tier.builder(io.loyalty.spi.TierId.of("t" + t), "T" + t, 10L * t)
          .to(t == 9 ? null : 10L * t + 9).build());
    }
    return tiered.build();
  }

  /** Alice's orders of 1 to 7 dollars, half through a second engine on the same store, raced on real threads. */
  private Card raceOrdersOfTwoEngines(long seed) throws Exception {
    LoyaltyEngine second = LoyaltyEngine.builder().store(store).clock(Clock.fixed(T0, ZoneOffset.UTC))
        .random(WorkloadPrograms.seeded(seed)).build();
    Card card = engine.enrol(PROGRAM, CustomerId.of("alice"));
    int events = budget().threads() * budget().opsPerThread() / 2;
    List<Callable<EventOutcome>> tasks = new ArrayList<>();
    for (int i = 0; i < events; i++) {
      String id = "evt_" + i;
      long amount = 100L * (1 + i % 7);
      LoyaltyEngine by = i % 2 == 0 ? engine : second;
      tasks.add(() -> by.apply(paid(id, "alice", "ord_" + id, amount)));
    }
    Race.run(budget().threads(), tasks);
    return card;
  }

  @Test
  void racing_orders_of_two_engines_crossing_tier_thresholds_write_each_move_once() throws Exception {
    Program program = engine.define(ladderOfTen(io.loyalty.spi.tier.TierPolicy.BALANCE_DROP));
    Card card = raceOrdersOfTwoEngines(8);
    // the moves the committed ledger implies, one per entry that crossed a range, after the enrolment's entry
    List<String> expected = new ArrayList<>();
    expected.add("tier:" + card.code().value() + "#0 TIER_JOINED null>t0");
    for (LedgerEntry e : engine.ledger(card.code())) {
      long from = Math.min(9, (e.balanceAfter() - e.points()) / 10);
      long to = Math.min(9, e.balanceAfter() / 10);
      if (from != to) {
        expected.add("tier:" + card.code().value() + "#" + e.seq() + " TIER_UPGRADED t" + from + ">t" + to);
      }
    }
    List<String> written = store.pending("kit", Set.of(io.loyalty.spi.store.OutboxEvent.Type.TIER_JOINED,
        io.loyalty.spi.store.OutboxEvent.Type.TIER_UPGRADED, io.loyalty.spi.store.OutboxEvent.Type.TIER_DOWNGRADED,
        io.loyalty.spi.store.OutboxEvent.Type.TIER_LEFT), 10_000).stream().map(e -> {
          io.loyalty.spi.store.OutboxEvent.TierChange c = (io.loyalty.spi.store.OutboxEvent.TierChange) e.payload();
          return e.id() + " " + e.type() + " " + c.from() + ">" + c.to();
        }).toList();
    assertThat(written).as("one event per move, none lost, none twice").containsExactlyElementsOf(expected);
    assertThat(expected).as("the race crossed several thresholds").hasSizeGreaterThan(3);
    assertThat(engine.tier(card.code())).map(t -> t.id().value())
        .contains("t" + Math.min(9, engine.balance(card.code()) / 10));
    assertThat(program.tiers()).hasSize(10);
  }

  @Test
  void racing_orders_of_two_engines_under_points_earned_in_a_period_keep_one_tier_state_and_write_each_upgrade_once()
      throws Exception {
    engine.define(ladderOfTen(new io.loyalty.spi.tier.TierPolicy(
        io.loyalty.spi.tier.TierPolicy.Qualification.POINTS_IN_PERIOD, io.loyalty.spi.tier.TierPolicy.CalendarPeriod.MONTH,
        io.loyalty.spi.tier.TierPolicy.Start.IMMEDIATE, new io.loyalty.spi.tier.TierPolicy.Expiration(
            io.loyalty.spi.tier.TierPolicy.ExpirationType.END_OF_PERIOD, null, null))));
    Card card = raceOrdersOfTwoEngines(9);
    LoyaltyEngine second = engine;
    // all in one month: the count is the points earned, and each entry that reached a higher tier is one upgrade
    List<String> expected = new ArrayList<>();
    long counted = 0;
    for (LedgerEntry e : engine.ledger(card.code())) {
      long from = Math.min(9, counted / 10);
      counted += e.points();
      long to = Math.min(9, counted / 10);
      if (from != to) {
        expected.add("TIER_UPGRADED t" + from + ">t" + to);
      }
    }
    List<String> written = store.pending("kit", Set.of(io.loyalty.spi.store.OutboxEvent.Type.TIER_UPGRADED,
        io.loyalty.spi.store.OutboxEvent.Type.TIER_DOWNGRADED, io.loyalty.spi.store.OutboxEvent.Type.TIER_LEFT), 10_000)
        .stream().map(e -> {
          io.loyalty.spi.store.OutboxEvent.TierChange c = (io.loyalty.spi.store.OutboxEvent.TierChange) e.payload();
          return e.type() + " " + c.from() + ">" + c.to();
        }).toList();
    assertThat(written).as("one event per upgrade, none lost, none twice").containsExactlyElementsOf(expected);
    assertThat(expected).as("the race crossed several thresholds").hasSizeGreaterThan(3);
    io.loyalty.spi.tier.TierState state = java.util.Objects.requireNonNull(store.card(card.code()).orElseThrow().tiers(),
        "a card written under a policy with terms keeps its state");
    assertThat(state.periodPoints()).as("no write lost the period's count").isEqualTo(counted);
    assertThat(second.tier(card.code())).map(t -> t.id().value()).contains("t" + Math.min(9, counted / 10));
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
      t.ifPresent(x -> moved.add(x.out().key().text()));
    }
    List<LedgerEntry> outs = new ArrayList<>(engine.ledger(a.code()));
    outs.addAll(engine.ledger(b.code()));
    assertThat(outs.stream().filter(e -> e.type() == EntryType.POINTS_TRANSFER_OUT).map(e -> e.key().text()))
        .containsExactlyInAnyOrderElementsOf(moved);
    assertThat(outs.stream().filter(e -> e.type() == EntryType.POINTS_TRANSFER_IN)).hasSize(moved.size());
  }

  @Test
  void several_threads_redeeming_on_one_card_never_overdraw_it_and_every_request_ends_succeeded_or_short_of_points()
      throws Exception {
    offerRewards(1);
    int requests = budget().threads() * budget().opsPerThread() / 4;
    long balance = GIFT_PRICE * (requests / 2) + GIFT_PRICE / 2;
    Card card = member("alice", balance);
    List<Callable<Redemption>> tasks = new ArrayList<>();
    for (int i = 0; i < requests; i++) {
      RedeemRequest request = RedeemRequest.of("r-" + i, card.code(), GIFT_OFFER);
      tasks.add(() -> engine.redeem(request));
    }
    List<Redemption> results = Race.run(budget().threads(), tasks);
    long succeeded = results.stream().filter(Redemption::succeeded).count();
    assertThat(succeeded * GIFT_PRICE).as("successes × price within the balance").isLessThanOrEqualTo(balance);
    assertThat(succeeded).as("every request the balance covered succeeded").isEqualTo(balance / GIFT_PRICE);
    assertThat(results).filteredOn(r -> !r.succeeded()).extracting(Redemption::status, Redemption::failureCode)
        .containsOnly(tuple(Redemption.Status.FAILED, POINTS_EXCEEDED));
    assertThat(engine.balance(card.code())).isEqualTo(balance - succeeded * GIFT_PRICE);
    assertThat(engine.card(card.code()).redemptions()).isEqualTo(succeeded);
    assertThat(engine.reward(GIFT.id()).redeemed()).isEqualTo(succeeded);
    assertThat(engine.redemptions(card.code())).containsExactlyInAnyOrderElementsOf(results);
    checkInvariants(card, "redemptions racing on one card");
  }

  @Test
  void several_threads_racing_for_a_limited_reward_across_many_cards_never_oversell_it() throws Exception {
    int members = budget().threads() * 10;
    long stock = members / 2 + 3;
    offerRewards(stock);
    List<Card> cards = new ArrayList<>();
    for (int i = 0; i < members; i++) {
      cards.add(member("c" + i, 2 * LIMITED_PRICE + LIMITED_PRICE / 2));
    }
    List<Callable<Redemption>> tasks = new ArrayList<>();
    for (int round = 0; round < 2; round++) {
      for (Card card : cards) {
        RedeemRequest request = RedeemRequest.of(card.code() + "-" + round, card.code(), LIMITED_OFFER);
        tasks.add(() -> engine.redeem(request));
      }
    }
    List<Redemption> results = Race.run(budget().threads(), tasks);
    long succeeded = results.stream().filter(Redemption::succeeded).count();
    assertThat(succeeded).as("never oversold, and sold out: the demand is larger than the stock").isEqualTo(stock);
    assertThat(engine.reward(LIMITED.id()).redeemed()).isEqualTo(stock);
    assertThat(results).filteredOn(r -> !r.succeeded()).extracting(Redemption::failureCode)
        .isNotEmpty().isSubsetOf("reward_out_of_stock", POINTS_EXCEEDED);
    for (Card card : cards) {
      long held = engine.redemptions(card.code()).stream().filter(Redemption::succeeded).count();
      assertThat(engine.balance(card.code())).isEqualTo(2 * LIMITED_PRICE + LIMITED_PRICE / 2 - held * LIMITED_PRICE);
      checkInvariants(card, "members racing for a limited reward");
    }
  }

  @Test
  void one_redemption_request_sent_by_several_threads_redeems_once_and_answers_one_result() throws Exception {
    int rounds = Math.max(5, budget().opsPerThread() / 5);
    offerRewards(1);
    Card card = member("alice", GIFT_PRICE * rounds);
    for (int round = 0; round < rounds; round++) {
      RedeemRequest request = RedeemRequest.of("same-" + round, card.code(), GIFT_OFFER);
      List<Callable<Redemption>> tasks = new ArrayList<>();
      for (int t = 0; t < budget().threads(); t++) {
        tasks.add(() -> engine.redeem(request));
      }
      Set<Redemption> results = new HashSet<>(Race.run(budget().threads(), tasks));
      assertThat(results).as("round %s: one result", round).singleElement()
          .satisfies(r -> assertThat(r.succeeded()).isTrue());
    }
    assertThat(engine.balance(card.code())).isZero();
    assertThat(engine.redemptions(card.code())).hasSize(rounds);
    assertThat(engine.card(card.code()).redemptions()).isEqualTo(rounds);
    checkInvariants(card, "one request from many threads");
  }

  @Test
  void racing_rollbacks_of_one_redemption_give_it_back_exactly_once() throws Exception {
    int rounds = Math.max(5, budget().opsPerThread() / 5);
    offerRewards(1);
    Card card = member("alice", GIFT_PRICE);
    for (int round = 0; round < rounds; round++) {
      Redemption r = engine.redeem(RedeemRequest.of("once-" + round, card.code(), GIFT_OFFER));
      assertThat(r.succeeded()).isTrue();
      List<Callable<Optional<Redemption>>> tasks = new ArrayList<>();
      for (int t = 0; t < budget().threads(); t++) {
        tasks.add(() -> {
          try {
            return Optional.of(engine.rollback(r.id(), "undo"));
          } catch (AlreadyRolledBackException e) {
            return Optional.empty();
          }
        });
      }
      assertThat(Race.run(budget().threads(), tasks).stream().filter(Optional::isPresent)).as("round %s", round)
          .singleElement().satisfies(back -> assertThat(back.orElseThrow().status()).isEqualTo(Redemption.Status.ROLLED_BACK));
    }
    assertThat(engine.balance(card.code())).isEqualTo(GIFT_PRICE);
    assertThat(engine.card(card.code()).redemptions()).isZero();
    assertThat(engine.reward(GIFT.id()).redeemed()).isZero();
    assertThat(engine.ledger(card.code()).stream().filter(e -> e.type() == EntryType.POINTS_REFUND)).hasSize(rounds);
    checkInvariants(card, "racing rollbacks");
  }

  @Test
  void redemptions_rollbacks_and_additions_racing_on_one_card_keep_its_points_lots_and_count_consistent() throws Exception {
    offerRewards(1);
    int earlier = budget().threads() * 3;
    Card card = member("alice", GIFT_PRICE * earlier);
    List<RedemptionId> held = new ArrayList<>();
    for (int i = 0; i < earlier; i++) {
      held.add(engine.redeem(RedeemRequest.of("early-" + i, card.code(), GIFT_OFFER)).id());
    }
    int ops = budget().threads() * budget().opsPerThread() / 4;
    List<Callable<Object>> tasks = new ArrayList<>();
    for (int i = 0; i < ops; i++) {
      int n = i;
      tasks.add(switch (i % 3) {
        case 0 -> () -> engine.addPoints(card.code(), GIFT_PRICE, AddedPointsExpiry.never(), "top-up", "top-" + n);
        case 1 -> () -> engine.redeem(RedeemRequest.of("mix-" + n, card.code(), GIFT_OFFER));
        default -> () -> {
          try {
            return engine.rollback(held.get((n / 3) % held.size()), "undo");
          } catch (AlreadyRolledBackException e) {
            return e.code();
          }
        };
      });
    }
    List<Object> results = Race.run(budget().threads(), tasks);
    long added = results.stream().filter(LedgerEntry.class::isInstance).count();
    long rolledBack = results.stream().filter(r -> r instanceof Redemption x && x.status() == Redemption.Status.ROLLED_BACK)
        .count();
    assertThat(rolledBack).as("each earlier redemption rolled back once").isEqualTo(Math.min(earlier, (ops + 0L) / 3));
    long holding = engine.redemptions(card.code()).stream().filter(Redemption::succeeded).count();
    assertThat(engine.balance(card.code())).as("points: the seed and the top-ups less what the held redemptions took")
        .isEqualTo(GIFT_PRICE * (earlier + added - holding));
    assertThat(engine.reward(GIFT.id()).redeemed()).isEqualTo(holding);
    checkInvariants(card, "redemptions, rollbacks and additions racing on one card");
  }
}
