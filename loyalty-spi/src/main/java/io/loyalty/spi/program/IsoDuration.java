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

  /** Parses an ISO 8601 duration; throws {@link InvalidInputException} naming the text when it is not one. */
  public static IsoDuration parse(String text) {
    Objects.requireNonNull(text, "duration text");
    try {
      if (text.startsWith("-")) {
        IsoDuration positive = parse(text.substring(1));
        return new IsoDuration(positive.period.negated(), positive.time.negated());
      }
      int t = text.indexOf('T');
      if (t < 0) {
        return new IsoDuration(Period.parse(text), Duration.ZERO);
      }
      String datePart = text.substring(0, t);
      Period period = datePart.equals("P") ? Period.ZERO : Period.parse(datePart);
      return new IsoDuration(period, Duration.parse("PT" + text.substring(t + 1)));
    } catch (DateTimeParseException | StringIndexOutOfBoundsException e) {
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

  /** Adds this duration to a zoned date-time: the calendar part first, then the exact part. */
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
