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
 * order paid with points), the customer, the custom event's metadata (empty otherwise), and the host's answers.
 */
public record EvaluationContext(
    @Nullable LoyaltyEvent event, @Nullable Order order, Customer customer, Metadata eventMetadata, Answers answers) {

  /** The context of a redemption: its customer and, for pay with points, its order. */
  public static EvaluationContext forRedemption(Customer customer, @Nullable Order order, Answers answers) {
    return new EvaluationContext(null, order, customer, Metadata.EMPTY, answers);
  }

  /** The context of an event, with the host's answers as {@code answers} gives them. */
  public static EvaluationContext of(LoyaltyEvent event, Answers answers) {
    Order order = event instanceof OrderPaid paid ? paid.order() : null;
    Metadata meta = event instanceof CustomEvent custom ? custom.metadata() : Metadata.EMPTY;
    return new EvaluationContext(event, order, event.customer(), meta, answers);
  }

  /** The same context with the host's answers as {@code answers} gives them. */
  public EvaluationContext withAnswers(Answers answers) {
    return new EvaluationContext(event, order, customer, eventMetadata, answers);
  }

  /** The context of an event whose host has no collections and no named rules. */
  public static EvaluationContext of(LoyaltyEvent event) {
    return of(event, Answers.NONE);
  }
}
