package io.loyalty.spi.program;

import org.jspecify.annotations.Nullable;

/**
 * How often a loyalty v2 earning rule may earn for one member (Voucherify's earning rule {@code trigger_limits}): a
 * cooldown after each time it earned, and a most-times per calendar period. A trigger inside the cooldown, or past the
 * period's count, earns nothing (its effects are skipped with the reason).
 *
 * @param cooldown {@code FIXED_COOLDOWN}: how long after the rule last earned for the member it cannot earn again
 *     (hours, days, weeks, months or years, counted in the program's zone), {@code null} for {@code NO_COOLDOWN}
 * @param frequency {@code LIMITED}: the most times it may earn for the member per calendar period, {@code null} for
 *     {@code NO_LIMIT}
 */
public record TriggerLimits(@Nullable IsoDuration cooldown, @Nullable Frequency frequency) {
  /** No limits. */
  public static final TriggerLimits NONE = new TriggerLimits(null, null);

  /**
   * At most {@code times} triggers per calendar period of the program's zone.
   *
   * @param times 1 to 10,000
   * @param period the calendar period
   */
  public record Frequency(int times, EarningLimits.CalendarUnit period) {}

  /** A cooldown alone. */
  public static TriggerLimits cooldown(IsoDuration cooldown) {
    return new TriggerLimits(cooldown, null);
  }

  /** A frequency alone. */
  public static TriggerLimits atMost(int times, EarningLimits.CalendarUnit period) {
    return new TriggerLimits(null, new Frequency(times, period));
  }

  /** Whether it limits nothing. */
  public boolean isNone() {
    return cooldown == null && frequency == null;
  }
}
