package io.loyalty.core.internal.eval;

import io.loyalty.spi.Metadata;
import io.loyalty.spi.event.CustomEvent;
import io.loyalty.spi.event.Customer;
import io.loyalty.spi.event.LoyaltyEvent;
import io.loyalty.spi.event.Order;
import io.loyalty.spi.event.OrderPaid;
import org.jspecify.annotations.Nullable;

/**
 * What rules and conditions see of one event: the event, its order (for {@code order.paid}), the customer
 * and the custom event's metadata (empty for other events).
 */
public record EvaluationContext(LoyaltyEvent event, @Nullable Order order, Customer customer, Metadata eventMetadata) {
  /** The context of an event. */
  public static EvaluationContext of(LoyaltyEvent event) {
    Order order = event instanceof OrderPaid paid ? paid.order() : null;
    Metadata meta = event instanceof CustomEvent custom ? custom.metadata() : Metadata.EMPTY;
    return new EvaluationContext(event, order, event.customer(), meta);
  }
}
