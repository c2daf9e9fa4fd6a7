package io.loyalty.spi.program;

import org.jspecify.annotations.Nullable;

/**
 * What every card of a program starts with (Voucherify's {@code voucher} of type {@code LOYALTY_CARD}).
 *
 * @param initialPoints points put on each card when it is published, zero or more
 * @param codeConfig how card codes are generated
 * @param redemptionQuantity how many reward redemptions a card allows, {@code null} for unlimited
 * @param activityDurationAfterPublishing how long a card stays valid after it is published, {@code null} for
 *     as long as the program; it overrides the program's expiration date
 * @param expiration when the program's points expire unless their earning rule says otherwise, {@code null}
 *     for never (Voucherify's {@code loyalty_card.expiration_rules})
 */
public record CardTemplate(
    long initialPoints,
    CodeConfig codeConfig,
    @Nullable Integer redemptionQuantity,
    @Nullable IsoDuration activityDurationAfterPublishing,
    @Nullable ExpirationRule expiration) {

  /** Cards with no initial points, default codes, unlimited redemptions and no own expiry. */
  public static final CardTemplate DEFAULT = new CardTemplate(0, CodeConfig.DEFAULT, null, null, null);

  /** A copy with another code configuration. */
  public CardTemplate withCodeConfig(CodeConfig codeConfig) {
    return new CardTemplate(initialPoints, codeConfig, redemptionQuantity, activityDurationAfterPublishing, expiration);
  }

  /** A copy whose points expire by the rule ({@code null} for never). */
  public CardTemplate withExpiration(@Nullable ExpirationRule expiration) {
    return new CardTemplate(initialPoints, codeConfig, redemptionQuantity, activityDurationAfterPublishing, expiration);
  }

  /** A copy that puts {@code points} on each card when it is published. */
  public CardTemplate withInitialPoints(long points) {
    return new CardTemplate(points, codeConfig, redemptionQuantity, activityDurationAfterPublishing, expiration);
  }

  /** A copy allowing each card {@code quantity} reward redemptions ({@code null} for unlimited). */
  public CardTemplate withRedemptionQuantity(@Nullable Integer quantity) {
    return new CardTemplate(initialPoints, codeConfig, quantity, activityDurationAfterPublishing, expiration);
  }

  /** A copy whose cards stay valid for {@code duration} after they are published. */
  public CardTemplate withActivityDuration(@Nullable IsoDuration duration) {
    return new CardTemplate(initialPoints, codeConfig, redemptionQuantity, duration, expiration);
  }
}
