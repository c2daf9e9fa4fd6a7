package io.loyalty.core.internal.validation;

import io.loyalty.core.internal.ledger.DerivedIds;
import io.loyalty.spi.Violation;
import io.loyalty.spi.event.Customer;
import io.loyalty.spi.event.Order;
import io.loyalty.spi.reward.RedeemRequest;
import java.util.List;

/**
 * Validates a redemption request whole before anything is read or written: its ids present, the points to spend
 * from 1 to {@link ProgramValidator#MAX_POINTS}, the order as an event's order is checked (currency present and with
 * minor units, amounts from 0 to {@link EventValidator#MAX_AMOUNT}, total at most amount, lines consistent), the
 * metadata and the customer's. Paths follow Voucherify's redeem body ({@code reward.points}, {@code order.total_amount}).
 * Whether the customer is the card's holder needs the card, so the engine checks it once the card is read.
 */
public final class RedeemRequestValidator {
  private RedeemRequestValidator() {}

  /** Every violation of the request; empty when it is valid. */
  public static List<Violation> validate(RedeemRequest request) {
    Violations v = new Violations();
    if (v.present(request.id(), "id")) {
      v.check(!DerivedIds.isDerived(request.id()), "id", "must not start with " + DerivedIds.DERIVED_PREFIX
          + " (the engine's own redemption ids)", request.id());
    }
    v.present(request.card(), "member_id");
    Long points = request.points();
    if (points != null) {
      v.check(points >= 1 && points <= ProgramValidator.MAX_POINTS, "reward.points",
          "must be from 1 to " + ProgramValidator.MAX_POINTS + " (omit it to pay as much as the balance allows)", points);
    }
    Order order = request.order();
    if (order != null) {
      EventValidator.checkOrder(v, order);
      if (order.currency() != null && order.currency().getDefaultFractionDigits() < 0) {
        v.add("order.currency", "must be a currency with minor units (ISO 4217 fraction digits)",
            order.currency().getCurrencyCode());
      }
    }
    Customer customer = request.customer();
    if (customer != null) {
      v.present(customer.id(), "customer.id");
    }
    return v.list();
  }
}
