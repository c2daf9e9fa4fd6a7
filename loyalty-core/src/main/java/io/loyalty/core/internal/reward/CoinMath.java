package io.loyalty.core.internal.reward;

import io.loyalty.core.OverflowException;
import io.loyalty.spi.reward.RewardKind;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.Currency;
import org.jspecify.annotations.Nullable;

/**
 * Pay-with-points arithmetic, exact: {@code pointsRatio} points are worth {@code exchangeRatio} major units of
 * the order's currency. The discount of {@code p} points is {@code floor(p × exchangeRatio × 10^digits /
 * pointsRatio)} minor units; the points needed for an amount are rounded up, so they always cover it; a discount
 * never exceeds what is left to pay.
 */
public final class CoinMath {
  private CoinMath() {}

  /**
   * Points and discount for paying {@code remaining} minor units. Exact whatever the sizes: the points needed and
   * the points' value are compared in {@link BigDecimal} with the caps before they are narrowed, so a huge order or
   * ratio gives the capped answer rather than an overflow.
   *
   * @param remaining what is left to pay, zero or more
   * @param balance the card's usable points
   * @param requested points the member asked to spend (at least 1), or {@code null} to pay as much as the balance
   *     allows
   * @return the points to spend (0 when nothing can be paid) and the discount they give
   * @throws IllegalArgumentException when {@code remaining} is negative or {@code requested} is below 1 (a validated
   *     request never is)
   */
  public static Payment pay(RewardKind.Coin coin, Currency currency, long remaining, long balance, @Nullable Long requested) {
    if (remaining < 0 || (requested != null && requested < 1)) {
      throw new IllegalArgumentException("pay with points needs remaining >= 0 and requested points >= 1, not "
          + remaining + " and " + requested);
    }
    BigDecimal needed = BigDecimal.valueOf(remaining).multiply(BigDecimal.valueOf(coin.pointsRatio()))
        .divide(coin.exchangeRatio().multiply(minorPerMajor(currency)), 0, RoundingMode.CEILING);
    BigDecimal cap = BigDecimal.valueOf(requested == null ? Math.max(0, balance) : requested);
    long use = needed.min(cap).longValueExact(); // cap is a long
    BigDecimal value = coin.exchangeRatio().multiply(BigDecimal.valueOf(use)).multiply(minorPerMajor(currency))
        .divide(BigDecimal.valueOf(coin.pointsRatio()), 0, RoundingMode.FLOOR);
    long discount = value.min(BigDecimal.valueOf(remaining)).longValueExact(); // remaining is a long
    return new Payment(use, discount);
  }

  /** The minor units {@code points} are worth, rounded down. */
  public static long valueOf(RewardKind.Coin coin, Currency currency, long points) {
    BigDecimal value = coin.exchangeRatio().multiply(BigDecimal.valueOf(points)).multiply(minorPerMajor(currency))
        .divide(BigDecimal.valueOf(coin.pointsRatio()), 0, RoundingMode.FLOOR);
    return exact(value);
  }

  /** The fewest points worth at least {@code amount} minor units. */
  public static long pointsFor(RewardKind.Coin coin, Currency currency, long amount) {
    BigDecimal points = BigDecimal.valueOf(amount).multiply(BigDecimal.valueOf(coin.pointsRatio()))
        .divide(coin.exchangeRatio().multiply(minorPerMajor(currency)), 0, RoundingMode.CEILING);
    return exact(points);
  }

  private static BigDecimal minorPerMajor(Currency currency) {
    return new BigDecimal(BigInteger.TEN.pow(Math.max(0, currency.getDefaultFractionDigits())));
  }

  private static long exact(BigDecimal value) {
    try {
      return value.longValueExact();
    } catch (ArithmeticException e) {
      throw new OverflowException("pay with points: the amount exceeds the range of exact values (" + Long.MAX_VALUE + ")");
    }
  }

  /**
   * Points to spend and the discount they give.
   *
   * @param points points to spend
   * @param discount minor units off the order
   */
  public record Payment(long points, long discount) {}
}
