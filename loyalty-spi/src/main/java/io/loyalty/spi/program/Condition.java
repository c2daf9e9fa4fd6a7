package io.loyalty.spi.program;

import io.loyalty.spi.SegmentId;
import io.loyalty.spi.ValidationRuleId;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A typed validation condition, checked before an earning rule adds points: order amounts and item
 * counts, the cart's products and SKUs, order, customer and custom event metadata, customer segments,
 * combined with and/or/not, Voucherify's numbered rules with a logic expression, or a named rule.
 * Amounts are in minor units.
 */
public sealed interface Condition
    permits Condition.All,
        Condition.Any,
        Condition.Not,
        Condition.Numbered,
        Condition.Named,
        Condition.OrderAmount,
        Condition.OrderTotalAmount,
        Condition.OrderItemsCount,
        Condition.OrderMetadata,
        Condition.CustomerMetadata,
        Condition.EventMetadata,
        Condition.InSegment,
        Condition.Items,
        Condition.ItemQuantity,
        Condition.ItemPrice,
        Condition.ItemMetadata {

  /** Every condition holds (true when empty). */
  record All(List<Condition> conditions) implements Condition {
    /** Copies the list. */
    public All {
      conditions = conditions == null ? null : List.copyOf(conditions);
    }
  }

  /** At least one condition holds (false when empty). */
  record Any(List<Condition> conditions) implements Condition {
    /** Copies the list. */
    public Any {
      conditions = conditions == null ? null : List.copyOf(conditions);
    }
  }

  /** The condition does not hold. */
  record Not(Condition condition) implements Condition {}

  /**
   * Voucherify's {@code rules} object: conditions numbered from 1 joined by a {@code logic} expression
   * over the numbers with {@code and}, {@code or} and parentheses (any case), such as
   * {@code "(1 and 2) or 3"}. An empty logic means all of them.
   */
  record Numbered(Map<Integer, Condition> rules, String logic) implements Condition {
    /** Copies the map. */
    public Numbered {
      rules = rules == null ? null : Map.copyOf(rules);
    }
  }

  /** A named validation rule, resolved by id through the host's validation rule port. */
  record Named(ValidationRuleId id) implements Condition {}

  /** {@code order.amount}: the order amount before discounts. */
  record OrderAmount(Comparison comparison) implements Condition {}

  /** {@code order.total_amount}: the order amount after discounts. */
  record OrderTotalAmount(Comparison comparison) implements Condition {}

  /** {@code order.items.count}: the number of order lines. */
  record OrderItemsCount(Comparison comparison) implements Condition {}

  /** {@code order.metadata}: a property of the order's metadata. */
  record OrderMetadata(String property, Comparison comparison) implements Condition {}

  /** {@code customer.metadata}: a property of the customer's metadata. */
  record CustomerMetadata(String property, Comparison comparison) implements Condition {}

  /** {@code custom_event.metadata}: a property of the custom event's metadata. */
  record EventMetadata(String property, Comparison comparison) implements Condition {}

  /** {@code customer.segment}: the customer is in at least one of the segments. */
  record InSegment(Set<SegmentId> anyOf) implements Condition {
    /** Copies the set. */
    public InSegment {
      anyOf = anyOf == null ? null : Set.copyOf(anyOf);
    }
  }

  /**
   * {@code order.items.any|every|none}: the cart lines matching the targets (all lines when empty), each
   * also checked against {@code each} when given (built from {@link ItemQuantity}, {@link ItemPrice},
   * {@link ItemMetadata} and and/or/not). ANY: at least one such line; EVERY: the cart is not empty and
   * every line is such a line; NONE: no such line.
   */
  record Items(Quantifier quantifier, List<ItemTarget> targets, @Nullable Condition each) implements Condition {
    /** Copies the targets. */
    public Items {
      targets = targets == null ? null : List.copyOf(targets);
    }
  }

  /** Within {@link Items}: the line's quantity. */
  record ItemQuantity(Comparison comparison) implements Condition {}

  /** Within {@link Items}: the line's unit price in minor units. */
  record ItemPrice(Comparison comparison) implements Condition {}

  /** Within {@link Items}: a property of the line's metadata. */
  record ItemMetadata(String property, Comparison comparison) implements Condition {}

  /** How {@link Items} counts the matching lines. */
  enum Quantifier {
    ANY,
    EVERY,
    NONE
  }

  /** All of the conditions. */
  static Condition all(Condition... conditions) {
    return new All(List.of(conditions));
  }

  /** Any of the conditions. */
  static Condition any(Condition... conditions) {
    return new Any(List.of(conditions));
  }

  /** Voucherify's numbered form, e.g. {@code numbered("(1 and 2) or 3", c1, c2, c3)}. */
  static Condition numbered(String logic, Condition... conditions) {
    Map<Integer, Condition> map = new java.util.HashMap<>();
    for (int i = 0; i < conditions.length; i++) {
      map.put(i + 1, conditions[i]);
    }
    return new Numbered(map, logic);
  }
}
