package io.loyalty.core.internal.memory;

import io.loyalty.spi.CardCode;
import io.loyalty.spi.OrderId;

/** The entries of one card for one order: the key of the order index. */
record OrderRef(CardCode card, OrderId order) {}
