package io.loyalty.spi.host;

/**
 * Randomness for card codes. The engine's default draws from a {@link java.security.SecureRandom}; tests
 * pass a seeded one to get repeatable codes. Implementations are thread-safe.
 */
@FunctionalInterface
public interface RandomSource {
  /** A uniformly distributed int from 0 (inclusive) to {@code bound} (exclusive); {@code bound > 0}. */
  int nextInt(int bound);
}
