package io.loyalty.json;

import static io.loyalty.json.Bodies.WIRE;
import static io.loyalty.json.Bodies.seed;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.loyalty.core.AddedPointsExpiry;
import io.loyalty.spi.CardCode;
import io.loyalty.spi.SchemaId;
import io.loyalty.spi.program.EventSchema.PropertyType;
import java.time.LocalDate;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The bodies whose engine calls take plain arguments (balance, transfers, add member) and the host's own resources. */
class HostBodiesTest {
  @Test
  @DisplayName("seed 000's balance body adds 2000 points by the program's rules")
  void seedBalance() {
    BalanceChange change = WIRE.readBalanceChange(seed("000-balance-request.json"));
    assertThat(change.points()).isEqualTo(2000);
    assertThat(change.expiry()).isEqualTo(AddedPointsExpiry.programRules());
    assertThat(change.reason()).isEmpty();
    assertThat(change.sourceId()).isNull();
  }

  @Test
  @DisplayName("a custom-date balance takes a date, or a date-time as Voucherify's current client sends it")
  void customDate() {
    var date = WIRE.readBalanceChange("{\"points\": -5, \"expiration_type\": \"CUSTOM_DATE\", \"expiration_date\": "
        + "\"2025-03-31\", \"reason\": \"fix\", \"source_id\": \"s-1\"}");
    var dateTime = WIRE.readBalanceChange("{\"points\": 5, \"expiration_type\": \"CUSTOM_DATE\", \"expiration_date\": "
        + "\"2025-03-31T00:00:00.000Z\"}");
    assertThat(date.points()).isEqualTo(-5);
    assertThat(date.expiry()).isEqualTo(AddedPointsExpiry.on(LocalDate.parse("2025-03-31")));
    assertThat(date.sourceId()).isEqualTo("s-1");
    assertThat(dateTime.expiry()).isEqualTo(AddedPointsExpiry.on(LocalDate.parse("2025-03-31")));
    assertThat(WIRE.readBalanceChange("{\"points\": 1, \"expiration_type\": \"NON_EXPIRING\"}").expiry())
        .isEqualTo(AddedPointsExpiry.never());
  }

  @Test
  @DisplayName("zero points, an unknown expiration type and a custom date without a date are refused together, by path")
  void badBalance() {
    assertThatThrownBy(() -> WIRE.readBalanceChange("{\"points\": 0, \"expiration_type\": \"SOMETIMES\"}"))
        .isInstanceOfSatisfying(WireInputException.class, e -> assertThat(e.violations())
            .extracting(v -> v.path()).containsExactly("points", "expiration_type"));
    assertThatThrownBy(() -> WIRE.readBalanceChange("{\"points\": 3, \"expiration_type\": \"CUSTOM_DATE\"}"))
        .isInstanceOfSatisfying(WireInputException.class, e -> assertThat(e.violations())
            .extracting(v -> v.path()).containsExactly("expiration_date"));
  }

  @Test
  @DisplayName("a transfer body is an array of sources; one without a source id rejects the body, naming [i]")
  void transfers() {
    var read = WIRE.readTransfers("[{\"code\": \"A-1\", \"points\": 10, \"source_id\": \"t-1\", \"reason\": \"gift\"}]");
    assertThat(read).singleElement().isEqualTo(new PointsTransfer(CardCode.of("A-1"), 10, "gift", "t-1"));
    assertThatThrownBy(() -> WIRE.readTransfers("[{\"code\": \"A-1\", \"points\": 10, \"source_id\": \"t-1\"},"
        + " {\"code\": \"B-2\", \"points\": 0}]"))
        .isInstanceOfSatisfying(WireInputException.class, e -> assertThat(e.violations())
            .extracting(v -> v.path()).containsExactly("[1].points", "[1].source_id"));
  }

  @Test
  @DisplayName("seed 000's member body (a customer object) and seed 002's (a bare source id and a code) are read")
  void members() {
    MemberRequest guide = WIRE.readMember(seed("000-member-create.json"));
    MemberRequest reference = WIRE.readMember(seed("002-member-create.json"));
    assertThat(guide.customer().id().value()).isEqualTo("test-user@voucherify.io");
    assertThat(guide.code()).isNull();
    assertThat(reference.customer().id().value()).isEqualTo("source_customer_1");
    assertThat(reference.code()).isEqualTo(CardCode.of("KpzbHUY5"));
    assertThatThrownBy(() -> WIRE.readMember("{\"voucher\": \"X\"}")).isInstanceOfSatisfying(WireInputException.class,
        e -> assertThat(e.violations()).extracting(v -> v.path()).containsExactly("customer"));
  }

  @Test
  @DisplayName("a custom event schema names the event and its typed properties; an unknown type is refused")
  void eventSchemas() throws Exception {
    var schema = WIRE.readEventSchema("{\"related_object\": \"submit_review\", \"properties\": {\"rank\": "
        + "{\"type\": \"number\", \"optional\": false}}, \"allow_defined_only\": true}", SchemaId.of("ms_1"));
    assertThat(schema.eventName()).isEqualTo("submit_review");
    assertThat(schema.properties().get("rank").type()).isEqualTo(PropertyType.NUMBER);
    assertThat(schema.allowDefinedOnly()).isTrue();
    assertThat(new ObjectMapper().readTree(WIRE.write(schema)).at("/properties/rank/type").asText()).isEqualTo("number");
    assertThatThrownBy(() -> WIRE.readEventSchema("{\"related_object\": \"e\", \"properties\": {\"at\": "
        + "{\"type\": \"geopoint\"}}}", SchemaId.of("ms_2"))).isInstanceOfSatisfying(WireInputException.class,
        e -> assertThat(e.problem()).isEqualTo(WireInputException.Problem.UNKNOWN_ENUM_VALUE));
  }

  @Test
  @DisplayName("a reward body with no type is typed by its one parameters block, as Voucherify's Java SDK 8 sends it")
  void untypedRewards() {
    var material = WIRE.readReward("{\"name\": \"Mug\", \"parameters\": {\"product\": {\"id\": \"prod_1\"}}}",
        io.loyalty.spi.RewardId.of("rew_1"));
    assertThat(material.kind()).isInstanceOf(io.loyalty.spi.reward.RewardKind.Material.class);
  }

  @Test
  @DisplayName("a validation rule reads its numbered rules and logic into the engine's condition tree")
  void validationRule() {
    var rule = WIRE.readValidationRule("{\"name\": \"VIP\", \"error\": {\"message\": \"VIPs only\"}, \"rules\": "
        + "{\"1\": {\"name\": \"customer.segment\", \"conditions\": {\"$in\": [\"seg_1\", \"seg_2\"]}}, "
        + "\"2\": {\"name\": \"order.amount\", \"conditions\": {\"$more_than\": [1000], \"$less_than\": [9000]}}, "
        + "\"3\": {\"name\": \"product.id\", \"conditions\": {\"$is_not\": [\"prod_x\"]}}, "
        + "\"logic\": \"(1 and 2) or 3\"}, \"context_type\": \"earning_rule.order.paid\"}",
        io.loyalty.spi.ValidationRuleId.of("val_1"));
    assertThat(rule.name()).isEqualTo("VIP");
    assertThat(rule.errorMessage()).isEqualTo("VIPs only");
    var numbered = (io.loyalty.spi.program.Condition.Numbered) rule.condition();
    assertThat(numbered.logic()).isEqualTo("(1 and 2) or 3");
    assertThat(numbered.rules().get(1)).isEqualTo(new io.loyalty.spi.program.Condition.InSegment(
        java.util.Set.of(io.loyalty.spi.SegmentId.of("seg_1"), io.loyalty.spi.SegmentId.of("seg_2"))));
    assertThat(numbered.rules().get(2)).isInstanceOf(io.loyalty.spi.program.Condition.All.class);
    assertThat(numbered.rules().get(3)).isEqualTo(new io.loyalty.spi.program.Condition.Items(
        io.loyalty.spi.program.Condition.Quantifier.NONE, java.util.List.of(io.loyalty.spi.program.ItemTarget.product("prod_x")), null));
  }

  @Test
  @DisplayName("a validation rule the engine cannot represent is refused naming the field, never half read")
  void unsupportedValidationRule() {
    assertThatThrownBy(() -> WIRE.readValidationRule("{\"name\": \"x\", \"rules\": {\"1\": {\"name\": "
        + "\"order.items.every\", \"conditions\": {\"$is\": [1]}}, \"2\": {\"name\": \"customer.metadata\", "
        + "\"conditions\": {\"$is\": [1]}}}}", io.loyalty.spi.ValidationRuleId.of("val_2")))
        .isInstanceOfSatisfying(WireInputException.class, e -> assertThat(e.violations()).extracting(v -> v.path())
            .containsExactly("rules.1.name", "rules.2.property"));
  }
}
