package io.loyalty.core.internal.eval;

import io.loyalty.spi.Metadata;
import io.loyalty.spi.event.CustomEvent;
import io.loyalty.spi.event.Customer;
import io.loyalty.spi.event.LoyaltyEvent;
import io.loyalty.spi.event.Order;
import io.loyalty.spi.event.OrderPaid;
import org.jspecify.annotations.Nullable;

/**
 * What rules and conditions see: the event (none for a redemption), its order (for {@code order.paid}, or the
 * order paid with points), the customer and the custom event's metadata (empty otherwise).
 */
public record EvaluationContext(
    @Nullable LoyaltyEvent event, @Nullable Order order, Customer customer, Metadata eventMetadata) {

  /** The context of a redemption: its customer and, for pay with points, its order. */
  public static EvaluationContext forRedemption(Customer customer, @Nullable Order order) {
    return new EvaluationContext(null, order, customer, Metadata.EMPTY);
  }
  /** The context of an event. */
  public static EvaluationContext of(LoyaltyEvent event) {
    Order order = event instanceof OrderPaid paid ? paid.order() : null;
    Metadata meta = event instanceof CustomEvent custom ? custom.metadata() : Metadata.EMPTY;
    return new EvaluationContext(event, order, event.customer(), meta);
  }
}
