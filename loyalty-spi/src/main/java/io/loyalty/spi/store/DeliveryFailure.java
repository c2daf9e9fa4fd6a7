package io.loyalty.spi.store;

import java.time.Instant;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A relay's report that one claimed event could not be handled, given to {@link OutboxStore#settle}: the event's card
 * waits until {@code retryAt}, or, with no {@code retryAt}, the event is dead-lettered and the card's line stops.
 *
 * @param eventId the event that failed
 * @param at when the delivery failed
 * @param retryAt when the card's line may be claimed again, {@code null} to dead-letter the event
 * @param reason what failed, such as the handler's exception class name: 1 to {@value #MAX_REASON} characters, never a
 *     customer identifier (exception messages may carry them)
 */
public record DeliveryFailure(String eventId, Instant at, @Nullable Instant retryAt, String reason) {
  /** The longest reason kept. */
  public static final int MAX_REASON = 200;

  /** Checks the parts. */
  public DeliveryFailure {
    Objects.requireNonNull(eventId, "eventId");
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(reason, "reason");
    if (reason.isEmpty() || reason.length() > MAX_REASON) {
      throw new IllegalArgumentException("reason: 1 to " + MAX_REASON + " characters, got " + reason.length());
    }
    if (retryAt != null && retryAt.isBefore(at)) {
      throw new IllegalArgumentException("retryAt " + retryAt + " is before the failure at " + at);
    }
  }

  /** Whether this failure dead-letters the event. */
  public boolean deadLetters() {
    return retryAt == null;
  }
}
