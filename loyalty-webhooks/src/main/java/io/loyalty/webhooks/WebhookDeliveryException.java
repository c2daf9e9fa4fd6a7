package io.loyalty.webhooks;

import io.loyalty.spi.ErrorCode;
import io.loyalty.spi.LoyaltyException;

/**
 * A webhook request the endpoint did not take ({@code webhook_delivery_failed}): the relay retries the event with its
 * backoff and dead-letters it after the last attempt. Its class name is what the outbox and the delivery log keep as
 * the reason; its message names the endpoint and, for a rejection, the status, never the body.
 */
public abstract sealed class WebhookDeliveryException extends LoyaltyException
    permits WebhookTimeoutException, WebhookUnreachableException, WebhookRejectedException {
  private static final long serialVersionUID = 1L;

  private final String endpoint;

  WebhookDeliveryException(String endpoint, String message, @org.jspecify.annotations.Nullable Throwable cause) {
    super(ErrorCode.WEBHOOK_DELIVERY_FAILED, "webhook endpoint " + endpoint + ": " + message);
    this.endpoint = endpoint;
    if (cause != null) {
      initCause(cause);
    }
  }

  /** The endpoint's id. */
  public String endpoint() {
    return endpoint;
  }

  /** The HTTP status the endpoint answered, 0 when it did not answer. */
  public int status() {
    return 0;
  }
}
