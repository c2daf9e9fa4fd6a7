package io.loyalty.core;

import static io.loyalty.core.Fixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;

import io.loyalty.spi.CollectionId;
import io.loyalty.spi.Metadata;
import io.loyalty.spi.RuleId;
import io.loyalty.spi.SchemaId;
import io.loyalty.spi.card.Card;
import io.loyalty.spi.earning.Accrual;
import io.loyalty.spi.earning.EventOutcome;
import io.loyalty.spi.earning.LineShare;
import io.loyalty.spi.earning.SkipReason;
import io.loyalty.spi.event.CustomEvent;
import io.loyalty.spi.event.Customer;
import io.loyalty.spi.event.Order;
import io.loyalty.spi.event.OrderItem;
import io.loyalty.spi.event.OrderPaid;
import io.loyalty.spi.host.ProductCollections;
import io.loyalty.spi.program.EarningRule;
import io.loyalty.spi.program.EventSchema;
import io.loyalty.spi.program.ItemTarget;
import io.loyalty.spi.program.Measure;
import io.loyalty.spi.program.Measure.ItemMeasure;
import io.loyalty.spi.program.PointsFormula;
import io.loyalty.spi.program.PointsFormula.StepRounding;
import io.loyalty.spi.program.Trigger;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Every formula and calculation type against one hand-worked order (amounts in cents):
 * line 0 = 2 × SKU sku_black of prod_phone at 300.00 (60 000) less 50.00 → subtotal 55 000;
 * line 1 = 3 × prod_case at 19.99 (5 997); line 2 = 1 × prod_charger at 25.00 (2 500) less 5.00 → 2 000.
 * Amount 68 497; order-level discount 20.00 → total 62 997 − 2 000 = 60 997. Store visits 7. Customer ltv 14.5.
 */
class EarningFormulaTest {
  static final CollectionId ACCESSORIES = CollectionId.of("pc_accessories");
  static final Customer ALICE = Fixtures.customer("alice").withMetadata(Metadata.of("ltv", new BigDecimal("14.5")));
  static final Order ORDER = Order.of("ord_1", "USD",
          OrderItem.sku("prod_phone", "sku_black", 2, 30_000).withDiscount(5_000),
          OrderItem.product("prod_case", 3, 1_999),
          OrderItem.product("prod_charger", 1, 2_500).withDiscount(500))
      .withDiscount(2_000)
      .withMetadata(Metadata.of("store_visits", 7));

  static EventOutcome earn(EarningRule... rules) {
    LoyaltyEngine engine = Fixtures.engine()
        .productCollections(ProductCollections.of(Map.of(ACCESSORIES, Set.of("prod_charger", "prod_case"))))
        .build();
    engine.define(Fixtures.program(rules));
    engine.enrol(Fixtures.PROGRAM, ALICE.id());
    return engine.apply(OrderPaid.of("evt_1", T0, ALICE, ORDER));
  }

  static Accrual only(EventOutcome outcome) {
    assertThat(outcome.programs()).hasSize(1);
    assertThat(outcome.programs().get(0).accruals()).hasSize(1);
    return outcome.programs().get(0).accruals().get(0);
  }

  static PointsFormula items(ItemMeasure of, long every, long points, ItemTarget... targets) {
    return PointsFormula.proportional(new Measure.OrderItems(of, List.of(targets)), every, points);
  }

  @Test
  void the_order_is_what_the_class_comment_says() {
    assertThat(ORDER.amount()).isEqualTo(68_497);
    assertThat(ORDER.totalAmount()).isEqualTo(60_997);
  }

  @Test
  void fixed_gives_its_points() {
    assertThat(only(earn(Fixtures.orderRule("r", PointsFormula.fixed(5)))).points()).isEqualTo(5);
  }

  @Test
  void order_amount_counts_whole_steps_before_discounts() {
    Accrual a = only(earn(Fixtures.perAmount("r", 1_000, 3))); // floor(68 497 / 1 000) = 68 steps × 3
    assertThat(a.points()).isEqualTo(204);
    assertThat(a.measured()).isEqualByComparingTo("68497");
  }

  @Test
  void every_one_cent_gives_a_point_per_cent_as_voucherify_schema_says() {
    assertThat(only(earn(Fixtures.perAmount("r", 1, 1))).points()).isEqualTo(68_497);
  }

  @Test
  void order_total_amount_counts_after_every_discount() {
    EarningRule rule = Fixtures.orderRule("r", PointsFormula.proportional(new Measure.OrderTotalAmount(), 100, 1));
    assertThat(only(earn(rule)).points()).isEqualTo(609); // floor(60 997 / 100)
  }

  @Test
  void order_metadata_counts_raw_units() {
    EarningRule rule = Fixtures.orderRule("r",
        PointsFormula.proportional(new Measure.OrderMetadata("store_visits"), 2, 1));
    assertThat(only(earn(rule)).points()).isEqualTo(3); // floor(7 / 2)
  }

  @Test
  void items_quantity_counts_units_of_the_sku() {
    Accrual a = only(earn(Fixtures.orderRule("r", items(ItemMeasure.QUANTITY, 1, 10, ItemTarget.sku("sku_black")))));
    assertThat(a.points()).isEqualTo(20);
    assertThat(a.lines()).containsExactly(new LineShare(0, 2));
  }

  @Test
  void items_amount_of_a_product_includes_its_sku_lines_before_discounts() {
    Accrual a = only(earn(Fixtures.orderRule("r", items(ItemMeasure.AMOUNT, 1_000, 1, ItemTarget.product("prod_phone")))));
    assertThat(a.points()).isEqualTo(60);
    assertThat(a.lines()).containsExactly(new LineShare(0, 60_000));
  }

  @Test
  void items_subtotal_of_a_collection_counts_after_item_discounts() {
    Accrual a = only(earn(Fixtures.orderRule("r",
        items(ItemMeasure.SUBTOTAL_AMOUNT, 100, 2, ItemTarget.collection(ACCESSORIES.value())))));
    assertThat(a.measured()).isEqualByComparingTo("7997"); // 5 997 + 2 000
    assertThat(a.points()).isEqualTo(158); // floor(7 997 / 100) × 2
    assertThat(a.lines()).containsExactly(new LineShare(1, 5_997), new LineShare(2, 2_000));
  }

  @Test
  void a_line_matched_by_several_targets_counts_once() {
    Accrual a = only(earn(Fixtures.orderRule("r", items(ItemMeasure.SUBTOTAL_AMOUNT, 100, 2,
        ItemTarget.product("prod_case"), ItemTarget.collection(ACCESSORIES.value()), ItemTarget.product("prod_case")))));
    assertThat(a.measured()).isEqualByComparingTo("7997");
    assertThat(a.lines()).extracting(LineShare::line).containsExactly(1, 2);
  }

  @Test
  void customer_metadata_floors_a_decimal_value() {
    EarningRule rule = Fixtures.orderRule("r", PointsFormula.proportional(new Measure.CustomerMetadata("ltv"), 1, 1));
    assertThat(only(earn(rule)).points()).isEqualTo(14);
  }

  @Test
  void every_matching_rule_stacks_and_the_total_is_their_sum() {
    EventOutcome outcome = earn(
        Fixtures.orderRule("fixed", PointsFormula.fixed(5)),
        Fixtures.perAmount("amount", 1_000, 3),
        Fixtures.orderRule("total", PointsFormula.proportional(new Measure.OrderTotalAmount(), 100, 1)),
        Fixtures.orderRule("visits", PointsFormula.proportional(new Measure.OrderMetadata("store_visits"), 2, 1)),
        Fixtures.orderRule("qty", items(ItemMeasure.QUANTITY, 1, 10, ItemTarget.sku("sku_black"))),
        Fixtures.orderRule("phone", items(ItemMeasure.AMOUNT, 1_000, 1, ItemTarget.product("prod_phone"))),
        Fixtures.orderRule("acc", items(ItemMeasure.SUBTOTAL_AMOUNT, 100, 2, ItemTarget.collection(ACCESSORIES.value()))),
        Fixtures.orderRule("ltv", PointsFormula.proportional(new Measure.CustomerMetadata("ltv"), 1, 1)));
    assertThat(outcome.points()).isEqualTo(5 + 204 + 609 + 3 + 20 + 60 + 158 + 14);
    assertThat(outcome.programs().get(0).accruals()).extracting(a -> a.rule().value())
        .containsExactly("fixed", "amount", "total", "visits", "qty", "phone", "acc", "ltv");
  }

  @Nested
  @DisplayName("rounding of partial steps")
  class Rounding {
    PointsFormula.Proportional perThousand = PointsFormula.proportional(new Measure.OrderAmount(), 1_000, 3);

    @Test
    void prorate_floor_counts_the_fraction_rounded_down() {
      // 68 497 × 3 / 1 000 = 205.491
      assertThat(only(earn(Fixtures.orderRule("r", perThousand.withRounding(StepRounding.PRORATE_FLOOR)))).points())
          .isEqualTo(205);
    }

    @Test
    void prorate_half_up_rounds_a_half_up() {
      // 68 497 × 1 / 994 = 68.91... and 68 497 / 1 000 × 1 = 68.497 → 68; use every 2 so 68 497 / 2 = 34 248.5 → 34 249
      PointsFormula.Proportional half = PointsFormula.proportional(new Measure.OrderAmount(), 2, 1);
      assertThat(only(earn(Fixtures.orderRule("r", half.withRounding(StepRounding.PRORATE_HALF_UP)))).points())
          .isEqualTo(34_249);
      assertThat(only(earn(Fixtures.orderRule("r", half))).points()).isEqualTo(34_248);
    }
  }

  @Nested
  @DisplayName("a rule that cannot measure its value says why and gives nothing")
  class Reasons {
    SkipReason reasonOf(EventOutcome outcome) {
      assertThat(outcome.points()).isZero();
      return outcome.programs().get(0).skipped().get(0).reason();
    }

    @Test
    void missing_metadata() {
      assertThat(reasonOf(earn(Fixtures.orderRule("r",
          PointsFormula.proportional(new Measure.OrderMetadata("absent"), 1, 1))))).isEqualTo(SkipReason.METADATA_MISSING);
    }

    @Test
    void metadata_that_is_not_a_number() {
      Customer textual = ALICE.withMetadata(Metadata.of("ltv", "fourteen"));
      LoyaltyEngine engine = Fixtures.engine().build();
      engine.define(Fixtures.program(Fixtures.orderRule("r",
          PointsFormula.proportional(new Measure.CustomerMetadata("ltv"), 1, 1))));
      engine.enrol(Fixtures.PROGRAM, textual.id());
      EventOutcome outcome = engine.apply(OrderPaid.of("e", T0, textual, ORDER));
      assertThat(reasonOf(outcome)).isEqualTo(SkipReason.METADATA_NOT_A_NUMBER);
      assertThat(outcome.programs().get(0).skipped().get(0).detail()).contains("customer.metadata.ltv", "fourteen");
    }

    @Test
    void negative_metadata() {
      Customer negative = ALICE.withMetadata(Metadata.of("ltv", -3));
      LoyaltyEngine engine = Fixtures.engine().build();
      engine.define(Fixtures.program(Fixtures.orderRule("r",
          PointsFormula.proportional(new Measure.CustomerMetadata("ltv"), 1, 1))));
      engine.enrol(Fixtures.PROGRAM, negative.id());
      assertThat(reasonOf(engine.apply(OrderPaid.of("e", T0, negative, ORDER)))).isEqualTo(SkipReason.NEGATIVE_VALUE);
    }

    @Test
    void less_than_one_step() {
      assertThat(reasonOf(earn(Fixtures.perAmount("r", 100_000, 1)))).isEqualTo(SkipReason.BELOW_ONE_STEP);
    }

    @Test
    void no_matching_items() {
      assertThat(reasonOf(earn(Fixtures.orderRule("r", items(ItemMeasure.AMOUNT, 1, 1, ItemTarget.sku("sku_none"))))))
          .isEqualTo(SkipReason.NO_MATCHING_ITEMS);
    }
  }

  @Test
  void custom_event_metadata_earns_on_the_named_event_only() {
    SchemaId schemaId = SchemaId.of("ms_page_view");
    EventSchema schema = new EventSchema(schemaId, "page_view",
        Map.of("volume_number", EventSchema.PropertySpec.required(EventSchema.PropertyType.NUMBER)), false);
    LoyaltyEngine engine = Fixtures.engine().eventSchemas(schema).build();
    engine.define(Fixtures.program(EarningRule.builder(RuleId.of("r"), new Trigger.CustomEvent("page_view", schemaId),
        PointsFormula.proportional(new Measure.CustomEventMetadata("volume_number"), 1, 2)).build()));
    Card card = engine.enrol(Fixtures.PROGRAM, ALICE.id());
    EventOutcome outcome = engine.apply(CustomEvent.of("e", T0, ALICE, "page_view", Metadata.of("volume_number", 7)));
    assertThat(outcome.points()).isEqualTo(14);
    assertThat(engine.balance(card.code())).isEqualTo(14);
    assertThat(engine.apply(OrderPaid.of("e2", T0, ALICE, ORDER)).programs()).isEmpty();
  }
}
