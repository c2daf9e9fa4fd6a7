package io.loyalty.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.loyalty.spi.CardCode;
import io.loyalty.spi.CustomerId;
import io.loyalty.spi.EventId;
import io.loyalty.spi.InvalidInputException;
import io.loyalty.spi.RuleId;
import io.loyalty.spi.TierId;
import io.loyalty.spi.card.EntryType;
import io.loyalty.spi.card.LedgerEntry;
import io.loyalty.spi.earning.SkipReason;
import io.loyalty.spi.event.Order;
import io.loyalty.spi.event.OrderPaid;
import io.loyalty.spi.event.TierMoved;
import io.loyalty.spi.program.EarningRule;
import io.loyalty.spi.program.IsoDuration;
import io.loyalty.spi.program.Measure;
import io.loyalty.spi.program.PointsFormula;
import io.loyalty.spi.program.Program;
import io.loyalty.spi.program.Trigger;
import io.loyalty.spi.store.OutboxEvent;
import io.loyalty.spi.tier.Tier;
import io.loyalty.spi.tier.TierPolicy;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Earning rules fired by tier moves (digest sections 2.2 and 6.3, seed 003): each move earns once, through the outbox,
 * and a cascade of moves caused by such points ends at the engine's bound.
 */
@DisplayName("earning rules on tier events: joined, upgraded, prolonged; exactly once; a bounded cascade")
class TierRulesTest {
  private static final RuleId PER_DOLLAR = RuleId.of("ern_per_dollar");
  private final MutableClock clock = new MutableClock(Fixtures.T0);
  private final InMemoryLoyaltyStore store = InMemoryLoyaltyStore.create();
  private final LoyaltyEngine engine = LoyaltyEngine.builder().store(store).clock(clock).random(Fixtures.seeded(3))
      .build();

  private static EarningRule onTier(String id, Trigger.TierEvent move, String tier, long points) {
    return EarningRule.builder(RuleId.of(id), new Trigger.TierChange(move, tier), PointsFormula.fixed(points)).build();
  }

  private static Program.Builder ladder(EarningRule... tierRules) {
    Program.Builder b = Program.builder(Fixtures.PROGRAM, "tier rules")
        .earningRule(EarningRule.builder(PER_DOLLAR, Trigger.ORDER_PAID,
            PointsFormula.proportional(new Measure.OrderAmount(), 100, 1)).build())
        .tier(Tier.builder(TierId.of("ltr_basic"), "Basic", 0).to(99L).build())
        .tier(Tier.builder(TierId.of("ltr_silver"), "Silver", 100).to(499L).build())
        .tier(Tier.builder(TierId.of("ltr_gold"), "Gold", 500).build());
    for (EarningRule rule : tierRules) {
      b.earningRule(rule);
    }
    return b;
  }

  private void pay(String id, long cents) {
    clock.advance(Duration.ofMinutes(1));
    engine.apply(OrderPaid.of(id, clock.instant(), Fixtures.customer("alice"), Order.ofAmount("o_" + id, "USD", cents)));
  }

  private List<LedgerEntry> tierAccruals(CardCode card) {
    return engine.ledger(card).stream().filter(e -> e.type() == EntryType.POINTS_ACCRUAL
        && e.event() != null && e.event().value().startsWith("tier:")).toList();
  }

  @Test
  @DisplayName("joining and reaching Silver earn their rules' points once each; a redelivery earns nothing more")
  void movesEarnOnce() {
    engine.define(ladder(onTier("ern_welcome", Trigger.TierEvent.JOINED, Trigger.TierChange.ANY_TIER, 5),
        onTier("ern_silver", Trigger.TierEvent.UPGRADED, "ltr_silver", 50),
        onTier("ern_gold_only", Trigger.TierEvent.UPGRADED, "ltr_gold", 1_000)).build());
    CardCode card = engine.enrol(Fixtures.PROGRAM, CustomerId.of("alice")).code();
    assertThat(engine.balance(card)).as("joined Basic: 5 welcome points").isEqualTo(5);
    pay("e1", 9_500); // 95 + 5 = 100: Silver, and its 50 points (150: still Silver, Gold's rule does not fire)
    assertThat(engine.balance(card)).isEqualTo(150);
    assertThat(tierAccruals(card)).extracting(e -> e.rule().value() + " " + e.points())
        .containsExactly("ern_welcome 5", "ern_silver 50");
    // every tier event was consumed; running the consumers again finds nothing and earns nothing
    assertThat(engine.recoverOutbox(100)).isZero();
    assertThat(engine.balance(card)).isEqualTo(150);
  }

  @Test
  @DisplayName("a tier rule added to a live program fires on the next move, whatever operation makes it")
  void ruleAddedLater() {
    engine.define(ladder().build());
    CardCode card = engine.enrol(Fixtures.PROGRAM, CustomerId.of("alice")).code();
    pay("e1", 1_000); // the catalog the engine read has no tier rule
    engine.define(engine.program(Fixtures.PROGRAM).toBuilder()
        .earningRule(onTier("ern_silver", Trigger.TierEvent.UPGRADED, "ltr_silver", 50)).build());
    engine.addPoints(card, 100, io.loyalty.core.AddedPointsExpiry.never(), "by hand", "src_1"); // 110: Silver
    assertThat(tierAccruals(card)).extracting(e -> e.rule().value()).containsExactly("ern_silver");
  }

  @Test
  @DisplayName("a host cannot send a tier move: it is the engine's own event")
  void hostsCannotSendMoves() {
    engine.define(ladder(onTier("ern_silver", Trigger.TierEvent.UPGRADED, "ltr_silver", 50)).build());
    CardCode card = engine.enrol(Fixtures.PROGRAM, CustomerId.of("alice")).code();
    TierMoved forged = new TierMoved(EventId.of("forged"), clock.instant(), Fixtures.customer("alice"), card,
        Trigger.TierEvent.UPGRADED, TierId.of("ltr_silver"), 0);
    InvalidInputException e = catchThrowableOfType(InvalidInputException.class, () -> engine.apply(forged));
    assertThat(e.violations()).extracting(v -> v.path()).containsExactly("event");
    assertThat(engine.balance(card)).isZero();
    // a quote of it says what the member would earn
    assertThat(engine.quote(forged).programs().get(0).points()).isEqualTo(50);
  }

  @Test
  @DisplayName("points of a tier rule that move the tier again fire again, up to the bound; the move past it earns nothing, with its reason")
  void cascadeEnds() {
    Program.Builder b = Program.builder(Fixtures.PROGRAM, "stairs")
        .earningRule(EarningRule.builder(PER_DOLLAR, Trigger.ORDER_PAID,
            PointsFormula.proportional(new Measure.OrderAmount(), 100, 1)).build())
        .earningRule(onTier("ern_step", Trigger.TierEvent.UPGRADED, Trigger.TierChange.ANY_TIER, 10));
    for (int t = 0; t < 10; t++) {
      b.tier(Tier.builder(TierId.of("t" + t), "T" + t, 10L * t).to(10L * t + 9).build());
    }
    engine.define(b.build());
    CardCode card = engine.enrol(Fixtures.PROGRAM, CustomerId.of("alice")).code();
    pay("e1", 1_000); // 10 points: t1 (cascade 0) +10 -> t2 (1) +10 -> t3 (2) +10 -> t4 (3): no more
    assertThat(engine.balance(card)).isEqualTo(40);
    assertThat(tierAccruals(card)).hasSize(3);
    List<OutboxEvent> ups = store.pending("test", EnumSet.of(OutboxEvent.Type.TIER_UPGRADED), 100);
    assertThat(ups).extracting(e -> ((OutboxEvent.TierChange) e.payload()).to().value() + "@"
        + ((OutboxEvent.TierChange) e.payload()).cascade()).containsExactly("t1@0", "t2@1", "t3@2", "t4@3");
    Replay last = engine.replay(EventId.of(ups.get(3).id()));
    assertThat(last.recorded().programs().get(0).skipped()).extracting(s -> s.reason())
        .containsExactly(SkipReason.TIER_CASCADE_LIMIT);
  }

  @Test
  @DisplayName("seed 003's rule on a prolonged tier fires when a POINTS_IN_PERIOD term is prolonged")
  void prolonged() {
    Program program = ladder(onTier("ern_prolonged", Trigger.TierEvent.PROLONGED, Trigger.TierChange.ANY_TIER, 20))
        .tierPolicy(new TierPolicy(TierPolicy.Qualification.POINTS_IN_PERIOD, TierPolicy.CalendarPeriod.MONTH,
            TierPolicy.Start.IMMEDIATE, new TierPolicy.Expiration(TierPolicy.ExpirationType.END_OF_NEXT_PERIOD,
                IsoDuration.ofDays(1), null)))
        .build();
    engine.define(program);
    CardCode card = engine.enrol(Fixtures.PROGRAM, CustomerId.of("alice")).code();
    pay("e1", 15_000); // 150 in March: Silver to the end of April
    assertThat(engine.balance(card)).isEqualTo(150);
    clock.set(Instant.parse("2024-04-10T12:00:00Z"));
    pay("e2", 12_000); // 120 in April: Silver again, prolonged to the end of May: 20 points
    assertThat(engine.balance(card)).isEqualTo(290);
    assertThat(tierAccruals(card)).extracting(e -> e.rule().value()).containsExactly("ern_prolonged");
  }
}
