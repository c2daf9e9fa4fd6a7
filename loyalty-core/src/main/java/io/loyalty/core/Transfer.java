package io.loyalty.core;

import io.loyalty.spi.card.LedgerEntry;

/**
 * A transfer of points between two cards, committed together: the source card's POINTS_TRANSFER_OUT and the
 * destination card's POINTS_TRANSFER_IN, each naming the other in {@code related}.
 *
 * @param out the entry on the source card
 * @param in the entry on the destination card
 */
public record Transfer(LedgerEntry out, LedgerEntry in) {}
