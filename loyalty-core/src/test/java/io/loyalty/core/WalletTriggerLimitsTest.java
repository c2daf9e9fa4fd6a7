package io.loyalty.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.loyalty.spi.CustomerId;
import io.loyalty.spi.InvalidInputException;
import io.loyalty.spi.ProgramId;
import io.loyalty.spi.RuleId;
import io.loyalty.spi.WalletId;
import io.loyalty.spi.card.Card;
import io.loyalty.spi.earning.EventOutcome;
import io.loyalty.spi.earning.Skip;
import io.loyalty.spi.earning.SkipReason;
import io.loyalty.spi.event.Order;
import io.loyalty.spi.event.OrderPaid;
import io.loyalty.spi.program.CardDefinition;
import io.loyalty.spi.program.Comparison;
import io.loyalty.spi.program.Condition;
import io.loyalty.spi.program.EarningLimits;
import io.loyalty.spi.program.FirstMatchRule;
import io.loyalty.spi.program.FirstMatchRule.Earning;
import io.loyalty.spi.program.FirstMatchRule.Effect;
import io.loyalty.spi.program.IsoDuration;
import io.loyalty.spi.program.Program;
import io.loyalty.spi.program.TriggerLimits;
import io.loyalty.spi.program.Trigger;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * A v2 earning rule's trigger limits (digest section 12.4): after it earned for a member it rests for its cooldown,
 * and it earns at most so many times per calendar period; the rule's earnings are then all skipped with the reason,
 * other rules earn as usual, and the replay keeps the judgement.
 */
@DisplayName("loyalty v2: trigger limits of an earning rule")
class WalletTriggerLimitsTest {
  static final ProgramId PROGRAM = ProgramId.of("lprg_triggers");
  static final WalletId POINTS = WalletId.of("lcd_points");
  static final WalletId MILES = WalletId.of("lcd_miles");
  static final RuleId LIMITED = RuleId.of("ler_limited");
  static final RuleId FREE = RuleId.of("ler_free");
  private final MutableClock clock = new MutableClock(Instant.parse("2024-03-04T10:00:00Z")); // a Monday
  private final LoyaltyEngine engine = LoyaltyEngine.builder().store(InMemoryLoyaltyStore.create()).clock(clock)
      .random(Fixtures.seeded(5)).build();

  private List<Card> member(TriggerLimits limits) {
    engine.define(Program.builder(PROGRAM, "Triggers")
        .wallet(CardDefinition.of(POINTS, "Points")).wallet(CardDefinition.of(MILES, "Miles"))
        .earningRule(FirstMatchRule.of(LIMITED, Trigger.ORDER_PAID,
            Earning.when(new Condition.OrderAmount(Comparison.atLeast(5_000)), Effect.points(POINTS, 50),
                Effect.points(MILES, 5)),
            Earning.always(Effect.points(POINTS, 10))).withLimits(limits))
        .earningRule(FirstMatchRule.of(FREE, Trigger.ORDER_PAID, Earning.always(Effect.points(POINTS, 1))))
        .build());
    return engine.addMember(PROGRAM, CustomerId.of("alice"));
  }

  private EventOutcome pay(String id, long cents) {
    OrderPaid paid = OrderPaid.of(id, clock.instant(), Fixtures.customer("alice"), Order.ofAmount("o_" + id, "USD",
        cents));
    return Fixtures.applyAgreeing(engine, paid);
  }

  private static List<SkipReason> limits(EventOutcome outcome) {
    return outcome.programs().stream().flatMap(p -> p.skipped().stream()).map(Skip::reason)
        .filter(r -> r == SkipReason.TRIGGER_COOLDOWN || r == SkipReason.TRIGGER_LIMIT_REACHED).toList();
  }

  @Test
  @DisplayName("within its cooldown the rule earns nothing, whichever earning would match; other rules still earn")
  void cooldown() {
    List<Card> cards = member(TriggerLimits.cooldown(IsoDuration.parse("P1D")));
    assertThat(pay("e1", 6_000).points()).isEqualTo(50 + 5 + 1);
    clock.advance(Duration.ofHours(23));
    EventOutcome resting = pay("e2", 1_000);
    assertThat(resting.points()).isEqualTo(1);
    assertThat(limits(resting)).hasSize(3).containsOnly(SkipReason.TRIGGER_COOLDOWN);
    clock.advance(Duration.ofHours(1).plusSeconds(1));
    assertThat(pay("e3", 1_000).points()).isEqualTo(10 + 1);
    assertThat(engine.balance(cards.get(0).code())).isEqualTo(50 + 1 + 1 + 10 + 1);
  }

  @Test
  @DisplayName("it earns at most so many times per calendar week; the next week starts afresh")
  void frequency() {
    member(TriggerLimits.atMost(2, EarningLimits.CalendarUnit.WEEK));
    assertThat(pay("e1", 6_000).points()).isEqualTo(56);
    clock.advance(Duration.ofDays(1));
    assertThat(pay("e2", 1_000).points()).isEqualTo(11);
    clock.advance(Duration.ofDays(1));
    EventOutcome third = pay("e3", 6_000);
    assertThat(third.points()).isEqualTo(1);
    assertThat(limits(third)).containsOnly(SkipReason.TRIGGER_LIMIT_REACHED).isNotEmpty();
    clock.set(Instant.parse("2024-03-11T00:00:00Z"));
    assertThat(pay("e4", 6_000).points()).isEqualTo(56);
  }

  @Test
  @DisplayName("trigger limits are checked with the definition and kept through the flattening")
  void validationAndRoundTrip() {
    member(TriggerLimits.atMost(3, EarningLimits.CalendarUnit.MONTH));
    assertThat(engine.program(PROGRAM).firstMatchRules().get(0).limits())
        .isEqualTo(TriggerLimits.atMost(3, EarningLimits.CalendarUnit.MONTH));
    assertThatThrownBy(() -> engine.define(Program.builder(ProgramId.of("lprg_bad"), "bad")
        .wallet(CardDefinition.of(POINTS, "Points"))
        .earningRule(FirstMatchRule.of(LIMITED, Trigger.ORDER_PAID, Earning.always(Effect.points(POINTS, 1)))
            .withLimits(new TriggerLimits(IsoDuration.parse("PT0S"), new TriggerLimits.Frequency(0,
                EarningLimits.CalendarUnit.DAY))))
        .build())).isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("earning_rules[0].trigger_limits.cooldown.period")
        .hasMessageContaining("earning_rules[0].trigger_limits.frequency.limits[0].max");
  }
}
