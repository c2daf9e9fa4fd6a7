package io.loyalty.testkit;

import io.loyalty.spi.CustomerId;
import io.loyalty.spi.RedemptionId;
import io.loyalty.spi.event.LoyaltyEvent;
import io.loyalty.spi.event.Order;
import io.loyalty.spi.reward.RedeemRequest;
import io.loyalty.spi.reward.Redemption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a workload has sent so far, as the reference engine answered it: the source of replays, refunds and re-sent
 * redemptions, and the first answer of each redemption (its attempt never changes afterwards).
 */
final class History {
  /** A paid order a refund may name. */
  record PaidOrder(CustomerId customer, Order order) {}

  final List<LoyaltyEvent> events = new ArrayList<>();
  final Map<LoyaltyEvent, Outcome> firstOutcomes = new LinkedHashMap<>();
  final List<PaidOrder> orders = new ArrayList<>();
  final List<RedeemRequest> redeemRequests = new ArrayList<>();
  final Map<RedemptionId, Redemption> firstRedemptions = new LinkedHashMap<>();
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
    if (reference.value() instanceof Redemption r && !firstRedemptions.containsKey(r.id())) {
      firstRedemptions.put(r.id(), r);
      if (r.request() != null) {
        redeemRequests.add(r.request());
      }
    }
    step++;
  }
}
