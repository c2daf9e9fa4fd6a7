package io.loyalty.spi.reward;

import io.loyalty.spi.ProductId;
import io.loyalty.spi.ProgramId;
import io.loyalty.spi.SkuId;
import java.math.BigDecimal;
import org.jspecify.annotations.Nullable;

/** What a reward gives: a campaign's coupon, gift credit or points; a discount paid with points; or a product. */
public sealed interface RewardKind permits RewardKind.Campaign, RewardKind.Coin, RewardKind.Material {

  /**
   * {@code CAMPAIGN}: the host issues a coupon ({@code DISCOUNT_COUPONS}) or adds {@code balance} cents of gift
   * credit ({@code GIFT_VOUCHERS}) through its fulfilment port, or the engine adds {@code balance} points to the
   * member's card in another program ({@code LOYALTY_PROGRAM}; never the redeeming program itself).
   *
   * @param type the kind of campaign
   * @param campaign the host's campaign id, or the other program's id for {@code LOYALTY_PROGRAM}
   * @param balance cents of gift credit or points to add; {@code null} for coupons
   */
  record Campaign(CampaignType type, String campaign, @Nullable Long balance) implements RewardKind {
    /** Points into the member's card of another program. */
    public static Campaign points(ProgramId program, long points) {
      return new Campaign(CampaignType.LOYALTY_PROGRAM, program.value(), points);
    }

    /** A coupon of the host's discount campaign. */
    public static Campaign coupon(String campaign) {
      return new Campaign(CampaignType.DISCOUNT_COUPONS, campaign, null);
    }

    /** Gift credit in cents on the host's gift card campaign. */
    public static Campaign giftCredit(String campaign, long cents) {
      return new Campaign(CampaignType.GIFT_VOUCHERS, campaign, cents);
    }
  }

  /**
   * {@code COIN}, pay with points: {@code pointsRatio} points are worth {@code exchangeRatio} of money in major
   * units of the order's currency (Voucherify's "100 = $20" is {@code exchangeRatio 20, pointsRatio 100}); it
   * needs an order and gives an order-level discount in minor units.
   *
   * @param exchangeRatio the money {@code pointsRatio} points are worth, in major units, positive
   * @param pointsRatio the points that buy {@code exchangeRatio}, positive
   */
  record Coin(BigDecimal exchangeRatio, long pointsRatio) implements RewardKind {}

  /**
   * {@code MATERIAL}: a product or SKU the merchant ships; its fulfilment starts PENDING and is completed by hand.
   *
   * @param product the product
   * @param sku the SKU, {@code null} for the product itself
   */
  record Material(ProductId product, @Nullable SkuId sku) implements RewardKind {}

  /** Voucherify's campaign reward types. */
  enum CampaignType {
    DISCOUNT_COUPONS,
    GIFT_VOUCHERS,
    LOYALTY_PROGRAM
  }
}
