package io.loyalty.testkit;

import io.loyalty.spi.CustomerId;
import io.loyalty.spi.event.LoyaltyEvent;
import io.loyalty.spi.event.Order;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What a workload has sent so far, as the reference engine answered it: the source of replays and refunds. */
final class History {
  /** A paid order a refund may name. */
  record PaidOrder(CustomerId customer, Order order) {}

  final List<LoyaltyEvent> events = new ArrayList<>();
  final Map<LoyaltyEvent, Outcome> firstOutcomes = new LinkedHashMap<>();
  final List<PaidOrder> orders = new ArrayList<>();
  int step;

  void record(Request request, Outcome reference) {
    LoyaltyEvent event = request.event();
    if (event != null && !firstOutcomes.containsKey(event)) {
      events.add(event);
      firstOutcomes.put(event, reference);
      if (event instanceof io.loyalty.spi.event.OrderPaid paid && reference.succeeded()) {
        orders.add(new PaidOrder(paid.customer().id(), paid.order()));
      }
    }
    step++;
  }
}
