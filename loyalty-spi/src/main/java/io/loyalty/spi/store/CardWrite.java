package io.loyalty.spi.store;

import io.loyalty.spi.card.Card;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Stores a card if its stored version is still {@code expectedVersion} (0 for a card not yet stored);
 * {@code card.version()} must be {@code expectedVersion + 1}. Publishing a card to a customer who already
 * holds another card of the program is a duplicate membership.
 *
 * @param card the card as it is to be stored
 * @param expectedVersion the version the store must still hold, 0 for a card not yet stored
 * @param base the card as the writer read it from the store at {@code expectedVersion}, or {@code null} when unknown
 *     (always for a new card): a store may then write only what differs from it (the lots
 *     {@link io.loyalty.spi.card.LotList#changedSince} names), the compare-and-set on the version proving that it is
 *     what the store holds
 */
public record CardWrite(Card card, long expectedVersion, @Nullable Card base) {
  /**
   * Checks that the base is the same card at the expected version.
   *
   * @throws IllegalArgumentException when {@code base} is another card or at another version
   */
  public CardWrite {
    Objects.requireNonNull(card, "card");
    if (base != null && (!base.code().equals(card.code()) || base.version() != expectedVersion)) {
      throw new IllegalArgumentException("the base of a write of card " + card.code() + " over version "
          + expectedVersion + " is card " + base.code() + " at version " + base.version());
    }
  }

  /** A write with no base: the store writes the whole card. */
  public CardWrite(Card card, long expectedVersion) {
    this(card, expectedVersion, null);
  }

  /** A write of {@code next} over {@code base}, the card as read from the store. */
  public static CardWrite over(Card base, Card next) {
    return new CardWrite(next, base.version(), base);
  }
}
