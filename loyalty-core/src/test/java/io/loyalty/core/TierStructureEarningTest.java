package io.loyalty.core;

import static io.loyalty.core.TierStructureTest.GOLD;
import static io.loyalty.core.TierStructureTest.POINTS;
import static io.loyalty.core.TierStructureTest.PROGRAM;
import static io.loyalty.core.TierStructureTest.SILVER;
import static org.assertj.core.api.Assertions.assertThat;

import io.loyalty.spi.CardCode;
import io.loyalty.spi.CustomerId;
import io.loyalty.spi.RuleId;
import io.loyalty.spi.earning.EventOutcome;
import io.loyalty.spi.earning.Skip;
import io.loyalty.spi.earning.SkipReason;
import io.loyalty.spi.event.Order;
import io.loyalty.spi.event.OrderPaid;
import io.loyalty.spi.program.FirstMatchRule;
import io.loyalty.spi.program.FirstMatchRule.Earning;
import io.loyalty.spi.program.FirstMatchRule.Effect;
import io.loyalty.spi.program.Program;
import io.loyalty.spi.program.Trigger;
import io.loyalty.spi.tier.TierStructure;
import java.time.Duration;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * {@code tier_rules} on v2 earnings (digest section 12.4): an earning matches only when the member's tier before the
 * event's points is one it names; first-match order is kept, so the member's tier picks the branch.
 */
@DisplayName("loyalty v2: tier_rules on earnings")
class TierStructureEarningTest {
  static final RuleId BONUS = RuleId.of("ler_bonus");
  final MutableClock clock = new MutableClock(Fixtures.T0);
  final InMemoryLoyaltyStore store = InMemoryLoyaltyStore.create();
  final LoyaltyEngine engine = LoyaltyEngine.builder().store(store).clock(clock).random(Fixtures.seeded(7)).build();

  /** A point per dollar, and a bonus of 50 for Gold members, 20 for Silver ones, 1 for everyone else. */
  CardCode join() {
    Program base = TierStructureTest.program(TierStructureTest.ladder(TierStructure.Tracking.balance(POINTS)).build());
    engine.define(base.toBuilder().earningRule(FirstMatchRule.of(BONUS, Trigger.ORDER_PAID,
        Earning.always(Effect.points(POINTS, 50)).forTiers(GOLD),
        Earning.always(Effect.points(POINTS, 20)).forTiers(SILVER, GOLD),
        Earning.always(Effect.points(POINTS, 1)))).build());
    return engine.addMember(PROGRAM, CustomerId.of("alice")).get(0).code();
  }

  EventOutcome pay(String id, long dollars) {
    clock.advance(Duration.ofMinutes(1));
    return engine.apply(OrderPaid.of(id, clock.instant(), Fixtures.customer("alice"),
        Order.ofAmount("o_" + id, "USD", dollars * 100)));
  }

  @Test
  @DisplayName("the first earning whose tier_rules hold for the tier before the points applies; the others are skipped with their reason")
  void firstMatchByTier() {
    CardCode card = join();
    EventOutcome first = pay("e1", 150); // Bronze before: the catch-all earning
    assertThat(first.points()).isEqualTo(150 + 1);
    assertThat(first.programs().get(0).skipped()).extracting(Skip::reason)
        .containsExactly(SkipReason.TIER_NOT_HELD, SkipReason.TIER_NOT_HELD);
    EventOutcome second = pay("e2", 400); // Silver before (151 points): the Silver earning, though this order makes Gold
    assertThat(second.points()).isEqualTo(400 + 20);
    assertThat(second.programs().get(0).skipped()).extracting(Skip::reason, Skip::rule)
        .containsExactly(org.assertj.core.groups.Tuple.tuple(SkipReason.TIER_NOT_HELD,
            FirstMatchRule.effectId(BONUS, 1, 1)), org.assertj.core.groups.Tuple.tuple(
                SkipReason.EARLIER_EARNING_MATCHED, FirstMatchRule.effectId(BONUS, 3, 1)));
    assertThat(engine.structureTier(card, clock.instant()).orElseThrow().tier().id()).isEqualTo(GOLD);
    assertThat(pay("e3", 1).points()).isEqualTo(1 + 50);
  }

  @Test
  @DisplayName("the receipt records the tier the earning was decided under, so the replay gives the same outcome")
  void replayAgrees() {
    join();
    pay("e1", 200);
    EventOutcome silver = pay("e2", 10);
    Replay replay = engine.replay(io.loyalty.spi.EventId.of("e2"));
    assertThat(replay.replayed()).isEqualTo(silver);
    assertThat(silver.points()).isEqualTo(10 + 20);
  }

  /** A mug at 100 points for Gold members and 300 for everyone; a cap only Gold members can buy. */
  CardCode joinWithRewards(long points) {
    io.loyalty.spi.reward.Reward mug = io.loyalty.spi.reward.Reward.of("lrew_mug", "Mug",
        new io.loyalty.spi.reward.RewardKind.Material(io.loyalty.spi.ProductId.of("prod_mug"), null));
    io.loyalty.spi.reward.Reward cap = io.loyalty.spi.reward.Reward.of("lrew_cap", "Cap",
        new io.loyalty.spi.reward.RewardKind.Material(io.loyalty.spi.ProductId.of("prod_cap"), null));
    engine.defineReward(mug);
    engine.defineReward(cap);
    Program base = TierStructureTest.program(TierStructureTest.ladder(TierStructure.Tracking.balance(POINTS)).build());
    engine.define(base.toBuilder()
        .reward(io.loyalty.spi.reward.WalletReward.of("lrewa_mug", mug.id(),
            io.loyalty.spi.reward.WalletReward.Cost.of(POINTS, 100).forTiers(GOLD),
            io.loyalty.spi.reward.WalletReward.Cost.of(POINTS, 300)))
        .reward(io.loyalty.spi.reward.WalletReward.of("lrewa_cap", cap.id(),
            io.loyalty.spi.reward.WalletReward.Cost.of(POINTS, 10).forTiers(GOLD)))
        .build());
    CardCode card = engine.addMember(PROGRAM, CustomerId.of("alice")).get(0).code();
    engine.addPoints(card, points, AddedPointsExpiry.never(), "seed", null);
    return card;
  }

  io.loyalty.spi.reward.Redemption buy(String id, String offer) {
    return engine.purchase(io.loyalty.spi.RedemptionId.of(id), PROGRAM, CustomerId.of("alice"),
        io.loyalty.spi.AssignmentId.of(offer));
  }

  @Test
  @DisplayName("a cost restricted to tiers is the price only for a member in one of them; the next cost is tried in order")
  void costsRestrictedToTiers() {
    CardCode card = joinWithRewards(600); // Gold
    io.loyalty.spi.reward.Redemption gold = buy("p1", "lrewa_mug");
    assertThat(gold.succeeded()).isTrue();
    assertThat(gold.points()).isEqualTo(100);
    assertThat(engine.balance(card)).isEqualTo(500); // still Gold
    engine.removePoints(card, 250, "spent", null); // 250: Silver by balance, but NO_DOWNGRADE keeps Gold
    assertThat(buy("p2", "lrewa_mug").points()).isEqualTo(100);
  }

  @Test
  @DisplayName("a member outside the cost's tiers pays the next cost; with no cost left the purchase fails on the customer's rules, and examine agrees")
  void noCostForTheTier() {
    CardCode card = joinWithRewards(400); // Silver
    io.loyalty.spi.reward.Redemption silver = buy("p1", "lrewa_mug");
    assertThat(silver.succeeded()).isTrue();
    assertThat(silver.points()).isEqualTo(300);
    assertThat(engine.examineRewards(PROGRAM, CustomerId.of("alice"), null))
        .filteredOn(e -> e.offer().value().equals("lrewa_cap")).singleElement()
        .satisfies(e -> assertThat(e.reason()).isEqualTo(RewardExamination.Reason.NO_MATCHING_COST));
    io.loyalty.spi.reward.Redemption none = buy("p2", "lrewa_cap");
    assertThat(none.succeeded()).isFalse();
    assertThat(none.failureCode()).isEqualTo("customer_rules_violated");
    assertThat(engine.balance(card)).isEqualTo(100);
  }
}
