package io.loyalty.core.internal.condition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.loyalty.core.internal.condition.LogicExpression.And;
import io.loyalty.core.internal.condition.LogicExpression.Or;
import io.loyalty.core.internal.condition.LogicExpression.Rule;
import io.loyalty.spi.InvalidInputException;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class LogicExpressionTest {
  private static final Set<Integer> ONE_TO_FIVE = Set.of(1, 2, 3, 4, 5);

  private static LogicExpression parse(String logic) {
    return LogicExpression.parse(logic, ONE_TO_FIVE);
  }

  private static Rule r(int number) {
    return new Rule(number);
  }

  private static boolean eval(String logic, int... trueRules) {
    Set<Integer> truth = new java.util.HashSet<>();
    for (int n : trueRules) {
      truth.add(n);
    }
    return parse(logic).evaluate(truth::contains);
  }

  @Test
  @DisplayName("a single number is that rule")
  void singleNumber() {
    assertThat(parse("3")).isEqualTo(r(3));
  }

  @Test
  @DisplayName("and binds tighter than or")
  void andBindsTighter() {
    assertThat(parse("1 or 2 and 3")).isEqualTo(new Or(List.of(r(1), new And(List.of(r(2), r(3))))));
  }

  @Test
  @DisplayName("parentheses override precedence")
  void parenthesesOverride() {
    assertThat(parse("(1 or 2) and 3")).isEqualTo(new And(List.of(new Or(List.of(r(1), r(2))), r(3))));
  }

  @Test
  @DisplayName("operators are case-insensitive")
  void caseInsensitive() {
    assertThat(parse("1 AND 2 Or 3")).isEqualTo(parse("1 and 2 or 3"));
  }

  @Test
  @DisplayName("redundant parentheses around a rule are accepted, as in Voucherify's (1 and 2) and (3)")
  void redundantParentheses() {
    assertThat(parse("(1 and 2) and (3)")).isEqualTo(new And(List.of(r(1), r(2), r(3))));
  }

  @Test
  @DisplayName("nested operands of the same kind are flattened")
  void flattening() {
    assertThat(parse("1 or (2 or (3 or 4))")).isEqualTo(new Or(List.of(r(1), r(2), r(3), r(4))));
  }

  @Test
  @DisplayName("white space is optional around parentheses")
  void whiteSpaceAroundParentheses() {
    assertThat(parse("(1)and(2)")).isEqualTo(new And(List.of(r(1), r(2))));
  }

  @Test
  @DisplayName("a blank logic joins every defined number with and, in ascending order")
  void blankLogic() {
    assertThat(LogicExpression.parse("  ", Set.of(3, 1, 2))).isEqualTo(new And(List.of(r(1), r(2), r(3))));
  }

  @Test
  @DisplayName("a null logic means the same as a blank one")
  void nullLogic() {
    assertThat(LogicExpression.parse(null, Set.of(2))).isEqualTo(r(2));
  }

  @Test
  @DisplayName("numbers defined but not referenced are allowed")
  void unusedNumbersAllowed() {
    assertThat(LogicExpression.problems("1", ONE_TO_FIVE)).isEmpty();
  }

  @Test
  @DisplayName("the canonical text puts or operands of an and in parentheses")
  void canonicalText() {
    assertThat(parse("(1 OR 2) AND 3 or 4")).hasToString("(1 or 2) and 3 or 4");
  }

  @Test
  @DisplayName("(1 and 2) or 3 holds when only 3 holds")
  void orOfAnd() {
    assertThat(eval("(1 and 2) or 3", 3)).isTrue();
  }

  @Test
  @DisplayName("(1 and 2) or 3 fails when only 1 holds")
  void orOfAndFails() {
    assertThat(eval("(1 and 2) or 3", 1)).isFalse();
  }

  @Test
  @DisplayName("1 or 2 and 3 holds when only 1 holds, because and binds tighter")
  void precedenceInEvaluation() {
    assertThat(eval("1 or 2 and 3", 1)).isTrue();
  }

  @Test
  @DisplayName("(1 or 2) and 3 fails when only 1 holds")
  void parenthesesInEvaluation() {
    assertThat(eval("(1 or 2) and 3", 1)).isFalse();
  }

  @Test
  @DisplayName("a blank logic over no numbers holds")
  void vacuousAnd() {
    assertThat(LogicExpression.parse("", Set.of()).evaluate(n -> false)).isTrue();
  }

  @Test
  @DisplayName("a number that is not defined is reported with its position")
  void undefinedNumber() {
    assertThat(LogicExpression.problems("1 and 7", ONE_TO_FIVE))
        .containsExactly("at position 7: rule 7 is not defined (defined: [1, 2, 3, 4, 5])");
  }

  @Test
  @DisplayName("a missing operand after and names the end of the logic")
  void danglingAnd() {
    assertThat(LogicExpression.problems("1 and", ONE_TO_FIVE))
        .containsExactly("at position 6: expected a rule number or \"(\", found the end of the logic");
  }

  @Test
  @DisplayName("an unclosed parenthesis names where it was opened")
  void unclosedParenthesis() {
    assertThat(LogicExpression.problems("(1 and 2", ONE_TO_FIVE)).containsExactly(
        "at position 9: expected \"and\", \"or\" or \")\" closing the \"(\" at position 1, found the end of the logic");
  }

  @Test
  @DisplayName("an unmatched closing parenthesis is reported")
  void unmatchedClose() {
    assertThat(LogicExpression.problems("1 and 2)", ONE_TO_FIVE)).containsExactly("at position 8: unmatched \")\"");
  }

  @Test
  @DisplayName("two numbers in a row need an operator between them")
  void missingOperator() {
    assertThat(LogicExpression.problems("1 2", ONE_TO_FIVE))
        .containsExactly("at position 3: expected \"and\", \"or\" or the end of the logic, found \"2\"");
  }

  @Test
  @DisplayName("empty parentheses need a rule number")
  void emptyParentheses() {
    assertThat(LogicExpression.problems("1 and ()", ONE_TO_FIVE))
        .containsExactly("at position 8: expected a rule number or \"(\", found \")\"");
  }

  @Test
  @DisplayName("an unknown word such as xor is reported")
  void unknownWord() {
    assertThat(LogicExpression.problems("1 xor 2", ONE_TO_FIVE))
        .containsExactly("at position 3: unexpected word \"xor\", expected a rule number, \"and\" or \"or\"");
  }

  @Test
  @DisplayName("an unexpected character such as & is reported")
  void unexpectedCharacter() {
    assertThat(LogicExpression.problems("1 & 2", ONE_TO_FIVE)).containsExactly(
        "at position 3: unexpected character \"&\", expected a rule number, \"and\", \"or\", \"(\" or \")\"");
  }

  @Test
  @DisplayName("every undefined number and the syntax error are all reported")
  void everyProblem() {
    assertThat(LogicExpression.problems("8 or 9 and", ONE_TO_FIVE)).containsExactly(
        "at position 1: rule 8 is not defined (defined: [1, 2, 3, 4, 5])",
        "at position 6: rule 9 is not defined (defined: [1, 2, 3, 4, 5])",
        "at position 11: expected a rule number or \"(\", found the end of the logic");
  }

  @Test
  @DisplayName("a number too large for a rule is reported rather than overflowing")
  void hugeNumber() {
    assertThat(LogicExpression.problems("12345678901", ONE_TO_FIVE))
        .containsExactly("at position 1: rule number 12345678901 is too large");
  }

  @Test
  @DisplayName("parse throws an InvalidInputException with every problem at path logic")
  void parseThrows() {
    assertThatThrownBy(() -> parse("1 and 6 or"))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.violations())
            .extracting(v -> v.path() + ": " + v.message())
            .containsExactly(
                "logic: at position 7: rule 6 is not defined (defined: [1, 2, 3, 4, 5])",
                "logic: at position 11: expected a rule number or \"(\", found the end of the logic"));
  }
}
