package io.loyalty.spi.event;

/**
 * Units of one order line that were refunded.
 *
 * @param line the line's index in the paid order's items
 * @param quantity units refunded, from 1 to the line's quantity
 */
public record RefundLine(int line, long quantity) {}
