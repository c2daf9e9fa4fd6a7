package io.loyalty.spi.program;

import io.loyalty.spi.Metadata;
import io.loyalty.spi.WalletId;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One point wallet of a loyalty v2 program (Voucherify's card definition, {@code lcd_…}): every member holds one card
 * of it, and its own terms say how the card's codes look, when its points expire and how long they stay pending.
 * A v1 program has none: its one wallet, {@link WalletId#MAIN}, takes the terms of its {@link CardTemplate}.
 *
 * @param id the wallet's id, unique in its program; never {@link WalletId#MAIN}
 * @param name the display name, 1 to 200 characters
 * @param codeConfig how its card codes are generated (v2's default: 10 alphanumeric characters)
 * @param expiration when its points expire unless the earning effect says otherwise, {@code null} for never
 *     (v2's {@code NO_EXPIRATION}; {@code ROLLING_EXPIRATION} is {@link ExpirationRule.AfterDays} or
 *     {@link ExpirationRule.AfterMonths}, {@code CALENDAR_EXPIRATION} {@link ExpirationRule.OnDates})
 * @param pendingPoints how long its earned points stay pending, {@code null} for usable at once (v2's
 *     {@code IMMEDIATE}; {@code PERIOD_BASED} with a period in days)
 * @param earningLimits how much its earning rules may put on a card ({@link EarningLimits#NONE} by default)
 * @param earnedRefund what a refunded order takes back of the points it earned into the wallet
 *     ({@link EarnedRefund#REVOKE_TO_ZERO} by default)
 * @param spendingLimits how much a member may spend from the wallet on rewards ({@link SpendingLimits#NONE} by
 *     default)
 * @param allowNegative whether the balance may go below zero ({@code balance_settings.allow_negative}): needed by
 *     {@link EarnedRefund#REVOKE_BELOW_ZERO}, and only with points that never expire
 * @param metadata free key/values
 */
public record CardDefinition(
    WalletId id,
    String name,
    CodeConfig codeConfig,
    @Nullable ExpirationRule expiration,
    @Nullable PendingPoints pendingPoints,
    EarningLimits earningLimits,
    EarnedRefund earnedRefund,
    SpendingLimits spendingLimits,
    boolean allowNegative,
    Metadata metadata) implements Component {

  @Override
  public ComponentKind kind() {
    return ComponentKind.CARD_DEFINITION;
  }

  @Override
  public String componentId() {
    return id.value();
  }

  /**
   * Voucherify's {@code refunds.earned_points}: what an order refund takes back of the points the order earned.
   * Pending points of the order are taken first, whatever the policy but {@link #NONE}.
   */
  public enum EarnedRefund {
    /** {@code NONE}: earned points are not refundable; a refund takes nothing back. */
    NONE,
    /** {@code REVOKE_FROM_PENDING}: only the order's points still pending (needs a pending period). */
    REVOKE_FROM_PENDING,
    /** {@code REVOKE_FROM_BALANCE} with {@code REVOKE_TO_ZERO}: what the balance holds, never below zero. */
    REVOKE_TO_ZERO,
    /**
     * {@code REVOKE_FROM_BALANCE} with {@code REVOKE_BELOW_ZERO}: everything, the balance going negative and later
     * earning repaying it first (needs {@code allowNegative}).
     */
    REVOKE_BELOW_ZERO;

    /** The v1 refund policy that does the same, {@code null} for {@link #NONE}. */
    public @Nullable RefundPolicy policy() {
      return switch (this) {
        case NONE -> null;
        case REVOKE_FROM_PENDING -> RefundPolicy.ONLY_PENDING;
        case REVOKE_TO_ZERO -> RefundPolicy.WITHIN_BALANCE;
        case REVOKE_BELOW_ZERO -> RefundPolicy.UNLIMITED;
      };
    }
  }

  /** The code configuration of a wallet that names none: 10 alphanumeric characters, as in Voucherify v2. */
  public static final CodeConfig DEFAULT_CODES = new CodeConfig(10, null, null, null, null);

  /** Defaults the optional parts. */
  public CardDefinition {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(name, "name");
    codeConfig = codeConfig == null ? DEFAULT_CODES : codeConfig;
    earningLimits = earningLimits == null ? EarningLimits.NONE : earningLimits;
    earnedRefund = earnedRefund == null ? EarnedRefund.REVOKE_TO_ZERO : earnedRefund;
    spendingLimits = spendingLimits == null ? SpendingLimits.NONE : spendingLimits;
    metadata = metadata == null ? Metadata.EMPTY : metadata;
  }

  /** A wallet with default codes, points that never expire and are usable at once. */
  public static CardDefinition of(WalletId id, String name) {
    return new CardDefinition(id, name, DEFAULT_CODES, null, null, EarningLimits.NONE, EarnedRefund.REVOKE_TO_ZERO,
        SpendingLimits.NONE, false, Metadata.EMPTY);
  }

  /** A copy whose points expire by {@code rule} ({@code null}: never). */
  public CardDefinition withExpiration(@Nullable ExpirationRule rule) {
    return new CardDefinition(id, name, codeConfig, rule, pendingPoints, earningLimits, earnedRefund, spendingLimits, allowNegative, metadata);
  }

  /** A copy whose earned points stay pending as {@code pending} says ({@code null}: usable at once). */
  public CardDefinition withPendingPoints(@Nullable PendingPoints pending) {
    return new CardDefinition(id, name, codeConfig, expiration, pending, earningLimits, earnedRefund, spendingLimits, allowNegative, metadata);
  }

  /** A copy with another code configuration. */
  public CardDefinition withCodeConfig(CodeConfig codes) {
    return new CardDefinition(id, name, codes, expiration, pendingPoints, earningLimits, earnedRefund, spendingLimits, allowNegative, metadata);
  }

  /** A copy whose refunds take back earned points as {@code refund} says. */
  public CardDefinition withEarnedRefund(EarnedRefund refund) {
    return new CardDefinition(id, name, codeConfig, expiration, pendingPoints, earningLimits, refund, spendingLimits,
        allowNegative, metadata);
  }

  /** A copy whose balance may ({@code true}) or may not go below zero. */
  public CardDefinition withAllowNegative(boolean allow) {
    return new CardDefinition(id, name, codeConfig, expiration, pendingPoints, earningLimits, earnedRefund,
        spendingLimits, allow, metadata);
  }

  /** A copy with other spending limits. */
  public CardDefinition withSpendingLimits(SpendingLimits limits) {
    return new CardDefinition(id, name, codeConfig, expiration, pendingPoints, earningLimits, earnedRefund, limits,
        allowNegative, metadata);
  }

  /** A copy with other earning limits. */
  public CardDefinition withEarningLimits(EarningLimits limits) {
    return new CardDefinition(id, name, codeConfig, expiration, pendingPoints, limits, earnedRefund, spendingLimits, allowNegative, metadata);
  }
}
