package io.loyalty.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.loyalty.spi.AssignmentId;
import io.loyalty.spi.InvalidInputException;
import io.loyalty.spi.NotFoundException;
import io.loyalty.spi.RuleId;
import io.loyalty.spi.TierId;
import io.loyalty.spi.Violation;
import io.loyalty.spi.program.IsoDuration;
import io.loyalty.spi.program.PointsFormula;
import io.loyalty.spi.program.Program;
import io.loyalty.spi.tier.Tier;
import io.loyalty.spi.tier.TierMapping;
import io.loyalty.spi.tier.TierPolicy;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * A program's tiers are validated as a whole when it is defined (digest section 6.1 and 6.2): inclusive ranges in
 * ascending order without overlap, one unbounded tier at most and it the last, mappings to the program's own rules
 * and rewards within bounds, a policy whose parts fit. Every offending field is named and nothing is stored.
 */
@DisplayName("tier definitions")
class TierDefinitionTest {
  final LoyaltyEngine engine = Fixtures.engine().build();

  static Tier tier(String id, long from, Long to) {
    return Tier.builder(TierId.of(id), id, from).to(to).build();
  }

  static Program.Builder program(Tier... tiers) {
    return Fixtures.program(Fixtures.orderRule("ern_fixed", PointsFormula.fixed(10))).toBuilder().tiers(List.of(tiers));
  }

  List<String> rejected(Program program) {
    InvalidInputException e = catchThrowableOfType(InvalidInputException.class, () -> engine.define(program));
    assertThat(e).as("a typed rejection").isNotNull();
    assertThat(catchThrowableOfType(NotFoundException.class, () -> engine.program(program.id()))).as("nothing stored")
        .isNotNull();
    return e.violations().stream().map(Violation::path).toList();
  }

  @Test
  @DisplayName("a live program changes its tier policy and its ladder in separate edits (section 6.4)")
  void policyAndLadderInSeparateEdits() {
    Program v1 = engine.define(program(tier("ltr_basic", 0, 99L), tier("ltr_gold", 100, null)).build());
    TierPolicy custom = new TierPolicy(TierPolicy.Qualification.BALANCE, null, TierPolicy.Start.IMMEDIATE,
        new TierPolicy.Expiration(TierPolicy.ExpirationType.CUSTOM, IsoDuration.parse("P1M"), null));
    Program both = v1.toBuilder().tierPolicy(custom).tiers(List.of(tier("ltr_basic", 0, 199L), tier("ltr_gold", 200, null)))
        .build();
    InvalidInputException e = catchThrowableOfType(InvalidInputException.class, () -> engine.define(both));
    assertThat(e.violations()).extracting(Violation::path).containsExactly("loyalty_tiers_expiration", "tiers");
    assertThat(engine.program(v1.id()).version()).as("nothing stored").isEqualTo(v1.version());
    Program v2 = engine.define(v1.toBuilder().tierPolicy(custom).build());
    Program v3 = engine.define(v2.toBuilder().tiers(both.tiers()).build());
    assertThat(v3.tierPolicy()).isEqualTo(custom);
    assertThat(v3.tiers().get(1).from()).isEqualTo(200);
  }

  @Test
  @DisplayName("a rule on tier moves names a tier of the program or __ANY__")
  void tierRulesNameTiers() {
    Program.Builder b = program(tier("ltr_basic", 0, 99L));
    io.loyalty.spi.program.EarningRule unknown = io.loyalty.spi.program.EarningRule.builder(RuleId.of("ern_up"),
        new io.loyalty.spi.program.Trigger.TierChange(io.loyalty.spi.program.Trigger.TierEvent.UPGRADED, "ltr_none"),
        PointsFormula.fixed(5)).build();
    assertThat(rejected(b.earningRule(unknown).build())).containsExactly("earning_rules[1].loyalty_tier.id");
    io.loyalty.spi.program.EarningRule any = io.loyalty.spi.program.EarningRule.builder(RuleId.of("ern_up"),
        new io.loyalty.spi.program.Trigger.TierChange(io.loyalty.spi.program.Trigger.TierEvent.UPGRADED,
            io.loyalty.spi.program.Trigger.TierChange.ANY_TIER), PointsFormula.fixed(5)).build();
    assertThat(engine.define(program(tier("ltr_basic", 0, 99L)).earningRule(any).build()).earningRules()).hasSize(2);
  }

  @Test
  @DisplayName("the documented ladder (Basic 0-99, Silver 100-499, Gold 500-999, Platinum 1000+) is stored as given")
  void documentedLadder() {
    Program ladder = program(tier("ltr_basic", 0, 99L), tier("ltr_silver", 100, 499L), tier("ltr_gold", 500, 999L),
        Tier.builder(TierId.of("ltr_platinum"), "Platinum", 1000)
            .earningRule(RuleId.of("ern_fixed"), TierMapping.multiply(new BigDecimal("1.5"))).build()).build();
    Program stored = engine.define(ladder);
    assertThat(stored.tiers()).extracting(t -> t.id().value())
        .containsExactly("ltr_basic", "ltr_silver", "ltr_gold", "ltr_platinum");
    assertThat(stored.tiers().get(3).to()).isNull();
    assertThat(stored.tiers().get(3).contains(Long.MAX_VALUE)).isTrue();
    assertThat(stored.tiers().get(1).contains(499)).isTrue();
    assertThat(stored.tiers().get(1).contains(500)).isFalse();
    assertThat(stored.tierPolicy()).isEqualTo(TierPolicy.BALANCE_DROP);
    assertThat(engine.program(ladder.id())).isEqualTo(stored);
  }

  @Test
  @DisplayName("overlapping, unordered and inverted ranges are refused, each at its field")
  void ranges() {
    assertThat(rejected(program(tier("a", 0, 100L), tier("b", 100, 200L)).build())).containsExactly("tiers[1].points.from");
    assertThat(rejected(program(tier("a", 500, 999L), tier("b", 0, 99L)).build())).containsExactly("tiers[1].points.from");
    assertThat(rejected(program(tier("a", 50, 10L)).build())).containsExactly("tiers[0].points.to");
    assertThat(rejected(program(tier("a", -1, 10L)).build())).containsExactly("tiers[0].points.from");
    assertThat(rejected(program(tier("a", 0, null), tier("b", 100, null)).build())).containsExactly("tiers[1]");
    assertThat(rejected(program(tier("a", 0, 9L), tier("a", 10, 19L)).build())).containsExactly("tiers[1].id");
  }

  @Test
  @DisplayName("a mapping names a rule or reward assignment of the program, with a multiplier or points in bounds")
  void mappings() {
    Tier unknown = Tier.builder(TierId.of("t"), "t", 0).earningRule(RuleId.of("ern_none"), TierMapping.custom(5))
        .reward(AssignmentId.of("rewa_none"), TierMapping.custom(5)).build();
    assertThat(rejected(program(unknown).build()))
        .containsExactly("tiers[0].earning_rules.ern_none", "tiers[0].rewards.rewa_none");
    for (String bad : List.of("0", "-1", "1000.5", "1.0000001")) {
      Tier t = Tier.builder(TierId.of("t"), "t", 0)
          .earningRule(RuleId.of("ern_fixed"), TierMapping.multiply(new BigDecimal(bad))).build();
      assertThat(rejected(program(t).build())).as(bad).containsExactly("tiers[0].earning_rules.ern_fixed.multiplier");
    }
    Tier negative = Tier.builder(TierId.of("t"), "t", 0).earningRule(RuleId.of("ern_fixed"), TierMapping.custom(-1))
        .build();
    assertThat(rejected(program(negative).build())).containsExactly("tiers[0].earning_rules.ern_fixed.points");
  }

  @Test
  @DisplayName("a policy's parts must fit: a period only for POINTS_IN_PERIOD, a CUSTOM term of at least a day")
  void policies() {
    Program.Builder b = program(tier("a", 0, null));
    TierPolicy periodOnBalance = new TierPolicy(TierPolicy.Qualification.BALANCE, TierPolicy.CalendarPeriod.MONTH,
        TierPolicy.Start.IMMEDIATE, new TierPolicy.Expiration(TierPolicy.ExpirationType.BALANCE_DROP, null, null));
    assertThat(rejected(b.tierPolicy(periodOnBalance).build()))
        .containsExactly("loyalty_tiers_expiration.qualification_period");
    TierPolicy noPeriod = new TierPolicy(TierPolicy.Qualification.POINTS_IN_PERIOD, null, TierPolicy.Start.IMMEDIATE,
        new TierPolicy.Expiration(TierPolicy.ExpirationType.END_OF_PERIOD, null, null));
    assertThat(rejected(b.tierPolicy(noPeriod).build())).contains("loyalty_tiers_expiration.qualification_period");
    TierPolicy custom = new TierPolicy(TierPolicy.Qualification.BALANCE, null, TierPolicy.Start.IMMEDIATE,
        new TierPolicy.Expiration(TierPolicy.ExpirationType.CUSTOM, IsoDuration.parse("P3M"),
            new TierPolicy.Rounding(TierPolicy.CalendarPeriod.MONTH, TierPolicy.Strategy.END, null)));
    TierPolicy hourly = new TierPolicy(TierPolicy.Qualification.BALANCE, null, TierPolicy.Start.IMMEDIATE,
        new TierPolicy.Expiration(TierPolicy.ExpirationType.CUSTOM, IsoDuration.parse("PT23H"), null));
    assertThat(rejected(b.tierPolicy(hourly).build())).containsExactly("loyalty_tiers_expiration.expiration_date.extend");
    TierPolicy startNextOnBalance = new TierPolicy(TierPolicy.Qualification.BALANCE, null, TierPolicy.Start.NEXT_PERIOD,
        new TierPolicy.Expiration(TierPolicy.ExpirationType.CUSTOM, IsoDuration.parse("P1M"), null));
    assertThat(rejected(b.tierPolicy(startNextOnBalance).build())).containsExactly("loyalty_tiers_expiration.start_date.type");
    TierPolicy dropOnPeriod = new TierPolicy(TierPolicy.Qualification.POINTS_IN_PERIOD, TierPolicy.CalendarPeriod.QUARTER,
        TierPolicy.Start.IMMEDIATE, new TierPolicy.Expiration(TierPolicy.ExpirationType.BALANCE_DROP, null, null));
    assertThat(rejected(b.tierPolicy(dropOnPeriod).build())).containsExactly("loyalty_tiers_expiration.expiration_date.type");
    TierPolicy customWithoutTerm = new TierPolicy(TierPolicy.Qualification.BALANCE, null, TierPolicy.Start.IMMEDIATE,
        new TierPolicy.Expiration(TierPolicy.ExpirationType.CUSTOM, null, null));
    assertThat(rejected(b.tierPolicy(customWithoutTerm).build()))
        .contains("loyalty_tiers_expiration.expiration_date.extend");
    // and seed 001's policy is defined
    assertThat(engine.define(b.tierPolicy(custom).build()).tierPolicy()).isEqualTo(custom);
  }
}
