package io.loyalty.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;

import io.loyalty.core.internal.condition.ConditionShape;
import io.loyalty.spi.InvalidInputException;
import io.loyalty.spi.RuleId;
import io.loyalty.spi.Violation;
import io.loyalty.spi.program.Comparison;
import io.loyalty.spi.program.Condition;
import io.loyalty.spi.program.EarningRule;
import io.loyalty.spi.program.PointsFormula;
import io.loyalty.spi.program.Program;
import io.loyalty.spi.program.Trigger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Recursive definitions are bounded in depth and size before any recursive walk, with a typed error. */
class DepthBombTest {
  private final LoyaltyEngine engine = Fixtures.engine().build();

  private static Condition leaf() {
    return new Condition.OrderAmount(Comparison.atLeast(1));
  }

  /** A chain of {@code depth} conditions, cycling through every kind that nests. */
  static Condition nested(int depth) {
    Condition c = leaf();
    for (int i = 1; i < depth; i++) {
      c = switch (i % 4) {
        case 0 -> new Condition.Not(c);
        case 1 -> new Condition.All(List.of(c));
        case 2 -> new Condition.Any(List.of(c, leaf()));
        default -> new Condition.Numbered(Map.of(1, c), "1");
      };
    }
    return c;
  }

  private Program programWith(Condition condition) {
    return Fixtures.program(EarningRule.builder(RuleId.of("r"), Trigger.ORDER_PAID, PointsFormula.fixed(1))
        .condition(condition).build());
  }

  @Test
  void regression_a_condition_nested_a_hundred_thousand_levels_deep_is_refused_not_a_stack_overflow() {
    InvalidInputException e = catchThrowableOfType(InvalidInputException.class,
        () -> engine.define(programWith(nested(100_000))));
    assertThat(e).isNotNull();
    assertThat(e.violations()).singleElement().satisfies(v -> {
      assertThat(v.path()).isEqualTo("earning_rules[0].condition");
      assertThat(v.message()).contains(String.valueOf(ConditionShape.MAX_DEPTH), String.valueOf(ConditionShape.MAX_NODES));
    });
    assertThat(engine.cardOf(Fixtures.PROGRAM, io.loyalty.spi.CustomerId.of("x"))).isEmpty();
  }

  @Test
  void a_condition_of_too_many_nodes_is_refused_even_when_shallow() {
    List<Condition> wide = new ArrayList<>();
    for (int i = 0; i < ConditionShape.MAX_NODES; i++) {
      wide.add(leaf());
    }
    Violation v = catchThrowableOfType(InvalidInputException.class,
        () -> engine.define(programWith(new Condition.All(wide)))).violations().get(0);
    assertThat(v.message()).contains("1000 conditions");
  }

  @Test
  void a_logic_expression_is_bounded_in_length_and_nesting() {
    String deep = "(".repeat(10_000) + "1" + ")".repeat(10_000);
    Condition numbered = new Condition.Numbered(Map.of(1, leaf()), deep);
    List<Violation> found = catchThrowableOfType(InvalidInputException.class,
        () -> engine.define(programWith(numbered))).violations();
    assertThat(found).extracting(Violation::path).containsOnly("earning_rules[0].condition.logic");
    String longLogic = "1 and ".repeat(300) + "1";
    assertThat(catchThrowableOfType(InvalidInputException.class,
        () -> engine.define(programWith(new Condition.Numbered(Map.of(1, leaf()), longLogic)))).getMessage())
        .contains("1000 characters");
  }

  @Test
  void any_depth_and_width_gives_a_definition_or_a_typed_error_naming_the_bound() {
    qt().withFixedSeed(4L).withExamples(200).forAll(integers().between(1, 5_000), integers().between(1, 40))
        .checkAssert((depth, width) -> {
          Condition tree = nested(depth);
          List<Condition> parts = new ArrayList<>();
          for (int i = 0; i < width; i++) {
            parts.add(tree);
          }
          Condition condition = width == 1 ? tree : new Condition.Any(parts);
          LoyaltyEngine e = Fixtures.engine().build();
          long nodes = countNodes(depth) * (long) width + (width == 1 ? 0 : 1);
          int levels = depth + (width == 1 ? 0 : 1);
          try {
            e.define(programWith(condition));
            assertThat(levels).isLessThanOrEqualTo(ConditionShape.MAX_DEPTH);
            assertThat(nodes).isLessThanOrEqualTo(ConditionShape.MAX_NODES);
          } catch (InvalidInputException refused) {
            assertThat(levels > ConditionShape.MAX_DEPTH || nodes > ConditionShape.MAX_NODES).isTrue();
            assertThat(refused.violations()).singleElement()
                .satisfies(v -> assertThat(v.path()).isEqualTo("earning_rules[0].condition"));
          }
        });
  }

  /** Nodes of {@link #nested}: one per level, plus the extra leaf of every Any level. */
  private static long countNodes(int depth) {
    long n = 1;
    for (int i = 1; i < depth; i++) {
      n += i % 4 == 2 ? 2 : 1;
    }
    return n;
  }
}
