package io.loyalty.core.internal.condition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.loyalty.spi.InvalidInputException;
import io.loyalty.spi.MetaValue;
import io.loyalty.spi.SegmentId;
import io.loyalty.spi.ValidationRuleId;
import io.loyalty.spi.Violation;
import io.loyalty.spi.host.ProductCollections;
import io.loyalty.spi.host.ValidationRules;
import io.loyalty.spi.program.Comparison;
import io.loyalty.spi.program.Condition;
import io.loyalty.spi.program.Condition.Quantifier;
import io.loyalty.spi.program.ItemTarget;
import io.loyalty.spi.program.Operator;
import io.loyalty.spi.program.ValidationRule;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Every problem of a condition, with its exact field path. */
class ConditionValidatorTest {
  private static final String ROOT = "earning_rules[2].condition";
  private static final ValidationRules RULES = ValidationRules.of(new ValidationRule(
      ValidationRuleId.of("val_known"), "known", Condition.all(), null));
  private static final Condition OK = new Condition.OrderAmount(Comparison.moreThan(1000));

  private static List<String> problems(Condition condition) {
    return ConditionValidator.validate(ROOT, condition, RULES).stream().map(v -> v.path() + " " + v.message()).toList();
  }

  private static List<String> paths(Condition condition) {
    return ConditionValidator.validate(ROOT, condition, RULES).stream().map(Violation::path).toList();
  }

  private static Condition amount(Operator operator, Object... operands) {
    return new Condition.OrderAmount(Comparison.of(operator, operands));
  }

  private static Condition orderMeta(Operator operator, Object... operands) {
    return new Condition.OrderMetadata("tier", Comparison.of(operator, operands));
  }

  @Test
  @DisplayName("a well-formed condition of every kind has no problems")
  void wellFormed() {
    Condition condition = Condition.numbered("(1 and 2) or 3",
        Condition.all(OK, new Condition.CustomerMetadata("rank", Comparison.atLeast(2))),
        Condition.any(new Condition.InSegment(Set.of(SegmentId.of("seg_1"))),
            new Condition.Named(ValidationRuleId.of("val_known"))),
        new Condition.Items(Quantifier.EVERY, List.of(ItemTarget.product("prod_1")), new Condition.Not(
            new Condition.ItemMetadata("color", Comparison.of(Operator.STARTS_WITH, "bl")))));
    assertThat(problems(condition)).isEmpty();
  }

  @Test
  @DisplayName("a null condition is one violation at the condition's own path")
  void nullCondition() {
    assertThat(ConditionValidator.validate(ROOT, null, RULES))
        .containsExactly(new Violation(ROOT, "must not be null", null));
  }

  @Test
  @DisplayName("a numbered rule's operand arity is reported under rules.N.comparison.operands")
  void numberedArity() {
    assertThat(problems(Condition.numbered("1 and 2", OK, new Condition.OrderAmount(
        new Comparison(Operator.MORE_THAN, List.of(MetaValue.of(1), MetaValue.of(2)))))))
        .containsExactly(ROOT + ".rules.2.comparison.operands $more_than takes exactly one operand");
  }

  @Test
  @DisplayName("null lists of all and any and a null operand of not are reported")
  void nullParts() {
    assertThat(paths(Condition.all(new Condition.All(null), new Condition.Any(null), new Condition.Not(null))))
        .containsExactly(ROOT + ".conditions[0].conditions", ROOT + ".conditions[1].conditions",
            ROOT + ".conditions[2].condition");
  }

  @Test
  @DisplayName("numbered rules must not be empty")
  void emptyNumbered() {
    assertThat(problems(new Condition.Numbered(Map.of(), "1")))
        .containsExactly(ROOT + ".rules must have at least one numbered rule");
  }

  @Test
  @DisplayName("null numbered rules are reported")
  void nullNumbered() {
    assertThat(paths(new Condition.Numbered(null, ""))).containsExactly(ROOT + ".rules");
  }

  @Test
  @DisplayName("a rule number below 1 is reported at its key")
  void ruleZero() {
    assertThat(paths(new Condition.Numbered(Map.of(0, OK), ""))).containsExactly(ROOT + ".rules.0");
  }

  @Test
  @DisplayName("every problem of the logic is reported under logic")
  void badLogic() {
    assertThat(problems(Condition.numbered("1 and 3 or", OK, OK))).containsExactly(
        ROOT + ".logic at position 7: rule 3 is not defined (defined: [1, 2])",
        ROOT + ".logic at position 11: expected a rule number or \"(\", found the end of the logic");
  }

  @Test
  @DisplayName("an unknown named rule is reported under id")
  void unknownNamedRule() {
    assertThat(ConditionValidator.validate(ROOT, new Condition.Named(ValidationRuleId.of("val_x")), RULES))
        .containsExactly(new Violation(ROOT + ".id", "validation rule not found", "val_x"));
  }

  @Test
  @DisplayName("a null named rule id is reported under id")
  void nullNamedRule() {
    assertThat(paths(new Condition.Named(null))).containsExactly(ROOT + ".id");
  }

  @Test
  @DisplayName("amount operands must be whole numbers: texts, fractions and numbers beyond a long are reported")
  void amountOperandsWhole() {
    assertThat(paths(amount(Operator.IN, "5", new BigDecimal("10.5"), new BigDecimal("1E+20"), 7)))
        .containsExactly(ROOT + ".comparison.operands[0]", ROOT + ".comparison.operands[1]",
            ROOT + ".comparison.operands[2]");
  }

  @Test
  @DisplayName("a whole number written with trailing zeros is a valid amount operand")
  void wholeWithTrailingZeros() {
    assertThat(problems(amount(Operator.MORE_THAN, new BigDecimal("100.00")))).isEmpty();
  }

  @Test
  @DisplayName("a textual operator on an amount is reported under comparison.operator")
  void textualOnAmount() {
    assertThat(problems(new Condition.OrderItemsCount(Comparison.of(Operator.CONTAINS, "1"))))
        .containsExactly(
            ROOT + ".comparison.operator $contains applies to texts, but order.items.count is a whole number");
  }

  @Test
  @DisplayName("$exists takes no operands")
  void existsArity() {
    assertThat(problems(orderMeta(Operator.IS_DEFINED, "x")))
        .containsExactly(ROOT + ".comparison.operands $exists takes no operands");
  }

  @Test
  @DisplayName("$in needs at least one operand")
  void inArity() {
    assertThat(problems(new Condition.OrderMetadata("tier", new Comparison(Operator.NOT_IN, List.of()))))
        .containsExactly(ROOT + ".comparison.operands $not_in takes one or more operands");
  }

  @Test
  @DisplayName("an ordering operator on metadata needs a number")
  void orderingNeedsNumber() {
    assertThat(problems(orderMeta(Operator.LESS_THAN, "10")))
        .containsExactly(ROOT + ".comparison.operands[0] $less_than needs a number");
  }

  @Test
  @DisplayName("a textual operator on metadata needs a text")
  void textualNeedsText() {
    assertThat(problems(orderMeta(Operator.ENDS_WITH, true)))
        .containsExactly(ROOT + ".comparison.operands[0] $ends_with needs a text");
  }

  @Test
  @DisplayName("a blank or null metadata property is reported under property")
  void blankProperty() {
    assertThat(paths(Condition.all(new Condition.CustomerMetadata(" ", Comparison.is(1)),
        new Condition.EventMetadata(null, Comparison.is(1)))))
        .containsExactly(ROOT + ".conditions[0].property", ROOT + ".conditions[1].property");
  }

  @Test
  @DisplayName("a null comparison, operator or operand list is reported without throwing")
  void nullComparisonParts() {
    assertThat(paths(Condition.all(
            new Condition.OrderAmount(null), new Condition.OrderAmount(new Comparison(null, null)))))
        .containsExactly(ROOT + ".conditions[0].comparison", ROOT + ".conditions[1].comparison.operator",
            ROOT + ".conditions[1].comparison.operands");
  }

  @Test
  @DisplayName("a line condition outside order.items each is reported")
  void lineConditionAtOrderLevel() {
    assertThat(problems(Condition.all(OK, new Condition.ItemQuantity(Comparison.atLeast(2))))).containsExactly(
        ROOT + ".conditions[1] is an order line condition (order.items.quantity), allowed only in order.items each");
  }

  @Test
  @DisplayName("an order-level condition inside order.items each is reported, however deeply nested")
  void orderConditionInsideEach() {
    Condition each = Condition.all(new Condition.ItemPrice(Comparison.atLeast(1)), new Condition.Not(OK));
    assertThat(problems(new Condition.Items(Quantifier.ANY, List.of(), each))).containsExactly(
        ROOT + ".each.conditions[1].condition is an order-level condition (order.amount),"
            + " not allowed in order.items each");
  }

  @Test
  @DisplayName("items nested in order.items each are reported")
  void nestedItems() {
    Condition inner = new Condition.Items(Quantifier.NONE, List.of(), null);
    assertThat(paths(new Condition.Items(Quantifier.ANY, List.of(), inner))).containsExactly(ROOT + ".each");
  }

  @Test
  @DisplayName("a null quantifier, null targets and a target without id are reported")
  void itemsParts() {
    assertThat(paths(Condition.all(new Condition.Items(null, null, null),
        new Condition.Items(Quantifier.ANY, List.of(new ItemTarget.Sku(null)), null))))
        .containsExactly(ROOT + ".conditions[0].quantifier", ROOT + ".conditions[0].targets",
            ROOT + ".conditions[1].targets[0].id");
  }

  @Test
  @DisplayName("a segment condition must name at least one segment")
  void emptySegments() {
    assertThat(paths(Condition.all(new Condition.InSegment(Set.of()), new Condition.InSegment(null))))
        .containsExactly(ROOT + ".conditions[0].any_of", ROOT + ".conditions[1].any_of");
  }

  @Test
  @DisplayName("compiling a malformed condition throws every structural problem under the path condition")
  void compileRejects() {
    ConditionCompiler compiler = new ConditionCompiler();
    Condition malformed = Condition.all(new Condition.ItemPrice(Comparison.atLeast(1)), amount(Operator.IS));
    assertThatThrownBy(() -> compiler.compile(malformed))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.violations())
            .extracting(Violation::path)
            .containsExactly("condition.conditions[0]", "condition.conditions[1].comparison.operands"));
  }

  @Test
  @DisplayName("compiling does not look named rules up, so an unknown one compiles")
  void compileIgnoresUnknownNames() {
    ConditionCompiler compiler = new ConditionCompiler();
    assertThat(compiler.compile(new Condition.Named(ValidationRuleId.of("val_x")))).isNotNull();
  }
}
