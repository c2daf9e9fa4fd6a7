package io.loyalty.json;

import static io.loyalty.json.Bodies.WIRE;
import static io.loyalty.json.Bodies.seed;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.loyalty.core.InMemoryLoyaltyStore;
import io.loyalty.core.LoyaltyEngine;
import io.loyalty.spi.CustomerId;
import io.loyalty.spi.ProgramId;
import io.loyalty.spi.RuleId;
import io.loyalty.spi.card.Card;
import io.loyalty.spi.program.EarningRule;
import io.loyalty.spi.program.Program;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Voucherify's bodies drive a real engine, and its card comes back as Voucherify's JSON. */
class EngineEndToEndTest {
  private static final Instant NOW = Instant.parse("2024-03-05T10:00:00Z");
  private static final ObjectMapper TREE = new ObjectMapper();

  @Test
  @DisplayName("seed 000's campaign and rule, plus a proportional rule, earn on an order body; the card shows the points")
  void seedProgramEarnsOnAnOrderBody() throws Exception {
    LoyaltyEngine engine = LoyaltyEngine.builder().store(InMemoryLoyaltyStore.create())
        .clock(Clock.fixed(NOW, ZoneOffset.UTC)).build();
    AtomicInteger ids = new AtomicInteger();
    List<EarningRule> rules = new ArrayList<>(WIRE.readEarningRules(seed("000-earning-rules-create.json"),
        () -> RuleId.of("ern_" + ids.incrementAndGet())));
    rules.add(WIRE.readEarningRule("""
        {"event": "order.paid", "loyalty": {"type": "PROPORTIONAL", "calculation_type": "ORDER_AMOUNT",
         "order": {"amount": {"every": 100, "points": 1}}}, "source": {"banner": "1 point per dollar"}}""",
        RuleId.of("ern_per_dollar")));
    Program program = WIRE.readProgram(seed("000-campaign-create.json"), ProgramId.of("camp_acme")).toBuilder()
        .earningRules(rules).build();
    program = engine.define(program);
    Card card = engine.enrol(program.id(), CustomerId.of("test-user@voucherify.io"));

    engine.apply(WIRE.readOrderPaid("""
        {"source_id": "ord_1", "status": "PAID", "customer": {"source_id": "test-user@voucherify.io"},
         "items": [{"product_id": "prod_1", "quantity": 2, "price": 26450}]}""", NOW));

    JsonNode voucher = TREE.readTree(WIRE.writeCard(engine.card(card.code()), engine.summary(card.code()), program));
    assertThat(voucher.get("code").asText()).startsWith("ACME-CARD-").hasSize("ACME-CARD-".length() + 7);
    assertThat(voucher.get("object").asText()).isEqualTo("voucher");
    assertThat(voucher.get("type").asText()).isEqualTo("LOYALTY_CARD");
    assertThat(voucher.get("campaign").asText()).isEqualTo("ACME Loyalty Program");
    assertThat(voucher.get("campaign_id").asText()).isEqualTo("camp_acme");
    assertThat(voucher.get("holder_id").asText()).isEqualTo("test-user@voucherify.io");
    assertThat(voucher.at("/loyalty_card/points").asLong()).isEqualTo(5 + 529);
    assertThat(voucher.at("/loyalty_card/balance").asLong()).isEqualTo(5 + 529);
    assertThat(voucher.at("/redemption/redeemed_quantity").asLong()).isZero();
    assertThat(voucher.at("/publish/count").asLong()).isEqualTo(1);

    JsonNode transactions = TREE.readTree(WIRE.writeTransactions(engine.ledger(card.code()), program.id(), false));
    assertThat(transactions.get("object").asText()).isEqualTo("list");
    assertThat(transactions.get("has_more").asBoolean()).isFalse();
    List<String> types = new ArrayList<>();
    transactions.get("data").forEach(t -> types.add(t.get("type").asText()));
    assertThat(types).containsOnly("POINTS_ACCRUAL").hasSize(2);
    JsonNode last = transactions.get("data").get(1);
    assertThat(last.at("/details/order/id").asText()).isEqualTo("ord_1");
    assertThat(last.at("/details/balance/balance").asLong()).isEqualTo(534);
    assertThat(last.at("/details/balance/related_object/id").asText()).isEqualTo(card.code().value());
    assertThat(last.get("source").asText()).isEqualTo("Automation");

    JsonNode buckets = TREE.readTree(WIRE.writeBuckets(engine.card(card.code()), program, NOW));
    assertThat(buckets.get("total").asLong()).isEqualTo(2);
    assertThat(buckets.at("/data/0/object").asText()).isEqualTo("loyalty_points_bucket");
    assertThat(buckets.at("/data/0/status").asText()).isEqualTo("ACTIVE");
    assertThat(buckets.at("/data/0/expires_at").isMissingNode()).isTrue();
  }

  @Test
  @DisplayName("the same order body paid twice earns once: its event id is the order's")
  void orderPaidTwiceEarnsOnce() {
    LoyaltyEngine engine = LoyaltyEngine.builder().store(InMemoryLoyaltyStore.create())
        .clock(Clock.fixed(NOW, ZoneOffset.UTC)).build();
    Program program = engine.define(WIRE.readProgram("{\"name\": \"p\"}", ProgramId.of("camp_p")).toBuilder()
        .earningRule(WIRE.readEarningRule("{\"event\": \"order.paid\", \"loyalty\": {\"points\": 10}}", RuleId.of("ern_1")))
        .build());
    Card card = engine.enrol(program.id(), CustomerId.of("c1"));
    String body = "{\"id\": \"ord_9\", \"status\": \"PAID\", \"customer_id\": \"c1\", \"amount\": 1000}";

    engine.apply(WIRE.readOrderPaid(body, NOW));
    engine.apply(WIRE.readOrderPaid(body, NOW));

    assertThat(engine.balance(card.code())).isEqualTo(10);
  }
}
