package io.loyalty.spi.program;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * How much a loyalty v2 wallet lets its earning rules put on one card (Voucherify's card definition
 * {@code earning_limits}): a cap on the balance, or on the points earned in the current calendar period (the
 * {@code global} limit is one or the other), and a maximum per transaction. Points added by hand are not limited.
 *
 * @param balance {@code BALANCE_BASED}: the most points (usable plus pending) the card may hold after an earn; an earn
 *     past it is reduced to what fits, or to nothing; {@code null} for no cap
 * @param period {@code TIME_BASED}: the most points rules may earn into the card in the current calendar period; an
 *     earn past it is reduced to what is left; {@code null} for no cap
 * @param perTransaction {@code transactions POINTS}: the most points one event may earn into the card; an event
 *     earning more earns nothing there (rejected in full); {@code null} for no maximum
 */
public record EarningLimits(@Nullable Long balance, @Nullable Period period, @Nullable Long perTransaction) {
  /** No limits: Voucherify's {@code NO_LIMIT} for both. */
  public static final EarningLimits NONE = new EarningLimits(null, null, null);

  /**
   * A cap on what rules earn into a card in each calendar period, in the program's time zone.
   *
   * @param unit the period (a week runs Monday to Sunday, ISO)
   * @param points the most points per period, 1 or more
   */
  public record Period(CalendarUnit unit, long points) {
    /** Checks the unit. */
    public Period {
      Objects.requireNonNull(unit, "unit");
    }
  }

  /** The calendar periods of Voucherify's {@code CURRENT_PERIOD}. */
  public enum CalendarUnit {
    DAY,
    WEEK,
    MONTH,
    QUARTER,
    YEAR
  }

  /** A balance cap. */
  public static EarningLimits balanceCap(long points) {
    return new EarningLimits(points, null, null);
  }

  /** A cap per calendar period. */
  public static EarningLimits perPeriod(CalendarUnit unit, long points) {
    return new EarningLimits(null, new Period(unit, points), null);
  }

  /** A copy with a maximum per transaction ({@code null}: none). */
  public EarningLimits withPerTransaction(@Nullable Long points) {
    return new EarningLimits(balance, period, points);
  }

  /** Whether it limits nothing. */
  public boolean isNone() {
    return balance == null && period == null && perTransaction == null;
  }
}
