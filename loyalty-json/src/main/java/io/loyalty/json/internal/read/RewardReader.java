package io.loyalty.json.internal.read;

import static io.loyalty.json.internal.read.CommonReader.names;

import io.loyalty.json.WireInputException.Problem;
import io.loyalty.json.internal.wire.RewardAssignmentWire;
import io.loyalty.json.internal.wire.RewardWire;
import io.loyalty.spi.AssignmentId;
import io.loyalty.spi.Limits;
import io.loyalty.spi.ProductId;
import io.loyalty.spi.RewardId;
import io.loyalty.spi.SkuId;
import io.loyalty.spi.reward.Reward;
import io.loyalty.spi.reward.RewardAssignment;
import io.loyalty.spi.reward.RewardKind;
import org.jspecify.annotations.Nullable;

/** Reads v1 rewards and reward assignments. */
public final class RewardReader {
  private RewardReader() {}

  /**
   * The reward the body describes.
   *
   * @param id the reward's id; {@code null} to take the body's {@code id}, which is then required
   */
  public static Reward reward(RewardWire r, @Nullable RewardId id) {
    Problems p = new Problems();
    RewardId rewardId = id != null ? id : p.idOf("id", r.id(), RewardId::of);
    if (r.object() != null) {
      p.oneOf("object", r.object(), names("reward"));
    }
    String name = p.text("name", r.name(), Limits.MAX_NAME_LENGTH);
    var params = r.parameters();
    // Voucherify's own guide creates a campaign reward with its parameters alone
    // a body with no type is typed by its one parameters block (Voucherify's Java SDK 8 sends no type)
    String type = r.type() == null && params != null && params.campaign() != null ? "CAMPAIGN"
        : r.type() == null && params != null && params.coin() != null && params.product() == null ? "COIN"
        : r.type() == null && params != null && params.product() != null && params.coin() == null ? "MATERIAL"
        : p.oneOf("type", r.type(), names("CAMPAIGN", "COIN", "MATERIAL"));
    RewardKind kind = type == null ? null : kind(p, type, p.required("parameters", params));
    Long stock = r.stock() == null ? null : p.range("stock", r.stock(), 0, Long.MAX_VALUE);
    long redeemed = r.redeemed() == null ? 0 : p.range("redeemed", r.redeemed(), 0, Long.MAX_VALUE);
    var metadata = p.metadata("metadata", r.metadata());
    p.done();
    return new Reward(p.must(rewardId), 0, p.must(name), p.must(kind), stock, redeemed, false, metadata);
  }

  private static @Nullable RewardKind kind(Problems p, String type, RewardWire.@Nullable Parameters params) {
    if (params == null) {
      return null;
    }
    switch (type) {
      case "CAMPAIGN" -> {
        var c = p.required("parameters.campaign", params.campaign());
        if (c == null) {
          return null;
        }
        String campaign = p.text("parameters.campaign.id", c.id(), Limits.MAX_ID_LENGTH);
        RewardKind.CampaignType kind = c.type() == null ? RewardKind.CampaignType.DISCOUNT_COUPONS
            : p.enumOf("parameters.campaign.type", c.type(), RewardKind.CampaignType.class);
        Long balance = c.balance() == null ? null : p.range("parameters.campaign.balance", c.balance(), 0, Long.MAX_VALUE);
        return campaign == null || kind == null ? null : new RewardKind.Campaign(kind, campaign, balance);
      }
      case "COIN" -> {
        var c = p.required("parameters.coin", params.coin());
        if (c == null) {
          return null;
        }
        var exchange = p.required("parameters.coin.exchange_ratio", c.exchangeRatio());
        Long points = p.required("parameters.coin.points_ratio", c.pointsRatio());
        if (exchange != null && exchange.signum() <= 0) {
          p.add(Problem.OUT_OF_RANGE, "parameters.coin.exchange_ratio", "must be positive", exchange);
          return null;
        }
        return exchange == null || points == null ? null
            : new RewardKind.Coin(exchange, p.range("parameters.coin.points_ratio", points, 1, Long.MAX_VALUE));
      }
      default -> {
        var m = p.required("parameters.product", params.product());
        if (m == null) {
          return null;
        }
        String product = p.required("parameters.product.id", m.id());
        String sku = m.skuId();
        ProductId productId = product == null ? null : p.engine("parameters.product.id", () -> ProductId.of(product));
        SkuId skuId = sku == null ? null : p.engine("parameters.product.sku_id", () -> SkuId.of(sku));
        return productId == null ? null : new RewardKind.Material(productId, skuId);
      }
    }
  }

  /**
   * The assignment the body describes: {@code reward} (create) or {@code reward_id} (read), and
   * {@code parameters.loyalty.points}, absent for pay-with-points rewards.
   *
   * @param id the assignment's id; {@code null} to take the body's {@code id}, which is then required
   * @param prefix the path prefix (such as {@code [0]} in an array body)
   */
  public static RewardAssignment assignment(RewardAssignmentWire a, @Nullable AssignmentId id, String prefix) {
    Problems p = new Problems();
    String at = prefix.isEmpty() ? "" : prefix + ".";
    AssignmentId assignmentId = id != null ? id
        : p.idOf(at + "id", a.id(), AssignmentId::of);
    if (a.object() != null) {
      p.oneOf(at + "object", a.object(), names("reward_assignment"));
    }
    if (a.relatedObjectType() != null) {
      p.oneOf(at + "related_object_type", a.relatedObjectType(), names("campaign"));
    }
    String reward = a.reward() != null ? a.reward() : a.rewardId();
    String rewardPath = a.reward() != null ? at + "reward" : at + "reward_id";
    RewardId rewardId = p.idOf(rewardPath, reward, RewardId::of);
    var params = a.parameters();
    var loyalty = params == null ? null : params.loyalty();
    Long price = loyalty == null ? null : loyalty.points();
    Long points = price == null ? null : p.range(at + "parameters.loyalty.points", price, 1, Long.MAX_VALUE);
    boolean auto = loyalty != null && Boolean.TRUE.equals(loyalty.autoRedeem());
    p.done();
    return new RewardAssignment(p.must(assignmentId), p.must(rewardId), points, auto, null);
  }
}
