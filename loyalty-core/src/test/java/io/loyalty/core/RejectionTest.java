package io.loyalty.core;

import static io.loyalty.core.Fixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.loyalty.spi.InvalidInputException;
import io.loyalty.spi.Metadata;
import io.loyalty.spi.ProductId;
import io.loyalty.spi.RuleId;
import io.loyalty.spi.SchemaId;
import io.loyalty.spi.SegmentId;
import io.loyalty.spi.ValidationRuleId;
import io.loyalty.spi.Violation;
import io.loyalty.spi.card.Card;
import io.loyalty.spi.event.CustomEvent;
import io.loyalty.spi.event.Customer;
import io.loyalty.spi.event.Order;
import io.loyalty.spi.event.OrderItem;
import io.loyalty.spi.event.OrderPaid;
import io.loyalty.spi.program.EarningRule;
import io.loyalty.spi.program.EventSchema;
import io.loyalty.spi.program.Measure;
import io.loyalty.spi.program.PointsFormula;
import io.loyalty.spi.program.Trigger;
import java.math.BigDecimal;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Bad definitions and events are rejected whole, naming every offending field, and nothing is written. */
class RejectionTest {
  static List<String> paths(InvalidInputException e) {
    return e.violations().stream().map(Violation::path).toList();
  }

  @Test
  void a_program_with_many_faults_lists_every_offending_field_and_is_not_stored() {
    LoyaltyEngine engine = Fixtures.engine().build();
    var program = Fixtures.program(
        Fixtures.orderRule("dup", PointsFormula.fixed(0)),
        Fixtures.orderRule("dup", PointsFormula.proportional(new Measure.OrderAmount(), 0, -1)),
        EarningRule.builder(RuleId.of("seg"), new Trigger.SegmentEntered(SegmentId.of("seg_1")),
            PointsFormula.proportional(new Measure.OrderAmount(), 100, 1)).build(),
        EarningRule.builder(RuleId.of("custom"), new Trigger.CustomEvent("page_view", SchemaId.of("ms_missing")),
            PointsFormula.fixed(1)).build(),
        Fixtures.orderRule("meta", PointsFormula.proportional(new Measure.OrderMetadata(" "), 1, 1)).toBuilder()
            .validationRule(ValidationRuleId.of("val_missing")).build());
    InvalidInputException e = catchThrowableOfType(InvalidInputException.class, () -> engine.define(program));
    assertThat(e.code()).isEqualTo("invalid_payload");
    assertThat(paths(e)).containsExactlyInAnyOrder(
        "earning_rules[0].loyalty.points",
        "earning_rules[1].id",
        "earning_rules[1].loyalty.order.amount.every",
        "earning_rules[1].loyalty.order.amount.points",
        "earning_rules[2].loyalty.calculation_type",
        "earning_rules[3].custom_event.schema_id",
        "earning_rules[4].loyalty.order.metadata.property",
        "earning_rules[4].validation_rule_id");
    assertThat(e.getMessage()).contains("earning_rules[1].loyalty.order.amount.every must be from 1");
    assertThat(catchThrowableOfType(io.loyalty.spi.NotFoundException.class, () -> engine.program(Fixtures.PROGRAM)))
        .isNotNull();
  }

  @Test
  void an_inconsistent_order_lists_every_offending_field_and_writes_nothing() {
    LoyaltyEngine engine = Fixtures.engine().build();
    engine.define(Fixtures.program(Fixtures.perAmount("r", 100, 1)));
    Customer alice = Fixtures.customer("alice");
    Card card = engine.enrol(Fixtures.PROGRAM, alice.id());
    OrderItem badLine = new OrderItem(ProductId.of("p"), null, 0, 100, 300, 400, Metadata.EMPTY);
    OrderItem noProduct = new OrderItem(null, null, 1, 100, 100, 100, Metadata.EMPTY);
    Order order = new Order(io.loyalty.spi.OrderId.of("o"), Currency.getInstance("USD"), 1_000, 2_000,
        List.of(badLine, noProduct), Metadata.EMPTY);
    InvalidInputException e = catchThrowableOfType(InvalidInputException.class,
        () -> engine.apply(OrderPaid.of("e", T0, alice, order)));
    assertThat(paths(e)).containsExactlyInAnyOrder(
        "order.total_amount", "order.items[0].quantity", "order.items[1]");
    assertThat(engine.ledger(card.code())).isEmpty();
    // the rejected id is not burnt: the corrected event applies
    assertThat(engine.apply(Fixtures.paid("e", alice, "o", 1_000)).points()).isEqualTo(10);
  }

  @Test
  void amounts_near_long_max_are_rejected_with_a_typed_error() {
    LoyaltyEngine engine = Fixtures.engine().build();
    engine.define(Fixtures.program(Fixtures.perAmount("r", 1, 1)));
    Customer alice = Fixtures.customer("alice");
    engine.enrol(Fixtures.PROGRAM, alice.id());
    InvalidInputException e = catchThrowableOfType(InvalidInputException.class,
        () -> engine.apply(OrderPaid.of("e", T0, alice, Order.ofAmount("o", "USD", Long.MAX_VALUE - 1))));
    assertThat(paths(e)).contains("order.amount", "order.total_amount");
  }

  @Test
  void points_beyond_long_range_are_an_overflow_error_and_nothing_is_written() {
    LoyaltyEngine engine = Fixtures.engine().build();
    engine.define(Fixtures.program(Fixtures.orderRule("r",
        PointsFormula.proportional(new Measure.OrderMetadata("n"), 1, 1_000_000_000_000L))));
    Customer alice = Fixtures.customer("alice");
    Card card = engine.enrol(Fixtures.PROGRAM, alice.id());
    Order order = Order.ofAmount("o", "USD", 100).withMetadata(Metadata.of("n", new BigDecimal("100000000000000000000")));
    OverflowException e = catchThrowableOfType(OverflowException.class,
        () -> engine.apply(OrderPaid.of("e", T0, alice, order)));
    assertThat(e.code()).isEqualTo("value_out_of_range");
    assertThat(engine.ledger(card.code())).isEmpty();
  }

  @Test
  void a_custom_event_breaking_its_schema_lists_every_offending_property() {
    SchemaId id = SchemaId.of("ms_review");
    EventSchema schema = new EventSchema(id, "submit_review", Map.of(
        "rank", EventSchema.PropertySpec.required(EventSchema.PropertyType.NUMBER),
        "url", EventSchema.PropertySpec.required(EventSchema.PropertyType.STRING)), true);
    LoyaltyEngine engine = Fixtures.engine().eventSchemas(schema).build();
    engine.define(Fixtures.program(EarningRule.builder(RuleId.of("r"), new Trigger.CustomEvent("submit_review", id),
        PointsFormula.fixed(5)).build()));
    Customer alice = Fixtures.customer("alice");
    engine.enrol(Fixtures.PROGRAM, alice.id());
    InvalidInputException e = catchThrowableOfType(InvalidInputException.class, () -> engine.apply(
        CustomEvent.of("e", T0, alice, "submit_review", Metadata.of("rank", "five", "spam", true))));
    assertThat(paths(e)).containsExactlyInAnyOrder("metadata.rank", "metadata.url", "metadata.spam");
    InvalidInputException unknown = catchThrowableOfType(InvalidInputException.class, () -> engine.apply(
        CustomEvent.of("e2", T0, alice, "undeclared", Metadata.EMPTY)));
    assertThat(paths(unknown)).containsExactly("event");
  }
}
