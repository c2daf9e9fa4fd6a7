package io.loyalty.spi.store;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Reads the outbox written by {@link ChangeSetWriter#commit} and keeps each consumer's acknowledgements, so a
 * consumer gets every committed event at least once and, once it has acknowledged one, never again. Thread-safe.
 *
 * <p>Two ways to consume. {@link #pending} and {@link #acknowledge} read and settle events with no coordination (the
 * engine's own reward fulfilment uses them). The claim contract ({@link #claim}, {@link #settle}, {@link #deadLetters},
 * {@link #requeue}) lets several relays share one consumer: for each consumer, a card's unacknowledged events form a
 * <em>line</em> in commit order; a relay claims a prefix of a line under a lease, so no two relays hold one card's
 * events at once and a card's later event is never handed out while an earlier one is unacknowledged. A failure makes
 * the line wait until its retry time; a dead letter stops the line (the card's later events wait too) until it is
 * requeued or acknowledged. Stores that do not implement the claim contract inherit defaults that throw
 * {@link UnsupportedOperationException}; the stores the engine ships implement it.
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

  /**
   * Claims for {@code owner}, until {@code now + lease}, up to {@code limit} events the consumer has not acknowledged, in
   * commit order. It takes events only from lines that no other owner holds under a live lease (one that ends after
   * {@code now}), that wait for no retry (a retry time after {@code now}) and that hold no dead letter, and of each such
   * line a prefix: a card's first unacknowledged event, then its next ones. Every line it takes from is leased to the
   * owner until {@link #settle} releases it or the lease ends; once the lease ends another owner may claim the same
   * events again (at-least-once). An owner claiming a line it holds already gets it again and extends the lease. The
   * store reads no clock: {@code now} is the caller's.
   *
   * @param consumer the consumer's name, as {@link #pending} describes it
   * @param owner the claiming relay's id, of the same form as a consumer's name
   * @param limit how many events at most, 1 to {@value #MAX_CLAIM}
   * @param lease how long the claim holds, from 1 millisecond to 1 day
   * @return the claimed events in commit order, with their earlier failures; potentially empty, never {@code null}
   * @throws UnsupportedOperationException when the store does not implement the claim contract
   */
  default List<ClaimedEvent> claim(String consumer, String owner, int limit, Instant now, Duration lease) {
    throw new UnsupportedOperationException(getClass().getName() + " does not implement outbox claims");
  }

  /**
   * Settles what an owner did with its claim: acknowledges the {@code delivered} events durably, as
   * {@link #acknowledge} does (whoever holds their lines now); records each failure on its card's line if the owner
   * still holds that line (a failure of a line another owner took over after this owner's lease ran out is ignored);
   * and releases every line the owner holds for the consumer, so their next events can be claimed at once. A failure
   * with a retry time makes the line wait until then; one without dead-letters its event. Idempotent for
   * acknowledgements; ids of no stored event are ignored.
   *
   * @throws UnsupportedOperationException when the store does not implement the claim contract
   */
  default void settle(String consumer, String owner, Collection<String> delivered, List<DeliveryFailure> failures) {
    throw new UnsupportedOperationException(getClass().getName() + " does not implement outbox claims");
  }

  /**
   * Up to {@code limit} of the consumer's dead letters, in commit order of their events.
   *
   * @throws UnsupportedOperationException when the store does not implement the claim contract
   */
  default List<DeadLetter> deadLetters(String consumer, int limit) {
    throw new UnsupportedOperationException(getClass().getName() + " does not implement outbox claims");
  }

  /**
   * Puts dead-lettered events back: each one's line may be claimed at once, from that event, with its failures counted
   * from zero again. Ids that are not the consumer's dead letters are ignored.
   *
   * @return how many dead letters were requeued
   * @throws UnsupportedOperationException when the store does not implement the claim contract
   */
  default int requeue(String consumer, Collection<String> eventIds) {
    throw new UnsupportedOperationException(getClass().getName() + " does not implement outbox claims");
  }

  /** The most events one {@link #claim} hands out. */
  int MAX_CLAIM = 10_000;

  /** Checks a claim's arguments as {@link #claim} describes them. */
  static void checkClaim(String consumer, String owner, int limit, Instant now, Duration lease) {
    checkConsumer(consumer);
    checkOwner(owner);
    Objects.requireNonNull(now, "now");
    Objects.requireNonNull(lease, "lease");
    if (limit < 1 || limit > MAX_CLAIM) {
      throw new IllegalArgumentException("limit: 1 to " + MAX_CLAIM + ", got " + limit);
    }
    if (lease.compareTo(Duration.ofMillis(1)) < 0 || lease.compareTo(Duration.ofDays(1)) > 0) {
      throw new IllegalArgumentException("lease: 1 ms to 1 day, got " + lease);
    }
  }

  /** Checks a relay's owner id: the form of a consumer's name. */
  static String checkOwner(String owner) {
    if (!validName(owner)) {
      throw new IllegalArgumentException("an owner's id has 1 to 100 letters, digits, '.', '_' or '-'");
    }
    return owner;
  }

  /** Checks a consumer's name as {@link #pending} describes it. */
  static String checkConsumer(String consumer) {
    if (!validName(consumer)) {
      throw new IllegalArgumentException("a consumer's name has 1 to 100 letters, digits, '.', '_' or '-'");
    }
    return consumer;
  }

  private static boolean validName(String name) {
    return name != null && !name.isEmpty() && name.length() <= 100
        && name.chars().allMatch(c -> c < 128 && (Character.isLetterOrDigit(c) || c == '.' || c == '_' || c == '-'));
  }
}
