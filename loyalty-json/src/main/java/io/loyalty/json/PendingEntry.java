package io.loyalty.json;

import io.loyalty.spi.card.Card;
import io.loyalty.spi.card.Lot;
import java.util.Objects;

/**
 * One pending points entry of a list: a pending lot and the card it is on (a campaign-wide list holds entries of many
 * cards). Its wire id is {@link #id()}, {@code <card code>:<lot id>}.
 *
 * @param card the card the lot is on
 * @param lot the pending lot
 */
public record PendingEntry(Card card, Lot lot) {
  /** Checks both are present. */
  public PendingEntry {
    Objects.requireNonNull(card, "card");
    Objects.requireNonNull(lot, "lot");
  }

  /** The entry's id on the wire, {@code <card code>:<lot id>}, as the pending points endpoints take it back. */
  public String id() {
    return card.code().value() + ":" + lot.id();
  }
}
