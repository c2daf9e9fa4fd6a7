package io.loyalty.examples;

import io.loyalty.spi.Metadata;
import io.loyalty.spi.ProgramId;
import io.loyalty.spi.RuleId;
import io.loyalty.spi.SchemaId;
import io.loyalty.spi.SegmentId;
import io.loyalty.spi.ValidationRuleId;
import io.loyalty.spi.program.CardPool;
import io.loyalty.spi.program.CardTemplate;
import io.loyalty.spi.program.CodeConfig;
import io.loyalty.spi.program.Comparison;
import io.loyalty.spi.program.Condition;
import io.loyalty.spi.program.EarningRule;
import io.loyalty.spi.program.EventSchema;
import io.loyalty.spi.program.EventSchema.PropertySpec;
import io.loyalty.spi.program.EventSchema.PropertyType;
import io.loyalty.spi.program.ItemTarget;
import io.loyalty.spi.program.Measure;
import io.loyalty.spi.program.PointsFormula;
import io.loyalty.spi.program.Program;
import io.loyalty.spi.program.Timeframe;
import io.loyalty.spi.program.Trigger;
import io.loyalty.spi.program.ValidationRule;
import io.loyalty.spi.program.Validity;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The program of Voucherify's loyalty tutorial (seed 000) with the earning rules of its "Create Earning
 * Rule" document (seed 003), written with the engine's records: the same rules, numbers and banners. Amounts
 * are in cents and, as Voucherify's schema says, {@code every} of an amount rule is in cents too, so "1 point
 * for 1 dollar" with {@code every: 1} really gives 1 point per cent.
 */
public final class SeedProgram {
  /** The program's id. */
  public static final ProgramId ACME = ProgramId.of("camp_acme_loyalty");
  /** The seed's named validation rule: the customer accepts marketing. */
  public static final ValidationRuleId ACCEPTS_MARKETING = ValidationRuleId.of("val_7SxpdhPeBngA");
  /** The seed's custom event schema for {@code page_view}. */
  public static final SchemaId PAGE_VIEW_SCHEMA = SchemaId.of("ms_gn4Qe4xsFPf7orCArCiNVY13");
  /** The seed's birthday segment. */
  public static final SegmentId BIRTHDAY = SegmentId.of("seg_OlE7DmfzMI5pHyD5VAv512r1");
  /** The seed's phone product, brand-phone SKU and accessories collection. */
  public static final String PHONE = "prod_0bae32322150fd0546";
  /** The seed's brand-phone SKU. */
  public static final String BRAND_PHONE_SKU = "sku_0b7d7dfb090be5c619";
  /** The seed's products collection. */
  public static final String ACCESSORIES = "pc_75U0dHlr7u75BJodrW1AE3t6";
  /** A case, in the accessories collection. */
  public static final String PHONE_CASE = "prod_case_01";

  private SeedProgram() {}

  /** The seed's named validation rule. */
  public static ValidationRule acceptsMarketing() {
    return new ValidationRule(ACCEPTS_MARKETING, "Accepts marketing",
        new Condition.CustomerMetadata("accepts_marketing", Comparison.is(true)), "customer does not accept marketing");
  }

  /** The seed's {@code page_view} event schema. */
  public static EventSchema pageViewSchema() {
    return new EventSchema(PAGE_VIEW_SCHEMA, "page_view",
        Map.of("volume_number", PropertySpec.required(PropertyType.NUMBER), "url", PropertySpec.optional(PropertyType.STRING)),
        true);
  }

  /** The accessories collection, as the host's catalog would resolve it. */
  public static Map<io.loyalty.spi.CollectionId, Set<String>> collections() {
    return Map.of(io.loyalty.spi.CollectionId.of(ACCESSORIES), Set.of(PHONE_CASE));
  }

  /** The tutorial's program: AUTO-UPDATE pool of 1000 {@code ACME-CARD-#######} cards, with the seed's rules. */
  public static Program program() {
    // every rule of seed 003 shares these dates and this one-hour-a-day window, Sunday to Friday
    Validity window = Validity.between(Instant.parse("2022-11-02T13:00:00Z"), Instant.parse("2023-03-03T14:30:00Z"))
        .withTimeframe(Timeframe.of("P1D", "PT1H"))
        .withDaysOfWeek(EnumSet.of(DayOfWeek.SUNDAY, DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY,
            DayOfWeek.THURSDAY, DayOfWeek.FRIDAY));
    return Program.builder(ACME, "ACME Loyalty Program")
        .zone(ZoneOffset.UTC)
        .validity(Validity.between(Instant.parse("2018-10-26T00:00:00Z"), null))
        .pool(CardPool.growing(1000))
        .card(CardTemplate.DEFAULT.withCodeConfig(CodeConfig.pattern("ACME-CARD-#######")))
        .metadata(Metadata.of("test", true))
        .earningRules(List.of(
            rule("ern_order_fixed", Trigger.ORDER_PAID, PointsFormula.fixed(5), "Order paid 5 points.", window, true),
            rule("ern_order_amount", Trigger.ORDER_PAID,
                PointsFormula.proportional(new Measure.OrderAmount(), 1, 1),
                "Order paid - 1 point for 1 dollar spent excluding discounts.", window, false),
            rule("ern_order_total", Trigger.ORDER_PAID,
                PointsFormula.proportional(new Measure.OrderTotalAmount(), 1, 1),
                "Order paid - 1 point for 1 dollar spent including discounts.", window, false),
            rule("ern_store_visits", Trigger.ORDER_PAID,
                PointsFormula.proportional(new Measure.OrderMetadata("number_of_store_visits"), 2, 1),
                "Order paid - 2 points for each store visit.", window, false),
            rule("ern_phone_amount", Trigger.ORDER_PAID,
                PointsFormula.proportional(new Measure.OrderItems(Measure.ItemMeasure.AMOUNT, List.of(ItemTarget.product(PHONE))), 2, 1),
                "Order paid - 2 points for 1 dollar spent on items excluding discounts.", window, false),
            rule("ern_accessories_subtotal", Trigger.ORDER_PAID,
                PointsFormula.proportional(new Measure.OrderItems(Measure.ItemMeasure.SUBTOTAL_AMOUNT,
                    List.of(ItemTarget.collection(ACCESSORIES))), 2, 1),
                "Order paid - 2 points for every dollar spent on the product collection.", window, false),
            rule("ern_brand_phones", Trigger.ORDER_PAID,
                PointsFormula.proportional(new Measure.OrderItems(Measure.ItemMeasure.QUANTITY,
                    List.of(ItemTarget.sku(BRAND_PHONE_SKU))), 1, 1),
                "Order paid - 1 point for every brand phone in your cart.", window, false),
            rule("ern_order_ltv", Trigger.ORDER_PAID,
                PointsFormula.proportional(new Measure.CustomerMetadata("customer_life_time_value"), 1, 1),
                "Order paid 1 point for 1 month of being a customer with us.", window, true),
            rule("ern_birthday_ltv", new Trigger.SegmentEntered(BIRTHDAY),
                PointsFormula.proportional(new Measure.CustomerMetadata("customer_life_time_value"), 1, 1),
                "Customer entered birthday segment - 1 point for each month of being a customer with us.", window, true),
            rule("ern_birthday_fixed", new Trigger.SegmentEntered(BIRTHDAY), PointsFormula.fixed(5),
                "Customer entered birthday segment - 5 points", window, true),
            rule("ern_page_view_fixed", new Trigger.CustomEvent("page_view", PAGE_VIEW_SCHEMA), PointsFormula.fixed(3),
                "See page - 3 points", window, true),
            rule("ern_page_view_volume", new Trigger.CustomEvent("page_view", PAGE_VIEW_SCHEMA),
                PointsFormula.proportional(new Measure.CustomEventMetadata("volume_number"), 1, 2),
                "See page X - get 2 points multiplied by the page number", window, true),
            rule("ern_page_view_ltv", new Trigger.CustomEvent("page_view", PAGE_VIEW_SCHEMA),
                PointsFormula.proportional(new Measure.CustomerMetadata("customer_life_time_value"), 1, 2),
                "Get 2 points for every month you're a customer for viewing a page", window, true),
            rule("ern_tier_prolonged", new Trigger.TierChange(Trigger.TierEvent.PROLONGED, "ltr_pudTGWasuIqxdiDM0go31OV1"),
                PointsFormula.proportional(new Measure.CustomerMetadata("customer_life_time_value"), 1, 2),
                "Get 2 points for every month you're a customer when your loyalty tier is prolonged.", window, true)))
        // the tier the prolonged-tier rule names; the seed gives its id only, so its range here is a stand-in
        .tier(io.loyalty.spi.tier.Tier.builder(io.loyalty.spi.TierId.of("ltr_pudTGWasuIqxdiDM0go31OV1"), "Seed tier",
            100_000).build())
        .build();
  }

  private static EarningRule rule(String id, Trigger trigger, PointsFormula formula, String banner, Validity window,
      boolean needsMarketing) {
    return EarningRule.builder(RuleId.of(id), trigger, formula)
        .banner(banner)
        .validity(window)
        .validationRule(needsMarketing ? ACCEPTS_MARKETING : null)
        .build();
  }
}
