package io.loyalty.testkit;

import io.loyalty.spi.AssignmentId;
import io.loyalty.spi.ProductId;
import io.loyalty.spi.host.RewardFulfilment;
import io.loyalty.spi.reward.Reward;
import io.loyalty.spi.reward.RewardAssignment;
import io.loyalty.spi.reward.RewardKind;
import java.math.BigDecimal;
import java.time.Period;
import java.util.List;

/**
 * The reward catalog of the random workloads. Alpha offers a mug of limited stock, pay with points, 20 points into
 * beta (a LOYALTY_PROGRAM reward that may enrol the member into beta's STATIC pool) and a coupon its host sometimes
 * refuses (so the redemption is given back); beta offers the same mug (one stock for both programs), pay with points,
 * and a badge redeemed automatically when a card's balance reaches its price.
 */
final class WorkloadRewards {
  static final Reward MUG =
      Reward.of("rew_mug", "Mug", new RewardKind.Material(ProductId.of("prod_mug"), null)).withStock(2L);
  static final Reward COIN = Reward.of("rew_coin", "10 points = 1 EUR", new RewardKind.Coin(BigDecimal.ONE, 10));
  static final Reward BETA_POINTS = Reward.of("rew_beta_points", "20 beta points",
      RewardKind.Campaign.points(WorkloadPrograms.BETA, 20));
  static final Reward COUPON = Reward.of("rew_coupon", "Coupon", RewardKind.Campaign.coupon("camp_coupons"));
  static final Reward BADGE = Reward.of("rew_badge", "Badge", new RewardKind.Material(ProductId.of("prod_badge"), null));
  static final List<Reward> CATALOG = List.of(MUG, COIN, BETA_POINTS, COUPON, BADGE);

  static final AssignmentId MUG_OFFER = AssignmentId.of("rewa_mug");
  static final AssignmentId COIN_OFFER = AssignmentId.of("rewa_coin");
  static final AssignmentId BETA_OFFER = AssignmentId.of("rewa_beta");
  static final AssignmentId COUPON_OFFER = AssignmentId.of("rewa_coupon");
  static final AssignmentId BADGE_OFFER = AssignmentId.of("rewa_badge");
  /** An assignment no program has: redeeming it is {@code not_found}. */
  static final AssignmentId NO_OFFER = AssignmentId.of("rewa_none");

  /** How long a redemption can be rolled back: short, so the clock's steps pass it now and then. */
  static final Period ROLLBACK_WINDOW = Period.ofDays(10);

  /**
   * The coupon host: it issues {@code CPN-<redemption>} and refuses about one redemption in five, decided by the
   * redemption id alone, so both engines and every re-send get the same answer (idempotent by redemption id).
   */
  static final RewardFulfilment HOST = request -> {
    String id = request.redemption().value();
    if (Math.floorMod(id.hashCode(), 5) == 0) {
      throw new IllegalStateException("the coupon service refused redemption " + id);
    }
    return "CPN-" + id;
  };

  private WorkloadRewards() {}

  /** Alpha's offers: the mug at 20 points, pay with points, 20 beta points for 10, a coupon for 8. */
  static List<RewardAssignment> alphaOffers() {
    return List.of(RewardAssignment.of(MUG_OFFER.value(), MUG.id(), 20),
        RewardAssignment.payWithPoints(COIN_OFFER.value(), COIN.id()),
        RewardAssignment.of(BETA_OFFER.value(), BETA_POINTS.id(), 10),
        RewardAssignment.of(COUPON_OFFER.value(), COUPON.id(), 8));
  }

  /** Beta's offers: the mug at 10 points, pay with points, a badge auto-redeemed at 12 points. */
  static List<RewardAssignment> betaOffers() {
    return List.of(RewardAssignment.of(MUG_OFFER.value(), MUG.id(), 10),
        RewardAssignment.payWithPoints(COIN_OFFER.value(), COIN.id()),
        RewardAssignment.of(BADGE_OFFER.value(), BADGE.id(), 12).autoRedeemed());
  }
}
