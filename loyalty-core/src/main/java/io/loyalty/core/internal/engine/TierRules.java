package io.loyalty.core.internal.engine;

import io.loyalty.core.internal.eval.PlanCache;
import io.loyalty.spi.EventId;
import io.loyalty.spi.TierId;
import io.loyalty.spi.event.Customer;
import io.loyalty.spi.event.TierMoved;
import io.loyalty.spi.program.Program;
import io.loyalty.spi.program.Trigger;
import io.loyalty.spi.store.LoyaltyStore;
import io.loyalty.spi.store.OutboxEvent;
import io.loyalty.spi.store.OutboxEvent.Type;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * The engine's outbox consumer for earning rules fired by tier moves (digest sections 2.2 and 6.3): each committed
 * {@code tier.joined|left|upgraded|downgraded|prolonged} event of a program with such rules is applied as a
 * {@link TierMoved} event, whose id is derived from the outbox event's, so a move earns exactly once however often
 * it is delivered (at least once: a crash before the acknowledgement leaves it pending for {@link #recover}). Its
 * points may move the tier again: that move is applied in turn, one cascade further, until the bound of
 * {@link io.loyalty.core.internal.decide.TierReaction#MAX_CASCADE}. Thread-safe.
 */
final class TierRules {
  /** The consumer's name in the store's acknowledgements. */
  static final String CONSUMER = "loyalty.tier-rules";
  private static final Set<Type> TYPES = EnumSet.of(Type.TIER_JOINED, Type.TIER_LEFT, Type.TIER_UPGRADED,
      Type.TIER_DOWNGRADED, Type.TIER_PROLONGED);

  private final LoyaltyStore store;
  private final PlanCache plans;
  private final Function<TierMoved, ?> apply;

  TierRules(LoyaltyStore store, PlanCache plans, Function<TierMoved, ?> apply) {
    this.store = store;
    this.plans = plans;
    this.apply = apply;
  }

  /** Applies the tier moves of one commit that some rule may fire on, acknowledging each one applied. */
  void consume(List<OutboxEvent> events) {
    List<String> done = null;
    for (OutboxEvent event : events) {
      if (TYPES.contains(event.type())) {
        handle(event);
        if (done == null) {
          done = new ArrayList<>();
        }
        done.add(event.id());
      }
    }
    if (done != null) {
      store.acknowledge(CONSUMER, done);
    }
  }

  /**
   * Applies up to {@code limit} tier moves still pending for this consumer (after a crash or a store failure after
   * a commit), oldest first.
   *
   * @return how many were settled
   */
  int recover(int limit) {
    if (limit == 0) {
      return 0;
    }
    List<OutboxEvent> pending = store.pending(CONSUMER, TYPES, limit);
    List<String> done = new ArrayList<>(pending.size());
    for (OutboxEvent event : pending) {
      handle(event);
      done.add(event.id());
    }
    if (!done.isEmpty()) {
      store.acknowledge(CONSUMER, done);
    }
    return done.size();
  }

  private void handle(OutboxEvent event) {
    // the stored definition, not a catalog an earlier decision read: a rule added since must fire (moves are rare)
    Program program = store.program(event.program()).orElse(null);
    if (program == null || !plans.plan(program).firesOnTierMoves()) {
      return; // no rule of the program fires on tier moves: nothing to earn
    }
    TierMoved moved = moved(event);
    if (moved != null) {
      apply.apply(moved);
    }
  }

  /**
   * The event a tier move is applied as: at the instant it took effect, matched on the tier entered, kept or
   * (for {@code left}) left; {@code null} for a move that names no tier to match.
   */
  static @Nullable TierMoved moved(OutboxEvent event) {
    OutboxEvent.TierChange change = (OutboxEvent.TierChange) event.payload();
    Trigger.TierEvent move = switch (event.type()) {
      case TIER_JOINED -> Trigger.TierEvent.JOINED;
      case TIER_LEFT -> Trigger.TierEvent.LEFT;
      case TIER_UPGRADED -> Trigger.TierEvent.UPGRADED;
      case TIER_DOWNGRADED -> Trigger.TierEvent.DOWNGRADED;
      case TIER_PROLONGED -> Trigger.TierEvent.PROLONGED;
      default -> throw new IllegalArgumentException("not a tier move: " + event.type());
    };
    TierId tier = move == Trigger.TierEvent.LEFT ? change.from() : change.to();
    if (tier == null) {
      return null;
    }
    Instant at = change.effective() == null ? event.at() : change.effective();
    return new TierMoved(EventId.of(event.id()), at, Customer.of(change.holder()), event.card(), move, tier,
        change.cascade());
  }
}
