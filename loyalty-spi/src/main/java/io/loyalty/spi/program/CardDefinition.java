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
 * @param metadata free key/values
 */
public record CardDefinition(
    WalletId id,
    String name,
    CodeConfig codeConfig,
    @Nullable ExpirationRule expiration,
    @Nullable PendingPoints pendingPoints,
    EarningLimits earningLimits,
    Metadata metadata) {

  /** The code configuration of a wallet that names none: 10 alphanumeric characters, as in Voucherify v2. */
  public static final CodeConfig DEFAULT_CODES = new CodeConfig(10, null, null, null, null);

  /** Defaults the optional parts. */
  public CardDefinition {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(name, "name");
    codeConfig = codeConfig == null ? DEFAULT_CODES : codeConfig;
    earningLimits = earningLimits == null ? EarningLimits.NONE : earningLimits;
    metadata = metadata == null ? Metadata.EMPTY : metadata;
  }

  /** A wallet with default codes, points that never expire and are usable at once. */
  public static CardDefinition of(WalletId id, String name) {
    return new CardDefinition(id, name, DEFAULT_CODES, null, null, EarningLimits.NONE, Metadata.EMPTY);
  }

  /** A copy whose points expire by {@code rule} ({@code null}: never). */
  public CardDefinition withExpiration(@Nullable ExpirationRule rule) {
    return new CardDefinition(id, name, codeConfig, rule, pendingPoints, earningLimits, metadata);
  }

  /** A copy whose earned points stay pending as {@code pending} says ({@code null}: usable at once). */
  public CardDefinition withPendingPoints(@Nullable PendingPoints pending) {
    return new CardDefinition(id, name, codeConfig, expiration, pending, earningLimits, metadata);
  }

  /** A copy with another code configuration. */
  public CardDefinition withCodeConfig(CodeConfig codes) {
    return new CardDefinition(id, name, codes, expiration, pendingPoints, earningLimits, metadata);
  }

  /** A copy with other earning limits. */
  public CardDefinition withEarningLimits(EarningLimits limits) {
    return new CardDefinition(id, name, codeConfig, expiration, pendingPoints, limits, metadata);
  }
}
