package io.loyalty.spi.store;

import java.util.Objects;

/**
 * An outbox event handed to one relay under a lease by {@link OutboxStore#claim}.
 *
 * @param event the event, as committed
 * @param failures how many earlier deliveries of this event to this consumer were reported failed (0 the first time);
 *     a delivery cut off by a lease that ran out is not counted
 */
public record ClaimedEvent(OutboxEvent event, int failures) {
  /** Checks the parts. */
  public ClaimedEvent {
    Objects.requireNonNull(event, "event");
    if (failures < 0) {
      throw new IllegalArgumentException("failures must be zero or more: " + failures);
    }
  }
}
