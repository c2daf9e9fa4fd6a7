package io.loyalty.core;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * How an {@link OutboxRelay} retries an event whose delivery failed: the first retry after {@code firstDelay}, each
 * next one after twice the delay before it up to {@code maxDelay}, and after {@code maxAttempts} failed deliveries the
 * event is dead-lettered. Immutable.
 *
 * @param maxAttempts how many deliveries are tried before dead-lettering, 1 to 1,000
 * @param firstDelay the wait after the first failure, at least 1 ms
 * @param maxDelay the longest wait, at least {@code firstDelay} and at most 30 days
 */
public record RetryPolicy(int maxAttempts, Duration firstDelay, Duration maxDelay) {
  /** Checks the bounds. */
  public RetryPolicy {
    Objects.requireNonNull(firstDelay, "firstDelay");
    Objects.requireNonNull(maxDelay, "maxDelay");
    if (maxAttempts < 1 || maxAttempts > 1_000) {
      throw new IllegalArgumentException("maxAttempts: 1 to 1000, got " + maxAttempts);
    }
    if (firstDelay.compareTo(Duration.ofMillis(1)) < 0) {
      throw new IllegalArgumentException("firstDelay: at least 1 ms, got " + firstDelay);
    }
    if (maxDelay.compareTo(firstDelay) < 0 || maxDelay.compareTo(Duration.ofDays(30)) > 0) {
      throw new IllegalArgumentException("maxDelay: from firstDelay " + firstDelay + " to 30 days, got " + maxDelay);
    }
  }

  /** Ten attempts, from 1 second doubling up to 10 minutes (about 26 minutes in all before a dead letter). */
  public static RetryPolicy ofDefaults() {
    return new RetryPolicy(10, Duration.ofSeconds(1), Duration.ofMinutes(10));
  }

  /** The policy with these bounds. */
  public static RetryPolicy of(int maxAttempts, Duration firstDelay, Duration maxDelay) {
    return new RetryPolicy(maxAttempts, firstDelay, maxDelay);
  }

  /** The wait after the {@code failures}-th failure (1 for the first): {@code firstDelay × 2^(failures-1)}, capped. */
  public Duration delayAfter(int failures) {
    if (failures < 1) {
      throw new IllegalArgumentException("failures: at least 1, got " + failures);
    }
    Duration delay = firstDelay;
    for (int i = 1; i < failures && delay.compareTo(maxDelay) < 0; i++) {
      delay = delay.multipliedBy(2);
    }
    return delay.compareTo(maxDelay) > 0 ? maxDelay : delay;
  }

  /**
   * When to try again after the {@code failures}-th failure at {@code failedAt}, or {@code null} when that failure was
   * the last attempt and the event is to be dead-lettered.
   */
  public @Nullable Instant retryAt(Instant failedAt, int failures) {
    Objects.requireNonNull(failedAt, "failedAt");
    if (failures >= maxAttempts) {
      return null;
    }
    return failedAt.plus(delayAfter(failures));
  }
}
