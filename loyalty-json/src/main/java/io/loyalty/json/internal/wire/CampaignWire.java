package io.loyalty.json.internal.wire;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A v1 loyalty campaign ({@code object: "campaign"}, {@code campaign_type: "LOYALTY_PROGRAM"}), as created, updated
 * and read. The ignored names are Voucherify's fields the engine keeps no state for; any other unknown field is an
 * error.
 */
@JsonIgnoreProperties({"description", "category", "category_id", "categories", "use_voucher_metadata_schema",
    "access_settings", "access_settings_assignments", "creation_status", "vouchers_generation_status", "protected",
    "validation_rules_assignments", "created_at", "updated_at", "readonly"})
public record CampaignWire(
    @Nullable String id,
    @Nullable String name,
    @Nullable String campaignType,
    @Nullable String type,
    @Nullable Long vouchersCount,
    @Nullable Boolean autoJoin,
    @Nullable Boolean joinOnce,
    @Nullable Boolean active,
    @Nullable String startDate,
    @Nullable String expirationDate,
    @Nullable TimeframeWire validityTimeframe,
    @Nullable List<Integer> validityDayOfWeek,
    @Nullable HoursWire validityHours,
    @Nullable String activityDurationAfterPublishing,
    @Nullable VoucherTemplate voucher,
    @Nullable TiersExpirationWire loyaltyTiersExpiration,
    @Nullable ObjectNode metadata,
    @Nullable String object) {

  /** The card template ({@code voucher} of type {@code LOYALTY_CARD}); its echoed time limits are ignored. */
  @JsonIgnoreProperties({"is_referral_code", "start_date", "expiration_date", "validity_timeframe",
      "validity_day_of_week", "validity_hours"})
  public record VoucherTemplate(
      @Nullable String type,
      @Nullable LoyaltyCardTemplate loyaltyCard,
      @Nullable RedemptionTemplate redemption,
      @Nullable CodeConfigWire codeConfig) {}

  /** {@code voucher.loyalty_card}: initial points and the program's expiration rules. */
  public record LoyaltyCardTemplate(@Nullable Long points, @Nullable ExpirationRulesWire expirationRules) {}

  /** {@code voucher.redemption}: how many reward redemptions a card allows, {@code null} for unlimited. */
  public record RedemptionTemplate(@Nullable Long quantity) {}

  /** {@code code_config}; {@code initial_count} is internal to Voucherify and ignored. */
  @JsonIgnoreProperties({"initial_count"})
  public record CodeConfigWire(@Nullable Long length, @Nullable String charset, @Nullable String prefix,
      @Nullable String postfix, @Nullable String pattern) {}

  /** {@code loyalty_tiers_expiration}. */
  public record TiersExpirationWire(@Nullable String qualificationType, @Nullable String qualificationPeriod,
      @Nullable TypeOnly startDate, @Nullable TierExpirationDate expirationDate) {}

  /** An object with a {@code type} only. */
  public record TypeOnly(@Nullable String type) {}

  /** {@code loyalty_tiers_expiration.expiration_date}. */
  public record TierExpirationDate(@Nullable String type, @Nullable String extend, @Nullable Rounding rounding) {}

  /** {@code loyalty_tiers_expiration.expiration_date.rounding}; {@code value} 0 = January (CUSTOM only). */
  public record Rounding(@Nullable String type, @Nullable String strategy, @Nullable String unit, @Nullable Long value) {}
}
