package io.loyalty.spi.program;

import io.loyalty.spi.InvalidInputException;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.Objects;
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

  /**
   * A period from {@code start} to {@code end} ("HH:mm") on the given days.
   *
   * @throws InvalidInputException naming {@code start_time} or {@code expiration_time} when it is not a time of day
   * @throws NullPointerException when {@code start}, {@code days} or a day is null
   */
  public static DailyHours of(String start, @Nullable String end, DayOfWeek... days) {
    Objects.requireNonNull(start, "start");
    return new DailyHours(time("start_time", start), end == null || end.isEmpty() ? null : time("expiration_time", end),
        Set.of(days));
  }

  private static LocalTime time(String path, String text) {
    try {
      return LocalTime.parse(text);
    } catch (DateTimeParseException e) {
      throw InvalidInputException.of(path, "must be a time of day such as 09:00 or 17:30", text);
    }
  }
}
