package io.loyalty.spi.program;

import java.util.List;

/**
 * How long earned points stay pending before they become usable, at 00:00 (program time zone) of the day they activate:
 * Voucherify v1's {@code pending_points} of an {@code order.paid} rule ({@code days}), and v2's card definition
 * {@code pending_points} ({@code PERIOD_BASED} in days or months, or {@code FIXED_DATES}). Exactly one of the three is
 * set.
 *
 * @param days 1 to 90: the earn day plus the days (earned on 11 Jun with 10 days: 21 Jun 00:00); 0 when not by days
 * @param months 1 to 12 (v2 only; a year is 12): the earn day plus the months; 0 when not by months
 * @param dates 1 to 20 days of the year (v2 only): the first of them after the earn day; empty when not by dates
 */
public record PendingPoints(int days, int months, List<ExpirationRule.FixedDayOfYear> dates) {
  /** The largest period Voucherify accepts, in days. */
  public static final int MAX_DAYS = 90;
  /** The largest period Voucherify v2 accepts, in months. */
  public static final int MAX_MONTHS = 12;
  /** The most fixed dates Voucherify v2 accepts. */
  public static final int MAX_DATES = 20;

  /** Pending for {@code days} days. */
  public PendingPoints(int days) {
    this(days, 0, List.of());
  }

  /** Copies the dates. */
  public PendingPoints {
    dates = dates == null ? List.of() : List.copyOf(dates);
  }

  /** Pending for {@code months} calendar months (v2's {@code PERIOD_BASED} with {@code MONTH} or {@code YEAR}). */
  public static PendingPoints months(int months) {
    return new PendingPoints(0, months, List.of());
  }

  /** Pending until the first of the dates after the earn day (v2's {@code FIXED_DATES}). */
  public static PendingPoints untilOneOf(ExpirationRule.FixedDayOfYear... dates) {
    return new PendingPoints(0, 0, List.of(dates));
  }

  /** Whether it is one of v2's own shapes (months or dates), which a v1 rule cannot have. */
  public boolean isV2Only() {
    return months != 0 || !dates.isEmpty();
  }
}
