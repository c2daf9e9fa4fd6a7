package io.loyalty.json.internal.read;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.loyalty.json.WireInputException.Problem;
import io.loyalty.json.internal.wire.ValidationRuleWire;
import io.loyalty.spi.MetaValue;
import io.loyalty.spi.SegmentId;
import io.loyalty.spi.ValidationRuleId;
import io.loyalty.spi.program.Comparison;
import io.loyalty.spi.program.Condition;
import io.loyalty.spi.program.ItemTarget;
import io.loyalty.spi.program.Operator;
import io.loyalty.spi.program.ValidationRule;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Reads a v1 validation rule into the engine's {@link ValidationRule}: numbered rules joined by {@code logic}, each a
 * rule name, an optional {@code property} and {@code conditions} ({@code {"$op": [values]}}, several meaning all).
 * The names the engine represents: {@code customer.segment}, {@code customer.metadata}, {@code order.metadata},
 * {@code custom_event.metadata}, {@code order.amount}, {@code order.total_amount}, {@code order.items.count},
 * {@code product.id} and {@code sku.id}; any other name, nested {@code rules} and {@code applicable_to} are
 * {@code NOT_SUPPORTED}, naming the field.
 */
public final class ValidationRuleReader {
  private static final int MAX_RULES = 50;
  private static final int MAX_VALUES = 100;
  private static final Set<String> WITH_PROPERTY = Set.of("customer.metadata", "order.metadata", "custom_event.metadata");
  private static final Set<String> NAMES = Set.of("customer.segment", "customer.metadata", "order.metadata",
      "custom_event.metadata", "order.amount", "order.total_amount", "order.items.count", "product.id", "sku.id");

  private ValidationRuleReader() {}

  /** The rule with the host's id. */
  public static ValidationRule read(ValidationRuleWire w, ValidationRuleId id) {
    Problems p = new Problems();
    String name = p.text("name", w.name(), 255);
    if (w.applicableTo() != null && !w.applicableTo().isNull() && !isEmpty(w.applicableTo())) {
      p.add(Problem.NOT_SUPPORTED, "applicable_to", "is not supported by this engine's validation rules", null);
    }
    ObjectNode rules = p.required("rules", w.rules());
    Condition condition = rules == null ? null : numbered(p, "rules", rules);
    String message = w.error() == null ? null : w.error().message();
    if (message != null) {
      p.text("error.message", message, 1_000);
    }
    p.done();
    return new ValidationRule(id, p.must(name), p.must(condition), message);
  }

  /**
   * Numbered rules joined by {@code logic} ({@code {"logic": "1 and 2", "1": {…}, "2": {…}}}) as one condition, each
   * offending field recorded under {@code at}; null when any rule offended. Shared with the v2 earning rules'
   * {@code earnings[i].rules}.
   */
  public static @Nullable Condition numbered(Problems p, String at, ObjectNode rules) {
    int before = p.count();
    Map<Integer, Condition> numbered = new HashMap<>();
    String logic = "";
    for (Iterator<Map.Entry<String, JsonNode>> it = rules.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      String key = e.getKey();
      String ruleAt = at + "." + key;
      if (key.equals("logic")) {
        logic = e.getValue().isTextual() ? e.getValue().asText() : "";
        if (!e.getValue().isTextual()) {
          p.add(Problem.WRONG_TYPE, ruleAt, "must be a text such as \"(1 and 2) or 3\"", null);
        }
        continue;
      }
      int number;
      try {
        number = Integer.parseInt(key);
      } catch (NumberFormatException ex) {
        p.add(Problem.UNKNOWN_FIELD, ruleAt, "must be a rule number (1, 2, …) or logic", null);
        continue;
      }
      if (number < 1 || number > MAX_RULES) {
        p.add(Problem.OUT_OF_RANGE, ruleAt, "rule numbers must be from 1 to " + MAX_RULES, number);
        continue;
      }
      Condition c = rule(p, ruleAt, e.getValue());
      if (c != null) {
        numbered.put(number, c);
      }
    }
    if (numbered.isEmpty() && p.count() == before) {
      p.add(Problem.MISSING_VALUE, at + ".1", "at least one rule is required", null);
    }
    if (p.count() != before) {
      return null;
    }
    String finalLogic = logic;
    return p.engine(at + ".logic", () -> new Condition.Numbered(numbered, finalLogic));
  }

  private static @Nullable Condition rule(Problems p, String at, JsonNode node) {
    if (!(node instanceof ObjectNode rule)) {
      p.add(Problem.WRONG_TYPE, at, "must be an object", null);
      return null;
    }
    for (Iterator<String> it = rule.fieldNames(); it.hasNext(); ) {
      String field = it.next();
      if (!Set.of("name", "property", "conditions", "rules", "error", "schema_id").contains(field)) {
        p.add(Problem.UNKNOWN_FIELD, at + "." + field, "is not a field of a validation rule", null);
      }
    }
    if (rule.has("rules") && !isEmpty(rule.get("rules"))) {
      p.add(Problem.NOT_SUPPORTED, at + ".rules", "nested rules are not supported yet", null);
    }
    String name = rule.path("name").isTextual() ? rule.get("name").asText() : null;
    if (name == null) {
      p.add(Problem.MISSING_VALUE, at + ".name", "is required, such as customer.segment", null);
      return null;
    }
    if (!NAMES.contains(name)) {
      p.add(Problem.NOT_SUPPORTED, at + ".name", "is not a rule this engine represents; supported: "
          + String.join(", ", new java.util.TreeSet<>(NAMES)), name);
      return null;
    }
    String property = rule.path("property").isTextual() ? rule.get("property").asText() : null;
    if (WITH_PROPERTY.contains(name) && property == null) {
      p.add(Problem.MISSING_VALUE, at + ".property", "is required for " + name, null);
      return null;
    }
    JsonNode conditions = rule.get("conditions");
    if (!(conditions instanceof ObjectNode ops) || ops.isEmpty()) {
      p.add(Problem.MISSING_VALUE, at + ".conditions", "is required, such as {\"$is\": [\"seg_1\"]}", null);
      return null;
    }
    List<Condition> all = new ArrayList<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = ops.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      String opAt = at + ".conditions." + e.getKey();
      Operator op = operator(p, opAt, e.getKey());
      List<MetaValue> values = values(p, opAt, e.getValue());
      if (op == null || values == null) {
        continue;
      }
      Condition c = condition(p, opAt, name, property, op, values);
      if (c != null) {
        all.add(c);
      }
    }
    return all.size() == 1 ? all.get(0) : all.isEmpty() ? null : new Condition.All(all);
  }

  private static @Nullable Condition condition(Problems p, String at, String name, @Nullable String property,
      Operator op, List<MetaValue> values) {
    Comparison comparison = p.engine(at, () -> new Comparison(op, values));
    if (comparison == null) {
      return null;
    }
    switch (name) {
      case "customer.metadata":
        return new Condition.CustomerMetadata(p.must(property), comparison);
      case "order.metadata":
        return new Condition.OrderMetadata(p.must(property), comparison);
      case "custom_event.metadata":
        return new Condition.EventMetadata(p.must(property), comparison);
      case "order.amount":
        return new Condition.OrderAmount(comparison);
      case "order.total_amount":
        return new Condition.OrderTotalAmount(comparison);
      case "order.items.count":
        return new Condition.OrderItemsCount(comparison);
      default:
        break;
    }
    boolean negated = op == Operator.IS_NOT || op == Operator.NOT_IN;
    if (op != Operator.IS && op != Operator.IN && !negated) {
      p.add(Problem.NOT_SUPPORTED, at, name + " takes $is, $in, $is_not or $not_in", null);
      return null;
    }
    List<String> ids = new ArrayList<>();
    for (MetaValue v : values) {
      if (!(v instanceof MetaValue.Text t)) {
        p.add(Problem.WRONG_TYPE, at, "must list ids as texts", null);
        return null;
      }
      ids.add(t.value());
    }
    if (name.equals("customer.segment")) {
      Set<SegmentId> segments = new LinkedHashSet<>();
      for (String id : ids) {
        SegmentId s = p.engine(at, () -> SegmentId.of(id));
        if (s != null) {
          segments.add(s);
        }
      }
      Condition in = p.engine(at, () -> new Condition.InSegment(segments));
      return in == null ? null : negated ? new Condition.Not(in) : in;
    }
    List<ItemTarget> targets = new ArrayList<>();
    for (String id : ids) {
      ItemTarget t = p.engine(at, () -> name.equals("product.id") ? ItemTarget.product(id) : ItemTarget.sku(id));
      if (t != null) {
        targets.add(t);
      }
    }
    return p.engine(at, () -> new Condition.Items(negated ? Condition.Quantifier.NONE : Condition.Quantifier.ANY,
        targets, null));
  }

  private static @Nullable Operator operator(Problems p, String at, String key) {
    String canonical = key.equals("$greater_than_or_equal") ? "$more_than_or_equal" : key;
    for (Operator op : Operator.values()) {
      if (op.key().equals(canonical)) {
        return op;
      }
    }
    p.add(Problem.NOT_SUPPORTED, at, "is not an operator this engine represents", null);
    return null;
  }

  private static @Nullable List<MetaValue> values(Problems p, String at, JsonNode node) {
    List<JsonNode> items = new ArrayList<>();
    if (node.isArray()) {
      node.forEach(items::add);
    } else {
      items.add(node);
    }
    if (items.size() > MAX_VALUES) {
      p.add(Problem.LIMIT_EXCEEDED, at, "must list at most " + MAX_VALUES + " values", items.size());
      return null;
    }
    List<MetaValue> out = new ArrayList<>();
    for (JsonNode v : items) {
      if (v.isNumber()) {
        MetaValue n = p.engine(at, () -> new MetaValue.Num(v.decimalValue()));
        if (n == null) {
          return null;
        }
        out.add(n);
      } else if (v.isTextual()) {
        out.add(new MetaValue.Text(v.textValue()));
      } else if (v.isBoolean()) {
        out.add(new MetaValue.Flag(v.booleanValue()));
      } else {
        p.add(Problem.WRONG_TYPE, at, "values must be numbers, texts or flags", null);
        return null;
      }
    }
    return out;
  }

  private static boolean isEmpty(JsonNode node) {
    return node.isNull() || node.isContainerNode() && node.isEmpty()
        || node.isObject() && node.path("included").isEmpty() && node.path("excluded").isEmpty()
            && !node.path("included_all").asBoolean(false);
  }
}
