package io.loyalty.core.internal.condition;

import io.loyalty.spi.MetaValue;
import io.loyalty.spi.ValidationRuleId;
import io.loyalty.spi.Violation;
import io.loyalty.spi.host.ValidationRules;
import io.loyalty.spi.program.Comparison;
import io.loyalty.spi.program.Condition;
import io.loyalty.spi.program.ItemTarget;
import io.loyalty.spi.program.Operator;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * Checks a {@link Condition} before it is compiled and lists every problem with its field path in
 * Voucherify's snake_case style, such as {@code earning_rules[2].condition.rules.1.comparison.operands}.
 * Never throws on {@code null}s: a missing field is a violation.
 *
 * <p>Paths append the record component: {@code .conditions[i]} (all, any), {@code .condition} (not),
 * {@code .rules.N} and {@code .logic} (numbered), {@code .id} (named), {@code .property},
 * {@code .comparison.operator}, {@code .comparison.operands[i]}, {@code .any_of}, {@code .quantifier},
 * {@code .targets[i]} and {@code .each} (items).
 */
public final class ConditionValidator {
  /** Where a condition sits: at order level, inside {@code order.items … each}, or either (named rules). */
  enum Scope {
    ORDER,
    ITEM,
    EITHER
  }

  private final @Nullable ValidationRules rules;
  private final List<Violation> violations = new ArrayList<>();

  private ConditionValidator(@Nullable ValidationRules rules) {
    this.rules = rules;
  }

  /**
   * Every problem of {@code condition} at order level, empty when it can be compiled and every named rule
   * it refers to is known to {@code rules}.
   *
   * @param path the condition's own path, such as {@code earning_rules[2].condition}
   */
  public static List<Violation> validate(String path, @Nullable Condition condition, ValidationRules rules) {
    Violation tooBig = ConditionShape.problem(path, condition);
    if (tooBig != null) {
      return List.of(tooBig); // every walk below recurses: it runs on bounded trees only
    }
    ConditionValidator validator = new ConditionValidator(rules);
    validator.check(path, condition, Scope.ORDER);
    return List.copyOf(validator.violations);
  }

  /** The problems that stop compilation, without looking named rules up. */
  static List<Violation> structure(String path, @Nullable Condition condition, Scope scope) {
    Violation tooBig = ConditionShape.problem(path, condition);
    if (tooBig != null) {
      return List.of(tooBig);
    }
    ConditionValidator validator = new ConditionValidator(null);
    validator.check(path, condition, scope);
    return List.copyOf(validator.violations);
  }

  private void check(String path, @Nullable Condition condition, Scope scope) {
    if (condition == null) {
      add(path, "must not be null", null);
    } else if (condition instanceof Condition.All all) {
      list(path + ".conditions", all.conditions(), scope);
    } else if (condition instanceof Condition.Any any) {
      list(path + ".conditions", any.conditions(), scope);
    } else if (condition instanceof Condition.Not not) {
      check(path + ".condition", not.condition(), scope);
    } else if (condition instanceof Condition.Numbered numbered) {
      numbered(path, numbered, scope);
    } else if (condition instanceof Condition.Named named) {
      named(path, named.id());
    } else if (condition instanceof Condition.OrderAmount c) {
      number(path, "order.amount", scope, Scope.ORDER, c.comparison());
    } else if (condition instanceof Condition.OrderTotalAmount c) {
      number(path, "order.total_amount", scope, Scope.ORDER, c.comparison());
    } else if (condition instanceof Condition.OrderItemsCount c) {
      number(path, "order.items.count", scope, Scope.ORDER, c.comparison());
    } else if (condition instanceof Condition.ItemQuantity c) {
      number(path, "order.items.quantity", scope, Scope.ITEM, c.comparison());
    } else if (condition instanceof Condition.ItemPrice c) {
      number(path, "order.items.price", scope, Scope.ITEM, c.comparison());
    } else if (condition instanceof Condition.OrderMetadata c) {
      metadata(path, "order.metadata", scope, Scope.ORDER, c.property(), c.comparison());
    } else if (condition instanceof Condition.CustomerMetadata c) {
      metadata(path, "customer.metadata", scope, Scope.ORDER, c.property(), c.comparison());
    } else if (condition instanceof Condition.EventMetadata c) {
      metadata(path, "custom_event.metadata", scope, Scope.ORDER, c.property(), c.comparison());
    } else if (condition instanceof Condition.ItemMetadata c) {
      metadata(path, "order.items.metadata", scope, Scope.ITEM, c.property(), c.comparison());
    } else if (condition instanceof Condition.InSegment c) {
      scope(path, "customer.segment", scope, Scope.ORDER);
      if (c.anyOf() == null) {
        add(path + ".any_of", "must not be null", null);
      } else if (c.anyOf().isEmpty()) {
        add(path + ".any_of", "must name at least one segment", c.anyOf());
      }
    } else if (condition instanceof Condition.Items c) {
      items(path, c, scope);
    }
  }

  private void list(String path, @Nullable List<Condition> conditions, Scope scope) {
    if (conditions == null) {
      add(path, "must not be null", null);
      return;
    }
    for (int i = 0; i < conditions.size(); i++) {
      check(path + "[" + i + "]", conditions.get(i), scope);
    }
  }

  private void numbered(String path, Condition.Numbered numbered, Scope scope) {
    Map<Integer, Condition> rulesByNumber = numbered.rules();
    if (rulesByNumber == null) {
      add(path + ".rules", "must not be null", null);
      return;
    }
    if (rulesByNumber.isEmpty()) {
      add(path + ".rules", "must have at least one numbered rule", rulesByNumber);
      return;
    }
    for (Map.Entry<Integer, Condition> entry : new TreeMap<>(rulesByNumber).entrySet()) {
      if (entry.getKey() < 1) {
        add(path + ".rules." + entry.getKey(), "rule numbers start at 1", entry.getKey());
      }
      check(path + ".rules." + entry.getKey(), entry.getValue(), scope);
    }
    for (String problem : LogicExpression.problems(numbered.logic(), rulesByNumber.keySet())) {
      add(path + ".logic", problem, numbered.logic());
    }
  }

  private void named(String path, @Nullable ValidationRuleId id) {
    if (id == null) {
      add(path + ".id", "must not be null", null);
    } else if (rules != null) {
      Optional<?> found = rules.find(id);
      if (found == null || found.isEmpty()) {
        add(path + ".id", "validation rule not found", id.value());
      }
    }
  }

  private void items(String path, Condition.Items items, Scope scope) {
    Condition.Quantifier quantifier = items.quantifier();
    String name = quantifier == null ? "order.items" : "order.items." + quantifier.name().toLowerCase(Locale.ROOT);
    scope(path, name, scope, Scope.ORDER);
    if (quantifier == null) {
      add(path + ".quantifier", "must not be null (any, every or none)", null);
    }
    List<ItemTarget> targets = items.targets();
    if (targets == null) {
      add(path + ".targets", "must not be null (empty for every line)", null);
    } else {
      for (int i = 0; i < targets.size(); i++) {
        target(path + ".targets[" + i + "]", targets.get(i));
      }
    }
    if (items.each() != null) {
      check(path + ".each", items.each(), Scope.ITEM);
    }
  }

  private void target(String path, @Nullable ItemTarget target) {
    Object id = null;
    if (target instanceof ItemTarget.Product p) {
      id = p.id();
    } else if (target instanceof ItemTarget.Sku s) {
      id = s.id();
    } else if (target instanceof ItemTarget.Collection c) {
      id = c.id();
    }
    if (target == null) {
      add(path, "must not be null", null);
    } else if (id == null) {
      add(path + ".id", "must not be null", null);
    }
  }

  private void scope(String path, String name, Scope actual, Scope required) {
    if (actual == Scope.EITHER || actual == required) {
      return;
    }
    add(path, required == Scope.ITEM
        ? "is an order line condition (" + name + "), allowed only in order.items each"
        : "is an order-level condition (" + name + "), not allowed in order.items each", name);
  }

  private void number(String path, String name, Scope actual, Scope required, @Nullable Comparison comparison) {
    scope(path, name, actual, required);
    comparison(path + ".comparison", name, comparison, true);
  }

  private void metadata(String path, String name, Scope actual, Scope required, @Nullable String property,
      @Nullable Comparison comparison) {
    scope(path, name, actual, required);
    if (property == null || property.isBlank()) {
      add(path + ".property", "must not be blank", property);
    }
    comparison(path + ".comparison", name, comparison, false);
  }

  private void comparison(String path, String name, @Nullable Comparison comparison, boolean whole) {
    if (comparison == null) {
      add(path, "must not be null", null);
      return;
    }
    Operator operator = comparison.operator();
    List<MetaValue> operands = comparison.operands();
    if (operator == null) {
      add(path + ".operator", "must not be null", null);
    }
    if (operands == null) {
      add(path + ".operands", "must not be null", null);
    }
    if (operator == null || operands == null) {
      return;
    }
    if (operator == Operator.IS_DEFINED) {
      if (!operands.isEmpty()) {
        add(path + ".operands", "$exists takes no operands", operands);
      }
      return;
    }
    if (operator == Operator.IN || operator == Operator.NOT_IN) {
      if (operands.isEmpty()) {
        add(path + ".operands", operator.key() + " takes one or more operands", operands);
      }
    } else if (operands.size() != 1) {
      add(path + ".operands", operator.key() + " takes exactly one operand", operands);
    }
    if (whole && operator.isTextual()) {
      add(path + ".operator", operator.key() + " applies to texts, but " + name + " is a whole number", operator.key());
      return;
    }
    for (int i = 0; i < operands.size(); i++) {
      operand(path + ".operands[" + i + "]", operator, operands.get(i), whole);
    }
  }

  private void operand(String path, Operator operator, @Nullable MetaValue operand, boolean whole) {
    if (operand == null) {
      add(path, "must not be null", null);
    } else if (whole && !wholeNumber(operand)) {
      add(path, "must be a whole number within the 64-bit range", operand);
    } else if (operator.isOrdering() && !(operand instanceof MetaValue.Num)) {
      add(path, operator.key() + " needs a number", operand);
    } else if (operator.isTextual() && !(operand instanceof MetaValue.Text)) {
      add(path, operator.key() + " needs a text", operand);
    }
  }

  private static boolean wholeNumber(MetaValue value) {
    if (!(value instanceof MetaValue.Num number) || number.value().scale() > 0
        || number.value().precision() - number.value().scale() > 19) {
      return false;
    }
    return number.value().toBigInteger().bitLength() <= 63;
  }

  private void add(String path, String message, @Nullable Object value) {
    violations.add(new Violation(path, message, value));
  }
}
