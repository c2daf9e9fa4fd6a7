package io.loyalty.webhooks;

/** The endpoint could not be reached: the connection was refused or broke before an answer. */
public final class WebhookUnreachableException extends WebhookDeliveryException {
  private static final long serialVersionUID = 1L;

  /** The endpoint could not be reached. */
  public WebhookUnreachableException(String endpoint, Throwable cause) {
    super(endpoint, "unreachable (" + cause.getClass().getSimpleName() + ")", cause);
  }
}
