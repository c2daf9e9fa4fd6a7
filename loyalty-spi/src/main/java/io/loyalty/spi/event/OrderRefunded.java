package io.loyalty.spi.event;

import io.loyalty.spi.CardCode;
import io.loyalty.spi.EventId;
import io.loyalty.spi.OrderId;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * An earlier paid order was refunded or canceled, wholly or by lines and quantities: the points the refunded
 * part earned are taken back, computed with the rule definitions that granted them. Its id makes it
 * idempotent like any event; refunds of one order add up (refunding the same units twice is an error).
 *
 * @param id the refund's id
 * @param occurredAt when it happened
 * @param customer the customer who paid the order
 * @param order the refunded order
 * @param lines the refunded units by line; empty for the whole order (a cancellation)
 * @param card the card the order earned on, or {@code null} for every program the customer is in
 */
public record OrderRefunded(
    EventId id, Instant occurredAt, Customer customer, OrderId order, List<RefundLine> lines, @Nullable CardCode card)
    implements LoyaltyEvent {

  /** Copies the lines. */
  public OrderRefunded {
    lines = lines == null ? List.of() : List.copyOf(lines);
  }

  /** The whole order refunded or canceled. */
  public static OrderRefunded whole(String id, Instant occurredAt, Customer customer, String order) {
    return new OrderRefunded(EventId.of(id), occurredAt, customer, OrderId.of(order), List.of(), null);
  }

  /** Some units of some lines refunded. */
  public static OrderRefunded lines(String id, Instant occurredAt, Customer customer, String order, RefundLine... lines) {
    return new OrderRefunded(EventId.of(id), occurredAt, customer, OrderId.of(order), List.of(lines), null);
  }

  /** Whether the whole order is refunded. */
  public boolean isWhole() {
    return lines.isEmpty();
  }

  @Override
  public String name() {
    return "order.refunded";
  }

  @Override
  public OrderRefunded forCard(CardCode card) {
    return new OrderRefunded(id, occurredAt, customer, order, lines, card);
  }
}
