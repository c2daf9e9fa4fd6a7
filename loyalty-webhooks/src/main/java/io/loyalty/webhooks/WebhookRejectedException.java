package io.loyalty.webhooks;

/** The endpoint answered with a status other than 2xx. */
public final class WebhookRejectedException extends WebhookDeliveryException {
  private static final long serialVersionUID = 1L;

  private final int status;

  /** The endpoint answered this status. */
  public WebhookRejectedException(String endpoint, int status) {
    super(endpoint, "answered HTTP " + status + ", not 2xx", null);
    this.status = status;
  }

  @Override
  public int status() {
    return status;
  }
}
