package io.loyalty.webhooks;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One HTTP request of a webhook, as the delivery log keeps it: which endpoint, outbox event and Voucherify event, the
 * attempt, the outcome and why it failed. It holds no body and no customer identifier.
 *
 * @param endpoint the endpoint's id
 * @param eventId the outbox event's id (the engine's: a card code and a sequence, or a redemption's id)
 * @param webhookId the webhook's id ({@code whs_…}), the same on every attempt: receivers deduplicate by it
 * @param type the Voucherify event name sent
 * @param attempt 1 for the first delivery of the outbox event to this endpoint in this process, then one more per try
 * @param at when the request was sent (the publisher's clock)
 * @param delivered whether the endpoint answered 2xx
 * @param status the HTTP status, 0 when there was no answer
 * @param error the failure's class name ({@link WebhookTimeoutException}, ...), {@code null} when delivered
 * @param elapsed how long the request took
 */
public record DeliveryAttempt(String endpoint, String eventId, String webhookId, String type, int attempt, Instant at,
    boolean delivered, int status, @Nullable String error, Duration elapsed) {
  /** Checks the parts. */
  public DeliveryAttempt {
    Objects.requireNonNull(endpoint, "endpoint");
    Objects.requireNonNull(eventId, "eventId");
    Objects.requireNonNull(webhookId, "webhookId");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(elapsed, "elapsed");
    if (attempt < 1) {
      throw new IllegalArgumentException("attempt: at least 1, got " + attempt);
    }
    if (delivered != (error == null)) {
      throw new IllegalArgumentException("a delivered attempt has no error and a failed one has its class");
    }
  }
}
