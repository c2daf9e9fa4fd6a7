package io.loyalty.core.internal.validation;

import io.loyalty.spi.Limits;
import io.loyalty.spi.Violation;
import io.loyalty.spi.reward.Reward;
import io.loyalty.spi.reward.RewardKind;
import java.math.BigDecimal;
import java.util.List;

/** Validates a reward definition whole, with Voucherify's field paths ({@code parameters.coin.points_ratio}, ...). */
public final class RewardValidator {
  /** The most decimals an exchange ratio may have. */
  static final int MAX_RATIO_SCALE = 6;

  private RewardValidator() {}

  /** Every violation of the reward; empty when it is valid. */
  public static List<Violation> validate(Reward reward) {
    Violations v = new Violations();
    v.present(reward.id(), "id");
    v.name(reward.name(), "name", Limits.MAX_NAME_LENGTH);
    if (reward.stock() != null) {
      v.check(reward.stock() >= 0, "stock", "must be zero or more (null for unlimited)", reward.stock());
    }
    v.check(reward.costs().size() <= ProgramValidator.MAX_COSTS, "costs",
        "a reward has at most " + ProgramValidator.MAX_COSTS + " costs", reward.costs().size());
    for (int i = 0; i < reward.costs().size(); i++) {
      long points = reward.costs().get(i).points();
      v.check(points >= 1 && points <= ProgramValidator.MAX_POINTS, "costs[" + i + "].spending[0].points",
          "must be 1 to " + ProgramValidator.MAX_POINTS, points);
    }
    RewardKind kind = reward.kind();
    if (!v.present(kind, "type")) {
      return v.list();
    }
    if (kind instanceof RewardKind.Campaign c) {
      v.present(c.type(), "parameters.campaign.type");
      v.id(c.campaign(), "parameters.campaign.id");
      if (c.type() == RewardKind.CampaignType.DISCOUNT_COUPONS) {
        v.check(c.balance() == null, "parameters.campaign.balance", "is not used by a coupon reward", c.balance());
      } else if (c.type() != null) {
        v.check(c.balance() != null && c.balance() >= 1 && c.balance() <= ProgramValidator.MAX_POINTS,
            "parameters.campaign.balance", "must be from 1 to " + ProgramValidator.MAX_POINTS, c.balance());
      }
    } else if (kind instanceof RewardKind.Coin coin) {
      BigDecimal ratio = coin.exchangeRatio();
      v.check(ratio != null && ratio.signum() > 0 && ratio.scale() <= MAX_RATIO_SCALE
              && ratio.precision() - ratio.scale() <= 12, "parameters.coin.exchange_ratio",
          "must be a positive amount with at most " + MAX_RATIO_SCALE + " decimals", ratio);
      v.check(coin.pointsRatio() >= 1 && coin.pointsRatio() <= ProgramValidator.MAX_POINTS, "parameters.coin.points_ratio",
          "must be from 1 to " + ProgramValidator.MAX_POINTS, coin.pointsRatio());
    } else if (kind instanceof RewardKind.Material m) {
      v.present(m.product(), "parameters.product.id");
    }
    return v.list();
  }
}
