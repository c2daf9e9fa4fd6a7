package io.loyalty.json;

import static io.loyalty.json.Bodies.WIRE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.loyalty.json.WireInputException.Problem;
import io.loyalty.spi.ErrorCode;
import io.loyalty.spi.ProgramId;
import io.loyalty.spi.RuleId;
import io.loyalty.spi.Violation;
import java.time.Instant;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Bodies the wire must refuse: each a {@link WireInputException} with a stable problem and the field's path. */
class HostileInputTest {
  private static final RuleId RULE = RuleId.of("ern_1");
  private static final ProgramId PROGRAM = ProgramId.of("camp_1");
  private static final Instant NOW = Instant.parse("2024-01-01T00:00:00Z");

  private static void refused(ThrowingCallable read, Problem problem, String path) {
    assertThatThrownBy(read)
        .isInstanceOfSatisfying(WireInputException.class, e -> {
          assertThat(e.problem()).isEqualTo(problem);
          assertThat(e.errorCode()).isEqualTo(ErrorCode.INVALID_PAYLOAD);
          assertThat(e.violations()).extracting(Violation::path).contains(path);
        });
  }

  private static String rule(String loyalty) {
    return "{\"event\": \"order.paid\", \"loyalty\": " + loyalty + "}";
  }

  @Nested
  @DisplayName("unknown fields")
  class UnknownFields {
    @Test
    @DisplayName("a misspelt field is reported with its path, not dropped")
    void misspeltField() {
      refused(() -> WIRE.readProgram("{\"name\": \"p\", \"auto_jion\": true}", PROGRAM), Problem.UNKNOWN_FIELD, "auto_jion");
    }

    @Test
    @DisplayName("an unknown field deep in an array names the element")
    void deepUnknownField() {
      refused(() -> WIRE.readEarningRules("[{\"event\": \"order.paid\", \"loyalty\": {\"points\": 1}},"
              + " {\"event\": \"order.paid\", \"loyalty\": {\"points\": 1, \"bonus\": 2}}]", () -> RULE),
          Problem.UNKNOWN_FIELD, "[1].loyalty.bonus");
    }

    @Test
    @DisplayName("Voucherify's read-only and bookkeeping fields are accepted and ignored")
    void knownReadOnlyFieldsAreIgnored() {
      var p = WIRE.readProgram("{\"name\": \"p\", \"creation_status\": \"DONE\", \"categories\": [], \"protected\": false,"
          + " \"description\": \"d\", \"join_once\": false}", PROGRAM);

      assertThat(p.name()).isEqualTo("p");
    }
  }

  @Nested
  @DisplayName("unknown enum values")
  class UnknownEnums {
    @Test
    @DisplayName("an unknown calculation type lists the allowed ones")
    void calculationType() {
      assertThatThrownBy(() -> WIRE.readEarningRule(rule("{\"type\": \"PROPORTIONAL\", \"calculation_type\": \"ORDER_WEIGHT\"}"), RULE))
          .isInstanceOfSatisfying(WireInputException.class, e -> {
            assertThat(e.problem()).isEqualTo(Problem.UNKNOWN_ENUM_VALUE);
            assertThat(e.violations().get(0).path()).isEqualTo("loyalty.calculation_type");
            assertThat(e.violations().get(0).message()).contains("ORDER_AMOUNT", "CUSTOM_EVENT_METADATA");
            assertThat(e.violations().get(0).value()).isEqualTo("ORDER_WEIGHT");
          });
    }

    @Test
    @DisplayName("an unknown pool type is refused, never defaulted")
    void poolType() {
      refused(() -> WIRE.readProgram("{\"name\": \"p\", \"type\": \"DYNAMIC\"}", PROGRAM), Problem.UNKNOWN_ENUM_VALUE, "type");
    }

    @Test
    @DisplayName("an unknown tier event is refused, not taken for a custom event")
    void tierEvent() {
      refused(() -> WIRE.readEarningRule("{\"event\": \"customer.loyalty.tier.expiration.changed\", \"loyalty\": {\"points\": 1},"
          + " \"loyalty_tier\": {\"id\": \"ltr_1\"}}", RULE), Problem.UNKNOWN_ENUM_VALUE, "event");
    }

    @Test
    @DisplayName("an enum value in the wrong case is unknown")
    void wrongCase() {
      refused(() -> WIRE.readEarningRule(rule("{\"type\": \"fixed\", \"points\": 1}"), RULE), Problem.UNKNOWN_ENUM_VALUE,
          "loyalty.type");
    }
  }

  @Nested
  @DisplayName("wrong types, nulls and missing values")
  class Types {
    @Test
    @DisplayName("text where points are a number")
    void textForPoints() {
      refused(() -> WIRE.readEarningRule(rule("{\"type\": \"FIXED\", \"points\": \"five\"}"), RULE), Problem.WRONG_TYPE,
          "loyalty.points");
    }

    @Test
    @DisplayName("a number where a name is text is not coerced")
    void numberForText() {
      refused(() -> WIRE.readProgram("{\"name\": 5}", PROGRAM), Problem.WRONG_TYPE, "name");
    }

    @Test
    @DisplayName("an object where a list is expected")
    void objectForList() {
      refused(() -> WIRE.readProgram("{\"name\": \"p\", \"validity_day_of_week\": {\"0\": true}}", PROGRAM),
          Problem.WRONG_TYPE, "validity_day_of_week");
    }

    @Test
    @DisplayName("a text where a flag is expected is not coerced")
    void textForFlag() {
      refused(() -> WIRE.readProgram("{\"name\": \"p\", \"auto_join\": \"true\"}", PROGRAM), Problem.WRONG_TYPE, "auto_join");
    }

    @Test
    @DisplayName("null where points are required")
    void nullPoints() {
      refused(() -> WIRE.readEarningRule(rule("{\"type\": \"FIXED\", \"points\": null}"), RULE), Problem.MISSING_VALUE,
          "loyalty.points");
    }

    @Test
    @DisplayName("a missing every of a proportional rule")
    void missingEvery() {
      refused(() -> WIRE.readEarningRule(rule("{\"type\": \"PROPORTIONAL\", \"calculation_type\": \"ORDER_AMOUNT\","
          + " \"order\": {\"amount\": {\"points\": 1}}}"), RULE), Problem.MISSING_VALUE, "loyalty.order.amount.every");
    }

    @Test
    @DisplayName("a null body, and a list where an object is expected")
    void nullAndListBodies() {
      refused(() -> WIRE.readProgram("null", PROGRAM), Problem.MISSING_VALUE, "$");
      refused(() -> WIRE.readProgram("[]", PROGRAM), Problem.WRONG_TYPE, "$");
    }

    @Test
    @DisplayName("every offending field of a body is named at once")
    void everyViolation() {
      assertThatThrownBy(() -> WIRE.readProgram("{\"type\": \"STATIC\", \"vouchers_count\": -1,"
          + " \"start_date\": \"yesterday\"}", PROGRAM))
          .isInstanceOfSatisfying(WireInputException.class, e -> assertThat(e.violations()).extracting(Violation::path)
              .containsExactlyInAnyOrder("name", "vouchers_count", "start_date"));
    }
  }

  @Nested
  @DisplayName("numbers")
  class Numbers {
    @Test
    @DisplayName("points beyond long are out of range")
    void pointsBeyondLong() {
      refused(() -> WIRE.readEarningRule(rule("{\"type\": \"FIXED\", \"points\": 9223372036854775808}"), RULE),
          Problem.OUT_OF_RANGE, "loyalty.points");
    }

    @Test
    @DisplayName("points beyond long given as text are out of range")
    void textPointsBeyondLong() {
      refused(() -> WIRE.readEarningRule(rule("{\"type\": \"FIXED\", \"points\": \"99999999999999999999\"}"), RULE),
          Problem.OUT_OF_RANGE, "loyalty.points");
    }

    @Test
    @DisplayName("an amount with a fraction is not minor units, and is not truncated")
    void fractionalAmount() {
      refused(() -> WIRE.readOrderPaid("{\"id\": \"o\", \"status\": \"PAID\", \"customer_id\": \"c\", \"amount\": 100.5}", NOW),
          Problem.NOT_AN_INTEGER, "amount");
    }

    @Test
    @DisplayName("fractional points given as text are not whole points")
    void fractionalTextPoints() {
      refused(() -> WIRE.readEarningRule(rule("{\"type\": \"FIXED\", \"points\": \"5.5\"}"), RULE), Problem.NOT_AN_INTEGER,
          "loyalty.points");
    }

    @Test
    @DisplayName("negative counts and days out of the week are out of range")
    void negatives() {
      refused(() -> WIRE.readOrderPaid("{\"id\": \"o\", \"status\": \"PAID\", \"customer_id\": \"c\","
          + " \"items\": [{\"product_id\": \"p\", \"quantity\": -2, \"price\": 100}]}", NOW), Problem.OUT_OF_RANGE, "items[0].quantity");
      refused(() -> WIRE.readProgram("{\"name\": \"p\", \"validity_day_of_week\": [7]}", PROGRAM), Problem.OUT_OF_RANGE,
          "validity_day_of_week[0]");
    }

    @Test
    @DisplayName("line amounts that add up past long are out of range, not wrapped")
    void amountsOverflow() {
      refused(() -> WIRE.readOrderPaid("{\"id\": \"o\", \"status\": \"PAID\", \"customer_id\": \"c\", \"items\": ["
          + "{\"product_id\": \"p\", \"quantity\": 1, \"price\": 9223372036854775807},"
          + "{\"product_id\": \"q\", \"quantity\": 1, \"price\": 9223372036854775807}]}", NOW), Problem.OUT_OF_RANGE, "items");
    }

    @Test
    @DisplayName("a number of a thousand digits goes past the reader's limits")
    void hugeNumber() {
      refused(() -> WIRE.readEarningRule(rule("{\"type\": \"FIXED\", \"points\": " + "9".repeat(1000) + "}"), RULE),
          Problem.LIMIT_EXCEEDED, "loyalty.points");
    }
  }

  @Nested
  @DisplayName("malformed and oversized bodies")
  class Shapes {
    @Test
    @DisplayName("JSON cut short")
    void truncated() {
      refused(() -> WIRE.readProgram("{\"name\": \"p\", \"metadata\": {\"a\":", PROGRAM), Problem.MALFORMED_JSON, "metadata.a");
    }

    @Test
    @DisplayName("a second body after the first")
    void trailingTokens() {
      refused(() -> WIRE.readProgram("{\"name\": \"p\"} {\"name\": \"q\"}", PROGRAM), Problem.MALFORMED_JSON, "$");
    }

    @Test
    @DisplayName("a field given twice is refused, not last-one-wins")
    void duplicateField() {
      refused(() -> WIRE.readEarningRule(rule("{\"type\": \"FIXED\", \"points\": 1, \"points\": 1000000}"), RULE),
          Problem.MALFORMED_JSON, "loyalty.points");
    }

    @Test
    @DisplayName("nesting deeper than the limit")
    void deepNesting() {
      String deep = "{\"a\":".repeat(100) + "1" + "}".repeat(100);
      assertThatThrownBy(() -> WIRE.readProgram("{\"name\": \"p\", \"metadata\": " + deep + "}", PROGRAM))
          .isInstanceOfSatisfying(WireInputException.class, e -> {
            assertThat(e.problem()).isEqualTo(Problem.LIMIT_EXCEEDED);
            // the path is quoted like any value: cut to a bounded length, its full length told
            assertThat(e.violations().get(0).path()).startsWith("metadata.a.a.a").endsWith("characters)");
            assertThat(e.getMessage()).contains("nesting depth 32");
          });
    }

    @Test
    @DisplayName("a string longer than the limit")
    void hugeString() {
      refused(() -> WIRE.readProgram("{\"name\": \"" + "x".repeat(200_000) + "\"}", PROGRAM), Problem.LIMIT_EXCEEDED, "name");
    }

    @Test
    @DisplayName("a name longer than the program's limit is named with the limit")
    void longName() {
      assertThatThrownBy(() -> WIRE.readProgram("{\"name\": \"" + "x".repeat(300) + "\"}", PROGRAM))
          .isInstanceOfSatisfying(WireInputException.class, e -> {
            assertThat(e.problem()).isEqualTo(Problem.LIMIT_EXCEEDED);
            assertThat(e.getMessage()).contains("name", "255");
          });
    }

    @Test
    @DisplayName("nested metadata is not supported, and says so")
    void nestedMetadata() {
      refused(() -> WIRE.readProgram("{\"name\": \"p\", \"metadata\": {\"tags\": [\"a\"]}}", PROGRAM), Problem.NOT_SUPPORTED,
          "metadata.tags");
    }

    @Test
    @DisplayName("a points formula is read on FIXED (its points the fallback), and refused on PROPORTIONAL")
    void pointsFormula() {
      io.loyalty.spi.program.EarningRule read = WIRE.readEarningRule(
          rule("{\"type\": \"FIXED\", \"points\": 1, \"points_formula\": \"ORDER_AMOUNT * 2\"}"), RULE);
      org.assertj.core.api.Assertions.assertThat(read.formula())
          .isEqualTo(io.loyalty.spi.program.PointsFormula.dynamic("ORDER_AMOUNT * 2", 1));
      refused(() -> WIRE.readEarningRule(rule("{\"type\": \"PROPORTIONAL\", \"calculation_type\": \"ORDER_AMOUNT\","
          + " \"points_formula\": \"ORDER_AMOUNT * 2\", \"order\": {\"amount\": {\"every\": 1, \"points\": 1}}}"),
          RULE), Problem.NOT_SUPPORTED, "loyalty.points_formula");
    }
  }

  @Nested
  @DisplayName("values the engine rejects")
  class Values {
    @Test
    @DisplayName("a date-time without an offset")
    void dateWithoutOffset() {
      refused(() -> WIRE.readProgram("{\"name\": \"p\", \"start_date\": \"2024-01-01T00:00:00\"}", PROGRAM),
          Problem.INVALID_VALUE, "start_date");
    }

    @Test
    @DisplayName("a duration that is not ISO 8601")
    void badDuration() {
      refused(() -> WIRE.readProgram("{\"name\": \"p\", \"activity_duration_after_publishing\": \"24 days\"}", PROGRAM),
          Problem.INVALID_VALUE, "activity_duration_after_publishing");
    }

    @Test
    @DisplayName("an id with a control character is refused, and a customer id is never quoted")
    void badIds() {
      refused(() -> WIRE.readEarningRule("{\"event\": \"customer.segment.entered\", \"segment\": {\"id\": \"seg\\u0000\"},"
          + " \"loyalty\": {\"points\": 1}}", RULE), Problem.INVALID_VALUE, "segment.id");
      assertThatThrownBy(() -> WIRE.readOrderPaid("{\"id\": \"o\", \"status\": \"PAID\", \"amount\": 1,"
          + " \"customer\": {\"source_id\": \"alice\\u0007@x\"}}", NOW))
          .isInstanceOfSatisfying(WireInputException.class, e -> {
            assertThat(e.violations()).extracting(Violation::path).containsExactly("customer.source_id");
            assertThat(e.violations().get(0).value()).isNull();
            assertThat(e.getMessage()).doesNotContain("alice");
          });
    }

    @Test
    @DisplayName("an order not PAID is no order.paid event")
    void unpaidOrder() {
      refused(() -> WIRE.readOrderPaid("{\"id\": \"o\", \"status\": \"CREATED\", \"customer_id\": \"c\", \"amount\": 1}", NOW),
          Problem.UNKNOWN_ENUM_VALUE, "status");
    }

    @Test
    @DisplayName("pending points beyond Voucherify's 90 days")
    void pendingTooLong() {
      refused(() -> WIRE.readEarningRule("{\"event\": \"order.paid\", \"loyalty\": {\"points\": 1},"
          + " \"pending_points\": {\"period_type\": \"DAY\", \"period_value\": 91}}", RULE), Problem.OUT_OF_RANGE,
          "pending_points.period_value");
    }
  }
}
