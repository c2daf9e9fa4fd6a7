package io.loyalty.json.internal.wire;

import org.jspecify.annotations.Nullable;

/** A loyalty card as Voucherify answers it ({@code object: "voucher"}, {@code type: "LOYALTY_CARD"}). */
public record VoucherWire(
    String id,
    String code,
    @Nullable String campaign,
    String campaignId,
    String type,
    LoyaltyCardWire loyaltyCard,
    @Nullable String startDate,
    @Nullable String expirationDate,
    boolean active,
    boolean isReferralCode,
    String createdAt,
    @Nullable String holderId,
    RedemptionSummary redemption,
    PublishSummary publish,
    String object) {

  /** {@code loyalty_card}: the counters. */
  public record LoyaltyCardWire(long points, long balance, long pendingPoints, long expiredPoints,
      long subtractedPoints, @Nullable String nextExpirationDate, @Nullable Long nextExpirationPoints) {}

  /** {@code redemption}: the card's redemption quantity and use. */
  public record RedemptionSummary(@Nullable Long quantity, long redeemedQuantity, long redeemedPoints, String object,
      String url) {}

  /** {@code publish}: the publication count. */
  public record PublishSummary(long count, String object, String url) {}
}
