package io.loyalty.spi.event;

import io.loyalty.spi.Metadata;
import io.loyalty.spi.OrderId;
import java.util.Arrays;
import java.util.Currency;
import java.util.List;

/**
 * An order in minor units of its currency. When it has items, {@code amount} is the sum of their amounts.
 *
 * @param id the order's id; points are awarded once per order and rule
 * @param currency the ISO 4217 currency of every amount, required: the engine reports a missing one as
 *     {@code order.currency} when it validates the event or request (the record itself accepts it, as input read from
 *     JSON may lack it)
 * @param amount the amount before discounts, zero or more
 * @param totalAmount the amount after all discounts, from zero to {@code amount}
 * @param items the lines, possibly empty; a line is referred to by its index
 * @param metadata the order's metadata
 */
public record Order(OrderId id, Currency currency, long amount, long totalAmount, List<OrderItem> items, Metadata metadata) {
  /** Defaults and copies the collections. */
  public Order {
    items = items == null ? List.of() : List.copyOf(items);
    metadata = metadata == null ? Metadata.EMPTY : metadata;
  }

  /** An order of the items with no order-level discount; amounts are summed exactly (or an error). */
  public static Order of(String id, String currency, OrderItem... items) {
    long amount = 0;
    long total = 0;
    for (OrderItem item : items) {
      amount = Math.addExact(amount, item.amount());
      total = Math.addExact(total, item.subtotalAmount());
    }
    return new Order(OrderId.of(id), Currency.getInstance(currency), amount, total, Arrays.asList(items), Metadata.EMPTY);
  }

  /** An order with no items. */
  public static Order ofAmount(String id, String currency, long amount) {
    return new Order(OrderId.of(id), Currency.getInstance(currency), amount, amount, List.of(), Metadata.EMPTY);
  }

  /** A copy with an order-level discount taken off the total. */
  public Order withDiscount(long discount) {
    return new Order(id, currency, amount, Math.subtractExact(totalAmount, discount), items, metadata);
  }

  /** A copy with the given metadata. */
  public Order withMetadata(Metadata metadata) {
    return new Order(id, currency, amount, totalAmount, items, metadata);
  }
}
