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
 */
public record CardTemplate(
    long initialPoints,
    CodeConfig codeConfig,
    @Nullable Integer redemptionQuantity,
    @Nullable IsoDuration activityDurationAfterPublishing) {

  /** Cards with no initial points, default codes, unlimited redemptions and no own expiry. */
  public static final CardTemplate DEFAULT = new CardTemplate(0, CodeConfig.DEFAULT, null, null);

  /** A copy with another code configuration. */
  public CardTemplate withCodeConfig(CodeConfig codeConfig) {
    return new CardTemplate(initialPoints, codeConfig, redemptionQuantity, activityDurationAfterPublishing);
  }
}
