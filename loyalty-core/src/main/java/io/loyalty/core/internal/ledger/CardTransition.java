package io.loyalty.core.internal.ledger;

import io.loyalty.spi.card.Card;
import io.loyalty.spi.card.LedgerEntry;
import java.util.List;

/**
 * A card's next state and the ledger entries that explain the change.
 *
 * @param card the card after the change, its version one more than before
 * @param entries the entries to append, in seq order
 */
public record CardTransition(Card card, List<LedgerEntry> entries) {}
