package io.loyalty.spi.tier;

import io.loyalty.spi.program.IsoDuration;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * How members qualify for a program's tiers and keep them (Voucherify's campaign {@code loyalty_tiers_expiration}):
 * on the card's balance or on the points earned in a calendar period, from when, and until when.
 *
 * @param qualification what is compared with the tiers' ranges
 * @param period the calendar period whose earned points count, for {@link Qualification#POINTS_IN_PERIOD}; else
 *     {@code null}
 * @param start when a qualifying member enters the tier: at once, or on the first day of the next period
 * @param expiration when a member leaves the tier
 */
public record TierPolicy(Qualification qualification, @Nullable CalendarPeriod period, Start start,
    Expiration expiration) {

  /** Tiers follow the balance: a member is in the tier whose range holds the balance, and leaves it when it drops. */
  public static final TierPolicy BALANCE_DROP = new TierPolicy(Qualification.BALANCE, null, Start.IMMEDIATE,
      new Expiration(ExpirationType.BALANCE_DROP, null, null));

  /** Requires every part but the period. */
  public TierPolicy {
    Objects.requireNonNull(qualification, "qualification");
    Objects.requireNonNull(start, "start");
    Objects.requireNonNull(expiration, "expiration");
  }

  /** Voucherify's {@code qualification_type}. */
  public enum Qualification {
    /** The card's balance. */
    BALANCE,
    /** The points earned in the current calendar period: spending and auto-redeem do not lower it. */
    POINTS_IN_PERIOD
  }

  /** Voucherify's {@code qualification_period} and rounding periods: calendar periods in the program's zone. */
  public enum CalendarPeriod {
    MONTH,
    QUARTER,
    HALF_YEAR,
    YEAR
  }

  /** Voucherify's {@code start_date.type}. */
  public enum Start {
    /** The day the threshold is reached. */
    IMMEDIATE,
    /** The first day of the next period. */
    NEXT_PERIOD
  }

  /** Voucherify's {@code expiration_date.type}. */
  public enum ExpirationType {
    /** At the end of the period the tier was granted in. */
    END_OF_PERIOD,
    /** At the end of the period after it. */
    END_OF_NEXT_PERIOD,
    /** As soon as the balance leaves the tier's range. */
    BALANCE_DROP,
    /** {@code extend} after the member reached the tier, optionally rounded up. */
    CUSTOM
  }

  /**
   * Voucherify's {@code expiration_date}.
   *
   * @param type when the tier ends
   * @param extend the grace time added ({@code END_OF_*}) or the whole term ({@code CUSTOM}, where it is required);
   *     {@code null} for none
   * @param rounding how a {@code CUSTOM} end is rounded, {@code null} for not rounded
   */
  public record Expiration(ExpirationType type, @Nullable IsoDuration extend, @Nullable Rounding rounding) {
    /** Requires the type. */
    public Expiration {
      Objects.requireNonNull(type, "type");
    }
  }

  /**
   * Voucherify's {@code expiration_date.rounding}: the end pushed to the start or end of a calendar period.
   *
   * @param period the period; {@code null} with {@code month} for Voucherify's {@code CUSTOM} type (a month of the
   *     year)
   * @param strategy to the period's start or its end
   * @param month for the {@code CUSTOM} type, the month of the year, 0 = January to 11 = December; else {@code null}
   */
  public record Rounding(@Nullable CalendarPeriod period, Strategy strategy, @Nullable Integer month) {
    /** Requires the strategy. */
    public Rounding {
      Objects.requireNonNull(strategy, "strategy");
    }
  }

  /** Voucherify's rounding {@code strategy}. */
  public enum Strategy {
    START,
    END
  }
}
