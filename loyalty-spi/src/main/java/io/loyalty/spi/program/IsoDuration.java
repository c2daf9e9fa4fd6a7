package io.loyalty.spi.program;

import io.loyalty.spi.InvalidInputException;
import java.time.Duration;
import java.time.Period;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.Objects;

/**
 * An ISO 8601 duration such as {@code P24D}, {@code PT1H}, {@code P1M} or {@code P1DT12H}: a calendar
 * part (years, months, days, stepped in the program's time zone) and an exact time part.
 *
 * @param period the calendar part, never {@code null}, possibly zero
 * @param time the exact part, never {@code null}, possibly zero
 */
public record IsoDuration(Period period, Duration time) {
  /** Requires both parts. */
  public IsoDuration {
    Objects.requireNonNull(period, "period");
    Objects.requireNonNull(time, "time");
  }

  /**
   * Parses an ISO 8601 duration, optionally negated by one leading {@code -}.
   *
   * @throws InvalidInputException naming the text when it is not one, or a part is out of range
   * @throws NullPointerException when {@code text} is null
   */
  public static IsoDuration parse(String text) {
    Objects.requireNonNull(text, "duration text");
    try {
      boolean negative = text.startsWith("-");
      String body = negative ? text.substring(1) : text;
      if (body.startsWith("-")) {
        throw new DateTimeParseException("one sign at most", text, 1);
      }
      int t = body.indexOf('T');
      IsoDuration parsed;
      if (t < 0) {
        parsed = new IsoDuration(Period.parse(body), Duration.ZERO);
      } else {
        String datePart = body.substring(0, t);
        Period period = datePart.equals("P") ? Period.ZERO : Period.parse(datePart);
        parsed = new IsoDuration(period, Duration.parse("PT" + body.substring(t + 1)));
      }
      return negative ? new IsoDuration(parsed.period.negated(), parsed.time.negated()) : parsed;
    } catch (DateTimeParseException | ArithmeticException | IndexOutOfBoundsException e) {
      throw InvalidInputException.of("duration", "must be an ISO 8601 duration such as P1D or PT1H", text);
    }
  }

  /** A duration of whole days. */
  public static IsoDuration ofDays(int days) {
    return new IsoDuration(Period.ofDays(days), Duration.ZERO);
  }

  /** A duration of exact time. */
  public static IsoDuration of(Duration time) {
    return new IsoDuration(Period.ZERO, time);
  }

  /** Whether both parts are zero. */
  public boolean isZero() {
    return period.isZero() && time.isZero();
  }

  /** Whether either part is negative. */
  public boolean isNegative() {
    return period.isNegative() || time.isNegative();
  }

  /**
   * Adds this duration to a zoned date-time: the calendar part first, then the exact part. The engine only adds
   * durations it has validated (at most a hundred years) to instants in the years 1 to 9999.
   *
   * @throws java.time.DateTimeException when the result lies beyond {@code java.time}'s calendar
   * @throws ArithmeticException when a part overflows
   */
  public ZonedDateTime addTo(ZonedDateTime start) {
    return start.plus(period).plus(time);
  }

  @Override
  public String toString() {
    if (time.isZero()) {
      return period.toString();
    }
    if (period.isZero()) {
      return time.toString();
    }
    return period + time.toString().substring(1);
  }
}
