package io.loyalty.core;

import io.loyalty.spi.earning.EventOutcome;

/**
 * An event's outcome as recorded and as derived again from its receipt alone, with no host call: the program
 * versions, card state and host answers the receipt records. They are equal unless something the decision depends
 * on changed under the engine (a stored program version, the engine's rules themselves).
 *
 * @param recorded the outcome the event's receipt holds
 * @param replayed the outcome derived again
 */
public record Replay(EventOutcome recorded, EventOutcome replayed) {
  /** Whether the replay reproduced the recorded outcome exactly. */
  public boolean identical() {
    return recorded.equals(replayed);
  }
}
