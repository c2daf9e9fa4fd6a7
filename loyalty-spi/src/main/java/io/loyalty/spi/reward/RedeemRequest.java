package io.loyalty.spi.reward;

import io.loyalty.spi.AssignmentId;
import io.loyalty.spi.CardCode;
import io.loyalty.spi.Metadata;
import io.loyalty.spi.RedemptionId;
import io.loyalty.spi.event.Customer;
import io.loyalty.spi.event.Order;
import org.jspecify.annotations.Nullable;

/**
 * A member's request to redeem a reward of their program. Its id is the caller's idempotency key: the same
 * request again returns the first result; another request under the same id is an error. The engine validates it
 * whole before reading anything: a bad field is an {@code InvalidInputException} naming its path
 * ({@code reward.points}, {@code order.currency}, {@code customer.id}, ...), and nothing is written.
 *
 * @param id the idempotency key, which becomes the redemption's id
 * @param card the member's card
 * @param assignment the reward's assignment in the card's program
 * @param points for pay with points, how many points to spend, from 1 to 10^12; {@code null} to pay as much of the
 *     order as the balance allows
 * @param order for pay with points, the order to discount (required); validated like an event's order (currency
 *     present and with minor units, amounts from 0 to 10^16, total at most amount, lines consistent)
 * @param metadata free key/values kept with the redemption
 * @param customer the host's view of the card's holder, for conditions on customer metadata or segments;
 *     {@code null} for the holder with no metadata. Conditions are always checked against the holder: a customer
 *     with another id is rejected ({@code customer.id})
 */
public record RedeemRequest(
    RedemptionId id, CardCode card, AssignmentId assignment, @Nullable Long points, @Nullable Order order,
    Metadata metadata,
    @Nullable Customer customer) {

  /** Defaults the metadata. */
  public RedeemRequest {
    metadata = metadata == null ? Metadata.EMPTY : metadata;
  }

  /** Redeems a reward at its price. */
  public static RedeemRequest of(String id, CardCode card, AssignmentId assignment) {
    return new RedeemRequest(RedemptionId.of(id), card, assignment, null, null, Metadata.EMPTY, null);
  }

  /** Pays for (part of) an order with points; {@code points == null} pays as much as the balance allows. */
  public static RedeemRequest payWithPoints(String id, CardCode card, AssignmentId assignment, Order order, @Nullable Long points) {
    return new RedeemRequest(RedemptionId.of(id), card, assignment, points, order, Metadata.EMPTY, null);
  }

  /** A copy that carries the host's view of the card's holder (another customer is rejected), for conditions. */
  public RedeemRequest by(Customer customer) {
    return new RedeemRequest(id, card, assignment, points, order, metadata, customer);
  }
}
