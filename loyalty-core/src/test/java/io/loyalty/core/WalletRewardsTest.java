package io.loyalty.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.loyalty.spi.AssignmentId;
import io.loyalty.spi.CustomerId;
import io.loyalty.spi.InvalidInputException;
import io.loyalty.spi.Metadata;
import io.loyalty.spi.ProductId;
import io.loyalty.spi.ProgramId;
import io.loyalty.spi.RedemptionId;
import io.loyalty.spi.RewardId;
import io.loyalty.spi.Violation;
import io.loyalty.spi.WalletId;
import io.loyalty.spi.card.Card;
import io.loyalty.spi.event.Customer;
import io.loyalty.spi.program.CardDefinition;
import io.loyalty.spi.program.Comparison;
import io.loyalty.spi.program.Condition;
import io.loyalty.spi.program.FirstMatchRule;
import io.loyalty.spi.program.FirstMatchRule.Earning;
import io.loyalty.spi.program.FirstMatchRule.Effect;
import io.loyalty.spi.program.Program;
import io.loyalty.spi.program.Trigger;
import io.loyalty.spi.reward.Redemption;
import io.loyalty.spi.reward.Reward;
import io.loyalty.spi.reward.RewardKind;
import io.loyalty.spi.reward.WalletReward;
import io.loyalty.spi.reward.WalletReward.Cost;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Loyalty v2 rewards (digest section 12.5): an offer's costs are tried top to bottom, the first whose condition holds
 * is the price in its wallet's points, and a wallet that lacks them fails the purchase without trying another; stock,
 * idempotency and the refund (a rollback) work as for v1.
 */
@DisplayName("loyalty v2: rewards with costs per wallet")
class WalletRewardsTest {
  static final ProgramId PROGRAM = ProgramId.of("lprg_rewards");
  static final WalletId POINTS = WalletId.of("lcd_points");
  static final WalletId MILES = WalletId.of("lcd_miles");
  static final AssignmentId MUG_OFFER = AssignmentId.of("lrewa_mug");
  static final Reward MUG = Reward.of("lrew_mug", "Mug", new RewardKind.Material(ProductId.of("prod_mug"), null));
  private final MutableClock clock = new MutableClock(Fixtures.T0);
  private final LoyaltyEngine engine = LoyaltyEngine.builder().store(InMemoryLoyaltyStore.create()).clock(clock)
      .random(Fixtures.seeded(9)).build();

  /** VIP customers pay 100 points for the mug; everyone else pays 300 miles. */
  private void define(long stock) {
    define(stock, io.loyalty.spi.program.SpendingLimits.NONE);
  }

  /** As {@link #define(long)}, the miles wallet under spending limits. */
  private void define(long stock, io.loyalty.spi.program.SpendingLimits milesLimits) {
    engine.defineReward(MUG.withStock(stock));
    engine.define(Program.builder(PROGRAM, "Rewards")
        .wallet(CardDefinition.of(POINTS, "Points"))
        .wallet(CardDefinition.of(MILES, "Miles").withSpendingLimits(milesLimits))
        .earningRule(FirstMatchRule.of(io.loyalty.spi.RuleId.of("ler_1"), Trigger.ORDER_PAID,
            Earning.always(Effect.points(POINTS, 1))))
        .reward(WalletReward.of(MUG_OFFER.value(), MUG.id(),
            Cost.when(new Condition.CustomerMetadata("vip", Comparison.is(true)), POINTS, 100),
            Cost.of(MILES, 300)))
        .build());
  }

  private List<Card> member(String customer, long points, long miles) {
    List<Card> cards = engine.addMember(PROGRAM, CustomerId.of(customer));
    if (points > 0) {
      engine.addPoints(cards.get(0).code(), points, AddedPointsExpiry.never(), "seed", null);
    }
    if (miles > 0) {
      engine.addPoints(cards.get(1).code(), miles, AddedPointsExpiry.never(), "seed", null);
    }
    return cards;
  }

  private Redemption buy(String id, String customer, boolean vip) {
    Customer who = new Customer(CustomerId.of(customer), vip ? Metadata.of("vip", true) : Metadata.EMPTY,
        java.util.Set.of());
    Card any = engine.cardsOf(PROGRAM, CustomerId.of(customer)).get(0);
    return engine.redeem(new io.loyalty.spi.reward.RedeemRequest(RedemptionId.of(id), any.code(), MUG_OFFER, null,
        null, Metadata.EMPTY, who));
  }

  @Test
  @DisplayName("the first matching cost is the price, paid from its wallet; the offer regroups from the program")
  void firstMatchingCost() {
    define(10);
    List<Card> alice = member("alice", 150, 1_000);
    Redemption vip = buy("p1", "alice", true);
    assertThat(vip.succeeded()).isTrue();
    assertThat(vip.card()).isEqualTo(alice.get(0).code());
    assertThat(vip.assignment()).isEqualTo(WalletReward.costId(MUG_OFFER, 1));
    assertThat(vip.points()).isEqualTo(100);
    assertThat(engine.balance(alice.get(0).code())).isEqualTo(50);
    assertThat(engine.balance(alice.get(1).code())).isEqualTo(1_000);

    Redemption plain = buy("p2", "alice", false);
    assertThat(plain.succeeded()).isTrue();
    assertThat(plain.card()).isEqualTo(alice.get(1).code());
    assertThat(engine.balance(alice.get(1).code())).isEqualTo(700);
    assertThat(engine.program(PROGRAM).walletRewards()).singleElement()
        .satisfies(o -> assertThat(o.costs()).extracting(Cost::wallet).containsExactly(POINTS, MILES));
    assertThat(buy("p2", "alice", false)).as("the same request again").isEqualTo(plain);
    assertThat(engine.balance(alice.get(1).code())).isEqualTo(700);
    assertThatThrownBy(() -> engine.purchase(RedemptionId.of("p2"), PROGRAM, CustomerId.of("alice"), MUG_OFFER))
        .as("another request under the same id").isInstanceOf(RedemptionIdReusedException.class);
  }

  @Test
  @DisplayName("a matched cost whose wallet lacks the points fails the purchase: another wallet is never tried")
  void noFallback() {
    define(10);
    List<Card> bob = member("bob", 40, 5_000);
    Redemption failed = buy("p1", "bob", true);
    assertThat(failed.succeeded()).isFalse();
    assertThat(failed.failureCode()).isEqualTo("loyalty_card_points_exceeded");
    assertThat(failed.points()).isZero();
    assertThat(engine.balance(bob.get(0).code())).isEqualTo(40);
    assertThat(engine.balance(bob.get(1).code())).isEqualTo(5_000);
  }

  @Test
  @DisplayName("stock is counted across purchases, and the refund (a rollback) gives the points and the stock back")
  void stockAndRefund() {
    define(1);
    List<Card> carol = member("carol", 0, 1_000);
    Redemption first = engine.purchase(RedemptionId.of("p1"), PROGRAM, CustomerId.of("carol"), MUG_OFFER);
    assertThat(first.succeeded()).isTrue();
    Redemption second = engine.purchase(RedemptionId.of("p2"), PROGRAM, CustomerId.of("carol"), MUG_OFFER);
    assertThat(second.failureCode()).isEqualTo("reward_out_of_stock");
    engine.rollback(first.id(), "returned");
    assertThat(engine.balance(carol.get(1).code())).isEqualTo(1_000);
    assertThat(engine.purchase(RedemptionId.of("p3"), PROGRAM, CustomerId.of("carol"), MUG_OFFER).succeeded())
        .isTrue();
  }

  @Test
  @DisplayName("each wallet's card lists the costs it pays; a v2 offer is checked with the program")
  void listingAndValidation() {
    define(10);
    List<Card> dave = member("dave", 500, 100);
    assertThat(engine.rewards(dave.get(0).code(), false)).extracting(r -> r.assignment().id())
        .containsExactly(WalletReward.costId(MUG_OFFER, 1));
    assertThat(engine.rewards(dave.get(1).code(), true)).isEmpty(); // 100 miles do not buy it
    Program bad = engine.program(PROGRAM).toBuilder().rewards(List.of())
        .reward(WalletReward.of("lrewa_bad", MUG.id(), Cost.of(WalletId.of("lcd_nope"), 5)))
        .reward(io.loyalty.spi.reward.RewardAssignment.of("rewa_v1", MUG.id(), 5))
        .build();
    assertThatThrownBy(() -> engine.define(bad)).isInstanceOf(InvalidInputException.class)
        .satisfies(e -> assertThat(((InvalidInputException) e).violations()).extracting(Violation::path)
            .contains("rewards[0].spending.card_definition_id", "rewards[1]"));
    assertThatThrownBy(() -> engine.purchase(RedemptionId.of("x"), PROGRAM, CustomerId.of("erin"), MUG_OFFER))
        .isInstanceOf(io.loyalty.spi.NotFoundException.class);
  }

  @Test
  @DisplayName("examine says for each offer whether a purchase would succeed, with the matching cost and what is missing")
  void examine() {
    define(1);
    member("erin", 40, 1_000);
    Customer vip = new Customer(CustomerId.of("erin"), Metadata.of("vip", true), java.util.Set.of());
    RewardExamination asVip = engine.examineRewards(PROGRAM, CustomerId.of("erin"), vip).get(0);
    assertThat(asVip.status()).isEqualTo(RewardExamination.Status.UNAVAILABLE);
    assertThat(asVip.reason()).isEqualTo(RewardExamination.Reason.INSUFFICIENT_BALANCE);
    assertThat(asVip.wallet()).isEqualTo(POINTS);
    assertThat(asVip.required()).isEqualTo(100);
    assertThat(asVip.available()).isEqualTo(40);
    assertThat(asVip.missing()).isEqualTo(60);
    RewardExamination plain = engine.examineRewards(PROGRAM, CustomerId.of("erin"), null).get(0);
    assertThat(plain.status()).isEqualTo(RewardExamination.Status.AVAILABLE);
    assertThat(plain.wallet()).isEqualTo(MILES);
    assertThat(engine.purchase(RedemptionId.of("p1"), PROGRAM, CustomerId.of("erin"), MUG_OFFER).succeeded()).isTrue();
    assertThat(engine.examineRewards(PROGRAM, CustomerId.of("erin"), null).get(0).reason())
        .isEqualTo(RewardExamination.Reason.OUT_OF_STOCK);
  }

  /** The failure key a purchase gives for each reason examine gives. */
  static String keyOf(RewardExamination.Reason reason) {
    return switch (reason) {
      case MEMBER_INACTIVE -> "voucher_disabled";
      case PROGRAM_INACTIVE -> "campaign_not_active";
      case REWARD_INACTIVE -> "missing_reward";
      case OUT_OF_STOCK -> "reward_out_of_stock";
      case NO_MATCHING_COST -> "customer_rules_violated";
      case NO_CARD_FOR_COST -> "no_card_for_cost";
      case INSUFFICIENT_BALANCE -> "loyalty_card_points_exceeded";
      case SPENDING_LIMIT -> "spending_limit_exceeded";
    };
  }

  @Test
  @DisplayName("property: over random balances, stock, spending limits, member flags and switches, examine and then purchase agree")
  void examineThenPurchaseAgree() {
    org.quicktheories.QuickTheory.qt().withFixedSeed(61L).withExamples(120)
        .forAll(org.quicktheories.generators.SourceDSL.longs().between(0, 400),
            org.quicktheories.generators.SourceDSL.longs().between(0, 600),
            org.quicktheories.generators.SourceDSL.integers().between(0, 31))
        .checkAssert((points, miles, flags) -> {
          MutableClock c = new MutableClock(Fixtures.T0);
          LoyaltyEngine e = LoyaltyEngine.builder().store(InMemoryLoyaltyStore.create()).clock(c)
              .random(Fixtures.seeded(9)).build();
          e.defineReward(MUG.withStock((flags & 1) == 0 ? 5L : 0L));
          Program program = Program.builder(PROGRAM, "Rewards")
              .wallet(CardDefinition.of(POINTS, "Points").withSpendingLimits((flags & 16) == 0
                  ? io.loyalty.spi.program.SpendingLimits.NONE
                  : new io.loyalty.spi.program.SpendingLimits(null, null, 50L)))
              .wallet(CardDefinition.of(MILES, "Miles"))
              .earningRule(FirstMatchRule.of(io.loyalty.spi.RuleId.of("ler_1"), Trigger.ORDER_PAID,
                  Earning.always(Effect.points(POINTS, 1))))
              .reward(WalletReward.of(MUG_OFFER.value(), MUG.id(),
                  Cost.when(new Condition.CustomerMetadata("vip", Comparison.is(true)), POINTS, 100),
                  Cost.when(new Condition.CustomerMetadata("vip", Comparison.is(false)), MILES, 300)))
              .build();
          e.define(program);
          List<Card> cards = e.addMember(PROGRAM, CustomerId.of("fay"));
          if (points > 0) {
            e.addPoints(cards.get(0).code(), points, AddedPointsExpiry.never(), "seed", null);
          }
          if (miles > 0) {
            e.addPoints(cards.get(1).code(), miles, AddedPointsExpiry.never(), "seed", null);
          }
          if ((flags & 2) != 0) {
            cards.forEach(card -> e.disable(card.code()));
          }
          if ((flags & 4) != 0) {
            e.define(program.toBuilder().active(false).build());
          }
          // no metadata: no cost matches; vip true or false: the first or the second
          Metadata metadata = (flags & 8) != 0 ? Metadata.EMPTY : Metadata.of("vip", points % 2 == 0);
          Customer who = new Customer(CustomerId.of("fay"), metadata, java.util.Set.of());
          RewardExamination seen = e.examineRewards(PROGRAM, CustomerId.of("fay"), who).get(0);
          Redemption bought = e.redeem(new io.loyalty.spi.reward.RedeemRequest(RedemptionId.of("p"), cards.get(0).code(),
              MUG_OFFER, null, null, Metadata.EMPTY, who));
          assertThat(bought.succeeded()).as("%s / %s", seen, bought.failureMessage())
              .isEqualTo(seen.status() == RewardExamination.Status.AVAILABLE);
          if (!bought.succeeded()) {
            assertThat(bought.failureCode()).as("%s", seen).isEqualTo(keyOf(seen.reason()));
          } else {
            assertThat(bought.points()).isEqualTo(seen.required());
          }
        });
  }

  @Test
  @DisplayName("spending limits: in all (a rollback gives room back), per day, and per purchase reject a purchase whole")
  void spendingLimits() {
    define(10, new io.loyalty.spi.program.SpendingLimits(500L, null, null));
    List<Card> gus = member("gus", 0, 2_000);
    Redemption first = engine.purchase(RedemptionId.of("p1"), PROGRAM, CustomerId.of("gus"), MUG_OFFER);
    assertThat(first.succeeded()).isTrue();
    assertThat(engine.examineRewards(PROGRAM, CustomerId.of("gus"), null).get(0).reason())
        .isEqualTo(RewardExamination.Reason.SPENDING_LIMIT);
    Redemption second = engine.purchase(RedemptionId.of("p2"), PROGRAM, CustomerId.of("gus"), MUG_OFFER);
    assertThat(second.failureCode()).isEqualTo("spending_limit_exceeded");
    assertThat(second.failureMessage()).contains("500 in all (300 spent)");
    assertThat(engine.balance(gus.get(1).code())).isEqualTo(1_700);
    engine.rollback(first.id(), "returned");
    assertThat(engine.purchase(RedemptionId.of("p3"), PROGRAM, CustomerId.of("gus"), MUG_OFFER).succeeded()).isTrue();
  }

  @Test
  @DisplayName("a daily spending limit starts afresh the next day")
  void dailyAndPerPurchaseSpending() {
    define(10, new io.loyalty.spi.program.SpendingLimits(null,
        new io.loyalty.spi.program.EarningLimits.Period(io.loyalty.spi.program.EarningLimits.CalendarUnit.DAY, 300),
        null));
    member("hal", 0, 2_000);
    assertThat(engine.purchase(RedemptionId.of("p1"), PROGRAM, CustomerId.of("hal"), MUG_OFFER).succeeded()).isTrue();
    assertThat(engine.purchase(RedemptionId.of("p2"), PROGRAM, CustomerId.of("hal"), MUG_OFFER).failureCode())
        .isEqualTo("spending_limit_exceeded");
    clock.advance(java.time.Duration.ofDays(1));
    assertThat(engine.purchase(RedemptionId.of("p3"), PROGRAM, CustomerId.of("hal"), MUG_OFFER).succeeded()).isTrue();
  }

  @Test
  @DisplayName("a per-purchase maximum below the cost rejects the purchase")
  void perPurchaseSpending() {
    define(10, new io.loyalty.spi.program.SpendingLimits(null, null, 200L));
    member("hal", 0, 2_000);
    Redemption over = engine.purchase(RedemptionId.of("p4"), PROGRAM, CustomerId.of("hal"), MUG_OFFER);
    assertThat(over.failureCode()).isEqualTo("spending_limit_exceeded");
    assertThat(over.failureMessage()).contains("200 per purchase");
  }
}
