package io.loyalty.spi;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The registry of every error the engine, its ports and its stores report: a stable snake_case {@link #key()}
 * (Voucherify's key where Voucherify has one, ours otherwise) and the HTTP status Voucherify answers with, so
 * a wire layer maps every error to Voucherify's error object without reading messages. Failed redemptions
 * carry the same keys as their {@code failure_code}.
 */
public enum ErrorCode {
  /** A definition, event or request was rejected whole; its violations name every offending field. */
  INVALID_PAYLOAD("invalid_payload", 400, true),
  /** A program, card, reward, assignment, redemption or pending-points entry does not exist. */
  NOT_FOUND("not_found", 404, true),
  /** The card's usable points do not cover the reward, the removal, the transfer or the payment. */
  LOYALTY_CARD_POINTS_EXCEEDED("loyalty_card_points_exceeded", 400, true),
  /** A redemption names no reward. */
  MISSING_REWARD("missing_reward", 400, true),
  /** Paying with points needs an order. */
  MISSING_ORDER("missing_order", 400, true),
  /** A STATIC pool has no unpublished card left. */
  NO_VOUCHER_SUITABLE_FOR_PUBLICATION("no_voucher_suitable_for_publication", 400, true),
  /** The card asked for already has a holder. */
  VOUCHER_ALREADY_PUBLISHED("voucher_already_published", 400, true),
  /** A source id was used before for another operation or payload. */
  DUPLICATE_SOURCE_ID("duplicate_source_id", 400, true),
  /** The program is inactive or outside its dates and windows. */
  CAMPAIGN_NOT_ACTIVE("campaign_not_active", 400, true),
  /** The card is switched off (adjustments, transfers). */
  LOYALTY_CARD_NOT_ACTIVE("loyalty_card_not_active", 400, true),
  /** The card is switched off (redemptions). */
  VOUCHER_DISABLED("voucher_disabled", 400, true),
  /** The card is past its expiration. */
  VOUCHER_EXPIRED("voucher_expired", 400, true),
  /** The card's redemption quantity is used up. */
  QUANTITY_EXCEEDED("quantity_exceeded", 400, true),
  /** A reward's condition on the customer (metadata, segment) failed. */
  CUSTOMER_RULES_VIOLATED("customer_rules_violated", 400, true),
  /** A redemption was rolled back before. */
  ALREADY_ROLLED_BACK("already_rolled_back", 400, true),
  /** Concurrent writes kept conflicting; retry the request. */
  MULTIPLE_REQUESTS("multiple_requests", 409, true),
  /** The customer already holds a card in the program (Voucherify's v2 key, reused for v1). */
  MEMBER_ALREADY_EXISTS("member_already_exists", 409, true),
  /** A purchase would pass a v2 wallet's spending limit (in all, per period or per purchase). */
  SPENDING_LIMIT_EXCEEDED("spending_limit_exceeded", 400, false),
  /** A loyalty v2 program that is not active takes no members (Voucherify's 423 {@code non_active_program}). */
  NON_ACTIVE_PROGRAM("non_active_program", 423, true),
  /** The reward has no stock left (Voucherify's v2 key, reused for v1). */
  REWARD_OUT_OF_STOCK("reward_out_of_stock", 400, true),
  /** Pending points are not in a state that allows the operation (already active or canceled). */
  INVALID_PENDING_POINTS_BUCKET_STATUS("invalid_pending_points_bucket_status", 400, true),

  /** Points or a transfer on a card that has no holder yet. */
  CARD_NOT_PUBLISHED("card_not_published", 400, false),
  /** The code configuration cannot yield the cards the pool needs. */
  CODES_EXHAUSTED("codes_exhausted", 400, false),
  /** An event id was applied before with another payload. */
  EVENT_ID_REUSED("event_id_reused", 409, false),
  /** A redemption id was used before for another request. */
  DUPLICATE_REDEMPTION_ID("duplicate_redemption_id", 409, false),
  /** A computation would leave the range of exact integer points or minor units. */
  VALUE_OUT_OF_RANGE("value_out_of_range", 400, false),
  /** A program or reward changed since the version the caller read; its edit was not stored. */
  DEFINITION_CONFLICT("definition_conflict", 409, false),
  /** A redemption is older than the rollback window. */
  ROLLBACK_WINDOW_PASSED("rollback_window_passed", 400, false),
  /** The host refused to deliver a reward; everything was given back. */
  REWARD_FULFILMENT_FAILED("reward_fulfilment_failed", 400, false),
  /**
   * An auto-redemption was due but the card had made its 10 automatic transactions of the day (Voucherify's
   * anti-fraud limit); recorded as a failed redemption that takes nothing.
   */
  AUTO_REDEEM_DAILY_LIMIT("auto_redeem_daily_limit", 400, false),
  /** Paying with points on an order that has nothing left to pay. */
  PAYMENT_EXCEEDS_ORDER_TOTAL("payment_exceeds_order_total", 400, false),
  /** A stored definition can no longer be read; only operations that need it fail. */
  STORED_DEFINITION_UNREADABLE("stored_definition_unreadable", 500, false),
  /** The engine's clock reads outside the years 1 to 9999 that its calendar arithmetic covers. */
  CLOCK_OUT_OF_RANGE("clock_out_of_range", 500, false),
  /** The store refused the operation (a statement refused, a schema missing); nothing of it was written. */
  STORE_FAILURE("store_failure", 500, false),
  /**
   * The store could not be reached or lost its connection (database down, restarting, refusing connections): the
   * operation was written whole or not at all, so retrying it with the same event id or source id is safe.
   */
  STORE_UNAVAILABLE("store_unavailable", 503, false),
  /** A webhook endpoint did not take a delivery (timeout, unreachable, or a status other than 2xx); it is retried. */
  WEBHOOK_DELIVERY_FAILED("webhook_delivery_failed", 500, false);

  private static final Map<String, ErrorCode> BY_KEY =
      Arrays.stream(values()).collect(Collectors.toUnmodifiableMap(ErrorCode::key, Function.identity()));

  private final String key;
  private final int httpStatus;
  private final boolean voucherify;

  ErrorCode(String key, int httpStatus, boolean voucherify) {
    this.key = key;
    this.httpStatus = httpStatus;
    this.voucherify = voucherify;
  }

  /** The stable snake_case key, as in Voucherify's error object ({@code key}) and a redemption's failure code. */
  public String key() {
    return key;
  }

  /** The HTTP status a Voucherify-compatible API answers with for this error. */
  public int httpStatus() {
    return httpStatus;
  }

  /** Whether Voucherify itself documents this key (otherwise it is the engine's own). */
  public boolean isVoucherifyKey() {
    return voucherify;
  }

  /** The code with this key, if there is one. */
  public static Optional<ErrorCode> ofKey(String key) {
    return Optional.ofNullable(BY_KEY.get(key));
  }

  @Override
  public String toString() {
    return key;
  }
}
