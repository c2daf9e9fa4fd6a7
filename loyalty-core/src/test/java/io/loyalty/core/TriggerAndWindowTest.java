package io.loyalty.core;

import static io.loyalty.core.Fixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.loyalty.spi.InvalidInputException;
import io.loyalty.spi.Metadata;
import io.loyalty.spi.RuleId;
import io.loyalty.spi.SchemaId;
import io.loyalty.spi.SegmentId;
import io.loyalty.spi.card.Card;
import io.loyalty.spi.earning.EventOutcome;
import io.loyalty.spi.earning.Skip;
import io.loyalty.spi.earning.SkipReason;
import io.loyalty.spi.event.CustomEvent;
import io.loyalty.spi.event.Customer;
import io.loyalty.spi.event.SegmentEntered;
import io.loyalty.spi.program.Comparison;
import io.loyalty.spi.program.Condition;
import io.loyalty.spi.program.DailyHours;
import io.loyalty.spi.program.EarningRule;
import io.loyalty.spi.program.EventSchema;
import io.loyalty.spi.program.Measure;
import io.loyalty.spi.program.PointsFormula;
import io.loyalty.spi.program.Program;
import io.loyalty.spi.program.Trigger;
import io.loyalty.spi.program.Validity;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Triggers, and the program and rule windows as the engine applies them. T0 is Monday 2024-03-04 10:00 UTC. */
class TriggerAndWindowTest {
  final Customer alice = Fixtures.customer("alice");

  final MutableClock clock = new MutableClock(T0);

  LoyaltyEngine engineWith(Program program) {
    LoyaltyEngine engine = Fixtures.engine().clock(clock).build();
    engine.define(program);
    engine.enrol(program.id(), alice.id());
    return engine;
  }

  static Skip onlySkip(EventOutcome outcome) {
    assertThat(outcome.points()).isZero();
    return outcome.programs().get(0).skipped().get(0);
  }

  @Test
  void a_segment_rule_fires_only_for_its_segment() {
    SegmentId vip = SegmentId.of("seg_vip");
    LoyaltyEngine engine = engineWith(Fixtures.program(
        EarningRule.builder(RuleId.of("vip"), new Trigger.SegmentEntered(vip), PointsFormula.fixed(50)).build()));
    assertThat(engine.apply(SegmentEntered.of("e1", T0, alice, "seg_vip")).points()).isEqualTo(50);
    assertThat(engine.apply(SegmentEntered.of("e2", T0, alice, "seg_other")).programs()).isEmpty();
  }

  @Test
  void a_tier_rule_in_a_program_without_tiers_never_fires() {
    Program program = Fixtures.program(Fixtures.perAmount("r", 100, 1),
        EarningRule.builder(RuleId.of("tier"), new Trigger.TierChange(Trigger.TierEvent.UPGRADED, Trigger.TierChange.ANY_TIER),
            PointsFormula.fixed(100)).build());
    LoyaltyEngine engine = engineWith(program);
    assertThat(engine.program(program.id()).earningRules()).hasSize(2);
    assertThat(engine.apply(Fixtures.paid("e", alice, "o", 1_000)).points()).isEqualTo(10);
  }

  @Test
  void a_rule_inherits_the_program_dates_it_does_not_set() {
    Instant end = T0.plus(Duration.ofDays(1));
    Program program = Fixtures.program(Fixtures.perAmount("r", 100, 1)).toBuilder()
        .validity(Validity.between(null, end)).build();
    LoyaltyEngine engine = engineWith(program);
    var late = io.loyalty.spi.event.OrderPaid.of("e", end, alice, io.loyalty.spi.event.Order.ofAmount("o", "USD", 1_000));
    clock.set(end);
    assertThat(onlySkip(engine.apply(late)).reason()).isEqualTo(SkipReason.PROGRAM_EXPIRED);
  }

  @Test
  void a_rule_before_its_own_start_date_says_so() {
    EarningRule rule = Fixtures.perAmount("r", 100, 1).toBuilder()
        .validity(Validity.between(T0.plusSeconds(1), null)).build();
    assertThat(onlySkip(engineWith(Fixtures.program(rule)).apply(Fixtures.paid("e", alice, "o", 1_000))).reason())
        .isEqualTo(SkipReason.RULE_NOT_STARTED);
  }

  @Test
  void an_inactive_rule_and_an_inactive_program_earn_nothing() {
    EarningRule off = Fixtures.perAmount("r", 100, 1).toBuilder().active(false).build();
    assertThat(onlySkip(engineWith(Fixtures.program(off)).apply(Fixtures.paid("e", alice, "o", 1_000))).reason())
        .isEqualTo(SkipReason.RULE_INACTIVE);
    Program paused = Fixtures.program(Fixtures.perAmount("r", 100, 1)).toBuilder().active(false).build();
    assertThat(onlySkip(engineWith(paused).apply(Fixtures.paid("e", alice, "o", 1_000))).reason())
        .isEqualTo(SkipReason.PROGRAM_INACTIVE);
  }

  @Test
  void daily_hours_are_read_in_the_program_time_zone() {
    // 10:00 UTC is 11:00 in Warsaw in March (CET)
    EarningRule morning = Fixtures.perAmount("r", 100, 1).toBuilder()
        .validity(Validity.ALWAYS.withHours(List.of(DailyHours.of("08:00", "10:59", DayOfWeek.MONDAY)))).build();
    Program program = Fixtures.program(morning).toBuilder().zone(ZoneId.of("Europe/Warsaw")).build();
    assertThat(onlySkip(engineWith(program).apply(Fixtures.paid("e", alice, "o", 1_000))).reason())
        .isEqualTo(SkipReason.OUTSIDE_HOURS);
    Program utc = Fixtures.program(morning);
    assertThat(engineWith(utc).apply(Fixtures.paid("e", alice, "o", 1_000)).points()).isEqualTo(10);
  }

  @Test
  void a_failed_condition_names_what_failed() {
    EarningRule big = Fixtures.perAmount("r", 100, 1).toBuilder()
        .condition(new Condition.OrderAmount(Comparison.moreThan(10_000))).build();
    Skip skip = onlySkip(engineWith(Fixtures.program(big)).apply(Fixtures.paid("e", alice, "o", 5_000)));
    assertThat(skip.reason()).isEqualTo(SkipReason.CONDITION_FAILED);
    assertThat(skip.detail()).isEqualTo("order.amount $more_than 10000 (was 5000)");
  }

  @Test
  void numbered_conditions_joined_by_logic_decide_together() {
    EarningRule rule = Fixtures.perAmount("r", 100, 1).toBuilder().condition(Condition.numbered("(1 and 2) or 3",
        new Condition.OrderAmount(Comparison.atLeast(1_000)),
        new Condition.CustomerMetadata("vip", Comparison.is(true)),
        new Condition.InSegment(java.util.Set.of(SegmentId.of("seg_staff"))))).build();
    LoyaltyEngine engine = engineWith(Fixtures.program(rule));
    assertThat(engine.quote(Fixtures.paid("e1", alice, "o1", 2_000)).points()).isZero();
    Customer vip = alice.withMetadata(Metadata.of("vip", true));
    assertThat(engine.quote(Fixtures.paid("e2", vip, "o2", 2_000)).points()).isEqualTo(20);
    assertThat(engine.quote(Fixtures.paid("e3", alice.inSegments(SegmentId.of("seg_staff")), "o3", 500)).points())
        .isEqualTo(5);
  }

  @Test
  void an_order_condition_on_a_custom_event_rule_is_rejected_when_defined() {
    SchemaId id = SchemaId.of("ms_view");
    LoyaltyEngine engine = Fixtures.engine()
        .eventSchemas(new EventSchema(id, "page_view", Map.of(), false)).build();
    EarningRule rule = EarningRule.builder(RuleId.of("r"), new Trigger.CustomEvent("page_view", id), PointsFormula.fixed(1))
        .condition(Condition.all(new Condition.OrderAmount(Comparison.moreThan(1)))).build();
    InvalidInputException e = catchThrowableOfType(InvalidInputException.class, () -> engine.define(Fixtures.program(rule)));
    assertThat(e.violations()).extracting(v -> v.path()).containsExactly("earning_rules[0].condition.conditions[0]");
  }

  @Test
  void a_disabled_card_earns_nothing_until_enabled_again() {
    SchemaId id = SchemaId.of("ms_view");
    LoyaltyEngine engine = Fixtures.engine()
        .eventSchemas(new EventSchema(id, "page_view", Map.of(), false)).build();
    engine.define(Fixtures.program(EarningRule.builder(RuleId.of("r"), new Trigger.CustomEvent("page_view", id),
        PointsFormula.proportional(new Measure.CustomerMetadata("ltv"), 1, 1)).build()));
    Customer bob = alice.withMetadata(Metadata.of("ltv", 3));
    Card card = engine.enrol(Fixtures.PROGRAM, bob.id());
    engine.disable(card.code());
    assertThat(onlySkip(engine.apply(CustomEvent.of("e1", T0, bob, "page_view", Metadata.EMPTY))).reason())
        .isEqualTo(SkipReason.CARD_INACTIVE);
    engine.enable(card.code());
    assertThat(engine.apply(CustomEvent.of("e2", T0, bob, "page_view", Metadata.EMPTY)).points()).isEqualTo(3);
  }
}
