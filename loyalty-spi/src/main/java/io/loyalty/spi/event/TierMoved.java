package io.loyalty.spi.event;

import io.loyalty.spi.CardCode;
import io.loyalty.spi.EventId;
import io.loyalty.spi.TierId;
import io.loyalty.spi.program.Trigger;
import java.time.Instant;
import java.util.Locale;
import java.util.Objects;

/**
 * {@code customer.loyalty.tier.joined|left|upgraded|downgraded|prolonged}: a card moved between its program's tiers
 * (or its term was prolonged), as the engine recorded it in its outbox. The engine applies it itself, once per move,
 * so that earning rules with a {@link Trigger.TierChange} trigger fire on it; a host has no need to send it.
 *
 * @param id derived from the outbox event of the move, so each move is applied once
 * @param occurredAt when the move took effect
 * @param customer the card's holder
 * @param card the card that moved
 * @param move what happened
 * @param tier the tier the trigger is matched against: the tier entered (joined, upgraded, downgraded), the tier
 *     kept (prolonged), or the tier left (left)
 * @param cascade how many tier-triggered earnings led to this move (0: an ordinary change did); rules do not fire past
 *     the engine's bound, so a cascade always ends
 */
public record TierMoved(EventId id, Instant occurredAt, Customer customer, CardCode card, Trigger.TierEvent move,
    TierId tier, int cascade) implements LoyaltyEvent {
  /** Checks the parts. */
  public TierMoved {
    Objects.requireNonNull(card, "card");
    Objects.requireNonNull(move, "move");
    Objects.requireNonNull(tier, "tier");
    if (cascade < 0) {
      throw new IllegalArgumentException("cascade must be at least 0, not " + cascade);
    }
  }

  @Override
  public String name() {
    return "customer.loyalty.tier." + move.name().toLowerCase(Locale.ROOT);
  }

  @Override
  public TierMoved forCard(CardCode card) {
    return new TierMoved(id, occurredAt, customer, card, move, tier, cascade);
  }
}
