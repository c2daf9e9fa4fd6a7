package io.loyalty.spi.program;

import org.jspecify.annotations.Nullable;

/**
 * When points expire (Voucherify's {@code expiration_rules}), counted from the day they become usable in the
 * program's time zone. The result is the last day the points can be spent; they go at 00:00 of the next day.
 */
public sealed interface ExpirationRule
    permits ExpirationRule.AfterMonths, ExpirationRule.AfterDays, ExpirationRule.FixedDayOfYear, ExpirationRule.OnDates {

  /** {@code MONTH}: {@code months} calendar months after the earn day (0 = the earn day itself), not rounded. */
  static AfterMonths months(int months) {
    return new AfterMonths(months, RoundUp.NONE, null);
  }

  /**
   * {@code period_type: MONTH}: the earn day plus {@code months} calendar months (a day past the target month's
   * end is clamped to it: 31 Jan + 1 month = 28 or 29 Feb), then pushed up to the end of the enclosing period.
   *
   * @param months 0 or more; 0 means the points expire at the end of the earn day
   * @param roundUp to the end of which period the date is pushed, {@link RoundUp#NONE} for no rounding
   * @param particularMonth for {@link RoundUp#PARTICULAR_MONTH}, the month (1 = January … 12 = December) whose
   *     end is the first on or after the computed day; {@code null} otherwise
   */
  record AfterMonths(int months, RoundUp roundUp, @Nullable Integer particularMonth) implements ExpirationRule {
    /** A copy pushed up to the end of the enclosing period. */
    public AfterMonths roundedUpTo(RoundUp roundUp) {
      return new AfterMonths(months, roundUp, particularMonth);
    }

    /** A copy pushed up to the end of the first {@code month} (1–12) on or after the computed day. */
    public AfterMonths roundedUpToMonth(int month) {
      return new AfterMonths(months, RoundUp.PARTICULAR_MONTH, month);
    }
  }

  /**
   * {@code period_type: FIXED_DAY_OF_YEAR}: the first {@code month}/{@code day} on or after the earn day (29 Feb
   * means 28 Feb in years without it).
   *
   * @param month 1–12
   * @param day 1–31, valid for the month
   */
  record FixedDayOfYear(int month, int day) implements ExpirationRule {}

  /**
   * Loyalty v2's {@code ROLLING_EXPIRATION} with {@code period.unit: DAY}: the earn day plus {@code days} days, then
   * pushed up to the end of the enclosing period as {@link AfterMonths} is (v2's {@code MONTH} and {@code YEAR} units
   * are {@link AfterMonths} of 1–12 and 12–60 months).
   *
   * @param days 1 to 90
   * @param roundUp to the end of which period the date is pushed, {@link RoundUp#NONE} for no rounding
   * @param particularMonth for {@link RoundUp#PARTICULAR_MONTH}, the month (1–12); {@code null} otherwise
   */
  record AfterDays(int days, RoundUp roundUp, @Nullable Integer particularMonth) implements ExpirationRule {}

  /**
   * Loyalty v2's {@code CALENDAR_EXPIRATION}: the first of the dates on or after the earn day (each a
   * {@link FixedDayOfYear}; 29 Feb means 28 Feb in years without it).
   *
   * @param dates 1 to 20 distinct days of the year
   */
  record OnDates(java.util.List<FixedDayOfYear> dates) implements ExpirationRule {
    /** Copies the dates. */
    public OnDates {
      dates = java.util.List.copyOf(dates);
    }
  }

  /** Voucherify's {@code rounding_type}: to the end of which period an expiration date is pushed up. */
  enum RoundUp {
    NONE,
    END_OF_MONTH,
    END_OF_QUARTER,
    END_OF_HALF_YEAR,
    END_OF_YEAR,
    PARTICULAR_MONTH
  }
}
