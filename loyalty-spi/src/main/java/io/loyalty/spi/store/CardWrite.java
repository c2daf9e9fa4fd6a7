package io.loyalty.spi.store;

import io.loyalty.spi.card.Card;

/**
 * Stores a card if its stored version is still {@code expectedVersion} (0 for a card not yet stored);
 * {@code card.version()} must be {@code expectedVersion + 1}. Publishing a card to a customer who already
 * holds another card of the program is a duplicate membership.
 */
public record CardWrite(Card card, long expectedVersion) {}
