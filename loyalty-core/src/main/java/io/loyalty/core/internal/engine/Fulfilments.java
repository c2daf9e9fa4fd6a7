package io.loyalty.core.internal.engine;

import io.loyalty.spi.reward.Redemption;
import io.loyalty.spi.store.LoyaltyStore;
import io.loyalty.spi.store.OutboxEvent;
import io.loyalty.spi.store.OutboxEvent.Type;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The engine's outbox consumer for the host's side of rewards: a committed redemption's campaign reward is delivered
 * ({@code RewardFulfilment.fulfil}) and a rolled-back one revoked, each at least once. An event is acknowledged once
 * its outcome is recorded: the delivery's reference, the give-back of a refused delivery, or a revocation the host
 * accepted. A revocation the host refuses stays pending and is tried again by {@link #recover}. Thread-safe.
 */
final class Fulfilments {
  /** The consumer's name in the store's acknowledgements. */
  static final String CONSUMER = "loyalty.fulfilment";
  private static final Set<Type> TYPES = EnumSet.of(Type.REWARD_REDEEMED, Type.REWARD_ROLLED_BACK);
  private static final Logger LOG = LoggerFactory.getLogger(Fulfilments.class);

  private final LoyaltyStore store;
  private final RewardOperations rewards;

  Fulfilments(LoyaltyStore store, RewardOperations rewards) {
    this.store = store;
    this.rewards = rewards;
  }

  /** Consumes the events of one commit that concern it, acknowledging each one whose outcome is recorded. */
  void consume(List<OutboxEvent> events) {
    List<String> done = new ArrayList<>();
    for (OutboxEvent event : events) {
      if (TYPES.contains(event.type()) && handle(event)) {
        done.add(event.id());
      }
    }
    if (!done.isEmpty()) {
      store.acknowledge(CONSUMER, done);
    }
  }

  /**
   * Consumes up to {@code limit} events still pending for this consumer (after a crash, a store failure after a
   * commit, or a refused revocation), oldest first.
   *
   * @return how many were settled (acknowledged)
   */
  int recover(int limit) {
    List<OutboxEvent> pending = store.pending(CONSUMER, TYPES, limit);
    List<String> done = new ArrayList<>();
    for (OutboxEvent event : pending) {
      if (handle(event)) {
        done.add(event.id());
      }
    }
    if (!done.isEmpty()) {
      store.acknowledge(CONSUMER, done);
    }
    return done.size();
  }

  private boolean handle(OutboxEvent event) {
    Redemption redemption = store.redemption(((OutboxEvent.RedemptionChange) event.payload()).redemption().id())
        .orElse(null);
    if (redemption == null) {
      return true; // nothing to act on
    }
    if (event.type() == Type.REWARD_REDEEMED) {
      rewards.deliver(redemption);
      return true;
    }
    try {
      rewards.revoke(redemption);
      return true;
    } catch (RuntimeException e) {
      // the host's exception text may name the customer: the log gets its type only
      LOG.warn("revoking the reward of redemption {} failed ({}); it stays pending", redemption.id(),
          e.getClass().getName());
      return false;
    }
  }
}
