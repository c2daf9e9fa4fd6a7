package io.loyalty.spi.program;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * One period of Voucherify's {@code validity_hours.daily}: valid from {@code start} to {@code end} (to the
 * minute, both included) on the given days, in the program's time zone.
 *
 * @param start the first valid minute
 * @param end the last valid minute; {@code null} means until the end of the day
 * @param days the days the period applies to, not empty
 */
public record DailyHours(LocalTime start, @Nullable LocalTime end, Set<DayOfWeek> days) {
  /** Copies the days. */
  public DailyHours {
    days = days == null ? null : Set.copyOf(days);
  }

  /** A period from {@code start} to {@code end} ("HH:mm") on the given days. */
  public static DailyHours of(String start, @Nullable String end, DayOfWeek... days) {
    return new DailyHours(LocalTime.parse(start), end == null || end.isEmpty() ? null : LocalTime.parse(end), Set.of(days));
  }
}
