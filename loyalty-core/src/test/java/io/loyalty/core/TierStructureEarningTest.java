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
}
