package io.loyalty.core.internal.codes;

import io.loyalty.spi.host.RandomSource;

/** A repeatable {@link RandomSource} for tests (SplitMix64 with rejection for uniform bounds); not thread-safe. */
final class SeededRandom implements RandomSource {
  private long state;

  SeededRandom(long seed) {
    this.state = seed;
  }

  private long nextLong() {
    long z = (state += 0x9E3779B97F4A7C15L);
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }

  @Override
  public int nextInt(int bound) {
    if (bound <= 0) {
      throw new IllegalArgumentException("bound must be positive (was " + bound + ")");
    }
    long limit = (1L << 31) - ((1L << 31) % bound);
    long r;
    do {
      r = nextLong() >>> 33;
    } while (r >= limit);
    return (int) (r % bound);
  }
}
