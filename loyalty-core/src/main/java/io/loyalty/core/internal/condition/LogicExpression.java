package io.loyalty.core.internal.condition;

import io.loyalty.spi.InvalidInputException;
import io.loyalty.spi.Violation;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.IntPredicate;
import org.jspecify.annotations.Nullable;

/**
 * Voucherify's {@code logic} over numbered rules, such as {@code "(1 and 2) or 3"}, as an immutable tree:
 * {@code and}/{@code or} in any case, parentheses, {@code and} binding tighter than {@code or}. A blank
 * logic means every numbered rule joined by {@code and}. Nested operands of the same kind are flattened,
 * so {@code "1 and (2 and 3)"} and {@code "1 and 2 and 3"} parse to equal trees.
 */
public sealed interface LogicExpression permits LogicExpression.Rule, LogicExpression.And, LogicExpression.Or {

  /**
   * Parses {@code logic} over the defined rule numbers.
   *
   * @param logic the expression; {@code null} or blank joins every number with {@code and}
   * @param numbers the numbers the logic may reference
   * @throws InvalidInputException listing every {@linkplain #problems problem}, each with path {@code logic}
   */
  static LogicExpression parse(@Nullable String logic, Set<Integer> numbers) {
    LogicParser parser = new LogicParser(logic == null ? "" : logic, numbers);
    LogicExpression expression = parser.parse();
    if (expression == null) {
      List<Violation> violations = new ArrayList<>();
      for (String problem : parser.problems()) {
        violations.add(new Violation("logic", problem, logic));
      }
      throw new InvalidInputException(violations);
    }
    return expression;
  }

  /**
   * Every problem of {@code logic}, each naming its 1-based character position and what was expected
   * there: unexpected characters or words (which make the text unreadable, so no syntax check follows),
   * references to numbers that are not defined, and the first syntax error. Numbers defined but not
   * referenced are allowed. Empty when {@link #parse} succeeds.
   */
  static List<String> problems(@Nullable String logic, Set<Integer> numbers) {
    LogicParser parser = new LogicParser(logic == null ? "" : logic, numbers);
    parser.parse();
    return parser.problems();
  }

  /** The conjunction of every number, in ascending order: what a blank logic means. */
  static LogicExpression allOf(Set<Integer> numbers) {
    List<LogicExpression> rules = new ArrayList<>();
    for (int number : new TreeSet<>(numbers)) {
      rules.add(new Rule(number));
    }
    return rules.size() == 1 ? rules.get(0) : new And(rules);
  }

  /** The value of the expression when rule {@code n} has the truth value {@code truth.test(n)}. */
  boolean evaluate(IntPredicate truth);

  /** A numbered rule. */
  record Rule(int number) implements LogicExpression {
    @Override
    public boolean evaluate(IntPredicate truth) {
      return truth.test(number);
    }

    @Override
    public String toString() {
      return Integer.toString(number);
    }
  }

  /** Every operand holds (true when empty, which only a blank logic over no rules produces). */
  record And(List<LogicExpression> operands) implements LogicExpression {
    /** Copies the operands. */
    public And {
      operands = List.copyOf(operands);
    }

    @Override
    public boolean evaluate(IntPredicate truth) {
      for (int i = 0; i < operands.size(); i++) {
        if (!operands.get(i).evaluate(truth)) {
          return false;
        }
      }
      return true;
    }

    /** Canonical text: operands joined by {@code and}, {@code or} operands in parentheses. */
    @Override
    public String toString() {
      StringBuilder text = new StringBuilder();
      for (LogicExpression operand : operands) {
        if (text.length() > 0) {
          text.append(" and ");
        }
        text.append(operand instanceof Or ? "(" + operand + ")" : operand.toString());
      }
      return text.toString();
    }
  }

  /** At least one operand holds. */
  record Or(List<LogicExpression> operands) implements LogicExpression {
    /** Copies the operands. */
    public Or {
      operands = List.copyOf(operands);
    }

    @Override
    public boolean evaluate(IntPredicate truth) {
      for (int i = 0; i < operands.size(); i++) {
        if (operands.get(i).evaluate(truth)) {
          return true;
        }
      }
      return false;
    }

    /** Canonical text: operands joined by {@code or}, no parentheses needed. */
    @Override
    public String toString() {
      StringBuilder text = new StringBuilder();
      for (LogicExpression operand : operands) {
        if (text.length() > 0) {
          text.append(" or ");
        }
        text.append(operand);
      }
      return text.toString();
    }
  }
}
