package io.loyalty.webhooks;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/** A {@link DeliveryLog} that keeps the latest attempts in memory, oldest dropped first. Thread-safe. */
public final class RecentDeliveries implements DeliveryLog {
  private final int capacity;
  private final ArrayDeque<DeliveryAttempt> attempts;

  private RecentDeliveries(int capacity) {
    this.capacity = capacity;
    this.attempts = new ArrayDeque<>(Math.min(capacity, 1024));
  }

  /** A log of the latest {@code capacity} attempts, 1 to 1,000,000. */
  public static RecentDeliveries keeping(int capacity) {
    if (capacity < 1 || capacity > 1_000_000) {
      throw new IllegalArgumentException("capacity: 1 to 1000000, got " + capacity);
    }
    return new RecentDeliveries(capacity);
  }

  @Override
  public synchronized void record(DeliveryAttempt attempt) {
    if (attempts.size() == capacity) {
      attempts.removeFirst();
    }
    attempts.addLast(attempt);
  }

  /** Every kept attempt, oldest first. */
  public synchronized List<DeliveryAttempt> all() {
    return List.copyOf(attempts);
  }

  /** The kept attempts of one endpoint, oldest first. */
  public synchronized List<DeliveryAttempt> of(String endpoint) {
    List<DeliveryAttempt> out = new ArrayList<>();
    for (Iterator<DeliveryAttempt> it = attempts.iterator(); it.hasNext(); ) {
      DeliveryAttempt a = it.next();
      if (a.endpoint().equals(endpoint)) {
        out.add(a);
      }
    }
    return out;
  }
}
