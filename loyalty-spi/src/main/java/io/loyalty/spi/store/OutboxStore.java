package io.loyalty.spi.store;

import java.util.Collection;
import java.util.List;
import java.util.Set;

/**
 * Reads the outbox written by {@link ChangeSetWriter#commit} and keeps each consumer's acknowledgements, so a
 * consumer gets every committed event at least once and, once it has acknowledged one, never again. Thread-safe.
 */
public interface OutboxStore {
  /**
   * Up to {@code limit} events of the given types (every type when empty) that the consumer has not acknowledged,
   * in commit order: a card's events come in the order their changes were committed.
   *
   * @param consumer a consumer's name: 1 to 100 characters, letters, digits, {@code .}, {@code _} or {@code -}
   */
  List<OutboxEvent> pending(String consumer, Set<OutboxEvent.Type> types, int limit);

  /**
   * Records durably that the consumer has handled these events. Idempotent; ids of no stored event are ignored.
   * Consumers are independent: one's acknowledgement does not hide an event from another.
   */
  void acknowledge(String consumer, Collection<String> eventIds);

  /** Checks a consumer's name as {@link #pending} describes it. */
  static String checkConsumer(String consumer) {
    if (consumer == null || consumer.isEmpty() || consumer.length() > 100
        || !consumer.chars().allMatch(c -> c < 128 && (Character.isLetterOrDigit(c) || c == '.' || c == '_' || c == '-'))) {
      throw new IllegalArgumentException("a consumer's name has 1 to 100 letters, digits, '.', '_' or '-'");
    }
    return consumer;
  }
}
