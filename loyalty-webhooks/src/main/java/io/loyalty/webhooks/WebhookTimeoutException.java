package io.loyalty.webhooks;

/** The endpoint did not answer within the publisher's timeout (10 seconds by default). */
public final class WebhookTimeoutException extends WebhookDeliveryException {
  private static final long serialVersionUID = 1L;

  /** The endpoint timed out. */
  public WebhookTimeoutException(String endpoint, Throwable cause) {
    super(endpoint, "no answer within the timeout", cause);
  }
}
