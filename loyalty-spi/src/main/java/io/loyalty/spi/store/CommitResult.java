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
   * @param aggregate what was stale, such as {@code card:ACME-CARD-1} or {@code program:camp_1}
   */
  record Conflict(String aggregate) implements CommitResult {}

  /**
   * Nothing was written: a unique key is already taken.
   *
   * @param key the key, such as {@code event:evt_1}, {@code member:camp_1:cust_1}, {@code code:X} or a
   *     ledger entry key
   */
  record Duplicate(String key) implements CommitResult {}
}
