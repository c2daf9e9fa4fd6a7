package io.loyalty.core.internal.decide;

import io.loyalty.spi.ProgramId;
import io.loyalty.spi.card.Card;
import io.loyalty.spi.card.LedgerEntry;
import io.loyalty.spi.reward.Redemption;
import io.loyalty.spi.store.CardWrite;
import io.loyalty.spi.store.ChangeSet;
import io.loyalty.spi.store.OutboxEvent;
import io.loyalty.spi.store.OutboxEvent.Type;
import io.loyalty.spi.store.RedemptionWrite;
import java.time.Instant;
import io.loyalty.core.internal.eval.Tiers;
import io.loyalty.spi.CustomerId;
import io.loyalty.spi.program.Program;
import io.loyalty.spi.tier.Tier;
import java.util.function.Function;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Derives the domain events of a change set from its writes, in one place for every operation: an event per ledger
 * entry, per redemption inserted or moved to a new state, and the publications the operation named. Ids come from
 * the unique keys of what caused them, so a change retried derives the same ids. Pure.
 */
public final class Outbox {
  private Outbox() {}

  /** The id of the event a redemption's write at {@code version} causes. */
  public static String redemptionEventId(Redemption redemption) {
    return "redemption:" + redemption.id() + ":" + redemption.version();
  }

  /** The event of a card's publication, which its write alone does not show (the card's prior state is not in it). */
  public static OutboxEvent joined(Card card, Instant at) {
    return new OutboxEvent("joined:" + card.code(), Type.MEMBER_JOINED, card.code(), card.program(), at,
        new OutboxEvent.Membership(Objects.requireNonNull(card.holder(), "a published card has a holder")));
  }

  /**
   * The change set's events: the ones it names (publications) first, then one per ledger entry in order, then the
   * redemptions'. Every entry's card is written by the same change set, which gives its program.
   */
  public static List<OutboxEvent> derive(ChangeSet changes, Instant at) {
    return derive(changes, at, List.of());
  }

  /**
   * As {@link #derive(ChangeSet, Instant)}, with the tier events {@link TierReaction} found after the entries.
   */
  public static List<OutboxEvent> derive(ChangeSet changes, Instant at, List<OutboxEvent> tierEvents) {
    if (changes.entries().isEmpty() && changes.redemptions().isEmpty() && changes.events().isEmpty()
        && tierEvents.isEmpty()) {
      return changes.events();
    }
    List<OutboxEvent> events = new ArrayList<>(changes.events().size() + changes.entries().size()
        + changes.redemptions().size() + tierEvents.size());
    events.addAll(changes.events());
    List<CardWrite> cards = changes.cards();
    Card last = null; // entries come in runs of one card: its program is looked up once per run
    for (LedgerEntry entry : changes.entries()) {
      if (last == null || !last.code().equals(entry.card())) {
        last = null;
        for (int i = 0; i < cards.size() && last == null; i++) {
          last = cards.get(i).card().code().equals(entry.card()) ? cards.get(i).card() : null;
        }
        if (last == null) {
          throw new IllegalStateException("a ledger entry is committed without its card's write");
        }
      }
      ProgramId program = last.program();
      events.add(new OutboxEvent("entry:" + entry.card().value() + "#" + entry.seq(), Type.of(entry.type()),
          entry.card(), program, at, new OutboxEvent.Transaction(entry)));
    }
    events.addAll(tierEvents);
    for (RedemptionWrite write : changes.redemptions()) {
      Redemption r = write.redemption();
      Type type = typeOf(r, write.expectedVersion() == 0);
      if (type != null) {
        events.add(new OutboxEvent(redemptionEventId(r), type, r.card(), r.program(), at,
            new OutboxEvent.RedemptionChange(r)));
      }
    }
    return events;
  }

  /**
   * What a redemption's write means: an insert succeeded or failed; an update moved it to rolled back or failed (each
   * happens once: a redemption leaves SUCCEEDED once), or completed its delivery (which also happens once).
   */
  private static @Nullable Type typeOf(Redemption r, boolean inserted) {
    if (inserted) {
      return r.status() == Redemption.Status.SUCCEEDED ? Type.REWARD_REDEEMED : Type.REDEMPTION_FAILED;
    }
    return switch (r.status()) {
      case ROLLED_BACK -> Type.REWARD_ROLLED_BACK;
      case FAILED -> Type.REDEMPTION_FAILED;
      case SUCCEEDED -> r.fulfilment().status() == Redemption.FulfilmentStatus.COMPLETE ? Type.REWARD_DELIVERED : null;
    };
  }

}
