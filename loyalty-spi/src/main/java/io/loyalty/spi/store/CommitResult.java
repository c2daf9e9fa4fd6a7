package io.loyalty.spi.store;

/**
 * How a store answered a {@link ChangeSet}: applied whole, or nothing written because a version was stale
 * (conflict) or a unique key was taken (duplicate).
 */
public sealed interface CommitResult permits CommitResult.Applied, CommitResult.Conflict, CommitResult.Duplicate {
  /** The answer for a change set applied whole. */
  CommitResult APPLIED = new Applied();

  /** Whether the change set was applied. */
  default boolean applied() {
    return this instanceof Applied;
  }

  /** Everything was written. */
  record Applied() implements CommitResult {}

  /**
   * Nothing was written: an aggregate's stored version differs from the expected one.
   *
   * @param aggregate what was stale
   */
  record Conflict(Aggregate aggregate) implements CommitResult {
    /** Checks the aggregate. */
    public Conflict {
      java.util.Objects.requireNonNull(aggregate, "aggregate");
    }
  }

  /**
   * Nothing was written: a unique key is already taken.
   *
   * @param key the key that was taken
   */
  record Duplicate(UniqueKey key) implements CommitResult {
    /** Checks the key. */
    public Duplicate {
      java.util.Objects.requireNonNull(key, "key");
    }
  }
}
