package io.loyalty.core.internal.condition;

import static io.loyalty.core.internal.condition.Events.compile;
import static io.loyalty.core.internal.condition.Events.custom;
import static io.loyalty.core.internal.condition.Events.noOrder;
import static io.loyalty.core.internal.condition.Events.paid;
import static io.loyalty.core.internal.condition.Events.segmentEntered;
import static org.assertj.core.api.Assertions.assertThat;

import io.loyalty.core.internal.eval.EvaluationContext;
import io.loyalty.spi.Metadata;
import io.loyalty.spi.event.Order;
import io.loyalty.spi.program.Comparison;
import io.loyalty.spi.program.Condition;
import io.loyalty.spi.program.Operator;
import java.math.BigDecimal;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Metadata properties of texts, numbers and flags against every operator, and missing properties. */
class MetadataConditionTest {
  private static final EvaluationContext ORDER = paid(Order.ofAmount("ord_1", "EUR", 100)
      .withMetadata(Metadata.of("tier", "gold", "rank", 5, "ratio", new BigDecimal("1.50"), "vip", true)));

  private static String failure(String property, Operator operator, Object... operands) {
    return compile(new Condition.OrderMetadata(property, Comparison.of(operator, operands))).failure(ORDER);
  }

  @Test
  @DisplayName("$is holds for an equal text")
  void isText() {
    assertThat(failure("tier", Operator.IS, "gold")).isNull();
  }

  @Test
  @DisplayName("$is fails for another text and shows the actual value")
  void isTextFails() {
    assertThat(failure("tier", Operator.IS, "silver")).isEqualTo("order.metadata.tier $is \"silver\" (was \"gold\")");
  }

  @Test
  @DisplayName("$is compares texts case-sensitively")
  void isCaseSensitive() {
    assertThat(failure("tier", Operator.IS, "Gold")).isNotNull();
  }

  @Test
  @DisplayName("$is compares numbers by value, so 5 equals 5.00")
  void isNumberByValue() {
    assertThat(failure("rank", Operator.IS, new BigDecimal("5.00"))).isNull();
  }

  @Test
  @DisplayName("$is holds for an equal flag")
  void isFlag() {
    assertThat(failure("vip", Operator.IS, true)).isNull();
  }

  @Test
  @DisplayName("$is fails for the opposite flag")
  void isFlagFails() {
    assertThat(failure("vip", Operator.IS, false)).isEqualTo("order.metadata.vip $is false (was true)");
  }

  @Test
  @DisplayName("$is does not equate a number with its text")
  void isDoesNotConvert() {
    assertThat(failure("rank", Operator.IS, "5")).isNotNull();
  }

  @Test
  @DisplayName("$is fails when the property is missing")
  void isMissing() {
    assertThat(failure("coupon", Operator.IS, "x")).isEqualTo("order.metadata.coupon $is \"x\" (was missing)");
  }

  @Test
  @DisplayName("$is_not holds for another value")
  void isNotHolds() {
    assertThat(failure("tier", Operator.IS_NOT, "silver")).isNull();
  }

  @Test
  @DisplayName("$is_not fails for an equal value")
  void isNotFails() {
    assertThat(failure("vip", Operator.IS_NOT, true)).isNotNull();
  }

  @Test
  @DisplayName("$is_not holds when the property is missing")
  void isNotMissing() {
    assertThat(failure("coupon", Operator.IS_NOT, "x")).isNull();
  }

  @Test
  @DisplayName("$in holds when the value is listed among values of several types")
  void inHolds() {
    assertThat(failure("rank", Operator.IN, "gold", 5, true)).isNull();
  }

  @Test
  @DisplayName("$in fails when the value is not listed")
  void inFails() {
    assertThat(failure("tier", Operator.IN, "silver", "bronze"))
        .isEqualTo("order.metadata.tier $in [\"silver\", \"bronze\"] (was \"gold\")");
  }

  @Test
  @DisplayName("$in fails when the property is missing")
  void inMissing() {
    assertThat(failure("coupon", Operator.IN, "x")).isNotNull();
  }

  @Test
  @DisplayName("$not_in holds when the value is not listed")
  void notInHolds() {
    assertThat(failure("tier", Operator.NOT_IN, "silver")).isNull();
  }

  @Test
  @DisplayName("$not_in fails when the value is listed")
  void notInFails() {
    assertThat(failure("tier", Operator.NOT_IN, "gold", "silver")).isNotNull();
  }

  @Test
  @DisplayName("$not_in holds when the property is missing")
  void notInMissing() {
    assertThat(failure("coupon", Operator.NOT_IN, "x")).isNull();
  }

  @Test
  @DisplayName("$more_than holds for a larger number")
  void moreThan() {
    assertThat(failure("rank", Operator.MORE_THAN, 4)).isNull();
  }

  @Test
  @DisplayName("$more_than_or_equal holds at the bound")
  void moreThanOrEqual() {
    assertThat(failure("rank", Operator.MORE_THAN_OR_EQUAL, 5)).isNull();
  }

  @Test
  @DisplayName("$less_than compares decimals exactly")
  void lessThanDecimal() {
    assertThat(failure("ratio", Operator.LESS_THAN, new BigDecimal("1.51"))).isNull();
  }

  @Test
  @DisplayName("$less_than fails at the bound")
  void lessThanAtBound() {
    assertThat(failure("ratio", Operator.LESS_THAN, new BigDecimal("1.5"))).isEqualTo(
        "order.metadata.ratio $less_than 1.5 (was 1.5)");
  }

  @Test
  @DisplayName("$less_than_or_equal holds at the bound")
  void lessThanOrEqual() {
    assertThat(failure("ratio", Operator.LESS_THAN_OR_EQUAL, new BigDecimal("1.5"))).isNull();
  }

  @Test
  @DisplayName("an ordering operator fails on a text")
  void orderingOnText() {
    assertThat(failure("tier", Operator.MORE_THAN, 0)).isEqualTo("order.metadata.tier $more_than 0 (was \"gold\")");
  }

  @Test
  @DisplayName("an ordering operator fails on a flag")
  void orderingOnFlag() {
    assertThat(failure("vip", Operator.LESS_THAN, 10)).isNotNull();
  }

  @Test
  @DisplayName("an ordering operator fails when the property is missing")
  void orderingOnMissing() {
    assertThat(failure("coupon", Operator.LESS_THAN_OR_EQUAL, 10)).isNotNull();
  }

  @Test
  @DisplayName("$starts_with holds for a text with that prefix")
  void startsWith() {
    assertThat(failure("tier", Operator.STARTS_WITH, "go")).isNull();
  }

  @Test
  @DisplayName("$starts_with fails for a text without that prefix")
  void startsWithFails() {
    assertThat(failure("tier", Operator.STARTS_WITH, "ld")).isNotNull();
  }

  @Test
  @DisplayName("$ends_with holds for a text with that suffix")
  void endsWith() {
    assertThat(failure("tier", Operator.ENDS_WITH, "ld")).isNull();
  }

  @Test
  @DisplayName("$ends_with fails for a text without that suffix")
  void endsWithFails() {
    assertThat(failure("tier", Operator.ENDS_WITH, "go")).isNotNull();
  }

  @Test
  @DisplayName("$contains holds for a text containing the part")
  void contains() {
    assertThat(failure("tier", Operator.CONTAINS, "ol")).isNull();
  }

  @Test
  @DisplayName("$contains fails for a text not containing the part")
  void containsFails() {
    assertThat(failure("tier", Operator.CONTAINS, "x")).isNotNull();
  }

  @Test
  @DisplayName("a textual operator fails on a number, even when its digits would match")
  void textualOnNumber() {
    assertThat(failure("rank", Operator.STARTS_WITH, "5")).isNotNull();
  }

  @Test
  @DisplayName("a textual operator fails when the property is missing")
  void textualOnMissing() {
    assertThat(failure("coupon", Operator.CONTAINS, "a")).isNotNull();
  }

  @Test
  @DisplayName("$exists holds for a present property")
  void exists() {
    assertThat(failure("vip", Operator.IS_DEFINED)).isNull();
  }

  @Test
  @DisplayName("$exists fails for a missing property")
  void existsMissing() {
    assertThat(failure("coupon", Operator.IS_DEFINED)).isEqualTo("order.metadata.coupon $exists (was missing)");
  }

  @Test
  @DisplayName("customer.metadata reads the customer's metadata")
  void customerMetadata() {
    EvaluationContext ctx = segmentEntered(Events.customer().withMetadata(Metadata.of("country", "PL")));
    assertThat(compile(new Condition.CustomerMetadata("country", Comparison.is("PL"))).test(ctx)).isTrue();
  }

  @Test
  @DisplayName("custom_event.metadata reads the custom event's metadata")
  void eventMetadata() {
    EvaluationContext ctx = custom(Metadata.of("page", "/pricing"));
    assertThat(compile(new Condition.EventMetadata("page", Comparison.of(Operator.STARTS_WITH, "/pri"))).test(ctx))
        .isTrue();
  }

  @Test
  @DisplayName("custom_event.metadata is missing on an order event")
  void eventMetadataOnOrder() {
    assertThat(compile(new Condition.EventMetadata("page", Comparison.of(Operator.IS_DEFINED))).failure(ORDER))
        .isEqualTo("custom_event.metadata.page $exists (was missing)");
  }

  @Test
  @DisplayName("order.metadata fails on an event without an order, even for $is_not")
  void orderMetadataWithoutOrder() {
    assertThat(compile(new Condition.OrderMetadata("tier", Comparison.of(Operator.IS_NOT, "x"))).failure(noOrder()))
        .isEqualTo("order.metadata.tier $is_not \"x\" (the event has no order)");
  }
}
