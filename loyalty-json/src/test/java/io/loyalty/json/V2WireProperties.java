package io.loyalty.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;

import io.loyalty.spi.MetaValue;
import io.loyalty.spi.Metadata;
import io.loyalty.spi.ProductId;
import io.loyalty.spi.RuleId;
import io.loyalty.spi.SegmentId;
import io.loyalty.spi.WalletId;
import io.loyalty.spi.program.CardDefinition;
import io.loyalty.spi.program.CardDefinition.EarnedRefund;
import io.loyalty.spi.program.Comparison;
import io.loyalty.spi.program.ComponentStatus;
import io.loyalty.spi.program.Condition;
import io.loyalty.spi.program.EarningLimits;
import io.loyalty.spi.program.ExpirationRule;
import io.loyalty.spi.program.ExpirationRule.FixedDayOfYear;
import io.loyalty.spi.program.ExpirationRule.RoundUp;
import io.loyalty.spi.program.FirstMatchRule;
import io.loyalty.spi.program.IsoDuration;
import io.loyalty.spi.program.ItemTarget;
import io.loyalty.spi.program.Measure;
import io.loyalty.spi.program.Operator;
import io.loyalty.spi.program.PendingPoints;
import io.loyalty.spi.program.PointsFormula;
import io.loyalty.spi.program.SpendingLimits;
import io.loyalty.spi.program.Trigger;
import io.loyalty.spi.program.TriggerLimits;
import io.loyalty.spi.program.Validity;
import io.loyalty.spi.store.StoredComponent;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;
import org.quicktheories.generators.SourceDSL;

/** Engine to v2 wire to engine is the identity for card definitions and v2 earning rules. */
class V2WireProperties {
  static final VoucherifyV2Json V2 = VoucherifyV2Json.forProject(ZoneOffset.UTC);
  private static final Instant T = Instant.parse("2024-06-01T08:00:00Z");

  static Gen<RoundUp> roundUps() {
    return Generate.enumValues(RoundUp.class);
  }

  static Gen<FixedDayOfYear> days() {
    return SourceDSL.integers().between(1, 12).zip(SourceDSL.integers().between(1, 28), FixedDayOfYear::new);
  }

  static Gen<ExpirationRule> expirations() {
    Gen<Integer> month = SourceDSL.integers().between(1, 12);
    Gen<ExpirationRule> days = SourceDSL.integers().between(1, 90).zip(roundUps(), month,
        (n, up, m) -> new ExpirationRule.AfterDays(n, up, up == RoundUp.PARTICULAR_MONTH ? m : null));
    Gen<ExpirationRule> months = Generate.pick(List.of(1, 2, 3, 6, 11, 12, 24, 36, 60)).zip(roundUps(), month,
        (n, up, m) -> new ExpirationRule.AfterMonths(n, up, up == RoundUp.PARTICULAR_MONTH ? m : null));
    Gen<ExpirationRule> dates = SourceDSL.lists().of(days()).ofSizeBetween(1, 5)
        .map(l -> new ExpirationRule.OnDates(l));
    return Generate.oneOf(days, months, dates);
  }

  static Gen<PendingPoints> pendings() {
    return Generate.oneOf(SourceDSL.integers().between(1, 90).map((Integer n) -> new PendingPoints(n)),
        SourceDSL.integers().between(1, 12).map((Integer n) -> PendingPoints.months(n)),
        SourceDSL.lists().of(days()).ofSizeBetween(1, 4).map(l -> PendingPoints.untilOneOf(l.toArray(FixedDayOfYear[]::new))));
  }

  static Gen<EarningLimits> earningLimits() {
    Gen<Long> max = SourceDSL.longs().between(1, 1_000_000_000L);
    Gen<EarningLimits.CalendarUnit> units = Generate.enumValues(EarningLimits.CalendarUnit.class);
    Gen<EarningLimits> global = Generate.oneOf(Generate.constant(EarningLimits.NONE), max.map((Long n) -> EarningLimits.balanceCap(n)),
        units.zip(max, EarningLimits::perPeriod));
    return global.zip(SourceDSL.booleans().all(), max, (g, per, m) -> per ? g.withPerTransaction(m) : g);
  }

  static Gen<SpendingLimits> spendingLimits() {
    Gen<Long> max = SourceDSL.longs().between(1, 1_000_000_000L);
    Gen<EarningLimits.CalendarUnit> units = Generate.enumValues(EarningLimits.CalendarUnit.class);
    return SourceDSL.integers().between(0, 2).zip(max, units, SourceDSL.booleans().all(), (kind, m, u, per) ->
        new SpendingLimits(kind == 1 ? m : null, kind == 2 ? new EarningLimits.Period(u, m) : null, per ? m + 1 : null));
  }

  static Gen<CardDefinition> cardDefinitions() {
    Gen<ExpirationRule> expiry = Generate.oneOf(Generate.constant((ExpirationRule) null), expirations());
    Gen<PendingPoints> pending = Generate.oneOf(Generate.constant((PendingPoints) null), pendings());
    return expiry.zip(pending, earningLimits(), spendingLimits(), (e, p, el, sl) ->
            CardDefinition.of(WalletId.of("lcdef_1a2b"), "Points").withExpiration(e).withPendingPoints(p)
                .withEarningLimits(el).withSpendingLimits(sl))
        .zip(Generate.enumValues(EarnedRefund.class), SourceDSL.booleans().all(), (d, refund, negative) -> {
          boolean allow = negative && d.expiration() == null;
          EarnedRefund r = refund == EarnedRefund.REVOKE_BELOW_ZERO && !allow ? EarnedRefund.REVOKE_TO_ZERO
              : refund == EarnedRefund.REVOKE_FROM_PENDING && d.pendingPoints() == null ? EarnedRefund.NONE : refund;
          return d.withAllowNegative(allow).withEarnedRefund(r);
        });
  }

  static Gen<PointsFormula> formulas() {
    Gen<Measure> measures = Generate.pick(List.of(new Measure.OrderAmount(), new Measure.OrderTotalAmount(),
        new Measure.OrderMetadata("weight"), new Measure.CustomerMetadata("visits"),
        new Measure.OrderItems(Measure.ItemMeasure.AMOUNT, List.of(new ItemTarget.Product(ProductId.of("prod_1")))),
        new Measure.OrderItems(Measure.ItemMeasure.QUANTITY, List.of(new ItemTarget.Product(ProductId.of("prod_2"))))));
    Gen<PointsFormula> proportional = measures.zip(SourceDSL.longs().between(1, 10_000),
        SourceDSL.longs().between(0, 1_000), (m, every, points) ->
            new PointsFormula.Proportional(m, every, points, PointsFormula.StepRounding.FLOOR_STEPS));
    return Generate.oneOf(SourceDSL.longs().between(0, 1_000_000).map((Long n) -> (PointsFormula) new PointsFormula.Fixed(n)), proportional);
  }

  static Gen<FirstMatchRule.Earning> earnings() {
    Gen<FirstMatchRule.Effect> effects = formulas().zip(
        Generate.oneOf(Generate.constant((ExpirationRule) null), expirations()),
        (f, e) -> new FirstMatchRule.Effect(WalletId.of("lcdef_1a2b"), f, e));
    Gen<Condition> conditions = SourceDSL.longs().between(0, 100_000).map(n -> new Condition.Numbered(Map.of(1,
        new Condition.OrderAmount(new Comparison(Operator.MORE_THAN, List.of(new MetaValue.Num(BigDecimal.valueOf(n)))))),
        "1"));
    return SourceDSL.lists().of(effects).ofSizeBetween(1, 3).zip(
        Generate.oneOf(Generate.constant((Condition) null), conditions), Generate.pick(List.of("", "big orders")),
        (fx, c, name) -> new FirstMatchRule.Earning(name, c, fx));
  }

  static Gen<FirstMatchRule> rules() {
    Gen<Trigger> triggers = Generate.pick(List.of(new Trigger.OrderPaid(), new Trigger.SegmentEntered(SegmentId.of("seg_1"))));
    Gen<TriggerLimits> limits = Generate.pick(List.of(TriggerLimits.NONE, TriggerLimits.cooldown(IsoDuration.ofDays(3)),
        TriggerLimits.atMost(2, EarningLimits.CalendarUnit.WEEK)));
    return triggers.zip(SourceDSL.lists().of(earnings()).ofSizeBetween(1, 3), limits, SourceDSL.booleans().all(),
        (t, e, l, dated) -> new FirstMatchRule(RuleId.of("lern_9f"), t, e, true,
            dated ? Validity.between(Instant.parse("2024-01-01T00:00:00Z"), Instant.parse("2025-01-01T00:00:00Z"))
                : Validity.ALWAYS, "A rule", Metadata.EMPTY, l));
  }

  @Test
  @DisplayName("a card definition written as v2's CardDefinition reads back equal (its code config as the effective one)")
  void cardDefinitionsRoundTrip() {
    qt().withFixedSeed(14_201L).withExamples(500).forAll(cardDefinitions()).checkAssert(d -> {
      String json = V2.write(new StoredComponent(d, ComponentStatus.ACTIVE, 1, T, T));
      CardDefinition back = V2.readCardDefinition(json, d.id()).component();
      assertThat(back.withCodeConfig(d.codeConfig())).isEqualTo(d);
    });
  }

  @Test
  @DisplayName("a v2 earning rule written as v2's EarningRuleResponse reads back equal")
  void earningRulesRoundTrip() {
    qt().withFixedSeed(14_202L).withExamples(500).forAll(rules()).checkAssert(r -> {
      String json = V2.write(new StoredComponent(r, ComponentStatus.ACTIVE, 1, T, T));
      assertThat(V2.readEarningRule(json, r.id(), id -> null).component()).isEqualTo(r);
    });
  }
}
