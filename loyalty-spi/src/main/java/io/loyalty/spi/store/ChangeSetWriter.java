package io.loyalty.spi.store;

/** The single write path of a store. Thread-safe. */
public interface ChangeSetWriter {
  /**
   * Applies the change set all-or-nothing: every write or none. Never throws for a stale version or a
   * taken key (those are answers); a store failure is thrown and must leave nothing written.
   *
   * <p>Unique keys: a card code; a (program, holder) membership; a ledger entry key; a (card, seq) pair;
   * an event receipt's id; a redemption id; an outbox event's id. Key strings reported in {@link CommitResult.Duplicate}:
   * {@code code:<code>}, {@code member:<program>:<customer>}, {@code entry:<key>}, {@code entry:<card>#<seq>},
   * {@code event:<id>}, {@code redemption:<id>}, {@code outbox:<id>}. Stale versions are reported as {@code program:<id>}, {@code card:<code>},
   * {@code reward:<id>} or {@code redemption:<id>} conflicts.
   */
  CommitResult commit(ChangeSet changes);
}
