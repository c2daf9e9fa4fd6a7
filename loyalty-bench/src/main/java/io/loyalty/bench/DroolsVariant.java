package io.loyalty.bench;

import static org.drools.model.DSL.accFunction;
import static org.drools.model.DSL.accumulate;
import static org.drools.model.DSL.declarationOf;
import static org.drools.model.DSL.globalOf;
import static org.drools.model.DSL.on;
import static org.drools.model.PatternDSL.pattern;
import static org.drools.model.PatternDSL.rule;

import io.loyalty.spi.MetaValue;
import io.loyalty.spi.ProductId;
import io.loyalty.spi.SkuId;
import io.loyalty.spi.event.Customer;
import io.loyalty.spi.event.Order;
import io.loyalty.spi.event.OrderItem;
import java.util.List;
import java.util.function.Predicate;
import java.util.function.ToLongFunction;
import org.drools.core.base.accumulators.CollectListAccumulateFunction;
import org.drools.model.Global;
import org.drools.model.Rule;
import org.drools.model.Variable;
import org.drools.model.impl.ModelImpl;
import org.drools.modelcompiler.KieBaseBuilder;
import org.kie.api.KieBase;
import org.kie.api.runtime.KieSession;

/**
 * The 12 rules of {@link Workload} in Drools 10.2.0's executable model, written with its Java DSL (no DRL
 * to parse, no code to generate): the order, the customer and each order line are facts, item rules
 * accumulate the matching lines, and every consequence writes to the {@code tally} global. The KieBase is
 * built once; each order gets a new {@link KieSession}, disposed after firing.
 */
public final class DroolsVariant {
  private static final String PKG = "io.loyalty.bench.drools";
  private static final ProductId PHONE = ProductId.of("prod_phone");
  private static final SkuId BLACK = SkuId.of("sku_black");

  private final KieBase kieBase;

  /** An order line as a fact: its index in the order and the line. */
  public record Line(int index, OrderItem item) {}

  /** Builds the KieBase from the model (the expensive part, once). */
  public DroolsVariant() {
    Variable<Order> order = declarationOf(Order.class);
    Variable<Customer> customer = declarationOf(Customer.class);
    Global<Tally> tally = globalOf(Tally.class, PKG, "tally");
    ModelImpl model = new ModelImpl().addGlobal(tally);
    model.addRule(rule(PKG, Workload.RULE_IDS.get(0)).build(
        pattern(order),
        on(order, tally).execute((o, t) -> t.add(0, 5, 0))));
    model.addRule(rule(PKG, Workload.RULE_IDS.get(1)).build(
        pattern(order),
        on(order, tally).execute((o, t) -> t.add(1, HandWritten.steps(o.amount(), 100, 1), 0))));
    model.addRule(rule(PKG, Workload.RULE_IDS.get(2)).build(
        pattern(order),
        on(order, tally).execute((o, t) -> t.add(2, HandWritten.steps(o.totalAmount(), 100, 1), 0))));
    model.addRule(rule(PKG, Workload.RULE_IDS.get(3)).build(
        pattern(order).expr("hasStoreVisits", o -> o.metadata().get("store_visits") instanceof MetaValue.Num),
        on(order, tally).execute((o, t) -> t.add(3, HandWritten.metadataSteps(o.metadata(), "store_visits", 2, 1), 0))));
    model.addRule(itemRule(4, "phoneLine", line -> PHONE.equals(line.product()), OrderItem::amount, 1_000, 2, tally));
    model.addRule(itemRule(5, "accessoryLine", HandWritten::isAccessory, OrderItem::subtotalAmount, 100, 2, tally));
    model.addRule(itemRule(6, "blackLine", line -> BLACK.equals(line.sku()), OrderItem::quantity, 1, 10, tally));
    model.addRule(rule(PKG, Workload.RULE_IDS.get(7)).build(
        pattern(customer).expr("hasLtv", c -> c.metadata().get("ltv") instanceof MetaValue.Num),
        on(customer, tally).execute((c, t) -> t.add(7, HandWritten.metadataSteps(c.metadata(), "ltv", 1, 1), 0))));
    model.addRule(rule(PKG, Workload.RULE_IDS.get(8)).build(
        pattern(order).expr("amountAtLeast10000", o -> o.amount() >= 10_000),
        on(order, tally).execute((o, t) -> t.add(8, 50, 0))));
    model.addRule(rule(PKG, Workload.RULE_IDS.get(9)).build(
        pattern(order),
        on(order, tally).execute((o, t) -> t.add(9, HandWritten.steps(o.amount(), 1_000, 3), 0))));
    model.addRule(rule(PKG, Workload.RULE_IDS.get(10)).build(
        pattern(order),
        on(order, tally).execute((o, t) -> t.add(10,
            Math.floorDiv(Math.addExact(Math.multiplyExact(o.totalAmount(), 14), 1_000), 2_000), 0))));
    // a different constraint id from rule 6's: same predicate, but ids must name distinct constraints
    model.addRule(itemRule(11, "accessoryLineQty", HandWritten::isAccessory, OrderItem::quantity, 2, 1, tally));
    this.kieBase = KieBaseBuilder.createKieBaseFromModel(model);
  }

  /** What the order earns, rule by rule: a new session with the order's facts, fired once and disposed. */
  public Tally earn(Order order, Customer customer) {
    Tally tally = new Tally();
    KieSession session = kieBase.newKieSession();
    try {
      session.setGlobal("tally", tally);
      session.insert(order);
      session.insert(customer);
      List<OrderItem> items = order.items();
      for (int i = 0; i < items.size(); i++) {
        session.insert(new Line(i, items.get(i)));
      }
      session.fireAllRules();
    } finally {
      session.dispose();
    }
    return tally;
  }

  @SuppressWarnings({"rawtypes", "unchecked"})
  private static Rule itemRule(int index, String constraint, Predicate<OrderItem> matches, ToLongFunction<OrderItem> measure,
      long every, long points, Global<Tally> tally) {
    Variable<Line> line = declarationOf(Line.class);
    Variable<List> matched = declarationOf(List.class);
    return rule(PKG, Workload.RULE_IDS.get(index)).build(
        accumulate(pattern(line).expr(constraint, l -> matches.test(l.item())),
            accFunction(CollectListAccumulateFunction::new, line).as(matched)),
        on(matched, tally).execute((lines, t) -> {
          long sum = 0;
          int mask = 0;
          for (Object o : (List<Object>) lines) {
            Line l = (Line) o;
            sum = Math.addExact(sum, measure.applyAsLong(l.item()));
            mask |= 1 << l.index();
          }
          if (mask != 0) {
            t.add(index, HandWritten.steps(sum, every, points), mask);
          }
        }));
  }
}
