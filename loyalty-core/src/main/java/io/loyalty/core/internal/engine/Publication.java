package io.loyalty.core.internal.engine;

import io.loyalty.core.internal.ledger.Credit;
import io.loyalty.spi.card.Card;
import io.loyalty.spi.store.CardWrite;
import java.util.List;

/**
 * A card about to be published to a customer, before any points are credited to it.
 *
 * @param card the published card, still at its stored version (0 when it is new)
 * @param expectedVersion the version the store must still hold (0 to insert)
 * @param initialCredits the card template's initial points, to credit before anything else
 * @param refills new unpublished cards that keep an AUTO_UPDATE pool from running dry
 */
record Publication(Card card, long expectedVersion, List<Credit> initialCredits, List<CardWrite> refills) {}
