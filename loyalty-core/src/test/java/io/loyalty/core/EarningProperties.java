package io.loyalty.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.longs;

import io.loyalty.spi.CollectionId;
import io.loyalty.spi.LoyaltyException;
import io.loyalty.spi.Metadata;
import io.loyalty.spi.RuleId;
import io.loyalty.spi.card.Card;
import io.loyalty.spi.card.LedgerEntry;
import io.loyalty.spi.card.Lot;
import io.loyalty.spi.earning.Accrual;
import io.loyalty.spi.earning.EventOutcome;
import io.loyalty.spi.event.Customer;
import io.loyalty.spi.event.Order;
import io.loyalty.spi.event.OrderItem;
import io.loyalty.spi.event.OrderPaid;
import io.loyalty.spi.host.ProductCollections;
import io.loyalty.spi.program.EarningRule;
import io.loyalty.spi.program.ItemTarget;
import io.loyalty.spi.program.Measure;
import io.loyalty.spi.program.PointsFormula;
import io.loyalty.spi.program.PointsFormula.StepRounding;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/**
 * Invariants of earning over random programs, orders and histories (QuickTheories; a failure prints the
 * seed, and {@code -DQT_SEED=...} is not needed: each property below uses a fixed seed so CI is repeatable).
 */
class EarningProperties {
  static final CollectionId ACC = CollectionId.of("pc_acc");
  static final List<String> PRODUCTS = List.of("p1", "p2", "p3", "p4");

  /** A random earning rule: one of every calculation kind, with random steps and points. */
  static Gen<EarningRule> rules() {
    return integers().between(0, 8).zip(integers().between(1, 5_000), integers().between(1, 50), integers().between(0, 2),
        (kind, every, points, rounding) -> {
          StepRounding mode = StepRounding.values()[rounding];
          PointsFormula formula = switch (kind) {
            case 0 -> PointsFormula.fixed(points);
            case 1 -> PointsFormula.proportional(new Measure.OrderAmount(), every, points).withRounding(mode);
            case 2 -> PointsFormula.proportional(new Measure.OrderTotalAmount(), every, points).withRounding(mode);
            case 3 -> PointsFormula.proportional(new Measure.OrderMetadata("visits"), 1 + every % 5, points).withRounding(mode);
            case 4 -> PointsFormula.proportional(new Measure.OrderItems(Measure.ItemMeasure.QUANTITY,
                List.of(ItemTarget.sku("s" + every % 3))), 1 + every % 3, points);
            case 5 -> PointsFormula.proportional(new Measure.OrderItems(Measure.ItemMeasure.AMOUNT,
                List.of(ItemTarget.product(PRODUCTS.get(every % 4)), ItemTarget.collection(ACC.value()))), every, points);
            case 6 -> PointsFormula.proportional(new Measure.OrderItems(Measure.ItemMeasure.SUBTOTAL_AMOUNT,
                List.of(ItemTarget.collection(ACC.value()))), every, points).withRounding(mode);
            case 7 -> PointsFormula.proportional(new Measure.CustomerMetadata("ltv"), 1 + every % 7, points);
            default -> PointsFormula.proportional(new Measure.OrderAmount(), every, points);
          };
          return EarningRule.builder(RuleId.of("r" + kind + "_" + every + "_" + points + "_" + rounding),
              io.loyalty.spi.program.Trigger.ORDER_PAID, formula).build();
        });
  }

  static Gen<List<EarningRule>> ruleSets() {
    return lists().of(rules()).ofSizeBetween(1, 8).map(EarningProperties::distinctIds);
  }

  static List<EarningRule> distinctIds(List<EarningRule> rules) {
    List<EarningRule> out = new ArrayList<>();
    for (int i = 0; i < rules.size(); i++) {
      out.add(rules.get(i).toBuilder().build().equals(rules.get(i))
          ? EarningRule.builder(RuleId.of(rules.get(i).id().value() + "_" + i), rules.get(i).trigger(), rules.get(i).formula()).build()
          : rules.get(i));
    }
    return out;
  }

  /** A random order line: a product or SKU line, 1 to 5 units, a price up to 1 000.00, maybe discounted. */
  static Gen<OrderItem> lines() {
    return integers().between(0, 6).zip(integers().between(1, 5), longs().between(0, 100_000), integers().between(0, 100),
        (which, qty, price, discountPct) -> {
          OrderItem item = which < 4
              ? OrderItem.product(PRODUCTS.get(which), qty, price)
              : OrderItem.sku("p1", "s" + (which - 4), qty, price);
          return item.withDiscount(item.amount() * discountPct / 100);
        });
  }

  static Gen<Order> orders() {
    return lists().of(lines()).ofSizeBetween(0, 6).zip(integers().between(0, 20), integers().between(0, 100),
        (items, visits, orderDiscountPct) -> {
          Order order = items.isEmpty()
              ? Order.ofAmount("o", "USD", visits * 1_000L)
              : Order.of("o", "USD", items.toArray(OrderItem[]::new));
          return order.withDiscount(order.totalAmount() * orderDiscountPct / 100).withMetadata(Metadata.of("visits", visits));
        });
  }

  static Customer customer(int ltv) {
    return Fixtures.customer("alice").withMetadata(Metadata.of("ltv", ltv));
  }

  static LoyaltyEngine engineWith(List<EarningRule> rules) {
    LoyaltyEngine engine = Fixtures.engine()
        .productCollections(ProductCollections.of(Map.of(ACC, Set.of("p2", "s1"))))
        .build();
    engine.define(Fixtures.program(rules.toArray(EarningRule[]::new)));
    engine.enrol(Fixtures.PROGRAM, customer(0).id());
    return engine;
  }

  static OrderPaid paid(int n, Order order, int ltv) {
    Order renamed = new Order(io.loyalty.spi.OrderId.of("ord_" + n), order.currency(), order.amount(), order.totalAmount(),
        order.items(), order.metadata());
    return OrderPaid.of("evt_" + n, Fixtures.T0.plus(Duration.ofMinutes(n)), customer(ltv), renamed);
  }

  @Test
  void a_quote_equals_the_apply_that_follows_it_after_any_history() {
    qt().withFixedSeed(20261122L).withExamples(150)
        .forAll(ruleSets(), lists().of(orders()).ofSizeBetween(1, 4), integers().between(0, 40))
        .checkAssert((rules, orders, ltv) -> {
          LoyaltyEngine engine = engineWith(rules);
          for (int i = 0; i < orders.size(); i++) {
            OrderPaid event = paid(i, orders.get(i), ltv);
            EventOutcome quote = engine.quote(event);
            assertThat(engine.apply(event)).isEqualTo(quote);
          }
        });
  }

  @Test
  void applying_an_event_twice_is_the_same_as_once() {
    qt().withFixedSeed(7L).withExamples(150).forAll(ruleSets(), orders(), integers().between(0, 40))
        .checkAssert((rules, order, ltv) -> {
          LoyaltyEngine engine = engineWith(rules);
          Card before = engine.cardOf(Fixtures.PROGRAM, customer(ltv).id()).orElseThrow();
          OrderPaid event = paid(1, order, ltv);
          EventOutcome first = engine.apply(event);
          Card once = engine.card(before.code());
          List<LedgerEntry> ledger = engine.ledger(before.code());
          assertThat(engine.apply(event)).isEqualTo(first);
          assertThat(engine.card(before.code())).isEqualTo(once);
          assertThat(engine.ledger(before.code())).isEqualTo(ledger);
        });
  }

  @Test
  void the_balance_is_the_sum_of_the_ledger_and_of_the_lots() {
    qt().withFixedSeed(11L).withExamples(120)
        .forAll(ruleSets(), lists().of(orders()).ofSizeBetween(1, 6), integers().between(0, 40))
        .checkAssert((rules, orders, ltv) -> {
          LoyaltyEngine engine = engineWith(rules);
          long earned = 0;
          for (int i = 0; i < orders.size(); i++) {
            earned += engine.apply(paid(i, orders.get(i), ltv)).points();
          }
          Card card = engine.cardOf(Fixtures.PROGRAM, customer(ltv).id()).orElseThrow();
          long ledgerSum = engine.ledger(card.code()).stream().mapToLong(LedgerEntry::points).sum();
          long lotSum = card.lots().stream().mapToLong(Lot::remaining).sum();
          long balance = engine.balance(card.code(), Fixtures.T0.plus(Duration.ofDays(1)));
          assertThat(balance).isEqualTo(earned).isEqualTo(ledgerSum).isEqualTo(lotSum);
          List<LedgerEntry> entries = engine.ledger(card.code());
          if (!entries.isEmpty()) {
            assertThat(entries.get(entries.size() - 1).balanceAfter()).isEqualTo(balance);
          }
        });
  }

  @Test
  void the_points_do_not_depend_on_the_order_of_the_rules() {
    qt().withFixedSeed(3L).withExamples(150).forAll(ruleSets(), orders(), integers().between(0, 40))
        .checkAssert((rules, order, ltv) -> {
          List<EarningRule> reversed = new ArrayList<>(rules);
          java.util.Collections.reverse(reversed);
          EventOutcome a = engineWith(rules).quote(paid(1, order, ltv));
          EventOutcome b = engineWith(reversed).quote(paid(1, order, ltv));
          assertThat(b.points()).isEqualTo(a.points());
          Comparator<Accrual> byRule = Comparator.comparing(x -> x.rule().value());
          assertThat(b.programs().get(0).accruals().stream().sorted(byRule).toList())
              .isEqualTo(a.programs().get(0).accruals().stream().sorted(byRule).toList());
        });
  }

  @Test
  void huge_amounts_either_earn_the_exact_points_or_fail_with_a_typed_error() {
    qt().withFixedSeed(5L).withExamples(300)
        .forAll(longs().between(0, Long.MAX_VALUE), longs().between(1, 1_000), longs().between(1, 1_000_000_000_000L))
        .checkAssert((amount, every, points) -> {
          LoyaltyEngine engine = engineWith(List.of(Fixtures.perAmount("r", every, points)));
          OrderPaid event = OrderPaid.of("e", Fixtures.T0, customer(0), Order.ofAmount("o", "USD", amount));
          BigInteger exact = BigInteger.valueOf(amount).divide(BigInteger.valueOf(every)).multiply(BigInteger.valueOf(points));
          try {
            long earned = engine.apply(event).points();
            assertThat(BigInteger.valueOf(earned)).isEqualTo(exact);
          } catch (LoyaltyException e) {
            assertThat(e.code()).isIn("invalid_payload", "value_out_of_range");
            boolean tooBig = amount > io.loyalty.core.internal.validation.EventValidator.MAX_AMOUNT
                || exact.bitLength() > 63;
            assertThat(tooBig).as("only out-of-range values are refused: %s", e.getMessage()).isTrue();
          }
        });
  }

  @Test
  void metadata_numbers_are_floored_exactly() {
    qt().withFixedSeed(9L).withExamples(200)
        .forAll(longs().between(0, 10_000_000), integers().between(0, 6), longs().between(1, 97))
        .checkAssert((unscaled, scale, every) -> {
          BigDecimal visits = BigDecimal.valueOf(unscaled, scale);
          LoyaltyEngine engine = engineWith(List.of(Fixtures.orderRule("r",
              PointsFormula.proportional(new Measure.OrderMetadata("visits"), every, 3))));
          Order order = Order.ofAmount("o", "USD", 100).withMetadata(Metadata.of("visits", visits));
          long expected = visits.toBigInteger().divide(BigInteger.valueOf(every)).longValueExact() * 3;
          assertThat(engine.apply(OrderPaid.of("e", Fixtures.T0, customer(0), order)).points()).isEqualTo(expected);
        });
  }
}
