package io.loyalty.spi.host;

import io.loyalty.spi.CardCode;
import io.loyalty.spi.CustomerId;
import io.loyalty.spi.RedemptionId;
import io.loyalty.spi.reward.Reward;

/**
 * Delivers campaign rewards the host owns: issues a coupon of a discount campaign or adds gift credit, and
 * takes it back when a redemption is compensated or rolled back. Called after the redemption is committed;
 * if it throws, the engine rolls the redemption back so nothing is lost. Implementations are thread-safe and
 * idempotent by redemption id (the engine may call again after a crash or retry).
 */
public interface RewardFulfilment {
  /**
   * Issues the reward and returns a reference to what was issued (a coupon code, a gift card code).
   *
   * @throws RuntimeException to refuse; the redemption is then rolled back and recorded as failed
   */
  String fulfil(Request request);

  /** Takes back what {@link #fulfil} issued; called on rollback. Defaults to doing nothing. */
  default void revoke(Request request, String reference) {}

  /** A host with no campaign rewards: every fulfilment is refused. */
  static RewardFulfilment none() {
    return request -> {
      throw new UnsupportedOperationException("no RewardFulfilment is configured for campaign rewards; set one on the engine builder");
    };
  }

  /**
   * What to deliver, to whom.
   *
   * @param redemption the redemption, the idempotency key of the delivery
   * @param customer the member
   * @param card the member's card
   * @param reward the reward
   */
  record Request(RedemptionId redemption, CustomerId customer, CardCode card, Reward reward) {}
}
