package io.loyalty.spi.tier;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * What a tier does to an earning rule's points or a reward's price (Voucherify's tier {@code earning_rules} and
 * {@code rewards} maps): multiply them, or replace them.
 */
public sealed interface TierMapping permits TierMapping.Multiply, TierMapping.Custom {

  /** {@code MULTIPLY}: the points times {@code multiplier}, rounded as the rule rounds partial steps. */
  static Multiply multiply(BigDecimal multiplier) {
    return new Multiply(multiplier);
  }

  /** {@code CUSTOM}: {@code points} instead. */
  static Custom custom(long points) {
    return new Custom(points);
  }

  /**
   * Multiplies the points.
   *
   * @param multiplier positive, with a bounded number of digits (validated with the program)
   */
  record Multiply(BigDecimal multiplier) implements TierMapping {
    /** Requires the multiplier. */
    public Multiply {
      Objects.requireNonNull(multiplier, "multiplier");
    }
  }

  /**
   * Replaces the points.
   *
   * @param points 0 or more (validated with the program)
   */
  record Custom(long points) implements TierMapping {}
}
