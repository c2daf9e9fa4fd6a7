package io.loyalty.core.internal.condition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/**
 * Random logic trees over rules 1..5 are printed (random case, white space and redundant parentheses,
 * parentheses only where precedence needs them) and parsed back; the parsed expression must agree with a
 * reference evaluator of the generated tree.
 */
class LogicExpressionProperties {
  private static final Set<Integer> NUMBERS = Set.of(1, 2, 3, 4, 5);

  /** The reference tree: a leaf or an n-ary and/or. */
  private sealed interface Tree permits Leaf, Junction {}

  private record Leaf(int number) implements Tree {}

  private record Junction(boolean and, List<Tree> operands) implements Tree {}

  /** Reads choices from a list of ints, wrapping around, so QuickTheories can shrink the list. */
  private static final class Choices {
    private final List<Integer> values;
    private int next;

    Choices(List<Integer> values) {
      this.values = values;
    }

    int next(int bound) {
      return values.get(next++ % values.size()) % bound;
    }
  }

  private static Tree tree(Choices choices, int depth) {
    int kind = choices.next(3);
    if (depth >= 3 || kind == 0) {
      return new Leaf(1 + choices.next(5));
    }
    int arity = 2 + choices.next(2);
    List<Tree> operands = new ArrayList<>();
    for (int i = 0; i < arity; i++) {
      operands.add(tree(choices, depth + 1));
    }
    return new Junction(kind == 1, operands);
  }

  private static String print(Tree tree, Choices style) {
    String text;
    if (tree instanceof Leaf leaf) {
      text = Integer.toString(leaf.number());
    } else {
      Junction junction = (Junction) tree;
      String[] words = junction.and() ? new String[] {"and", "AND", "And"} : new String[] {"or", "OR", "oR"};
      StringBuilder out = new StringBuilder();
      for (Tree operand : junction.operands()) {
        if (out.length() > 0) {
          out.append(style.next(2) == 0 ? " " : "  ")
              .append(words[style.next(3)])
              .append(style.next(2) == 0 ? " " : "\t");
        }
        boolean needed = junction.and() && operand instanceof Junction inner && !inner.and();
        String printed = print(operand, style);
        out.append(needed ? "(" + printed + ")" : printed);
      }
      text = out.toString();
    }
    return style.next(5) == 0 ? "(" + text + ")" : text;
  }

  private static boolean reference(Tree tree, int mask) {
    if (tree instanceof Leaf leaf) {
      return (mask & (1 << (leaf.number() - 1))) != 0;
    }
    Junction junction = (Junction) tree;
    boolean result = junction.and();
    for (Tree operand : junction.operands()) {
      result = junction.and() ? result & reference(operand, mask) : result | reference(operand, mask);
    }
    return result;
  }

  private static Gen<List<Integer>> choices() {
    return lists().of(integers().between(0, 1_000)).ofSizeBetween(1, 40);
  }

  @Test
  @DisplayName("printing a random tree and parsing it back evaluates like the tree")
  void printThenParseIsFaithful() {
    qt().withExamples(500).forAll(choices(), integers().between(0, 31)).checkAssert((seed, mask) -> {
      Choices choices = new Choices(seed);
      Tree tree = tree(choices, 0);
      String text = print(tree, choices);
      LogicExpression parsed = LogicExpression.parse(text, NUMBERS);
      assertThat(parsed.evaluate(n -> (mask & (1 << (n - 1))) != 0))
          .as("%s with true rules %s", text, Integer.toBinaryString(mask))
          .isEqualTo(reference(tree, mask));
    });
  }

  @Test
  @DisplayName("the canonical text of a parsed expression parses to the same expression")
  void canonicalTextRoundTrips() {
    qt().withExamples(300).forAll(choices()).checkAssert(seed -> {
      Choices choices = new Choices(seed);
      LogicExpression parsed = LogicExpression.parse(print(tree(choices, 0), choices), NUMBERS);
      assertThat(LogicExpression.parse(parsed.toString(), NUMBERS)).isEqualTo(parsed);
    });
  }
}
