package io.loyalty.core;

import io.loyalty.spi.store.OutboxEvent;
import java.util.Set;

/**
 * An in-process consumer of committed domain events, called by an {@link OutboxRelay} after the commit, from the
 * outbox, at least once per event and in commit order per card. A listener that throws a {@link RuntimeException}
 * loses nothing: the event is retried with the relay's backoff and, after its last attempt, dead-lettered; the card's
 * later events wait for it. Listeners should be idempotent (an event is delivered again when a relay's lease runs out
 * before it acknowledged).
 */
@FunctionalInterface
public interface LoyaltyListener {
  /**
   * Handles one event. Returning normally acknowledges it (once every listener of the relay has returned).
   *
   * @throws RuntimeException to have the event retried later; its message is neither logged nor stored (it may name a
   *     customer), only its class name
   */
  void onEvent(OutboxEvent event);

  /** The event types this listener wants; empty (the default) for every type. Other types never reach it. */
  default Set<OutboxEvent.Type> types() {
    return Set.of();
  }
}
