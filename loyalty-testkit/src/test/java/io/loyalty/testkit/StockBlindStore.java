package io.loyalty.testkit;

import io.loyalty.spi.RewardId;
import io.loyalty.spi.reward.Reward;
import io.loyalty.spi.store.ChangeSet;
import io.loyalty.spi.store.CommitResult;
import io.loyalty.spi.store.LoyaltyStore;
import io.loyalty.spi.store.RewardWrite;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.locks.LockSupport;

/**
 * A mutant: it ignores the expected version of reward writes (last writer wins), as an adapter that forgets the
 * {@code WHERE version = ?} on its reward table would. Racing redemptions then lose updates of the redeemed count and
 * oversell a limited reward; the kit must fail it.
 */
final class StockBlindStore extends ForwardingStore {
  StockBlindStore(LoyaltyStore delegate) {
    super(delegate);
  }

  /** Reads a reward with a database's latency, so racing redemptions read the same count as they would on a server. */
  @Override
  public Optional<Reward> reward(RewardId id) {
    LockSupport.parkNanos(200_000);
    return delegate.reward(id);
  }

  @Override
  public synchronized CommitResult commit(ChangeSet changes) {
    List<RewardWrite> rewards = new ArrayList<>();
    for (RewardWrite write : changes.rewards()) {
      Optional<Reward> stored = delegate.reward(write.reward().id());
      if (stored.isPresent() && write.expectedVersion() > 0) {
        Reward r = write.reward();
        long v = stored.get().version();
        rewards.add(new RewardWrite(new Reward(r.id(), v + 1, r.name(), r.kind(), r.stock(), r.redeemed(), r.deleted(),
            r.metadata(), r.costs()), v));
      } else {
        rewards.add(write);
      }
    }
    return delegate.commit(new ChangeSet(changes.programs(), changes.cards(), changes.entries(), changes.receipt(),
        rewards, changes.redemptions()));
  }
}
