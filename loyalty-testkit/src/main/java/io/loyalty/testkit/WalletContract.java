package io.loyalty.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.loyalty.core.AddedPointsExpiry;
import io.loyalty.core.LoyaltyEngine;
import io.loyalty.core.MemberAlreadyExistsException;
import io.loyalty.spi.CustomerId;
import io.loyalty.spi.ProgramId;
import io.loyalty.spi.RuleId;
import io.loyalty.spi.WalletId;
import io.loyalty.spi.card.Card;
import io.loyalty.spi.earning.EventOutcome;
import io.loyalty.spi.earning.ProgramOutcome;
import io.loyalty.spi.event.Customer;
import io.loyalty.spi.event.Order;
import io.loyalty.spi.event.OrderPaid;
import io.loyalty.spi.event.OrderRefunded;
import io.loyalty.spi.program.CardDefinition;
import io.loyalty.spi.program.Comparison;
import io.loyalty.spi.program.Condition;
import io.loyalty.spi.program.ExpirationRule;
import io.loyalty.spi.program.FirstMatchRule;
import io.loyalty.spi.program.FirstMatchRule.Earning;
import io.loyalty.spi.program.FirstMatchRule.Effect;
import io.loyalty.spi.program.Measure;
import io.loyalty.spi.program.PendingPoints;
import io.loyalty.spi.program.PointsFormula;
import io.loyalty.spi.program.Program;
import io.loyalty.spi.program.Trigger;
import io.loyalty.spi.store.LoyaltyStore;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

/**
 * Loyalty v2 state over the store: a program of two point wallets stored and read back whole, a member's card per
 * wallet published in one commit and never twice (also under racing joins), an order's first matching earning
 * credited into both wallets and refunded from both, and receipts that replay.
 */
@DisplayName("loyalty v2 wallets over the store")
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
public abstract class WalletContract extends StoreContract {
  private static final ProgramId PROGRAM = ProgramId.of("lprg_kit");
  private static final WalletId POINTS = WalletId.of("lcd_points");
  private static final WalletId MILES = WalletId.of("lcd_miles");
  private static final Instant T0 = Instant.parse("2024-03-04T10:00:00Z");

  private LoyaltyStore store;
  private LoyaltyEngine engine;

  @BeforeEach
  void createEngine() {
    store = newStore();
    engine = LoyaltyEngine.builder().store(store).clock(Clock.fixed(T0, ZoneOffset.UTC))
        .random(WorkloadPrograms.seeded(11)).build();
  }

  /** Points expiring on 30 June or 31 December, miles pending for 10 days; big orders earn both. */
  static Program program() {
    return Program.builder(PROGRAM, "Two wallets")
        .wallet(CardDefinition.of(POINTS, "Points").withExpiration(new ExpirationRule.OnDates(List.of(
            new ExpirationRule.FixedDayOfYear(6, 30), new ExpirationRule.FixedDayOfYear(12, 31)))))
        .wallet(CardDefinition.of(MILES, "Miles").withPendingPoints(new PendingPoints(10)))
        .earningRule(FirstMatchRule.of(RuleId.of("ler_orders"), Trigger.ORDER_PAID,
            Earning.when(new Condition.OrderAmount(Comparison.atLeast(10_000)), Effect.points(POINTS, 50),
                Effect.of(MILES, PointsFormula.proportional(new Measure.OrderAmount(), 100, 2))),
            Earning.always(Effect.points(POINTS, 5))))
        .build();
  }

  private static OrderPaid paid(String event, String customer, String order, long amount) {
    return OrderPaid.of(event, T0, Customer.of(customer), Order.ofAmount(order, "EUR", amount));
  }

  @Test
  void a_program_with_wallets_is_stored_and_read_back_whole() {
    Program defined = engine.define(program());
    Program read = store.program(PROGRAM).orElseThrow();
    assertThat(read).isEqualTo(defined);
    assertThat(read.wallets()).extracting(CardDefinition::id).containsExactly(POINTS, MILES);
    assertThat(read.firstMatchRules()).isEqualTo(program().firstMatchRules());
    assertThat(store.program(PROGRAM, 1)).contains(defined);
  }

  @Test
  void a_member_gets_one_card_per_wallet_in_one_commit_and_no_second_set() {
    engine.define(program());
    List<Card> cards = engine.addMember(PROGRAM, CustomerId.of("alice"));
    assertThat(cards).extracting(Card::wallet).containsExactly(POINTS, MILES);
    for (Card card : cards) {
      assertThat(store.card(card.code())).contains(card);
      assertThat(store.cardOf(PROGRAM, CustomerId.of("alice"), card.wallet())).contains(card);
    }
    assertThat(store.cardsOf(PROGRAM, CustomerId.of("alice"))).hasSize(2);
    assertThatThrownBy(() -> engine.addMember(PROGRAM, CustomerId.of("alice")))
        .isInstanceOf(MemberAlreadyExistsException.class);
    assertThat(store.cardsOf(PROGRAM, CustomerId.of("alice"))).hasSize(2);
  }

  @Test
  void an_order_earns_into_both_wallets_a_refund_takes_back_from_both_and_the_receipts_replay() {
    engine.define(program());
    List<Card> cards = engine.addMember(PROGRAM, CustomerId.of("alice"));
    EventOutcome outcome = engine.apply(paid("e1", "alice", "o1", 25_000));
    assertThat(outcome.programs()).extracting(ProgramOutcome::points).containsExactly(50L, 500L);
    assertThat(store.card(cards.get(0).code()).orElseThrow().ledgerBalance()).isEqualTo(50);
    assertThat(store.card(cards.get(1).code()).orElseThrow().ledgerPending()).isEqualTo(500);
    assertThat(engine.summary(cards.get(0).code()).nextExpirationDate()).isEqualTo(java.time.LocalDate.of(2024, 6, 30));
    assertThat(engine.balance(cards.get(1).code(), Instant.parse("2024-03-14T00:00:00Z"))).isEqualTo(500);
    assertThat(engine.replay(outcome.event()).identical()).isTrue();

    EventOutcome refund = engine.apply(OrderRefunded.whole("r1", T0, Customer.of("alice"), "o1"));
    assertThat(refund.programs()).extracting(ProgramOutcome::card).containsExactly(cards.get(0).code(),
        cards.get(1).code());
    assertThat(refund.programs()).flatExtracting(ProgramOutcome::reversals)
        .extracting(io.loyalty.spi.earning.Reversal::owed).containsExactly(50L, 500L);
    assertThat(store.card(cards.get(0).code()).orElseThrow().ledgerBalance()).isZero();
    assertThat(store.card(cards.get(1).code()).orElseThrow().ledgerPending()).isZero();
    assertThat(engine.replay(refund.event()).identical()).isTrue();
    assertThat(engine.apply(paid("e1", "alice", "o1", 25_000))).isEqualTo(outcome); // applied once
  }

  @Test
  void racing_joins_of_one_customer_publish_one_set_of_cards() throws Exception {
    assumeTrue(supportsConcurrency(), "the adapter declares it does not support concurrent callers");
    engine.define(program());
    List<Callable<String>> tasks = new ArrayList<>();
    for (int i = 0; i < budget().threads() * 2; i++) {
      tasks.add(() -> {
        try {
          engine.addMember(PROGRAM, CustomerId.of("bob"));
          return "joined";
        } catch (MemberAlreadyExistsException e) {
          return "member";
        }
      });
    }
    List<String> results = Race.run(budget().threads(), tasks);
    assertThat(results).containsOnlyOnce("joined");
    List<Card> held = store.cardsOf(PROGRAM, CustomerId.of("bob"));
    assertThat(held).extracting(Card::wallet).containsExactlyInAnyOrder(POINTS, MILES);
    engine.addPoints(held.get(0).code(), 3, AddedPointsExpiry.never(), "kit", null);
    assertThat(engine.balance(held.get(0).code())).isEqualTo(3);
  }

  /** A program whose one wallet is under {@code limits}, each order earning 30 points into it. */
  private static Program limited(io.loyalty.spi.program.EarningLimits limits) {
    return Program.builder(ProgramId.of("lprg_capped"), "Capped")
        .wallet(CardDefinition.of(POINTS, "Points").withEarningLimits(limits))
        .earningRule(FirstMatchRule.of(RuleId.of("ler_flat"), Trigger.ORDER_PAID,
            Earning.always(Effect.points(POINTS, 30))))
        .build();
  }

  /** Orders from two engines over the store, racing on one member's capped wallet: the cap holds exactly. */
  private void race(io.loyalty.spi.program.EarningLimits limits, long cap) throws Exception {
    assumeTrue(supportsConcurrency(), "the adapter declares it does not support concurrent callers");
    LoyaltyEngine other = LoyaltyEngine.builder().store(store).clock(Clock.fixed(T0, ZoneOffset.UTC))
        .random(WorkloadPrograms.seeded(12)).build();
    engine.define(limited(limits));
    Card card = engine.addMember(ProgramId.of("lprg_capped"), CustomerId.of("carol")).get(0);
    int orders = Math.max(8, budget().threads() * 3);
    List<Callable<Long>> tasks = new ArrayList<>();
    for (int i = 0; i < orders; i++) {
      LoyaltyEngine by = i % 2 == 0 ? engine : other;
      OrderPaid order = paid("cap_" + i, "carol", "cap_o" + i, 1_000);
      tasks.add(() -> by.apply(order).points());
    }
    List<Long> earned = Race.run(budget().threads(), tasks);
    assertThat(earned.stream().mapToLong(Long::longValue).sum()).as("points the outcomes report").isEqualTo(cap);
    assertThat(engine.balance(card.code())).isEqualTo(cap);
    assertThat(store.card(card.code()).orElseThrow().ledgerBalance()).isEqualTo(cap);
  }

  @Test
  void racing_earns_from_two_engines_stop_exactly_at_the_wallets_balance_cap() throws Exception {
    race(io.loyalty.spi.program.EarningLimits.balanceCap(100), 100);
  }

  @Test
  void racing_earns_from_two_engines_stop_exactly_at_the_wallets_daily_cap() throws Exception {
    race(io.loyalty.spi.program.EarningLimits.perPeriod(io.loyalty.spi.program.EarningLimits.CalendarUnit.DAY, 130),
        130);
  }

  @Test
  void a_purchase_pays_from_the_wallet_of_the_first_matching_cost_once_and_its_rollback_gives_everything_back() {
    io.loyalty.spi.reward.Reward mug = io.loyalty.spi.reward.Reward.of("lrew_mug", "Mug",
        new io.loyalty.spi.reward.RewardKind.Material(io.loyalty.spi.ProductId.of("prod_mug"), null)).withStock(1L);
    engine.defineReward(mug);
    engine.define(program().toBuilder().reward(io.loyalty.spi.reward.WalletReward.of("lrewa_mug", mug.id(),
        io.loyalty.spi.reward.WalletReward.Cost.when(new Condition.CustomerMetadata("vip", Comparison.is(true)),
            POINTS, 100),
        io.loyalty.spi.reward.WalletReward.Cost.of(MILES, 300))).build());
    List<Card> cards = engine.addMember(PROGRAM, CustomerId.of("dora"));
    engine.addPoints(cards.get(1).code(), 400, AddedPointsExpiry.never(), "kit", "kit-miles");
    io.loyalty.spi.AssignmentId offer = io.loyalty.spi.AssignmentId.of("lrewa_mug");
    io.loyalty.spi.reward.Redemption bought = engine.purchase(io.loyalty.spi.RedemptionId.of("buy_1"), PROGRAM,
        CustomerId.of("dora"), offer);
    assertThat(bought.succeeded()).isTrue();
    assertThat(bought.card()).isEqualTo(cards.get(1).code());
    assertThat(store.redemption(bought.id())).contains(bought);
    assertThat(store.card(cards.get(1).code()).orElseThrow().ledgerBalance()).isEqualTo(100);
    assertThat(store.reward(mug.id()).orElseThrow().redeemed()).isEqualTo(1);
    assertThat(engine.purchase(io.loyalty.spi.RedemptionId.of("buy_1"), PROGRAM, CustomerId.of("dora"), offer))
        .isEqualTo(bought);
    assertThat(engine.purchase(io.loyalty.spi.RedemptionId.of("buy_2"), PROGRAM, CustomerId.of("dora"), offer)
        .failureCode()).isEqualTo("reward_out_of_stock");
    engine.rollback(bought.id(), "kit");
    assertThat(store.card(cards.get(1).code()).orElseThrow().ledgerBalance()).isEqualTo(400);
    assertThat(store.reward(mug.id()).orElseThrow().redeemed()).isZero();
    assertThat(store.program(PROGRAM).orElseThrow().walletRewards()).singleElement()
        .satisfies(o -> assertThat(o.costs()).hasSize(2));
  }

  @Test
  void racing_purchases_from_two_engines_stop_exactly_at_the_wallets_spending_limit() throws Exception {
    assumeTrue(supportsConcurrency(), "the adapter declares it does not support concurrent callers");
    LoyaltyEngine other = LoyaltyEngine.builder().store(store).clock(Clock.fixed(T0, ZoneOffset.UTC))
        .random(WorkloadPrograms.seeded(13)).build();
    io.loyalty.spi.reward.Reward pen = io.loyalty.spi.reward.Reward.of("lrew_pen", "Pen",
        new io.loyalty.spi.reward.RewardKind.Material(io.loyalty.spi.ProductId.of("prod_pen"), null));
    engine.defineReward(pen);
    ProgramId capped = ProgramId.of("lprg_spend");
    engine.define(Program.builder(capped, "Spending")
        .wallet(CardDefinition.of(POINTS, "Points").withSpendingLimits(
            new io.loyalty.spi.program.SpendingLimits(300L, null, null)))
        .earningRule(FirstMatchRule.of(RuleId.of("ler_flat"), Trigger.ORDER_PAID,
            Earning.always(Effect.points(POINTS, 1))))
        .reward(io.loyalty.spi.reward.WalletReward.of("lrewa_pen", pen.id(),
            io.loyalty.spi.reward.WalletReward.Cost.of(POINTS, 100)))
        .build());
    Card card = engine.addMember(capped, CustomerId.of("ivy")).get(0);
    engine.addPoints(card.code(), 1_000, AddedPointsExpiry.never(), "kit", "kit-ivy");
    List<Callable<Boolean>> tasks = new ArrayList<>();
    for (int i = 0; i < Math.max(8, budget().threads() * 2); i++) {
      LoyaltyEngine by = i % 2 == 0 ? engine : other;
      io.loyalty.spi.RedemptionId id = io.loyalty.spi.RedemptionId.of("spend_" + i);
      tasks.add(() -> by.purchase(id, capped, CustomerId.of("ivy"), io.loyalty.spi.AssignmentId.of("lrewa_pen"))
          .succeeded());
    }
    List<Boolean> results = Race.run(budget().threads(), tasks);
    assertThat(results.stream().filter(Boolean::booleanValue).count()).isEqualTo(3);
    assertThat(engine.balance(card.code())).isEqualTo(700);
    assertThat(store.redemptions(card.code()).stream().filter(io.loyalty.spi.reward.Redemption::succeeded).count())
        .isEqualTo(3);
  }

  private boolean keepsMemberRecords() {
    try {
      store.members(PROGRAM, 1);
      return true;
    } catch (UnsupportedOperationException none) {
      return false;
    }
  }

  @Test
  void a_member_record_is_written_with_the_cards_and_reads_back_whole_and_its_updates_merge() {
    assumeTrue(keepsMemberRecords(), "the store keeps no member records (MemberStore's defaults)");
    engine.define(program());
    engine.addMember(PROGRAM, CustomerId.of("dora"), io.loyalty.spi.card.MemberStatus.INACTIVE,
        io.loyalty.spi.Metadata.of("tier", "gold", "visits", 3));
    io.loyalty.spi.card.Member stored = store.member(PROGRAM, CustomerId.of("dora")).orElseThrow();
    assertThat(stored).isEqualTo(new io.loyalty.spi.card.Member(PROGRAM, CustomerId.of("dora"),
        io.loyalty.spi.card.MemberStatus.INACTIVE, io.loyalty.spi.Metadata.of("tier", "gold", "visits", 3), 1, T0, T0));
    assertThat(store.cardsOf(PROGRAM, CustomerId.of("dora"))).extracting(Card::active).containsOnly(false);
    java.util.Map<String, io.loyalty.spi.MetaValue> changes = new java.util.HashMap<>();
    changes.put("visits", io.loyalty.spi.MetaValue.of(4));
    changes.put("tier", null);
    engine.updateMember(PROGRAM, CustomerId.of("dora"), changes);
    assertThat(store.member(PROGRAM, CustomerId.of("dora")).orElseThrow().metadata())
        .isEqualTo(io.loyalty.spi.Metadata.of("visits", 4));
    engine.deleteMember(PROGRAM, CustomerId.of("dora"));
    assertThat(store.member(PROGRAM, CustomerId.of("dora")).orElseThrow().status())
        .isEqualTo(io.loyalty.spi.card.MemberStatus.DELETED);
    assertThat(store.members(PROGRAM, 10)).extracting(io.loyalty.spi.card.Member::version).containsExactly(3L);
    assertThat(store.member(ProgramId.of("lprg_other"), CustomerId.of("dora"))).isEmpty();
  }

  @Test
  void racing_member_updates_from_two_engines_lose_none() throws Exception {
    assumeTrue(supportsConcurrency(), "the adapter declares it does not support concurrent callers");
    assumeTrue(keepsMemberRecords(), "the store keeps no member records (MemberStore's defaults)");
    engine.define(program());
    engine.addMember(PROGRAM, CustomerId.of("erin"));
    LoyaltyEngine other = LoyaltyEngine.builder().store(store).clock(Clock.fixed(T0, ZoneOffset.UTC))
        .random(WorkloadPrograms.seeded(13)).build();
    int updates = Math.max(6, budget().threads() * 2);
    List<Callable<Long>> tasks = new ArrayList<>();
    for (int i = 0; i < updates; i++) {
      LoyaltyEngine by = i % 2 == 0 ? engine : other;
      String key = "k" + i;
      tasks.add(() -> by.updateMember(PROGRAM, CustomerId.of("erin"),
          java.util.Map.of(key, io.loyalty.spi.MetaValue.of(1))).version());
    }
    Race.run(budget().threads(), tasks);
    io.loyalty.spi.card.Member last = store.member(PROGRAM, CustomerId.of("erin")).orElseThrow();
    assertThat(last.version()).isEqualTo(1L + updates);
    assertThat(last.metadata().values()).hasSize(updates);
  }
}
