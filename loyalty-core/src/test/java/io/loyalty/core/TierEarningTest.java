package io.loyalty.core;

import static org.assertj.core.api.Assertions.assertThat;

import io.loyalty.spi.CardCode;
import io.loyalty.spi.CustomerId;
import io.loyalty.spi.RuleId;
import io.loyalty.spi.TierId;
import io.loyalty.spi.earning.EventOutcome;
import io.loyalty.spi.earning.ProgramOutcome;
import io.loyalty.spi.earning.SkipReason;
import io.loyalty.spi.event.Order;
import io.loyalty.spi.event.OrderPaid;
import io.loyalty.spi.event.OrderRefunded;
import io.loyalty.spi.program.EarningRule;
import io.loyalty.spi.program.Measure;
import io.loyalty.spi.program.PointsFormula;
import io.loyalty.spi.program.Program;
import io.loyalty.spi.program.Trigger;
import io.loyalty.spi.store.OutboxEvent;
import io.loyalty.spi.tier.Tier;
import io.loyalty.spi.tier.TierMapping;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Balance tiers (digest sections 2.11, 5.8 and 6): the tier before an event's points applies its mappings, the
 * receipt records it so replays and refunds use the same, and each net move between tiers is one outbox event.
 */
@DisplayName("balance tiers: earning mappings and tier events")
class TierEarningTest {
  static final RuleId PER_DOLLAR = RuleId.of("ern_per_dollar");
  static final RuleId BONUS = RuleId.of("ern_bonus");
  private final MutableClock clock = new MutableClock(Fixtures.T0);
  private final InMemoryLoyaltyStore store = InMemoryLoyaltyStore.create();
  private final LoyaltyEngine engine = LoyaltyEngine.builder().store(store).clock(clock).random(Fixtures.seeded(5))
      .build();

  /** Basic 0-99, Silver 100-499 (per-dollar points × 1.5), Gold 500+ (the bonus rule gives 40 instead of 10). */
  static Program ladder() {
    return Program.builder(Fixtures.PROGRAM, "tiered")
        .earningRule(EarningRule.builder(PER_DOLLAR, Trigger.ORDER_PAID,
            PointsFormula.proportional(new Measure.OrderAmount(), 100, 1)).build())
        .earningRule(EarningRule.builder(BONUS, Trigger.ORDER_PAID, PointsFormula.fixed(10)).build())
        .tier(Tier.builder(TierId.of("ltr_basic"), "Basic", 0).to(99L).build())
        .tier(Tier.builder(TierId.of("ltr_silver"), "Silver", 100).to(499L)
            .earningRule(PER_DOLLAR, TierMapping.multiply(new BigDecimal("1.5"))).build())
        .tier(Tier.builder(TierId.of("ltr_gold"), "Gold", 500)
            .earningRule(BONUS, TierMapping.custom(40))
            .earningRule(PER_DOLLAR, TierMapping.custom(0)).build())
        .build();
  }

  private EventOutcome pay(String id, long cents) {
    clock.advance(Duration.ofMinutes(1));
    return engine.apply(OrderPaid.of(id, clock.instant(), Fixtures.customer("alice"), Order.ofAmount("o_" + id, "USD",
        cents)));
  }

  private List<OutboxEvent> tierEvents() {
    return store.pending("test", EnumSet.of(OutboxEvent.Type.TIER_JOINED, OutboxEvent.Type.TIER_LEFT,
        OutboxEvent.Type.TIER_UPGRADED, OutboxEvent.Type.TIER_DOWNGRADED), 100);
  }

  private static String tierOf(OutboxEvent e) {
    OutboxEvent.TierChange c = (OutboxEvent.TierChange) e.payload();
    return (c.from() == null ? "-" : c.from().value()) + ">" + (c.to() == null ? "-" : c.to().value());
  }

  @Test
  @DisplayName("balance tiers: the outlook shows the drop expiring points bring, and the points to the next tier")
  void outlookOnBalance() {
    engine.define(ladder());
    CardCode card = engine.enrol(Fixtures.PROGRAM, CustomerId.of("alice")).code();
    engine.addPoints(card, 60, AddedPointsExpiry.never(), "kept", null);
    engine.addPoints(card, 50, AddedPointsExpiry.on(java.time.LocalDate.parse("2024-05-31")), "expiring", null);
    TierOutlook o = engine.tierOutlook(card, clock.instant()); // 110: Silver
    assertThat(o.current().id().value()).isEqualTo("ltr_silver");
    assertThat(o.currentEndsAt()).as("no term under BALANCE_DROP").isNull();
    assertThat(o.pointsToNext()).isEqualTo(390);
    assertThat(o.dropAt()).isEqualTo(java.time.LocalDate.parse("2024-06-01").atStartOfDay(java.time.ZoneOffset.UTC).toInstant());
    assertThat(o.dropsTo().id().value()).as("60 points after the 50 expire").isEqualTo("ltr_basic");
  }

  @Test
  @DisplayName("a host's override sets the tier whatever the balance, until its end; each move is an event; the history keeps it")
  void override() {
    engine.define(ladder());
    CardCode card = engine.enrol(Fixtures.PROGRAM, CustomerId.of("alice")).code();
    pay("e1", 1_000); // 10 + 10 = 20: Basic
    clock.advance(Duration.ofMinutes(1));
    java.time.Instant set = clock.instant();
    java.time.Instant until = set.plus(Duration.ofDays(30));
    engine.overrideTier(card, TierId.of("ltr_gold"), until, "VIP by hand");
    assertThat(engine.tier(card)).map(t -> t.id().value()).contains("ltr_gold");
    assertThat(engine.memberTier(card, set)).hasValue(new MemberTier(ladder().tiers().get(2), set, until));
    // Gold's mappings apply: the bonus rule gives 40, the per-dollar rule 0
    assertThat(pay("e2", 10_000).programs().get(0).points()).isEqualTo(40);
    assertThat(engine.tier(card, until)).as("the override has ended: the balance (60) decides")
        .map(t -> t.id().value()).contains("ltr_basic");
    clock.set(until.plus(Duration.ofDays(1)));
    pay("e3", 100); // 1 + 10: a write after the end records the move back, effective at the end
    assertThat(tierEvents()).extracting(e -> e.type() + " " + tierOf(e)).containsExactly(
        "TIER_JOINED ->ltr_basic", "TIER_UPGRADED ltr_basic>ltr_gold", "TIER_DOWNGRADED ltr_gold>ltr_basic");
    assertThat(((OutboxEvent.TierChange) tierEvents().get(2).payload()).effective()).isEqualTo(until);
    assertThat(engine.tierHistory(card)).extracting(s -> s.tier().id().value() + " " + s.from() + " " + s.expiresAt())
        .containsExactly("ltr_basic " + Fixtures.T0 + " null", "ltr_gold " + set + " " + until,
            "ltr_basic " + until + " null");
    // an unknown tier, or an end already past, is refused with the field named; nothing is written
    io.loyalty.spi.InvalidInputException bad = org.assertj.core.api.Assertions.catchThrowableOfType(
        io.loyalty.spi.InvalidInputException.class,
        () -> engine.overrideTier(card, TierId.of("ltr_none"), clock.instant(), "x"));
    assertThat(bad.violations()).extracting(v -> v.path()).containsExactly("loyalty_tier.id", "expiration_date");
    // an open override, ended by hand
    engine.overrideTier(card, TierId.of("ltr_silver"), null, "goodwill");
    assertThat(engine.tier(card)).map(t -> t.id().value()).contains("ltr_silver");
    clock.advance(Duration.ofMinutes(1));
    engine.endTierOverride(card, "goodwill over");
    assertThat(engine.tier(card)).map(t -> t.id().value()).contains("ltr_basic");
    assertThat(tierEvents()).extracting(e -> e.type() + " " + tierOf(e)).endsWith(
        "TIER_UPGRADED ltr_basic>ltr_silver", "TIER_DOWNGRADED ltr_silver>ltr_basic");
  }

  @Test
  @DisplayName("balance tiers: the history follows the ledger, and members are counted per tier as of any instant")
  void historyAndCounts() {
    engine.define(ladder());
    CardCode alice = engine.enrol(Fixtures.PROGRAM, CustomerId.of("alice")).code();
    engine.enrol(Fixtures.PROGRAM, CustomerId.of("bob"));
    java.time.Instant joined = clock.instant();
    pay("e1", 9_500); // 105: Silver
    java.time.Instant silver = clock.instant();
    pay("e2", 40_000); // 105 + 600 + 10 -> Gold
    java.time.Instant gold = clock.instant();
    assertThat(engine.tierHistory(alice)).extracting(s -> s.tier().id().value() + " " + s.from())
        .containsExactly("ltr_basic " + joined, "ltr_silver " + silver, "ltr_gold " + gold);
    assertThat(engine.memberTier(alice, silver.plusSeconds(1)))
        .hasValueSatisfying(t -> assertThat(t.since()).isEqualTo(silver));
    assertThat(engine.membersPerTier(Fixtures.PROGRAM, joined))
        .containsExactly(java.util.Map.entry(TierId.of("ltr_basic"), 2L), java.util.Map.entry(TierId.of("ltr_silver"), 0L),
            java.util.Map.entry(TierId.of("ltr_gold"), 0L));
    assertThat(engine.membersPerTier(Fixtures.PROGRAM, clock.instant()))
        .containsExactly(java.util.Map.entry(TierId.of("ltr_basic"), 1L), java.util.Map.entry(TierId.of("ltr_silver"), 0L),
            java.util.Map.entry(TierId.of("ltr_gold"), 1L));
  }

  @Test
  @DisplayName("the tier before the points maps them; each move is one event; the tier reads as of any instant")
  void mappingsAndMoves() {
    engine.define(ladder());
    CardCode card = engine.enrol(Fixtures.PROGRAM, CustomerId.of("alice")).code();
    // Basic: 95 + 10 = 105 points, unmapped; the card moves Basic -> Silver
    ProgramOutcome first = pay("e1", 9_500).programs().get(0);
    assertThat(first.points()).isEqualTo(105);
    assertThat(engine.tier(card)).map(t -> t.id().value()).contains("ltr_silver");
    // Silver: 100 dollars × 1.5 = 150, bonus 10: 265 in all, still Silver
    ProgramOutcome second = pay("e2", 10_000).programs().get(0);
    assertThat(second.accruals()).extracting(a -> a.points()).containsExactly(150L, 10L);
    assertThat(engine.balance(card)).isEqualTo(265);
    // Silver again: 300 × 1.5 = 450 + 10 -> 725, Gold
    pay("e3", 30_000);
    assertThat(engine.balance(card)).isEqualTo(725);
    // Gold: the per-dollar rule gives nothing (CUSTOM 0, recorded as skipped), the bonus 40
    ProgramOutcome gold = pay("e4", 10_000).programs().get(0);
    assertThat(gold.accruals()).singleElement().satisfies(a -> {
      assertThat(a.rule()).isEqualTo(BONUS);
      assertThat(a.points()).isEqualTo(40);
    });
    assertThat(gold.skipped()).anySatisfy(s -> {
      assertThat(s.rule()).isEqualTo(PER_DOLLAR);
      assertThat(s.reason()).isEqualTo(SkipReason.TIER_GIVES_NONE);
    });
    // the enrolment put the card in Basic (balance 0), then two upgrades
    assertThat(tierEvents()).extracting(e -> e.type() + " " + tierOf(e)).containsExactly("TIER_JOINED ->ltr_basic",
        "TIER_UPGRADED ltr_basic>ltr_silver", "TIER_UPGRADED ltr_silver>ltr_gold");
    // removing points by hand moves it down, with one event
    engine.removePoints(card, 700, "correction", null);
    assertThat(engine.tier(card)).map(t -> t.id().value()).contains("ltr_basic");
    assertThat(tierEvents()).extracting(e -> e.type() + " " + tierOf(e)).endsWith(
        "TIER_DOWNGRADED ltr_gold>ltr_basic");
    // history: the tier as of the moment after the second order
    assertThat(engine.tier(card, Fixtures.T0.plus(Duration.ofMinutes(2)).plusSeconds(1)))
        .map(t -> t.id().value()).contains("ltr_silver");
    assertThat(engine.tier(card, Fixtures.T0)).map(t -> t.id().value()).contains("ltr_basic");
  }

  @Test
  @DisplayName("a member who joins by an event enters the tiers with a JOINED event")
  void joinedByEvent() {
    engine.define(ladder().toBuilder().autoJoin(true).build());
    pay("e1", 20_000);
    assertThat(tierEvents()).extracting(e -> e.type() + " " + tierOf(e)).containsExactly("TIER_JOINED ->ltr_silver");
  }

  @Test
  @DisplayName("a replay and a refund use the tier recorded at payment, whatever the tier is now")
  void replayAndRefundUseThePaymentsTier() {
    engine.define(ladder());
    CardCode card = engine.enrol(Fixtures.PROGRAM, CustomerId.of("alice")).code();
    pay("e1", 20_000); // Basic: 200 + 10 -> Silver
    clock.advance(Duration.ofMinutes(1));
    // Silver: two lines of 100 dollars, 200 × 1.5 = 300, + 10 = 310 -> 520, Gold
    EventOutcome silver = engine.apply(OrderPaid.of("e2", clock.instant(), Fixtures.customer("alice"),
        Order.of("o_e2", "USD", io.loyalty.spi.event.OrderItem.product("prod_a", 1, 10_000),
            io.loyalty.spi.event.OrderItem.product("prod_b", 1, 10_000))));
    assertThat(engine.balance(card)).isEqualTo(520);
    assertThat(engine.tier(card)).map(t -> t.id().value()).contains("ltr_gold");
    Replay replay = engine.replay(silver.event());
    assertThat(replay.replayed()).isEqualTo(replay.recorded());
    // refunding one line takes back what it earned under Silver (100 × 1.5 = 150), not under Gold (0) or no tier (100)
    clock.advance(Duration.ofMinutes(1));
    engine.apply(OrderRefunded.lines("r2", clock.instant(), Fixtures.customer("alice"), "o_e2",
        new io.loyalty.spi.event.RefundLine(1, 1)));
    assertThat(engine.balance(card)).isEqualTo(370);
    assertThat(engine.replay(io.loyalty.spi.EventId.of("r2")).replayed())
        .isEqualTo(engine.replay(io.loyalty.spi.EventId.of("r2")).recorded());
  }

  @Test
  @DisplayName("a tier's reward mapping prices the reward for its members, in listings, redemptions and auto-redeem")
  void rewardPrices() {
    io.loyalty.spi.reward.Reward mug = engine.defineReward(io.loyalty.spi.reward.Reward.of("rew_mug", "Mug",
        new io.loyalty.spi.reward.RewardKind.Material(io.loyalty.spi.ProductId.of("prod_mug"), null)));
    io.loyalty.spi.AssignmentId assignment = io.loyalty.spi.AssignmentId.of("rewa_mug");
    Program base = ladder();
    engine.define(base.toBuilder()
        .rewards(List.of(io.loyalty.spi.reward.RewardAssignment.of("rewa_mug", mug.id(), 600)))
        .tiers(List.of(base.tiers().get(0), base.tiers().get(1),
            Tier.builder(TierId.of("ltr_gold"), "Gold", 500).reward(assignment, TierMapping.custom(300)).build()))
        .build());
    CardCode card = engine.enrol(Fixtures.PROGRAM, CustomerId.of("alice")).code();
    pay("e1", 20_000); // 210, Silver: the mug costs 600
    assertThat(engine.rewards(card, false)).singleElement().satisfies(r -> {
      assertThat(r.points()).isEqualTo(600L);
      assertThat(r.affordable()).isFalse();
    });
    pay("e2", 20_000); // Silver: 300 + 10 -> 520, Gold: the mug costs 300
    assertThat(engine.rewards(card, true)).singleElement().satisfies(r -> assertThat(r.points()).isEqualTo(300L));
    io.loyalty.spi.reward.Redemption r = engine.redeem(io.loyalty.spi.reward.RedeemRequest.of("red_1", card, assignment));
    assertThat(r.succeeded()).isTrue();
    assertThat(r.points()).isEqualTo(300);
    assertThat(engine.balance(card)).isEqualTo(220);
    // and the move back to Silver is one event
    assertThat(tierEvents()).extracting(e -> e.type() + " " + tierOf(e)).endsWith("TIER_DOWNGRADED ltr_gold>ltr_silver");
  }
}
