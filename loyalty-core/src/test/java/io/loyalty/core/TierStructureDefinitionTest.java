package io.loyalty.core;

import static io.loyalty.core.TierStructureTest.BRONZE;
import static io.loyalty.core.TierStructureTest.GOLD;
import static io.loyalty.core.TierStructureTest.POINTS;
import static io.loyalty.core.TierStructureTest.PROGRAM;
import static io.loyalty.core.TierStructureTest.SILVER;
import static io.loyalty.core.TierStructureTest.STRUCTURE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.loyalty.spi.ErrorCode;
import io.loyalty.spi.InvalidInputException;
import io.loyalty.spi.Metadata;
import io.loyalty.spi.RuleId;
import io.loyalty.spi.TierId;
import io.loyalty.spi.Violation;
import io.loyalty.spi.WalletId;
import io.loyalty.spi.program.CardDefinition;
import io.loyalty.spi.program.ExpirationRule.FixedDayOfYear;
import io.loyalty.spi.program.FirstMatchRule;
import io.loyalty.spi.program.FirstMatchRule.Earning;
import io.loyalty.spi.program.FirstMatchRule.Effect;
import io.loyalty.spi.program.Program;
import io.loyalty.spi.program.ProgramStatus;
import io.loyalty.spi.program.Trigger;
import io.loyalty.spi.tier.StructureTier;
import io.loyalty.spi.tier.TierStructure;
import io.loyalty.spi.tier.TierStructure.Downgrade;
import io.loyalty.spi.tier.TierStructure.DowngradeType;
import io.loyalty.spi.tier.TierStructure.Expiration;
import io.loyalty.spi.tier.TierStructure.ExpirationType;
import io.loyalty.spi.tier.TierStructure.Grace;
import io.loyalty.spi.tier.TierStructure.Period;
import io.loyalty.spi.tier.TierStructure.Unit;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Bad tier structures (digest section 12.7): each offending field named with its limit, and nothing written.
 */
@DisplayName("loyalty v2: tier structure definitions")
class TierStructureDefinitionTest {
  private final InMemoryLoyaltyStore store = InMemoryLoyaltyStore.create();
  private final LoyaltyEngine engine = Fixtures.engine().store(store).build();

  private static TierStructure.Builder valid() {
    return TierStructureTest.ladder(TierStructure.Tracking.balance(POINTS));
  }

  private List<Violation> violations(Program program) {
    InvalidInputException e = catchThrowableOfType(InvalidInputException.class, () -> engine.define(program));
    assertThat(e).as("refused").isNotNull();
    assertThat(e.code()).isEqualTo(ErrorCode.INVALID_PAYLOAD.key());
    assertThat(store.program(PROGRAM)).isEmpty(); // nothing written
    return e.violations();
  }

  private List<String> paths(TierStructure structure) {
    return violations(TierStructureTest.program(structure)).stream().map(Violation::path).toList();
  }

  private static TierStructure withTiers(StructureTier... tiers) {
    TierStructure.Builder b = TierStructure.builder(STRUCTURE, "Status", TierStructure.Tracking.balance(POINTS));
    for (StructureTier t : tiers) {
      b.tier(t);
    }
    return b.build();
  }

  @Test
  @DisplayName("a valid structure is stored whole with its program")
  void storedWhole() {
    TierStructure s = valid().expiration(Expiration.fixed(new Period(6, Unit.MONTH)))
        .downgrade(new Downgrade(DowngradeType.SINGLE_LEVEL, new Grace(new Period(7, Unit.DAY), true))).build();
    engine.define(TierStructureTest.program(s));
    assertThat(engine.program(PROGRAM).tierStructure()).isEqualTo(s);
  }

  @Test
  @DisplayName("overlapping, unordered and unbounded-below-the-top ranges are refused, each naming its tier's field")
  void ranges() {
    assertThat(paths(withTiers(StructureTier.builder(BRONZE, "B", 0).max(100L).build(),
        StructureTier.builder(SILVER, "S", 100).build())))
        .containsExactly("tier_structure.tiers[1].qualification_rules.points.min_value");
    assertThat(paths(withTiers(StructureTier.builder(BRONZE, "B", 0).build(),
        StructureTier.builder(SILVER, "S", 100).build()))).containsExactly("tier_structure.tiers[1]");
    assertThat(paths(withTiers(StructureTier.builder(BRONZE, "B", 50).max(10L).build())))
        .containsExactly("tier_structure.tiers[0].qualification_rules.points.max_value");
    assertThat(paths(withTiers(StructureTier.builder(BRONZE, "B", 1_000_000_001L).build())))
        .containsExactly("tier_structure.tiers[0].qualification_rules.points.min_value");
    assertThat(paths(withTiers(StructureTier.builder(BRONZE, "B", 0).max(10L).build(),
        StructureTier.builder(BRONZE, "again", 100).build()))).containsExactly("tier_structure.tiers[1].id");
  }

  @Test
  @DisplayName("gaps between ranges are allowed")
  void gapsAllowed() {
    engine.define(TierStructureTest.program(withTiers(StructureTier.builder(BRONZE, "B", 0).max(10L).build(),
        StructureTier.builder(GOLD, "G", 500).build())));
    assertThat(engine.program(PROGRAM).tierStructure().tiers()).hasSize(2);
  }

  @Test
  @DisplayName("1 to 100 tiers")
  void tierCount() {
    assertThat(paths(withTiers())).containsExactly("tier_structure.tiers");
    List<StructureTier> many = new ArrayList<>();
    for (int i = 0; i < 101; i++) {
      many.add(StructureTier.builder(TierId.of("lt_" + i), "T" + i, i * 10L).max(i * 10L + 9).build());
    }
    List<Violation> v = violations(TierStructureTest.program(withTiers(many.toArray(StructureTier[]::new))));
    assertThat(v).extracting(Violation::path).containsExactly("tier_structure.tiers");
    assertThat(v.get(0).message()).contains("100");
  }

  @Test
  @DisplayName("a tracking period past its unit's cap is refused with the cap")
  void trackingCaps() {
    for (Object[] c : new Object[][] {{Unit.DAY, 91, "90"}, {Unit.WEEK, 53, "52"}, {Unit.MONTH, 13, "12"},
        {Unit.YEAR, 6, "5"}, {Unit.DAY, 0, "90"}}) {
      TierStructure s = TierStructureTest.ladder(TierStructure.Tracking.earned(POINTS,
          new Period((Integer) c[1], (Unit) c[0]), TierStructure.Start.IMMEDIATELY)).build();
      List<Violation> v = violations(TierStructureTest.program(s));
      assertThat(v).extracting(Violation::path).containsExactly("tier_structure.point_earned.period.value");
      assertThat(v.get(0).message()).contains((String) c[2]);
    }
    TierStructure noStart = TierStructureTest.ladder(new TierStructure.Tracking(TierStructure.Type.POINT_EARNED, POINTS,
        new Period(1, Unit.MONTH), null)).build();
    assertThat(paths(noStart)).containsExactly("tier_structure.point_earned.type");
    TierStructure periodOnBalance = TierStructureTest.ladder(new TierStructure.Tracking(TierStructure.Type.POINT_BALANCE,
        POINTS, new Period(1, Unit.MONTH), null)).build();
    assertThat(paths(periodOnBalance)).containsExactly("tier_structure.point_balance.period");
  }

  @Test
  @DisplayName("the tracked wallet must be one of the program's")
  void walletOfTheProgram() {
    assertThat(paths(TierStructureTest.ladder(TierStructure.Tracking.balance(WalletId.of("lcd_other"))).build()))
        .containsExactly("tier_structure.point_balance.card_definition_id");
  }

  @Test
  @DisplayName("expirations: SLIDING_EXPIRATION is not supported; each type's part is required and the others refused")
  void expirations() {
    List<Violation> sliding = violations(TierStructureTest.program(valid()
        .expiration(new Expiration(ExpirationType.SLIDING_EXPIRATION, null, List.of())).build()));
    assertThat(sliding).extracting(Violation::path).containsExactly("tier_structure.expiration.type");
    assertThat(sliding.get(0).message()).contains("not supported");
    assertThat(paths(valid().expiration(new Expiration(ExpirationType.FIXED_DURATION, null, List.of())).build()))
        .containsExactly("tier_structure.expiration.fixed_duration.period");
    assertThat(paths(valid().expiration(Expiration.fixed(new Period(2, Unit.WEEK))).build()))
        .containsExactly("tier_structure.expiration.fixed_duration.period.unit");
    assertThat(paths(valid().expiration(Expiration.onDates()).build()))
        .containsExactly("tier_structure.expiration.calendar_dates");
    List<FixedDayOfYear> many = new ArrayList<>();
    for (int i = 1; i <= 21; i++) {
      many.add(new FixedDayOfYear(1, i));
    }
    assertThat(paths(valid().expiration(new Expiration(ExpirationType.CALENDAR_EXPIRATION, null, many)).build()))
        .containsExactly("tier_structure.expiration.calendar_dates");
    assertThat(paths(valid().expiration(Expiration.onDates(new FixedDayOfYear(2, 30))).build()))
        .containsExactly("tier_structure.expiration.calendar_dates[0].day");
    assertThat(paths(valid().expiration(new Expiration(ExpirationType.NO_RETENTION, new Period(1, Unit.DAY),
        List.of())).build())).containsExactly("tier_structure.expiration.fixed_duration");
  }

  @Test
  @DisplayName("downgrades: NO_DOWNGRADE takes no grace period; a grace period is DAY, MONTH or YEAR, at least 1")
  void downgrades() {
    assertThat(paths(valid().downgrade(new Downgrade(DowngradeType.NO_DOWNGRADE,
        new Grace(new Period(1, Unit.DAY), false))).build())).containsExactly("tier_structure.downgrade.grace_period");
    assertThat(paths(valid().downgrade(new Downgrade(DowngradeType.MULTI_LEVEL,
        new Grace(new Period(0, Unit.DAY), false))).build()))
        .containsExactly("tier_structure.downgrade.grace_period.value");
  }

  @Test
  @DisplayName("a v1 program cannot have a structure, and a v2 program with one has no v1 tiers")
  void v2Only() {
    Program v1 = Program.builder(PROGRAM, "v1").tierStructure(valid().build()).build();
    assertThat(violations(v1)).extracting(Violation::path).containsExactly("tier_structure");
  }

  @Test
  @DisplayName("tier_rules name tiers of the program's structure")
  void tierRulesNameTiers() {
    Program p = Program.builder(PROGRAM, "v2").wallet(CardDefinition.of(POINTS, "Points"))
        .earningRule(FirstMatchRule.of(RuleId.of("ler_1"), Trigger.ORDER_PAID,
            Earning.always(Effect.points(POINTS, 1)).forTiers(TierId.of("lt_nope"))))
        .tierStructure(valid().build()).build();
    assertThat(violations(p)).extracting(Violation::path).containsExactly("earning_rules[0].tier_rules.any_of[0]");
  }

  @Test
  @DisplayName("a reward cost's tiers name tiers of the program's structure")
  void costTiersNameTiers() {
    io.loyalty.spi.reward.Reward mug = io.loyalty.spi.reward.Reward.of("lrew_mug", "Mug",
        new io.loyalty.spi.reward.RewardKind.Material(io.loyalty.spi.ProductId.of("prod_mug"), null));
    engine.defineReward(mug);
    Program p = TierStructureTest.program(valid().build()).toBuilder()
        .reward(io.loyalty.spi.reward.WalletReward.of("lrewa_mug", mug.id(),
            io.loyalty.spi.reward.WalletReward.Cost.of(POINTS, 5).forTiers(TierId.of("lt_nope"))))
        .build();
    assertThat(violations(p)).extracting(Violation::path).containsExactly("rewards[0].tiers[0]");
  }

  @Test
  @DisplayName("once the program is out of DRAFT the structure is fixed but for its name and metadata")
  void fixedAfterDraft() {
    Program draft = TierStructureTest.program(valid().build()).toBuilder().status(ProgramStatus.DRAFT).build();
    Program stored = engine.define(draft);
    Program edited = engine.define(stored.toBuilder().tierStructure(valid()
        .downgrade(Downgrade.of(DowngradeType.MULTI_LEVEL)).build()).build(), stored.version());
    Program active = engine.activateProgram(PROGRAM);
    UnaryOperator<TierStructure> change = s -> new TierStructure(s.id(), s.name(), s.tracking(), s.expiration(),
        Downgrade.of(DowngradeType.SINGLE_LEVEL), s.tiers(), s.metadata());
    InvalidInputException e = catchThrowableOfType(InvalidInputException.class, () -> engine.define(
        active.toBuilder().tierStructure(change.apply(active.tierStructure())).build(), active.version()));
    assertThat(e.violations()).extracting(Violation::path).containsExactly("tier_structure");
    assertThat(engine.program(PROGRAM).version()).isEqualTo(active.version());
    InvalidInputException removed = catchThrowableOfType(InvalidInputException.class, () -> engine.define(
        active.toBuilder().tierStructure(null).build(), active.version()));
    assertThat(removed.violations()).extracting(Violation::path).containsExactly("tier_structure");
    Program renamed = engine.define(active.toBuilder().tierStructure(active.tierStructure()
        .renamed("Club", Metadata.EMPTY)).build(), active.version());
    assertThat(renamed.tierStructure().name()).isEqualTo("Club");
    assertThat(edited.tierStructure().downgrade().type()).isEqualTo(DowngradeType.MULTI_LEVEL);
  }
}
