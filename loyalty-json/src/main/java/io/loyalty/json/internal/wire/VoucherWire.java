package io.loyalty.json.internal.wire;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import org.jspecify.annotations.Nullable;

/**
 * A loyalty card as Voucherify answers it ({@code object: "voucher"}, {@code type: "LOYALTY_CARD"}). Written by the
 * engine; read back for the card's own fields (the counters derive from the ledger, so they are not read). The
 * ignored names are Voucherify's fields the engine keeps no state for.
 */
@JsonIgnoreProperties({"category", "category_id", "categories", "discount", "gift", "validity_timeframe",
    "validity_day_of_week", "validity_hours", "additional_info", "metadata", "assets", "updated_at", "referrer_id",
    "validation_rules_assignments", "applicable_to", "inapplicable_to", "distributions", "deleted", "barcode", "qr"})
public record VoucherWire(
    @Nullable String id,
    @Nullable String code,
    @Nullable String campaign,
    @Nullable String campaignId,
    @Nullable String type,
    @Nullable LoyaltyCardWire loyaltyCard,
    @Nullable String startDate,
    @Nullable String expirationDate,
    @Nullable Boolean active,
    @Nullable Boolean isReferralCode,
    @Nullable String createdAt,
    @Nullable String holderId,
    @Nullable RedemptionSummary redemption,
    @Nullable PublishSummary publish,
    @Nullable String object) {

  /** {@code loyalty_card}: the counters. */
  @JsonIgnoreProperties({"exchanged_points"})
  public record LoyaltyCardWire(@Nullable Long points, @Nullable Long balance, @Nullable Long pendingPoints,
      @Nullable Long expiredPoints, @Nullable Long subtractedPoints, @Nullable String nextExpirationDate,
      @Nullable Long nextExpirationPoints) {}

  /** {@code redemption}: the card's redemption quantity and use. */
  @JsonIgnoreProperties({"redeemed_amount", "redemption_entries"})
  public record RedemptionSummary(@Nullable Long quantity, @Nullable Long redeemedQuantity, @Nullable Long redeemedPoints,
      @Nullable String object, @Nullable String url) {}

  /** {@code publish}: the publication count. */
  @JsonIgnoreProperties({"entries"})
  public record PublishSummary(@Nullable Long count, @Nullable String object, @Nullable String url) {}
}
