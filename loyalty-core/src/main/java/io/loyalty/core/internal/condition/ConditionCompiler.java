package io.loyalty.core.internal.condition;

import io.loyalty.core.internal.condition.CompiledCondition.Failure;
import io.loyalty.core.internal.condition.CompiledCondition.Kind;
import io.loyalty.core.internal.condition.ConditionValidator.Scope;
import io.loyalty.core.internal.condition.Leaves.MetaNode;
import io.loyalty.core.internal.condition.Leaves.MetaSource;
import io.loyalty.core.internal.condition.Leaves.NumberNode;
import io.loyalty.core.internal.condition.Leaves.NumberSubject;
import io.loyalty.core.internal.eval.ItemMatcher;
import io.loyalty.spi.InvalidInputException;
import io.loyalty.spi.ValidationRuleId;
import io.loyalty.spi.Violation;
import io.loyalty.spi.program.Condition;
import io.loyalty.spi.program.ItemTarget;
import io.loyalty.spi.program.ValidationRule;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/**
 * Compiles {@link Condition}s into {@link CompiledCondition}s. Named rules ({@link Condition.Named}) are
 * resolved through the evaluation's host answers ({@code EvaluationContext.answers()}), so changes to them apply at
 * once; their compiled bodies are cached per {@link ValidationRule} value in this instance (at most
 * {@value #MAX_CACHED_RULES}, the cache is emptied when full). Thread-safe.
 */
public final class ConditionCompiler {
  static final int MAX_CACHED_RULES = 1024;
  /** How deep named rules are followed into each other's bodies; a rule named deeper is not looked up. */
  public static final int MAX_NAMED_DEPTH = Node.MAX_DEPTH;

  private final ConcurrentHashMap<ValidationRule, Node> named = new ConcurrentHashMap<>();

  /** A compiler; named rules and collections are answered at evaluation time, by the context's answers. */
  public ConditionCompiler() {}

  /**
   * Compiles the condition once. Named rules are not looked up here: a missing one makes evaluation
   * {@linkplain Kind#RULE_NOT_FOUND undetermined}.
   *
   * @throws InvalidInputException when the condition is malformed (see {@link ConditionValidator}), with
   *     paths starting at {@code condition}
   */
  public CompiledCondition compile(Condition condition) {
    List<Violation> violations = ConditionValidator.structure("condition", condition, Scope.ORDER);
    if (!violations.isEmpty()) {
      throw new InvalidInputException(violations);
    }
    return new CompiledCondition(node(condition));
  }

  /** The compiled body of a named rule, from the cache when this rule value was compiled before. */
  Node body(ValidationRuleId id, ValidationRule rule) {
    Node cached = named.get(rule);
    if (cached != null) {
      return cached;
    }
    Node compiled = compileBody(id, rule);
    if (named.size() >= MAX_CACHED_RULES) {
      named.clear();
    }
    Node previous = named.putIfAbsent(rule, compiled);
    return previous == null ? compiled : previous;
  }

  /** How many named rule bodies are cached (for tests). */
  int cachedRules() {
    return named.size();
  }

  private Node compileBody(ValidationRuleId id, ValidationRule rule) {
    List<Violation> violations = ConditionValidator.structure("condition", rule.condition(), Scope.EITHER);
    if (!violations.isEmpty()) {
      return new NamedNode.Broken(new Failure(Kind.RULE_INVALID, "validation rule " + id + " is invalid: "
          + violations.get(0)));
    }
    return node(rule.condition());
  }

  private Node node(Condition condition) {
    if (condition instanceof Condition.All all) {
      List<Node> parts = nodes(all.conditions());
      return parts.size() == 1 ? parts.get(0) : new Junctions.AllNode(parts, "all of " + describe(parts));
    }
    if (condition instanceof Condition.Any any) {
      List<Node> parts = nodes(any.conditions());
      return parts.size() == 1 ? parts.get(0) : new Junctions.AnyNode(parts, false, "any of " + describe(parts));
    }
    if (condition instanceof Condition.Not not) {
      return new Junctions.NotNode(node(not.condition()));
    }
    if (condition instanceof Condition.Numbered numbered) {
      return numbered(numbered);
    }
    if (condition instanceof Condition.Named n) {
      return new NamedNode(n.id(), this);
    }
    if (condition instanceof Condition.OrderAmount c) {
      return new NumberNode(NumberSubject.ORDER_AMOUNT, new LongComparison(c.comparison()));
    }
    if (condition instanceof Condition.OrderTotalAmount c) {
      return new NumberNode(NumberSubject.ORDER_TOTAL_AMOUNT, new LongComparison(c.comparison()));
    }
    if (condition instanceof Condition.OrderItemsCount c) {
      return new NumberNode(NumberSubject.ORDER_ITEMS_COUNT, new LongComparison(c.comparison()));
    }
    if (condition instanceof Condition.ItemQuantity c) {
      return new NumberNode(NumberSubject.ITEM_QUANTITY, new LongComparison(c.comparison()));
    }
    if (condition instanceof Condition.ItemPrice c) {
      return new NumberNode(NumberSubject.ITEM_PRICE, new LongComparison(c.comparison()));
    }
    if (condition instanceof Condition.OrderMetadata c) {
      return new MetaNode(MetaSource.ORDER, c.property(), new MetaComparison(c.comparison()));
    }
    if (condition instanceof Condition.CustomerMetadata c) {
      return new MetaNode(MetaSource.CUSTOMER, c.property(), new MetaComparison(c.comparison()));
    }
    if (condition instanceof Condition.EventMetadata c) {
      return new MetaNode(MetaSource.EVENT, c.property(), new MetaComparison(c.comparison()));
    }
    if (condition instanceof Condition.ItemMetadata c) {
      return new MetaNode(MetaSource.ITEM, c.property(), new MetaComparison(c.comparison()));
    }
    if (condition instanceof Condition.InSegment c) {
      return new Leaves.SegmentNode(c.anyOf());
    }
    if (condition instanceof Condition.Items c) {
      Condition each = c.each();
      return new ItemsNode(c.quantifier(), ItemMatcher.of(c.targets()), targets(c.targets()),
          each == null ? null : node(each));
    }
    throw new IllegalStateException("unknown condition " + condition.getClass().getName());
  }

  private List<Node> nodes(List<Condition> conditions) {
    List<Node> parts = new ArrayList<>(conditions.size());
    for (Condition part : conditions) {
      parts.add(node(part));
    }
    return parts;
  }

  private Node numbered(Condition.Numbered numbered) {
    LogicExpression logic = LogicExpression.parse(numbered.logic(), numbered.rules().keySet());
    String written = numbered.logic();
    String text = written == null || written.isBlank() ? logic.toString() : written.strip();
    Map<Integer, Node> rulesByNumber = new HashMap<>();
    for (Map.Entry<Integer, Condition> rule : numbered.rules().entrySet()) {
      rulesByNumber.put(rule.getKey(), new Junctions.RuleNode(rule.getKey(), text, node(rule.getValue())));
    }
    return new Junctions.NumberedNode(logicNode(logic, rulesByNumber), text);
  }

  private static Node logicNode(LogicExpression logic, Map<Integer, Node> rulesByNumber) {
    if (logic instanceof LogicExpression.Rule rule) {
      return Objects.requireNonNull(rulesByNumber.get(rule.number()), "the logic names only defined rules (validated)");
    }
    List<LogicExpression> operands =
        logic instanceof LogicExpression.And and ? and.operands() : ((LogicExpression.Or) logic).operands();
    List<Node> parts = new ArrayList<>(operands.size());
    for (LogicExpression operand : operands) {
      parts.add(logicNode(operand, rulesByNumber));
    }
    return logic instanceof LogicExpression.And
        ? new Junctions.AllNode(parts, logic.toString())
        : new Junctions.AnyNode(parts, true, logic.toString());
  }

  private static String describe(List<Node> parts) {
    StringBuilder text = new StringBuilder("[");
    for (Node part : parts) {
      text.append(text.length() == 1 ? "" : ", ").append(part.describe());
    }
    return text.append(']').toString();
  }

  private static String targets(List<ItemTarget> targets) {
    if (targets.isEmpty()) {
      return "";
    }
    StringBuilder text = new StringBuilder("(");
    for (ItemTarget target : targets) {
      String id = target instanceof ItemTarget.Product p ? p.id().toString()
          : target instanceof ItemTarget.Sku s ? s.id().toString()
          : ((ItemTarget.Collection) target).id().toString();
      text.append(text.length() == 1 ? "" : ", ").append(target.objectType()).append(' ').append(id);
    }
    return text.append(')').toString();
  }
}
