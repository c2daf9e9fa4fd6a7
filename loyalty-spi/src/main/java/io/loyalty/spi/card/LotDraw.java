package io.loyalty.spi.card;

/**
 * Points a debit took from one lot.
 *
 * @param lot the lot's id
 * @param points points taken, positive
 */
public record LotDraw(long lot, long points) {}
