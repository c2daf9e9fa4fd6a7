package io.loyalty.core.internal.condition;

import io.loyalty.spi.Limits;
import io.loyalty.spi.Violation;
import io.loyalty.spi.program.Condition;
import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The size of a condition tree, measured without recursion so that no tree, however deep, can overflow the stack
 * before it is refused: at most {@value #MAX_DEPTH} levels of nesting and {@value #MAX_NODES} conditions. Every
 * recursive walk over a condition (validation, compilation, evaluation, a record's {@code equals} or
 * {@code toString}) runs only on trees this accepts. Stateless.
 */
public final class ConditionShape {
  /** The deepest nesting of conditions accepted (all / any / not / numbered / items each), the root at level 1. */
  public static final int MAX_DEPTH = Limits.MAX_CONDITION_DEPTH;
  /** The most conditions in one tree. */
  public static final int MAX_NODES = Limits.MAX_CONDITION_NODES;

  private ConditionShape() {}

  /** Whether the tree is within the bounds, so recursive walks over it are safe. */
  public static boolean fits(@Nullable Condition root) {
    return problem("", root) == null;
  }

  /** The violation of a tree too deep or too large, or {@code null} when it is within the bounds. */
  static @Nullable Violation problem(String path, @Nullable Condition root) {
    if (root == null) {
      return null;
    }
    Deque<Object[]> stack = new ArrayDeque<>();
    stack.push(new Object[] {root, 1});
    int nodes = 0;
    while (!stack.isEmpty()) {
      Object[] top = stack.pop();
      Condition condition = (Condition) top[0];
      int depth = (Integer) top[1];
      if (++nodes > MAX_NODES || depth > MAX_DEPTH) {
        return new Violation(path, "must nest at most " + MAX_DEPTH + " levels deep and hold at most " + MAX_NODES
            + " conditions", depth > MAX_DEPTH ? "deeper than " + MAX_DEPTH + " levels" : "more than " + MAX_NODES
            + " conditions");
      }
      for (Condition child : children(condition)) {
        if (child != null) {
          stack.push(new Object[] {child, depth + 1});
        }
      }
    }
    return null;
  }

  private static Collection<Condition> children(Condition condition) {
    if (condition instanceof Condition.All all) {
      return all.conditions() == null ? List.of() : all.conditions();
    }
    if (condition instanceof Condition.Any any) {
      return any.conditions() == null ? List.of() : any.conditions();
    }
    if (condition instanceof Condition.Not not) {
      return not.condition() == null ? List.of() : java.util.Collections.singletonList(not.condition());
    }
    if (condition instanceof Condition.Numbered numbered) {
      Map<Integer, Condition> rules = numbered.rules();
      return rules == null ? List.of() : rules.values();
    }
    if (condition instanceof Condition.Items items && items.each() != null) {
      return List.of(items.each());
    }
    return List.of();
  }
}
