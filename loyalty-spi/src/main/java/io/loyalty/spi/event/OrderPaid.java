package io.loyalty.spi.event;

import io.loyalty.spi.CardCode;
import io.loyalty.spi.EventId;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** {@code order.paid}: an order of the customer reached status PAID. */
public record OrderPaid(EventId id, Instant occurredAt, Customer customer, Order order, @Nullable CardCode card)
    implements LoyaltyEvent {

  /** An order paid by the customer, for every program they are in. */
  public static OrderPaid of(String id, Instant occurredAt, Customer customer, Order order) {
    return new OrderPaid(EventId.of(id), occurredAt, customer, order, null);
  }

  @Override
  public String name() {
    return "order.paid";
  }

  @Override
  public OrderPaid forCard(CardCode card) {
    return new OrderPaid(id, occurredAt, customer, order, card);
  }
}
