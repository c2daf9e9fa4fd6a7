package io.loyalty.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.loyalty.core.internal.codes.CodeConfigValidator;
import io.loyalty.core.internal.validation.ProgramValidator;
import io.loyalty.core.internal.validity.ValidityValidator;
import io.loyalty.spi.InvalidInputException;
import io.loyalty.spi.Metadata;
import io.loyalty.spi.NotFoundException;
import io.loyalty.spi.ProgramId;
import io.loyalty.spi.RewardId;
import io.loyalty.spi.Violation;
import io.loyalty.spi.host.EventSchemas;
import io.loyalty.spi.host.ProductCollections;
import io.loyalty.spi.host.ValidationRules;
import io.loyalty.spi.program.CardPool;
import io.loyalty.spi.program.CardTemplate;
import io.loyalty.spi.program.CodeConfig;
import io.loyalty.spi.program.DailyHours;
import io.loyalty.spi.program.EarningRule;
import io.loyalty.spi.program.ItemTarget;
import io.loyalty.spi.program.Measure;
import io.loyalty.spi.program.PointsFormula;
import io.loyalty.spi.program.Program;
import io.loyalty.spi.program.Validity;
import io.loyalty.spi.reward.Reward;
import io.loyalty.spi.reward.RewardAssignment;
import io.loyalty.spi.reward.RewardKind;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Definitions are bounded before anything is generated or stored: pool sizes, the characters and length of code
 * configurations, the number of rules, rewards, targets, daily hours and metadata entries, and a points reward names
 * a program that exists. Each limit is named in its error.
 */
class DefinitionBoundsTest {
  final LoyaltyEngine engine = Fixtures.engine().build();

  static List<String> paths(InvalidInputException e) {
    return e.violations().stream().map(Violation::path).toList();
  }

  InvalidInputException rejected(Program program) {
    InvalidInputException e = catchThrowableOfType(InvalidInputException.class, () -> engine.define(program));
    assertThat(e).as("a typed rejection").isNotNull();
    assertThat(catchThrowableOfType(NotFoundException.class, () -> engine.program(program.id()))).as("nothing stored")
        .isNotNull();
    return e;
  }

  static Program withPool(CardPool pool) {
    return Program.builder(Fixtures.PROGRAM, "p").pool(pool).build();
  }

  static Program withCodes(CodeConfig config) {
    return Program.builder(Fixtures.PROGRAM, "p").pool(CardPool.fixed(2))
        .card(CardTemplate.DEFAULT.withCodeConfig(config)).build();
  }

  static Violation only(InvalidInputException e) {
    assertThat(e.violations()).hasSize(1);
    return e.violations().get(0);
  }

  @Test
  void a_static_pool_of_a_million_cards_is_rejected_at_definition_instead_of_exhausting_the_heap() {
    Violation v = only(rejected(withPool(CardPool.fixed(1_000_000))));
    assertThat(v.path()).isEqualTo("vouchers_count");
    assertThat(v.message()).contains(String.valueOf(ProgramValidator.MAX_VOUCHERS_COUNT));
  }

  @Test
  void a_growing_pool_above_the_limit_is_rejected_too() {
    assertThat(paths(rejected(withPool(CardPool.growing(ProgramValidator.MAX_VOUCHERS_COUNT + 1)))))
        .containsExactly("vouchers_count");
  }

  @Test
  void a_pool_of_exactly_the_limit_is_valid() {
    ProgramValidator validator = new ProgramValidator(ValidationRules.none(), EventSchemas.none(), ProductCollections.none(),
        id -> Optional.empty());
    assertThat(validator.validate(withPool(CardPool.fixed(ProgramValidator.MAX_VOUCHERS_COUNT)))).isEmpty();
  }

  @Test
  void a_charset_with_a_right_to_left_override_is_rejected() {
    assertThat(paths(rejected(withCodes(new CodeConfig(null, "ABC\u202EDEF", null, null, "####")))))
        .containsExactly("voucher.code_config.charset");
  }

  @Test
  void a_charset_with_a_lone_surrogate_is_rejected() {
    assertThat(paths(rejected(withCodes(new CodeConfig(null, "ABC\uD800", null, null, "####")))))
        .containsExactly("voucher.code_config.charset");
    assertThat(paths(rejected(withCodes(new CodeConfig(null, "\uDC00ABC", null, null, "####")))))
        .containsExactly("voucher.code_config.charset");
  }

  @Test
  void a_charset_with_zero_width_or_bidi_characters_is_rejected() {
    for (String bad : List.of("\u200B", "\u200C", "\u200D", "\u2060", "\uFEFF", "\u200E", "\u200F", "\u061C", "\u202A",
        "\u2066", "\u2069")) {
      assertThat(paths(rejected(withCodes(new CodeConfig(null, "ABCD" + bad, null, null, "####")))))
          .as("U+%04X", (int) bad.charAt(0)).containsExactly("voucher.code_config.charset");
    }
  }

  @Test
  void a_charset_with_a_duplicated_character_is_rejected() {
    assertThat(paths(rejected(withCodes(new CodeConfig(null, "ABCA", null, null, "####")))))
        .containsExactly("voucher.code_config.charset");
  }

  @Test
  void a_charset_longer_than_the_limit_is_rejected_naming_it() {
    StringBuilder charset = new StringBuilder();
    for (int cp = 0x4E00; charset.length() <= CodeConfigValidator.MAX_CHARSET_LENGTH; cp++) {
      charset.appendCodePoint(cp);
    }
    Violation v = only(rejected(withCodes(new CodeConfig(null, charset.toString(), null, null, "####"))));
    assertThat(v.path()).isEqualTo("voucher.code_config.charset");
    assertThat(v.message()).contains(String.valueOf(CodeConfigValidator.MAX_CHARSET_LENGTH));
  }

  @Test
  void a_charset_character_that_unicode_normalization_would_merge_with_another_is_rejected() {
    // U+0301 combines with the character drawn before it; U+212B (Angstrom sign) normalizes to U+00C5
    assertThat(paths(rejected(withCodes(new CodeConfig(null, "ABC\u0301", null, null, "####")))))
        .containsExactly("voucher.code_config.charset");
    assertThat(paths(rejected(withCodes(new CodeConfig(null, "\u00C5\u212BAB", null, null, "####")))))
        .containsExactly("voucher.code_config.charset");
  }

  @Test
  void prefix_postfix_and_pattern_are_held_to_the_same_characters() {
    CodeConfig config = new CodeConfig(null, null, "ACME\u2066-", "-\u200B", "##\uD800##");
    assertThat(paths(rejected(withCodes(config)))).containsExactlyInAnyOrder("voucher.code_config.prefix",
        "voucher.code_config.postfix", "voucher.code_config.pattern");
  }

  @Test
  void a_well_formed_unicode_charset_still_generates_cards() {
    Program program = engine.define(withCodes(new CodeConfig(null, "αβγδεζηθ", "Ω-", null, "####")));
    assertThat(engine.enrol(program.id(), io.loyalty.spi.CustomerId.of("alice")).code().value()).startsWith("Ω-")
        .hasSize(6);
  }

  @Test
  void a_points_reward_naming_a_program_that_does_not_exist_is_rejected_at_definition() {
    Reward reward = Reward.of("rew_points", "100 points", RewardKind.Campaign.points(ProgramId.of("camp_nowhere"), 100));
    InvalidInputException e = catchThrowableOfType(InvalidInputException.class, () -> engine.defineReward(reward));
    assertThat(paths(e)).containsExactly("parameters.campaign.id");
    assertThat(catchThrowableOfType(NotFoundException.class, () -> engine.reward(RewardId.of("rew_points")))).isNotNull();
  }

  @Test
  void a_points_reward_naming_a_defined_program_is_accepted() {
    engine.define(Program.builder(ProgramId.of("camp_partner"), "Partner").build());
    Reward reward = Reward.of("rew_points", "100 points", RewardKind.Campaign.points(ProgramId.of("camp_partner"), 100));
    assertThat(engine.defineReward(reward).version()).isEqualTo(1);
  }

  @Test
  void more_earning_rules_than_the_limit_are_rejected_naming_it() {
    List<EarningRule> rules = new ArrayList<>();
    for (int i = 0; i <= ProgramValidator.MAX_EARNING_RULES; i++) {
      rules.add(Fixtures.orderRule("r" + i, PointsFormula.fixed(1)));
    }
    Violation v = only(rejected(Fixtures.program(rules.toArray(EarningRule[]::new))));
    assertThat(v.path()).isEqualTo("earning_rules");
    assertThat(v.message()).contains(String.valueOf(ProgramValidator.MAX_EARNING_RULES));
  }

  @Test
  void more_rewards_than_the_limit_are_rejected_naming_it() {
    Reward mug = engine.defineReward(Reward.of("rew_mug", "Mug", RewardKind.Campaign.coupon("camp_coupons")));
    Program.Builder b = Program.builder(Fixtures.PROGRAM, "p");
    for (int i = 0; i <= ProgramValidator.MAX_REWARDS; i++) {
      b.reward(RewardAssignment.of("rewa_" + i, mug.id(), 10));
    }
    Violation v = only(rejected(b.build()));
    assertThat(v.path()).isEqualTo("rewards");
    assertThat(v.message()).contains(String.valueOf(ProgramValidator.MAX_REWARDS));
  }

  @Test
  void more_item_targets_than_the_limit_are_rejected_naming_it() {
    List<ItemTarget> targets = new ArrayList<>();
    for (int i = 0; i <= ProgramValidator.MAX_ITEM_TARGETS; i++) {
      targets.add(ItemTarget.product("prod_" + i));
    }
    Measure items = new Measure.OrderItems(Measure.ItemMeasure.AMOUNT, targets);
    Violation v = only(rejected(Fixtures.program(Fixtures.orderRule("r", PointsFormula.proportional(items, 100, 1)))));
    assertThat(v.path()).isEqualTo("earning_rules[0].loyalty.order_items.amount.applicable_to");
    assertThat(v.message()).contains(String.valueOf(ProgramValidator.MAX_ITEM_TARGETS));
  }

  @Test
  void more_daily_hours_than_the_limit_are_rejected_naming_it_before_comparing_every_pair() {
    List<DailyHours> hours = new ArrayList<>();
    for (int i = 0; i <= ValidityValidator.MAX_DAILY_HOURS; i++) {
      hours.add(new DailyHours(LocalTime.of(0, 0).plusMinutes(i), LocalTime.of(0, 0).plusMinutes(i + 1),
          Set.of(DayOfWeek.MONDAY)));
    }
    Program program = Program.builder(Fixtures.PROGRAM, "p").validity(Validity.ALWAYS.withHours(hours)).build();
    Violation v = only(rejected(program));
    assertThat(v.path()).isEqualTo("validity_hours.daily");
    assertThat(v.message()).contains(String.valueOf(ValidityValidator.MAX_DAILY_HOURS));
  }

  @Test
  void metadata_with_more_entries_than_the_limit_cannot_even_be_built_for_a_program_or_reward() {
    List<Object> pairs = new ArrayList<>();
    for (int i = 0; i <= io.loyalty.spi.Limits.MAX_METADATA_ENTRIES; i++) {
      pairs.add("k" + i);
      pairs.add(i);
    }
    InvalidInputException e = catchThrowableOfType(InvalidInputException.class, () -> Metadata.of(pairs.toArray()));
    assertThat(paths(e)).containsExactly("metadata");
    assertThat(e.violations().get(0).message()).contains(String.valueOf(io.loyalty.spi.Limits.MAX_METADATA_ENTRIES));
  }
}
