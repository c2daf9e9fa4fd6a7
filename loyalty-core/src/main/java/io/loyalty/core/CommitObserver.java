package io.loyalty.core;

/**
 * Hears what the engine's commits meet, for metrics: every commit that lost to a concurrent writer (the engine then
 * loads, decides and commits again, up to a bound, and gives up with a {@link ConcurrencyException}). Called on the
 * writing thread, so it must be quick and must not throw; it is told no ids (they may name a customer). Set it with
 * {@link LoyaltyEngine.Builder#commitObserver}; the default hears nothing.
 */
public interface CommitObserver {
  /**
   * A commit met a concurrent writer.
   *
   * @param attempt 1 for the operation's first attempt, then one more per retry
   * @param retrying {@code true} when the engine tries again, {@code false} when this was its last attempt and the
   *     operation fails with a {@link ConcurrencyException}
   */
  default void conflicted(int attempt, boolean retrying) {}

  /** An observer that hears nothing. */
  static CommitObserver none() {
    return NoCommitObserver.INSTANCE;
  }
}

/** The observer that hears nothing. */
enum NoCommitObserver implements CommitObserver {
  INSTANCE
}
