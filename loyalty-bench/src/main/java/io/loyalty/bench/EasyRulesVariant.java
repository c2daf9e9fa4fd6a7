package io.loyalty.bench;

import io.loyalty.spi.ProductId;
import io.loyalty.spi.SkuId;
import io.loyalty.spi.event.Customer;
import io.loyalty.spi.event.Order;
import io.loyalty.spi.event.OrderItem;
import java.util.List;
import java.util.function.Predicate;
import java.util.function.ToLongFunction;
import org.jeasy.rules.api.Facts;
import org.jeasy.rules.api.Rule;
import org.jeasy.rules.api.Rules;
import org.jeasy.rules.api.RulesEngine;
import org.jeasy.rules.core.DefaultRulesEngine;
import org.jeasy.rules.core.RuleBuilder;

/**
 * The 12 rules of {@link Workload} as Easy Rules 4.1.0 rules written in plain Java (a condition and an
 * action per rule over the facts {@code order}, {@code customer} and {@code tally}), fired by the
 * {@link DefaultRulesEngine}. The rules and engine are built once; each order gets its own facts.
 */
public final class EasyRulesVariant {
  private static final ProductId PHONE = ProductId.of("prod_phone");
  private static final SkuId BLACK = SkuId.of("sku_black");

  private final Rules rules;
  private final RulesEngine engine = new DefaultRulesEngine();

  /** Builds the rules. */
  public EasyRulesVariant() {
    this.rules = new Rules(
        rule(0, f -> true, f -> tally(f).add(0, 5, 0)),
        rule(1, f -> true, f -> tally(f).add(1, HandWritten.steps(order(f).amount(), 100, 1), 0)),
        rule(2, f -> true, f -> tally(f).add(2, HandWritten.steps(order(f).totalAmount(), 100, 1), 0)),
        rule(3, f -> order(f).metadata().number("store_visits").isPresent(),
            f -> tally(f).add(3, HandWritten.metadataSteps(order(f).metadata(), "store_visits", 2, 1), 0)),
        itemRule(4, line -> PHONE.equals(line.product()), OrderItem::amount, 1_000, 2),
        itemRule(5, HandWritten::isAccessory, OrderItem::subtotalAmount, 100, 2),
        itemRule(6, line -> BLACK.equals(line.sku()), OrderItem::quantity, 1, 10),
        rule(7, f -> customer(f).metadata().number("ltv").isPresent(),
            f -> tally(f).add(7, HandWritten.metadataSteps(customer(f).metadata(), "ltv", 1, 1), 0)),
        rule(8, f -> order(f).amount() >= 10_000, f -> tally(f).add(8, 50, 0)),
        rule(9, f -> true, f -> tally(f).add(9, HandWritten.steps(order(f).amount(), 1_000, 3), 0)),
        rule(10, f -> true, f -> tally(f).add(10,
            Math.floorDiv(Math.addExact(Math.multiplyExact(order(f).totalAmount(), 14), 1_000), 2_000), 0)),
        itemRule(11, HandWritten::isAccessory, OrderItem::quantity, 2, 1));
  }

  /** What the order earns, rule by rule: one fresh set of facts, one firing of every rule. */
  public Tally earn(Order order, Customer customer) {
    Tally tally = new Tally();
    Facts facts = new Facts();
    facts.put("order", order);
    facts.put("customer", customer);
    facts.put("tally", tally);
    engine.fire(rules, facts);
    return tally;
  }

  private static Rule rule(int index, org.jeasy.rules.api.Condition when, org.jeasy.rules.api.Action then) {
    // the priority keeps the program's rule order (Easy Rules sorts by priority, then name)
    return new RuleBuilder().name(Workload.RULE_IDS.get(index)).priority(index).when(when).then(then).build();
  }

  /** A rule over the lines that match: fires when one does, sums their measure and earns whole steps. */
  private static Rule itemRule(int index, Predicate<OrderItem> matches, ToLongFunction<OrderItem> measure, long every,
      long points) {
    return rule(index,
        f -> order(f).items().stream().anyMatch(matches),
        f -> {
          List<OrderItem> items = order(f).items();
          long sum = 0;
          int mask = 0;
          for (int i = 0; i < items.size(); i++) {
            if (matches.test(items.get(i))) {
              sum = Math.addExact(sum, measure.applyAsLong(items.get(i)));
              mask |= 1 << i;
            }
          }
          tally(f).add(index, HandWritten.steps(sum, every, points), mask);
        });
  }

  private static Order order(Facts facts) {
    return facts.get("order");
  }

  private static Customer customer(Facts facts) {
    return facts.get("customer");
  }

  private static Tally tally(Facts facts) {
    return facts.get("tally");
  }
}
