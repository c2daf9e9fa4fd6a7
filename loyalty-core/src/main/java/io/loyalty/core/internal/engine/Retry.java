package io.loyalty.core.internal.engine;

import io.loyalty.core.CommitObserver;
import io.loyalty.core.ConcurrencyException;
import io.loyalty.spi.host.RandomSource;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import java.util.concurrent.locks.LockSupport;

/**
 * Bounded retries for commits that met a concurrent writer: a short exponential back-off with full
 * jitter, so racing writers spread out instead of colliding again.
 */
public final class Retry {
  private static final Logger LOG = LoggerFactory.getLogger(Retry.class);

  /** Attempts per operation before the engine gives up with a typed error. */
  public static final int MAX_ATTEMPTS = 64;

  private static final long BASE_NANOS = 2_000;
  private static final long CAP_NANOS = 2_000_000;

  private final RandomSource random;
  private final CommitObserver observer;

  /** Retries drawing jitter from the engine's random source. */
  public Retry(RandomSource random) {
    this(random, CommitObserver.none());
  }

  /** Retries drawing jitter from the engine's random source, telling the observer of every conflict. */
  public Retry(RandomSource random, CommitObserver observer) {
    this.random = random;
    this.observer = observer;
  }

  /**
   * Runs an attempt until it returns a value; {@code null} means a concurrent writer won, so it backs off and
   * tries again, at most {@link #MAX_ATTEMPTS} times.
   *
   * @throws ConcurrencyException when every attempt met a concurrent writer
   */
  public <T> T run(String what, Supplier<@Nullable T> attempt) {
    return run(what, "", attempt);
  }

  /**
   * As {@link #run(String, Supplier)}, naming the operation {@code what + subject}: the text is only built when it
   * is logged or thrown, not on the path where the first attempt commits.
   */
  public <T> T run(String what, Object subject, Supplier<@Nullable T> attempt) {
    for (int i = 0; i < MAX_ATTEMPTS; i++) {
      T result = attempt.get();
      if (result != null) {
        return result;
      }
      observer.conflicted(i + 1, i + 1 < MAX_ATTEMPTS);
      if (LOG.isDebugEnabled()) {
        LOG.debug("{}{}: concurrent write, attempt {} of {}", what, subject, i + 1, MAX_ATTEMPTS);
      }
      backOff(i);
    }
    throw new ConcurrencyException(what + subject + ": still conflicting after " + MAX_ATTEMPTS + " attempts");
  }

  /** Waits before attempt {@code attempt + 1}; the first retry only yields. */
  public void backOff(int attempt) {
    if (attempt == 0) {
      Thread.yield();
      return;
    }
    long ceiling = Math.min(CAP_NANOS, BASE_NANOS << Math.min(attempt, 20));
    LockSupport.parkNanos(1 + random.nextInt((int) ceiling));
  }
}
