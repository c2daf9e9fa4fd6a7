package io.loyalty.json.internal.v2;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.loyalty.spi.MetaValue;
import io.loyalty.spi.SegmentId;
import io.loyalty.spi.program.Comparison;
import io.loyalty.spi.program.Condition;
import io.loyalty.spi.program.ItemTarget;
import java.util.Map;
import java.util.TreeMap;

/**
 * Writes the conditions the validation rule reader makes back as Voucherify's numbered rules
 * ({@code {"logic": "1 and 2", "1": {name, property, conditions}}}), so a v2 earning's {@code rules} read back equal.
 */
final class ConditionV2 {
  private ConditionV2() {}

  static ObjectNode write(Condition condition) {
    ObjectNode out = CardDefinitionV2.F.objectNode();
    if (condition instanceof Condition.Numbered n) {
      out.put("logic", n.logic());
      for (Map.Entry<Integer, Condition> e : new TreeMap<>(n.rules()).entrySet()) {
        out.set(String.valueOf(e.getKey()), rule(e.getValue()));
      }
    } else {
      out.put("logic", "1");
      out.set("1", rule(condition));
    }
    return out;
  }

  private static ObjectNode rule(Condition c) {
    ObjectNode r = CardDefinitionV2.F.objectNode();
    ObjectNode conditions = CardDefinitionV2.F.objectNode();
    if (c instanceof Condition.All all) {
      for (Condition part : all.conditions()) {
        fill(part, r, conditions);
      }
    } else {
      fill(c, r, conditions);
    }
    r.set("conditions", conditions);
    return r;
  }

  private static void fill(Condition c, ObjectNode r, ObjectNode conditions) {
    if (c instanceof Condition.CustomerMetadata m) {
      named(r, "customer.metadata", m.property());
      compare(conditions, m.comparison());
    } else if (c instanceof Condition.OrderMetadata m) {
      named(r, "order.metadata", m.property());
      compare(conditions, m.comparison());
    } else if (c instanceof Condition.EventMetadata m) {
      named(r, "custom_event.metadata", m.property());
      compare(conditions, m.comparison());
    } else if (c instanceof Condition.OrderAmount m) {
      named(r, "order.amount", null);
      compare(conditions, m.comparison());
    } else if (c instanceof Condition.OrderTotalAmount m) {
      named(r, "order.total_amount", null);
      compare(conditions, m.comparison());
    } else if (c instanceof Condition.OrderItemsCount m) {
      named(r, "order.items.count", null);
      compare(conditions, m.comparison());
    } else if (c instanceof Condition.InSegment s) {
      named(r, "customer.segment", null);
      ids(conditions.putArray("$in"), s);
    } else if (c instanceof Condition.Not not && not.condition() instanceof Condition.InSegment s) {
      named(r, "customer.segment", null);
      ids(conditions.putArray("$not_in"), s);
    } else if (c instanceof Condition.Items items) {
      boolean sku = !items.targets().isEmpty() && items.targets().get(0) instanceof ItemTarget.Sku;
      named(r, sku ? "sku.id" : "product.id", null);
      ArrayNode a = conditions.putArray(items.quantifier() == Condition.Quantifier.NONE ? "$not_in" : "$in");
      for (ItemTarget t : items.targets()) {
        a.add(t instanceof ItemTarget.Sku s ? s.id().value()
            : t instanceof ItemTarget.Product p ? p.id().value() : ((ItemTarget.Collection) t).id().value());
      }
    } else {
      throw new IllegalArgumentException("a condition the v2 wire cannot write: " + c.getClass().getSimpleName());
    }
  }

  private static void ids(ArrayNode a, Condition.InSegment s) {
    for (SegmentId id : s.anyOf()) {
      a.add(id.value());
    }
  }

  private static void named(ObjectNode r, String name, @org.jspecify.annotations.Nullable String property) {
    r.put("name", name);
    if (property == null) {
      r.putNull("property");
    } else {
      r.put("property", property);
    }
  }

  private static void compare(ObjectNode conditions, Comparison c) {
    ArrayNode a = conditions.putArray(c.operator().key());
    for (MetaValue v : c.operands()) {
      if (v instanceof MetaValue.Num n) {
        a.add(n.value());
      } else if (v instanceof MetaValue.Text t) {
        a.add(t.value());
      } else if (v instanceof MetaValue.Flag f) {
        a.add(f.value());
      }
    }
  }
}
