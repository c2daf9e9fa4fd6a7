package io.loyalty.core.internal.eval;

import io.loyalty.spi.CollectionId;
import io.loyalty.spi.ValidationRuleId;
import io.loyalty.spi.program.Condition;
import io.loyalty.spi.program.EarningRule;
import io.loyalty.spi.program.ItemTarget;
import io.loyalty.spi.program.Measure;
import io.loyalty.spi.program.PointsFormula;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What evaluating some rules or conditions can ask the host, read off their definitions: the products collections
 * they name (asked per order line) and the named validation rules they refer to (whose bodies may name more, found
 * when the host gives them). Immutable.
 *
 * @param collections every collection named, once each
 * @param rules every named validation rule referred to, once each
 */
public record Asks(List<CollectionId> collections, List<ValidationRuleId> rules) {
  /** Nothing to ask. */
  public static final Asks NONE = new Asks(List.of(), List.of());

  /** Copies the lists. */
  public Asks {
    collections = List.copyOf(collections);
    rules = List.copyOf(rules);
  }

  /** Whether there is nothing to ask. */
  public boolean isEmpty() {
    return collections.isEmpty() && rules.isEmpty();
  }

  /** What evaluating the active ones of these rules can ask: their conditions, named rules and item formulas. */
  static Asks ofRules(List<EarningRule> rules) {
    List<CollectionId> collections = new ArrayList<>();
    List<ValidationRuleId> named = new ArrayList<>();
    for (EarningRule rule : rules) {
      if (!rule.active()) {
        continue; // an inactive rule is skipped before its conditions
      }
      collect(rule.condition(), collections, named);
      if (rule.validationRuleId() != null && !named.contains(rule.validationRuleId())) {
        named.add(rule.validationRuleId());
      }
      if (rule.formula() instanceof PointsFormula.Proportional p && p.measure() instanceof Measure.OrderItems items) {
        targets(items.targets(), collections);
      }
    }
    return collections.isEmpty() && named.isEmpty() ? NONE : new Asks(collections, named);
  }

  /** What evaluating these conditions (any may be {@code null}) can ask, named rules' bodies aside. */
  public static Asks ofConditions(List<@Nullable Condition> conditions) {
    List<CollectionId> collections = new ArrayList<>();
    List<ValidationRuleId> named = new ArrayList<>();
    for (Condition c : conditions) {
      collect(c, collections, named);
    }
    return collections.isEmpty() && named.isEmpty() ? NONE : new Asks(collections, named);
  }

  /**
   * Adds the collections and named rules a condition refers to, each once. Walked with a stack, not recursion: a
   * named rule's body comes from the host and may nest deeply.
   */
  public static void collect(@Nullable Condition condition, List<CollectionId> collections,
      List<ValidationRuleId> named) {
    if (condition == null) {
      return;
    }
    ArrayDeque<Condition> stack = new ArrayDeque<>();
    stack.push(condition);
    while (!stack.isEmpty()) {
      Condition c = stack.pop();
      if (c instanceof Condition.All all && all.conditions() != null) {
        pushAll(stack, all.conditions());
      } else if (c instanceof Condition.Any any && any.conditions() != null) {
        pushAll(stack, any.conditions());
      } else if (c instanceof Condition.Not not && not.condition() != null) {
        stack.push(not.condition());
      } else if (c instanceof Condition.Numbered numbered && numbered.rules() != null) {
        pushAll(stack, numbered.rules().values());
      } else if (c instanceof Condition.Named n && n.id() != null && !named.contains(n.id())) {
        named.add(n.id());
      } else if (c instanceof Condition.Items items) {
        if (items.targets() != null) {
          targets(items.targets(), collections);
        }
        if (items.each() != null) {
          stack.push(items.each());
        }
      }
    }
  }

  private static void pushAll(ArrayDeque<Condition> stack, java.util.Collection<Condition> conditions) {
    for (Condition c : conditions) {
      if (c != null) {
        stack.push(c);
      }
    }
  }

  private static void targets(List<ItemTarget> targets, List<CollectionId> collections) {
    for (ItemTarget target : targets) {
      if (target instanceof ItemTarget.Collection c && c.id() != null && !collections.contains(c.id())) {
        collections.add(c.id());
      }
    }
  }
}
