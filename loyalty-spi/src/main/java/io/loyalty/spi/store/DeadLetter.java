package io.loyalty.spi.store;

import java.time.Instant;
import java.util.Objects;

/**
 * An event a consumer gave up on ({@link DeliveryFailure} without a retry): it stays unacknowledged, and it blocks its
 * card's later events for that consumer until {@link OutboxStore#requeue} puts it back.
 *
 * @param event the dead event
 * @param failures how many deliveries failed, the last one included
 * @param failedAt when the last delivery failed
 * @param reason what the last failure reported
 */
public record DeadLetter(OutboxEvent event, int failures, Instant failedAt, String reason) {
  /** Checks the parts. */
  public DeadLetter {
    Objects.requireNonNull(event, "event");
    Objects.requireNonNull(failedAt, "failedAt");
    Objects.requireNonNull(reason, "reason");
    if (failures < 1) {
      throw new IllegalArgumentException("a dead letter failed at least once: " + failures);
    }
  }
}
