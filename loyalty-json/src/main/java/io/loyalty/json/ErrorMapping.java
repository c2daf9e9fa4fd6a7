package io.loyalty.json;

import io.loyalty.spi.ErrorCode;

/**
 * Every engine error code mapped to the key and HTTP status Voucherify answers with (the digest's sections 13.1 and
 * 13.2). Where Voucherify documents the same case the key is the engine's own; where it does not, the nearest
 * documented key is used and the engine's key is kept in the error object's {@code details}. Server errors (5xx) have
 * no Voucherify key and keep the engine's. Stateless and thread-safe.
 */
public final class ErrorMapping {
  private ErrorMapping() {}

  /** Voucherify's {@code key} for the code, never {@code null}. */
  public static String key(ErrorCode code) {
    return switch (code) {
      case INVALID_PAYLOAD, VALUE_OUT_OF_RANGE -> "invalid_payload";
      case NOT_FOUND -> "not_found";
      case LOYALTY_CARD_POINTS_EXCEEDED -> "loyalty_card_points_exceeded";
      case MISSING_REWARD -> "missing_reward";
      case MISSING_ORDER -> "missing_order";
      case NO_VOUCHER_SUITABLE_FOR_PUBLICATION, CODES_EXHAUSTED -> "no_voucher_suitable_for_publication";
      case VOUCHER_ALREADY_PUBLISHED -> "voucher_already_published";
      case DUPLICATE_SOURCE_ID -> "duplicate_source_id";
      case CAMPAIGN_NOT_ACTIVE -> "campaign_not_active";
      // a card without a holder collects nothing, as a switched-off one
      case LOYALTY_CARD_NOT_ACTIVE, CARD_NOT_PUBLISHED -> "loyalty_card_not_active";
      case VOUCHER_DISABLED -> "voucher_disabled";
      case VOUCHER_EXPIRED -> "voucher_expired";
      case QUANTITY_EXCEEDED, AUTO_REDEEM_DAILY_LIMIT -> "quantity_exceeded";
      case CUSTOMER_RULES_VIOLATED -> "customer_rules_violated";
      case PAYMENT_EXCEEDS_ORDER_TOTAL -> "order_rules_violated";
      case ROLLBACK_WINDOW_PASSED, REWARD_FULFILMENT_FAILED, SPENDING_LIMIT_EXCEEDED -> "redemption_rules_violated";
      case ALREADY_ROLLED_BACK -> "already_rolled_back";
      case MULTIPLE_REQUESTS, DEFINITION_CONFLICT -> "multiple_requests";
      case EVENT_ID_REUSED, DUPLICATE_REDEMPTION_ID -> "duplicate_resource_key";
      case MEMBER_ALREADY_EXISTS -> "member_already_exists";
      case NON_ACTIVE_PROGRAM -> "non_active_program";
      case REWARD_OUT_OF_STOCK -> "reward_out_of_stock";
      case INVALID_PENDING_POINTS_BUCKET_STATUS -> "invalid_pending_points_bucket_status";
      case STORED_DEFINITION_UNREADABLE, CLOCK_OUT_OF_RANGE, STORE_FAILURE, STORE_UNAVAILABLE, WEBHOOK_DELIVERY_FAILED ->
          code.key();
    };
  }

  /**
   * The HTTP status for the code: 400 for an invalid request or a violated rule, 404 not found, 409 a duplicate or a
   * conflict, 500 a failure of the engine's clock, store or stored data (and a webhook endpoint that did not take a
   * delivery, never an answer of the API: a relay's failure), 503 a store that cannot be reached (retry the request). The v2-only 423 is not used on the v1 surface.
   */
  public static int status(ErrorCode code) {
    return switch (code) {
      case NOT_FOUND -> 404;
      case MULTIPLE_REQUESTS, DEFINITION_CONFLICT, EVENT_ID_REUSED, DUPLICATE_REDEMPTION_ID, MEMBER_ALREADY_EXISTS -> 409;
      case STORED_DEFINITION_UNREADABLE, CLOCK_OUT_OF_RANGE, STORE_FAILURE, WEBHOOK_DELIVERY_FAILED -> 500;
      case STORE_UNAVAILABLE -> 503;
      case NON_ACTIVE_PROGRAM -> 423;
      case INVALID_PAYLOAD, VALUE_OUT_OF_RANGE, LOYALTY_CARD_POINTS_EXCEEDED, MISSING_REWARD, MISSING_ORDER,
          NO_VOUCHER_SUITABLE_FOR_PUBLICATION, CODES_EXHAUSTED, VOUCHER_ALREADY_PUBLISHED, DUPLICATE_SOURCE_ID,
          CAMPAIGN_NOT_ACTIVE, LOYALTY_CARD_NOT_ACTIVE, CARD_NOT_PUBLISHED, VOUCHER_DISABLED, VOUCHER_EXPIRED,
          QUANTITY_EXCEEDED, AUTO_REDEEM_DAILY_LIMIT, CUSTOMER_RULES_VIOLATED, PAYMENT_EXCEEDS_ORDER_TOTAL,
          ROLLBACK_WINDOW_PASSED, REWARD_FULFILMENT_FAILED, ALREADY_ROLLED_BACK, REWARD_OUT_OF_STOCK,
          INVALID_PENDING_POINTS_BUCKET_STATUS, SPENDING_LIMIT_EXCEEDED -> 400;
    };
  }

  /** Voucherify's {@code message} for a key: the key's words, as in {@code "loyalty card points exceeded"}. */
  public static String message(String key) {
    return key.replace('_', ' ');
  }
}
