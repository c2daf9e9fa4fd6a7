package io.loyalty.core.internal.engine;

import io.loyalty.spi.host.RandomSource;
import java.util.concurrent.locks.LockSupport;

/**
 * Bounded retries for commits that met a concurrent writer: a short exponential back-off with full
 * jitter, so racing writers spread out instead of colliding again.
 */
public final class Retry {
  /** Attempts per operation before the engine gives up with a typed error. */
  public static final int MAX_ATTEMPTS = 64;

  private static final long BASE_NANOS = 2_000;
  private static final long CAP_NANOS = 2_000_000;

  private final RandomSource random;

  /** Retries drawing jitter from the engine's random source. */
  public Retry(RandomSource random) {
    this.random = random;
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
