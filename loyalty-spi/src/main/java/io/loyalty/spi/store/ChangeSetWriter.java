package io.loyalty.spi.store;

/** The single write path of a store. Thread-safe. */
public interface ChangeSetWriter {
  /**
   * Applies the change set all-or-nothing: every write or none. Never throws for a stale version or a
   * taken key (those are answers); a store failure is thrown and must leave nothing written.
   *
   * <p>Unique keys, each answered as a {@link CommitResult.Duplicate} of its {@link UniqueKey}: a card code
   * ({@code CodeKey}); a (program, holder) membership ({@code MemberKey}); a ledger entry key ({@code EntryKey}); a
   * (card, seq) pair ({@code SeqKey}); an event receipt's id ({@code EventKey}); a redemption id
   * ({@code RedemptionKey}); an outbox event's id ({@code OutboxKey}). A stale version is a
   * {@link CommitResult.Conflict} naming its {@link Aggregate}: a program, card, reward or redemption.
   */
  CommitResult commit(ChangeSet changes);
}
