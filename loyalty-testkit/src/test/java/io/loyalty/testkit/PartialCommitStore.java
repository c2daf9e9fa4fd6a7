package io.loyalty.testkit;

import io.loyalty.spi.store.ChangeSet;
import io.loyalty.spi.store.CommitResult;
import io.loyalty.spi.store.LoyaltyStore;
import java.util.ArrayList;
import java.util.List;

/**
 * A mutant: it applies a change set write by write, each in its own commit, and stops at the first rejection, so
 * the writes before it stay, as an adapter that runs in autocommit mode would. The kit must fail it.
 */
final class PartialCommitStore extends ForwardingStore {
  PartialCommitStore(LoyaltyStore delegate) {
    super(delegate);
  }

  @Override
  public synchronized CommitResult commit(ChangeSet changes) {
    List<ChangeSet> pieces = new ArrayList<>();
    changes.programs().forEach(w -> pieces.add(new ChangeSet(List.of(w), List.of(), List.of(), null)));
    changes.cards().forEach(w -> pieces.add(new ChangeSet(List.of(), List.of(w), List.of(), null)));
    changes.entries().forEach(e -> pieces.add(new ChangeSet(List.of(), List.of(), List.of(e), null)));
    if (changes.receipt() != null) {
      pieces.add(new ChangeSet(List.of(), List.of(), List.of(), changes.receipt()));
    }
    changes.rewards().forEach(w -> pieces.add(new ChangeSet(List.of(), List.of(), List.of(), null, List.of(w), List.of())));
    changes.redemptions().forEach(w -> pieces.add(new ChangeSet(List.of(), List.of(), List.of(), null, List.of(), List.of(w))));
    for (ChangeSet piece : pieces) {
      CommitResult result = delegate.commit(piece);
      if (!result.applied()) {
        return result;
      }
    }
    return CommitResult.APPLIED;
  }
}
