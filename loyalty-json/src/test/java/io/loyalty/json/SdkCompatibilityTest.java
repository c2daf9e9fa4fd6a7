package io.loyalty.json;

import static io.loyalty.json.Bodies.WIRE;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.loyalty.core.CardSummary;
import io.loyalty.spi.CardCode;
import io.loyalty.spi.CustomerId;
import io.loyalty.spi.EventId;
import io.loyalty.spi.ProgramId;
import io.loyalty.spi.RuleId;
import io.loyalty.spi.SchemaId;
import io.loyalty.spi.SegmentId;
import io.loyalty.spi.card.Card;
import io.loyalty.spi.program.CardPool;
import io.loyalty.spi.program.EarningRule;
import io.loyalty.spi.program.PointsFormula;
import io.loyalty.spi.program.Program;
import io.loyalty.spi.program.Trigger;
import io.loyalty.spi.program.Validity;
import io.voucherify.client.json.deserializer.DateDeserializer;
import io.voucherify.client.json.serializer.DateSerializer;
import io.voucherify.client.model.campaign.CampaignType;
import io.voucherify.client.model.campaign.response.CampaignResponse;
import io.voucherify.client.model.customer.Customer;
import io.voucherify.client.model.loyalties.CreateEarningRule;
import io.voucherify.client.model.loyalties.CustomEvent;
import io.voucherify.client.model.loyalties.Loyalty;
import io.voucherify.client.model.loyalties.Segment;
import io.voucherify.client.model.loyalties.Source;
import io.voucherify.client.model.loyalties.response.EarningRuleResponse;
import io.voucherify.client.model.order.Order;
import io.voucherify.client.model.order.OrderItem;
import io.voucherify.client.model.order.OrderStatus;
import io.voucherify.client.model.voucher.VoucherType;
import io.voucherify.client.model.voucher.response.VoucherResponse;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Date;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Voucherify's own Java client (SDK 8.0.0, the version this machine resolves) against our JSON: its request models,
 * written with its own JSON settings, are read by the wire; the wire's responses are read by its response models.
 */
class SdkCompatibilityTest {
  /** The SDK's JSON settings, as its {@code VoucherifyClient.createConverter} builds them. */
  private static final ObjectMapper SDK = sdkMapper();

  @SuppressWarnings("deprecation") // the SDK's own call, kept as it is
  private static ObjectMapper sdkMapper() {
    ObjectMapper mapper = new ObjectMapper();
    mapper.configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
    mapper.configure(SerializationFeature.FAIL_ON_EMPTY_BEANS, false);
    mapper.setSerializationInclusion(JsonInclude.Include.NON_EMPTY);
    SimpleModule dates = new SimpleModule();
    dates.addSerializer(Date.class, new DateSerializer("yyyy-MM-dd'T'HH:mm:ssXXX"));
    dates.addDeserializer(Date.class, new DateDeserializer("yyyy-MM-dd'T'HH:mm:ssXXX", "yyyy-MM-dd'T'HH:mm:ss.SSSXXX"));
    mapper.registerModule(dates);
    return mapper;
  }

  @Test
  @DisplayName("the SDK's order.paid, segment and custom event rules are read as the same rules")
  void sdkEarningRulesAreRead() throws Exception {
    String orderPaid = SDK.writeValueAsString(CreateEarningRule.builder().event("order.paid")
        .loyalty(Loyalty.builder().points(5).build()).source(Source.builder().banner("5 points").build())
        .validationRuleId("val_1").build());
    String segment = SDK.writeValueAsString(CreateEarningRule.builder().event("customer.segment.entered")
        .segment(Segment.builder().id("seg_1").build()).loyalty(Loyalty.builder().points(3).build()).build());
    String custom = SDK.writeValueAsString(CreateEarningRule.builder().event("page_view")
        .customEvent(CustomEvent.builder().schemaId("ms_1").build()).loyalty(Loyalty.builder().points(2).build()).build());

    EarningRule a = WIRE.readEarningRule(orderPaid, RuleId.of("ern_a"));
    EarningRule b = WIRE.readEarningRule(segment, RuleId.of("ern_b"));
    EarningRule c = WIRE.readEarningRule(custom, RuleId.of("ern_c"));

    assertThat(a.formula()).isEqualTo(PointsFormula.fixed(5));
    assertThat(a.banner()).isEqualTo("5 points");
    assertThat(a.validationRuleId()).hasToString("val_1");
    assertThat(b.trigger()).isEqualTo(new Trigger.SegmentEntered(SegmentId.of("seg_1")));
    assertThat(c.trigger()).isEqualTo(new Trigger.CustomEvent("page_view", SchemaId.of("ms_1")));
  }

  @Test
  @DisplayName("the SDK's custom event and paid order bodies are read as the engine's events")
  void sdkEventsAreRead() throws Exception {
    Customer alice = Customer.builder().sourceId("alice@morgan.com").name("Alice").email("alice@morgan.com")
        .metadataEntry("tier_hint", "gold").build();
    String event = SDK.writeValueAsString(io.voucherify.client.model.event.CustomEvent.builder().event("submit_review")
        .customer(alice).metadataEntry("rank", 5).build());
    ObjectNode order = (ObjectNode) SDK.readTree(SDK.writeValueAsString(Order.builder().sourceId("ord_1")
        .status(OrderStatus.PAID).amount(2_000)
        .items(List.of(OrderItem.builder().productId("prod_1").quantity(2).price(1_000).amount(2_000).build())).build()));
    // the SDK's Order model has no customer (its CreateOrder has one and no status), and writes its status as "result"
    assertThat(order.get("result").asText()).isEqualTo("PAID");
    order.set("customer", SDK.valueToTree(alice));

    var custom = WIRE.readCustomEvent(event, EventId.of("evcus_1"), Instant.EPOCH);
    var paid = WIRE.readOrderPaid(SDK.writeValueAsString(order), Instant.EPOCH);

    assertThat(custom.eventName()).isEqualTo("submit_review");
    assertThat(custom.customer().id()).isEqualTo(CustomerId.of("alice@morgan.com"));
    assertThat(custom.metadata().number("rank")).hasValueSatisfying(n -> assertThat(n).isEqualByComparingTo("5"));
    assertThat(paid.order().amount()).isEqualTo(2_000);
    assertThat(paid.order().items()).singleElement().satisfies(i -> assertThat(i.quantity()).isEqualTo(2));
    assertThat(paid.customer().metadata().get("tier_hint")).hasToString("\"gold\"");
  }

  @Test
  @DisplayName("the SDK reads our card as its VoucherResponse, dates and counters included")
  void sdkReadsOurCard() throws Exception {
    Program program = Program.builder(ProgramId.of("camp_1"), "Loyalty Campaign").build()
        .toBuilder().card(Program.builder(ProgramId.of("camp_1"), "x").build().card().withRedemptionQuantity(3)).build();
    Card card = Card.builder().code(CardCode.of("KpzbHUY5")).program(program.id()).version(3)
        .holder(CustomerId.of("cust_8KQmHxAERpgebYcFhSpZRr37")).createdAt(Instant.parse("2022-11-21T15:48:57.860Z"))
        .publishedAt(Instant.parse("2022-11-21T15:49:36.671Z")).expiresAt(Instant.parse("2023-11-21T00:00:00Z"))
        .redemptions(1).build();
    CardSummary summary = new CardSummary(card.code(), Instant.parse("2022-12-01T00:00:00Z"), 1_950, 0, 0, 2_000, 0, 0,
        50, 0, 0, 0, 0, 0, LocalDate.parse("2023-02-28"), 300);

    String written = WIRE.writeCard(card, summary, program);
    VoucherResponse read = SDK.readValue(written, VoucherResponse.class);

    assertThat(read.getCode()).isEqualTo("KpzbHUY5");
    assertThat(read.getCampaign()).isEqualTo("Loyalty Campaign");
    assertThat(read.getType()).isEqualTo(VoucherType.LOYALTY_CARD);
    assertThat(read.getLoyaltyCard().getPoints()).isEqualTo(2_000);
    assertThat(read.getLoyaltyCard().getBalance()).isEqualTo(1_950);
    assertThat(read.getActive()).isTrue();
    assertThat(read.getIsReferralCode()).isFalse();
    assertThat(read.getStartDate().toInstant()).isEqualTo(Instant.parse("2022-11-21T15:49:36.671Z"));
    assertThat(read.getExpirationDate().toInstant()).isEqualTo(Instant.parse("2023-11-21T00:00:00Z"));
    assertThat(read.getRedemption().getQuantity()).isEqualTo(3);
    assertThat(read.getRedemption().getRedeemedQuantity()).isEqualTo(1);
    assertThat(written).contains("\"next_expiration_date\":\"2023-02-28\"", "\"next_expiration_points\":300",
        "\"redeemed_points\":50", "\"holder_id\":\"cust_8KQmHxAERpgebYcFhSpZRr37\"");
  }

  @Test
  @DisplayName("the SDK reads our earning rule and campaign as its responses")
  void sdkReadsOurDefinitions() throws Exception {
    EarningRule rule = EarningRule.builder(RuleId.of("ern_1"), new Trigger.SegmentEntered(SegmentId.of("seg_1")),
        PointsFormula.fixed(7)).banner("Birthday").build();
    Program program = Program.builder(ProgramId.of("camp_1"), "ACME").pool(CardPool.fixed(10))
        .validity(Validity.between(Instant.parse("2024-01-01T00:00:00Z"), null)).build();

    EarningRuleResponse r = SDK.readValue(WIRE.write(rule, program.id()), EarningRuleResponse.class);
    CampaignResponse c = SDK.readValue(WIRE.write(program), CampaignResponse.class);

    assertThat(r.getId()).isEqualTo("ern_1");
    assertThat(r.getObject()).isEqualTo("earning_rule");
    assertThat(r.getEvent()).isEqualTo("customer.segment.entered");
    assertThat(r.getSegment().getId()).isEqualTo("seg_1");
    assertThat(r.getLoyalty().getPoints()).isEqualTo(7);
    assertThat(r.getSource().getBanner()).isEqualTo("Birthday");
    assertThat(r.getSource().getObjectId()).isEqualTo("camp_1");
    assertThat(c.getId()).isEqualTo("camp_1");
    assertThat(c.getObject()).isEqualTo("campaign");
    assertThat(c.getType()).isEqualTo(CampaignType.STATIC);
    // SDK 8 reads vouchers_count as "vouchersCount" (it has no name annotation): Voucherify's own answer reads null too
    assertThat(c.getVouchersCount()).isNull();
    assertThat(c.getStartDate().toInstant()).isEqualTo(Instant.parse("2024-01-01T00:00:00Z"));
    assertThat(c.getVoucher().getType()).isEqualTo(VoucherType.LOYALTY_CARD);
  }

  @Test
  @DisplayName("the SDK reads our error object as its own error")
  void sdkReadsOurError() throws Exception {
    WireError error = WIRE.error(new io.loyalty.spi.NotFoundException("card", "X"), "req_1");

    // the SDK's error handler reads a failed response's body as its package-private WrappedError
    Class<?> wrapped = Class.forName("io.voucherify.client.error.WrappedError");
    Object read = SDK.readValue(error.body(), wrapped);

    assertThat(get(read, "getCode")).isEqualTo(404);
    assertThat(get(read, "getKey")).isEqualTo("not_found");
    assertThat(get(read, "getMessage")).isEqualTo("not found");
    assertThat(get(read, "getDetails")).isEqualTo("card X does not exist");
  }

  private static Object get(Object target, String getter) throws ReflectiveOperationException {
    var method = target.getClass().getMethod(getter);
    method.setAccessible(true);
    return method.invoke(target);
  }
}
