package io.loyalty.core.internal.reward;

import io.loyalty.core.OverflowException;
import io.loyalty.spi.reward.RewardKind;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.Currency;

/**
 * Pay-with-points arithmetic, exact: {@code pointsRatio} points are worth {@code exchangeRatio} major units of
 * the order's currency. The discount of {@code p} points is {@code floor(p × exchangeRatio × 10^digits /
 * pointsRatio)} minor units; the points needed for an amount are rounded up, so they always cover it; a discount
 * never exceeds what is left to pay.
 */
public final class CoinMath {
  private CoinMath() {}

  /**
   * Points and discount for paying {@code remaining} minor units.
   *
   * @param requested points the member asked to spend, or {@code null} to pay as much as the balance allows
   * @param balance the card's usable points
   * @return the points to spend (0 when nothing can be paid) and the discount they give
   */
  public static Payment pay(RewardKind.Coin coin, Currency currency, long remaining, long balance, Long requested) {
    long needed = pointsFor(coin, currency, remaining);
    long use = requested == null ? Math.min(needed, Math.max(0, balance)) : Math.min(requested, needed);
    long discount = Math.min(remaining, valueOf(coin, currency, use));
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
      throw new OverflowException("pay with points: " + value.toPlainString() + " exceeds the range of exact values");
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
