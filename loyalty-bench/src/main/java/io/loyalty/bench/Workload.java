package io.loyalty.bench;

import io.loyalty.spi.CollectionId;
import io.loyalty.spi.CustomerId;
import io.loyalty.spi.Metadata;
import io.loyalty.spi.ProgramId;
import io.loyalty.spi.RuleId;
import io.loyalty.spi.event.Customer;
import io.loyalty.spi.event.Order;
import io.loyalty.spi.event.OrderItem;
import io.loyalty.spi.event.OrderPaid;
import io.loyalty.spi.host.ProductCollections;
import io.loyalty.spi.program.Comparison;
import io.loyalty.spi.program.Condition;
import io.loyalty.spi.program.EarningRule;
import io.loyalty.spi.program.ItemTarget;
import io.loyalty.spi.program.Measure;
import io.loyalty.spi.program.Measure.ItemMeasure;
import io.loyalty.spi.program.PointsFormula;
import io.loyalty.spi.program.PointsFormula.StepRounding;
import io.loyalty.spi.program.Program;
import io.loyalty.spi.program.Trigger;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The one workload every variant runs: an order of 5 lines against 12 earning rules of the seed's kinds.
 * Amounts are in cents. The numbers each rule must give are in {@link #EXPECTED_POINTS}; the hand-written,
 * Easy Rules and Drools variants restate the same rules in their own terms.
 *
 * <pre>
 * line 0: SKU sku_black of prod_phone, 2 x 300.00 = 60 000, less 50.00  -> subtotal 55 000
 * line 1: prod_case,                  3 x  19.99 =  5 997
 * line 2: prod_charger,               1 x  25.00 =  2 500, less  5.00  -> subtotal  2 000
 * line 3: prod_cable,                 4 x   9.99 =  3 996
 * line 4: prod_headphones,            1 x 149.00 = 14 900
 * amount 87 393; order discount 20.00 -> total 79 893; order metadata store_visits 7; customer ltv 14
 * accessories collection = prod_case, prod_charger, prod_cable
 * </pre>
 */
public final class Workload {
  /** The benchmark program. */
  public static final ProgramId PROGRAM = ProgramId.of("camp_bench");
  /** The products collection of rules 6 and 12. */
  public static final CollectionId ACCESSORIES = CollectionId.of("pc_accessories");
  /** When every benchmark event happens. */
  public static final Instant AT = Instant.parse("2024-03-04T10:00:00Z");

  /** The rules' ids, in program order; index {@code i} is slot {@code i} of a {@link Tally}. */
  public static final List<String> RULE_IDS = List.of(
      "r01_fixed", "r02_order_amount", "r03_total_amount", "r04_store_visits", "r05_phone_amount",
      "r06_accessories_subtotal", "r07_black_quantity", "r08_customer_ltv", "r09_big_order_bonus",
      "r10_amount_x3", "r11_total_prorata", "r12_accessories_quantity");

  /** Points each rule gives for {@link #order()}, worked by hand. */
  public static final long[] EXPECTED_POINTS = {5, 873, 798, 3, 120, 238, 20, 14, 50, 261, 559, 4};

  private Workload() {}

  /** The order of 5 lines. */
  public static Order order(String id) {
    return Order.of(id, "USD",
            OrderItem.sku("prod_phone", "sku_black", 2, 30_000).withDiscount(5_000),
            OrderItem.product("prod_case", 3, 1_999),
            OrderItem.product("prod_charger", 1, 2_500).withDiscount(500),
            OrderItem.product("prod_cable", 4, 999),
            OrderItem.product("prod_headphones", 1, 14_900))
        .withDiscount(2_000)
        .withMetadata(Metadata.of("store_visits", 7));
  }

  /** The order with id {@code ord_1}. */
  public static Order order() {
    return order("ord_1");
  }

  /** A customer with lifetime value 14. */
  public static Customer customer(String id) {
    return new Customer(CustomerId.of(id), Metadata.of("ltv", 14), Set.of());
  }

  /** The order paid by {@code customer}, as event {@code eventId}. */
  public static OrderPaid event(String eventId, Customer customer, Order order) {
    return OrderPaid.of(eventId, AT, customer, order);
  }

  /** The host's catalog: the accessories collection. */
  public static ProductCollections collections() {
    return ProductCollections.of(Map.of(ACCESSORIES, Set.of("prod_case", "prod_charger", "prod_cable")));
  }

  /** The program with the 12 rules. */
  /**
   * The workload's program with four balance tiers (0-999, 1,000-4,999, 5,000-9,999 with two rules mapped, 10,000+):
   * a member with the fixture's two earlier orders (5,890 points) is in the third, so the measured order is earned
   * through its mappings, and most orders move no tier.
   */
  public static Program tieredProgram() {
    return program().toBuilder()
        .tier(io.loyalty.spi.tier.Tier.builder(io.loyalty.spi.TierId.of("ltr_1"), "One", 0).to(999L).build())
        .tier(io.loyalty.spi.tier.Tier.builder(io.loyalty.spi.TierId.of("ltr_2"), "Two", 1_000).to(4_999L).build())
        .tier(io.loyalty.spi.tier.Tier.builder(io.loyalty.spi.TierId.of("ltr_3"), "Three", 5_000).to(9_999L)
            .earningRule(id(1), io.loyalty.spi.tier.TierMapping.multiply(new java.math.BigDecimal("1.5")))
            .earningRule(id(0), io.loyalty.spi.tier.TierMapping.custom(50)).build())
        .tier(io.loyalty.spi.tier.Tier.builder(io.loyalty.spi.TierId.of("ltr_4"), "Four", 10_000).build())
        .build();
  }

  /**
   * {@link #tieredProgram} under seed 001's policy: a tier reached is kept for three months rounded to the month's
   * end ({@code BALANCE} with {@code CUSTOM}), so every order carries the card's tier terms forward.
   */
  public static Program termsProgram() {
    return tieredProgram().toBuilder().tierPolicy(new io.loyalty.spi.tier.TierPolicy(
        io.loyalty.spi.tier.TierPolicy.Qualification.BALANCE, null, io.loyalty.spi.tier.TierPolicy.Start.IMMEDIATE,
        new io.loyalty.spi.tier.TierPolicy.Expiration(io.loyalty.spi.tier.TierPolicy.ExpirationType.CUSTOM,
            io.loyalty.spi.program.IsoDuration.parse("P3M"), new io.loyalty.spi.tier.TierPolicy.Rounding(
                io.loyalty.spi.tier.TierPolicy.CalendarPeriod.MONTH, io.loyalty.spi.tier.TierPolicy.Strategy.END,
                null)))).build();
  }

  public static Program program() {
    List<EarningRule> rules = List.of(
        rule(0, PointsFormula.fixed(5)),
        rule(1, PointsFormula.proportional(new Measure.OrderAmount(), 100, 1)),
        rule(2, PointsFormula.proportional(new Measure.OrderTotalAmount(), 100, 1)),
        rule(3, PointsFormula.proportional(new Measure.OrderMetadata("store_visits"), 2, 1)),
        rule(4, items(ItemMeasure.AMOUNT, 1_000, 2, ItemTarget.product("prod_phone"))),
        rule(5, items(ItemMeasure.SUBTOTAL_AMOUNT, 100, 2, ItemTarget.collection(ACCESSORIES.value()))),
        rule(6, items(ItemMeasure.QUANTITY, 1, 10, ItemTarget.sku("sku_black"))),
        rule(7, PointsFormula.proportional(new Measure.CustomerMetadata("ltv"), 1, 1)),
        EarningRule.builder(id(8), Trigger.ORDER_PAID, PointsFormula.fixed(50))
            .condition(new Condition.OrderAmount(Comparison.atLeast(10_000)))
            .banner("50 points for an order of 100.00 or more").build(),
        rule(9, PointsFormula.proportional(new Measure.OrderAmount(), 1_000, 3)),
        rule(10, PointsFormula.proportional(new Measure.OrderTotalAmount(), 1_000, 7)
            .withRounding(StepRounding.PRORATE_HALF_UP)),
        rule(11, items(ItemMeasure.QUANTITY, 2, 1, ItemTarget.collection(ACCESSORIES.value()))));
    return Program.builder(PROGRAM, "Benchmark program").earningRules(rules).build();
  }

  /**
   * The workload's twelve formulas as a loyalty v2 program of two wallets: one first-match rule whose first earning
   * (an order of 100.00 or more, which the workload's order is) applies the twelve as effects, six into each wallet;
   * its second earning (any order) is skipped. So a v2 order computes what a v1 order does, split over two cards.
   */
  public static Program walletProgram() {
    io.loyalty.spi.WalletId points = io.loyalty.spi.WalletId.of("lcd_points");
    io.loyalty.spi.WalletId miles = io.loyalty.spi.WalletId.of("lcd_miles");
    List<io.loyalty.spi.program.FirstMatchRule.Effect> effects = new java.util.ArrayList<>();
    List<EarningRule> rules = program().earningRules();
    for (int i = 0; i < rules.size(); i++) {
      effects.add(io.loyalty.spi.program.FirstMatchRule.Effect.of(i < 6 ? points : miles, rules.get(i).formula()));
    }
    return Program.builder(ProgramId.of("lprg_bench"), "Benchmark v2 program")
        .wallet(io.loyalty.spi.program.CardDefinition.of(points, "Points"))
        .wallet(io.loyalty.spi.program.CardDefinition.of(miles, "Miles"))
        .earningRule(new io.loyalty.spi.program.FirstMatchRule(RuleId.of("ler_bench"), Trigger.ORDER_PAID, List.of(
            new io.loyalty.spi.program.FirstMatchRule.Earning("big orders",
                new Condition.OrderAmount(Comparison.atLeast(10_000)), effects),
            io.loyalty.spi.program.FirstMatchRule.Earning.always(
                io.loyalty.spi.program.FirstMatchRule.Effect.points(points, 5))), true, null, "bench", null))
        .build();
  }

  /** A program with one FIXED rule of 10 points: every order paid grants exactly one lot. */
  public static Program oneLotPerOrder(ProgramId id) {
    return Program.builder(id, "One lot per order")
        .earningRule(EarningRule.builder(RuleId.of("r_fixed"), Trigger.ORDER_PAID, PointsFormula.fixed(10)).build())
        .build();
  }

  private static RuleId id(int index) {
    return RuleId.of(RULE_IDS.get(index));
  }

  private static EarningRule rule(int index, PointsFormula formula) {
    return EarningRule.builder(id(index), Trigger.ORDER_PAID, formula).banner(RULE_IDS.get(index)).build();
  }

  private static PointsFormula items(ItemMeasure of, long every, long points, ItemTarget... targets) {
    return PointsFormula.proportional(new Measure.OrderItems(of, List.of(targets)), every, points);
  }
}
