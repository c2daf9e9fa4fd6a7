package io.loyalty.json;

import static io.loyalty.json.Bodies.WIRE;
import static org.assertj.core.api.Assertions.assertThat;

import io.loyalty.spi.ErrorCode;
import io.loyalty.spi.NotFoundException;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Every engine error code has a Voucherify key and status; errors come out as Voucherify's error object. */
class ErrorMappingTest {
  /** The keys of the digest's section 13.2 (v1, and the v2 keys reused for v1), and v2's own keys of section 12. */
  private static final Set<String> VOUCHERIFY_KEYS = Set.of("loyalty_card_points_exceeded", "missing_reward",
      "missing_order", "no_voucher_suitable_for_publication", "voucher_already_published", "duplicate_source_id",
      "missing_vouchers", "not_found", "resource_not_found", "campaign_not_active", "loyalty_card_not_active",
      "campaign_not_allow_auto_join", "voucher_disabled", "voucher_expired", "voucher_not_active",
      "voucher_not_active_now", "quantity_exceeded", "customer_rules_violated", "order_rules_violated",
      "redemption_rules_violated", "invalid_add_balance_params", "invalid_payload", "already_rolled_back",
      "duplicate_found", "duplicate_resource_key", "multiple_requests", "member_already_exists", "reward_out_of_stock",
      "invalid_pending_points_bucket_status", "non_active_program");

  @Test
  @DisplayName("every error code maps to a key of section 13.2 and a status of 13.1 (5xx keep the engine's key)")
  void everyCodeIsMapped() {
    for (ErrorCode code : ErrorCode.values()) {
      String key = ErrorMapping.key(code);
      int status = ErrorMapping.status(code);

      assertThat(status).as("%s", code).isIn(400, 404, 409, 423, 500, 503); // 423: v2's locked states
      if (status >= 500) {
        assertThat(key).as("%s", code).isEqualTo(code.key());
      } else {
        assertThat(VOUCHERIFY_KEYS).as("%s maps to %s", code, key).contains(key);
      }
      assertThat(status).as("%s agrees with the registry's status", code).isEqualTo(code.httpStatus());
      if (code.isVoucherifyKey()) {
        assertThat(key).as("%s is Voucherify's own key", code).isEqualTo(code.key());
      }
    }
  }

  @Test
  @DisplayName("an unknown card is a 404 naming the resource")
  void notFound() {
    WireError error = WIRE.error(new NotFoundException("card", "CARD-1"), "req_1");

    assertThat(error.status()).isEqualTo(404);
    assertThat(error.key()).isEqualTo("not_found");
    assertThat(error.body()).isEqualTo("{\"code\":404,\"key\":\"not_found\",\"message\":\"not found\","
        + "\"details\":\"card CARD-1 does not exist\",\"request_id\":\"req_1\",\"resource_id\":\"CARD-1\","
        + "\"resource_type\":\"card\"}");
  }

  @Test
  @DisplayName("an unreadable body is a 400 invalid_payload whose details name the field")
  void unreadableBody() {
    WireError error = WIRE.error(WireInputException.of(WireInputException.Problem.UNKNOWN_FIELD, "auto_jion",
        "is not a field of this object", "auto_jion"), null);

    assertThat(error.status()).isEqualTo(400);
    assertThat(error.body()).startsWith("{\"code\":400,\"key\":\"invalid_payload\",\"message\":\"invalid payload\","
        + "\"details\":\"unknown_field: auto_jion is not a field").doesNotContain("request_id");
  }

  @Test
  @DisplayName("an engine key without a Voucherify twin keeps the engine's key in the details")
  void engineOnlyKeyInDetails() {
    WireError error = WIRE.error(new io.loyalty.core.OverflowException("the points exceed the range"), "r");

    assertThat(error.key()).isEqualTo("invalid_payload");
    assertThat(error.body()).contains("\"details\":\"value_out_of_range: the points exceed the range\"");
  }

  @Test
  @DisplayName("a failure outside the engine's registry is a 500 that quotes nothing of it")
  void unexpectedFailure() {
    WireError error = WIRE.error(new IllegalStateException("secret alice@example.com"), "r");

    assertThat(error.status()).isEqualTo(500);
    assertThat(error.body()).doesNotContain("alice", "secret", "IllegalState");
  }
}
