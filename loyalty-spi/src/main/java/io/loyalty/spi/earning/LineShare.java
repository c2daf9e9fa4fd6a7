package io.loyalty.spi.earning;

/**
 * What one order line contributed to an item-based rule's measured value.
 *
 * @param line the line's index in the order's items
 * @param value its quantity, amount or subtotal amount, as the rule measures
 */
public record LineShare(int line, long value) {}
