package io.loyalty.core.internal.condition;

import io.loyalty.core.internal.eval.EvaluationContext;
import io.loyalty.spi.Metadata;
import io.loyalty.spi.event.CustomEvent;
import io.loyalty.spi.event.Customer;
import io.loyalty.spi.event.Order;
import io.loyalty.spi.event.OrderItem;
import io.loyalty.spi.event.OrderPaid;
import io.loyalty.spi.event.SegmentEntered;
import io.loyalty.spi.host.ProductCollections;
import io.loyalty.spi.host.ValidationRules;
import io.loyalty.spi.program.Condition;
import java.time.Instant;

/** Test data: evaluation contexts for the events conditions are checked against. */
final class Events {
  static final Instant AT = Instant.parse("2024-05-01T10:00:00Z");

  private Events() {}

  static Customer customer() {
    return Customer.of("cust_1");
  }

  /** An order.paid event of an order with no items. */
  static EvaluationContext paid(long amount) {
    return paid(Order.ofAmount("ord_1", "EUR", amount));
  }

  static EvaluationContext paid(Order order) {
    return paid(order, customer());
  }

  static EvaluationContext paid(Order order, Customer customer) {
    return EvaluationContext.of(OrderPaid.of("evt_1", AT, customer, order));
  }

  /** An order.paid event of a cart of these lines. */
  static EvaluationContext cart(OrderItem... items) {
    return paid(Order.of("ord_1", "EUR", items));
  }

  static EvaluationContext custom(Metadata metadata) {
    return EvaluationContext.of(CustomEvent.of("evt_1", AT, customer(), "page_view", metadata));
  }

  /** An event without an order, about this customer. */
  static EvaluationContext segmentEntered(Customer customer) {
    return EvaluationContext.of(SegmentEntered.of("evt_1", AT, customer, "seg_new"));
  }

  static EvaluationContext noOrder() {
    return segmentEntered(customer());
  }

  /** Compiles with no named rules and no collections. */
  static CompiledCondition compile(Condition condition) {
    return new ConditionCompiler().compile(condition);
  }
}
