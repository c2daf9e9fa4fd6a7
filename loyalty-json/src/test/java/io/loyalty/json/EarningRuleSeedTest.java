package io.loyalty.json;

import static io.loyalty.json.Bodies.WIRE;
import static io.loyalty.json.Bodies.seed;
import static org.assertj.core.api.Assertions.assertThat;

import io.loyalty.spi.MetaValue;
import io.loyalty.spi.ProgramId;
import io.loyalty.spi.RuleId;
import io.loyalty.spi.SchemaId;
import io.loyalty.spi.SegmentId;
import io.loyalty.spi.ValidationRuleId;
import io.loyalty.spi.program.EarningRule;
import io.loyalty.spi.program.ItemTarget;
import io.loyalty.spi.program.Measure;
import io.loyalty.spi.program.PointsFormula;
import io.loyalty.spi.program.Timeframe;
import io.loyalty.spi.program.Trigger;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The seeds' earning rule bodies: every event and calculation type of seed 003, and seed 000's bare rule. */
class EarningRuleSeedTest {
  private static final ProgramId CAMPAIGN = ProgramId.of("camp_fkZ28pe7DUAEmmabofkxHI8N");

  private static Supplier<RuleId> ids() {
    AtomicInteger next = new AtomicInteger();
    return () -> RuleId.of("ern_" + next.incrementAndGet());
  }

  private static List<EarningRule> created() {
    return WIRE.readEarningRules(seed("003-earning-rules-create.json"), ids());
  }

  @Test
  @DisplayName("seed 003's fourteen rules read with their triggers, formulas and the points given as text")
  void everyRuleOfSeed003() {
    List<EarningRule> rules = created();

    assertThat(rules).hasSize(14);
    EarningRule fixed = rules.get(0);
    assertThat(fixed.trigger()).isEqualTo(Trigger.ORDER_PAID);
    assertThat(fixed.formula()).isEqualTo(PointsFormula.fixed(5)); // "points": "5"
    assertThat(fixed.validationRuleId()).isEqualTo(ValidationRuleId.of("val_7SxpdhPeBngA"));
    assertThat(fixed.banner()).isEqualTo("Order paid 5 points.");
    assertThat(fixed.validity().startDate()).isEqualTo(Instant.parse("2022-11-02T13:00:00Z"));
    assertThat(fixed.validity().expirationDate()).isEqualTo(Instant.parse("2023-03-03T14:30:00Z"));
    assertThat(fixed.validity().timeframe()).isEqualTo(Timeframe.of("P1D", "PT1H"));
    assertThat(fixed.validity().daysOfWeek()).hasSize(6);
    assertThat(fixed.metadata().get("Type")).isEqualTo(new MetaValue.Text("Order paid - fixed amount of points"));

    assertThat(rules.stream().map(r -> r.formula() instanceof PointsFormula.Proportional p ? p.measure() : null).toList())
        .containsExactly(null,
            new Measure.OrderAmount(),
            new Measure.OrderTotalAmount(),
            new Measure.OrderMetadata("number_of_store_visits"),
            new Measure.OrderItems(Measure.ItemMeasure.AMOUNT, List.of(ItemTarget.product("prod_0bae32322150fd0546"))),
            new Measure.OrderItems(Measure.ItemMeasure.SUBTOTAL_AMOUNT,
                List.of(ItemTarget.collection("pc_75U0dHlr7u75BJodrW1AE3t6"))),
            new Measure.OrderItems(Measure.ItemMeasure.QUANTITY, List.of(ItemTarget.sku("sku_0b7d7dfb090be5c619"))),
            new Measure.CustomerMetadata("customer_life_time_value"),
            new Measure.CustomerMetadata("customer_life_time_value"),
            null,
            null,
            new Measure.CustomEventMetadata("volume_number"),
            new Measure.CustomerMetadata("customer_life_time_value"),
            new Measure.CustomerMetadata("customer_life_time_value"));
    assertThat(rules.get(3).formula()).isEqualTo(PointsFormula.proportional(new Measure.OrderMetadata("number_of_store_visits"), 2, 1));
    assertThat(rules.get(8).trigger()).isEqualTo(new Trigger.SegmentEntered(SegmentId.of("seg_OlE7DmfzMI5pHyD5VAv512r1")));
    assertThat(rules.get(10).trigger()).isEqualTo(new Trigger.CustomEvent("page_view", SchemaId.of("ms_gn4Qe4xsFPf7orCArCiNVY13")));
    assertThat(rules.get(10).formula()).isEqualTo(PointsFormula.fixed(3));
    assertThat(rules.get(13).trigger())
        .isEqualTo(new Trigger.TierChange(Trigger.TierEvent.PROLONGED, "ltr_pudTGWasuIqxdiDM0go31OV1"));
  }

  @Test
  @DisplayName("seed 003's response describes the rules its create body does")
  void responseOfSeed003MatchesItsRequest() {
    List<EarningRule> answered = WIRE.readEarningRules(seed("003-earning-rules-response.json"));
    List<EarningRule> created = created();

    assertThat(answered).hasSize(created.size());
    for (int i = 0; i < created.size(); i++) {
      EarningRule withAnsweredId = created.get(i);
      EarningRule same = new EarningRule(answered.get(i).id(), withAnsweredId.trigger(), withAnsweredId.formula(),
          withAnsweredId.active(), withAnsweredId.validity(), withAnsweredId.condition(), withAnsweredId.validationRuleId(),
          withAnsweredId.pendingPoints(), withAnsweredId.expiration(), withAnsweredId.banner(), withAnsweredId.metadata());
      assertThat(answered.get(i)).as("rule %d", i).isEqualTo(same);
    }
    assertThat(answered.get(0).id()).isEqualTo(RuleId.of("ern_63g6NQgtepfXn2z0QbT2ksLf"));
  }

  @Test
  @DisplayName("every rule of seed 003 written and read back is the same rule")
  void writtenRulesReadBack() {
    for (EarningRule rule : created()) {
      String written = WIRE.write(rule, CAMPAIGN);

      assertThat(WIRE.readEarningRule(written)).as(written).isEqualTo(rule);
      assertThat(written).contains("\"object\":\"earning_rule\"", "\"object_id\":\"" + CAMPAIGN.value() + "\"");
    }
  }

  @Test
  @DisplayName("seed 000's rule, {\"points\": 5} with no type, is FIXED")
  void bareRuleOfSeed000() {
    List<EarningRule> rules = WIRE.readEarningRules(seed("000-earning-rules-create.json"), ids());

    assertThat(rules).singleElement().satisfies(r -> {
      assertThat(r.formula()).isEqualTo(PointsFormula.fixed(5));
      assertThat(r.validationRuleId()).isNull();
      assertThat(r.banner()).isEqualTo("Get 5 points for every order!");
    });
  }

  @Test
  @DisplayName("a rule list is written in Voucherify's envelope")
  void listEnvelope() {
    var program = io.loyalty.spi.program.Program.builder(CAMPAIGN, "p").earningRules(created()).build();

    String list = WIRE.writeEarningRules(program);

    assertThat(list).startsWith("{\"object\":\"list\",\"data_ref\":\"data\",\"data\":[{").endsWith(",\"total\":14}");
    assertThat(WIRE.readEarningRules(list.substring(list.indexOf("["), list.lastIndexOf("]") + 1))).isEqualTo(created());
  }
}
