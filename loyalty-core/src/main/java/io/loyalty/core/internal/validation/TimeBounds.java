package io.loyalty.core.internal.validation;

import io.loyalty.spi.program.IsoDuration;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * The range of time the engine computes in, so that every later date step is exact: instants and dates a caller
 * or a definition hands in lie between the years 1 and 9999, and durations span at most a hundred years. With
 * those bounds no calendar arithmetic the engine does (a hundred years on from the year 9999 at most) can leave
 * {@code java.time}'s range. Stateless.
 */
public final class TimeBounds {
  /** The earliest instant accepted anywhere: 0001-01-01T00:00:00Z. */
  public static final Instant EARLIEST = Instant.parse("0001-01-01T00:00:00Z");
  /** The latest instant accepted anywhere: the last nanosecond of 9999-12-31 (UTC). */
  public static final Instant LATEST = Instant.parse("9999-12-31T23:59:59.999999999Z");
  /** The latest day accepted anywhere (a custom expiration date, say). */
  public static final LocalDate LAST_DAY = LocalDate.of(9999, 12, 31);
  /** The longest span accepted: a hundred mean Gregorian years (36,524.25 days), in seconds. */
  public static final long MAX_SPAN_SECONDS = 3_155_695_200L;
  /** The longest span as a whole number of days (a hundred years, rounded down). */
  public static final Duration MAX_SPAN = Duration.ofDays(36_524);
  /** The longest span as text for messages. */
  public static final String MAX_SPAN_TEXT = "100 years";

  /** One calendar month, as a twelfth of a mean Gregorian year (146,097 days in 400 years), in seconds. */
  private static final long MONTH_SECONDS = 2_629_746L;
  private static final long DAY_SECONDS = 86_400L;

  private TimeBounds() {}

  /** Whether {@code at} lies from {@link #EARLIEST} to {@link #LATEST}. */
  public static boolean inRange(Instant at) {
    return !at.isBefore(EARLIEST) && !at.isAfter(LATEST);
  }

  /** The message of an instant out of range. */
  public static String rangeMessage() {
    return "must be from " + EARLIEST + " to " + LATEST;
  }

  /** Records a violation at {@code path} unless the instant is {@code null} or in range; returns whether it is fine. */
  public static boolean check(Violations v, String path, @Nullable Instant at) {
    return at == null || v.check(inRange(at), path, rangeMessage(), at);
  }

  /**
   * Whether the duration spans at most a hundred years, each calendar month counted as a twelfth of a mean
   * Gregorian year and each day as 24 hours (so {@code P100Y} and {@code P36524D} pass, {@code P36525D} does not).
   * Signs are not judged here: each part counts by its magnitude.
   */
  public static boolean withinSpan(IsoDuration d) {
    long months = Math.abs(d.period().toTotalMonths());
    long days = Math.abs((long) d.period().getDays());
    long seconds = d.time().getSeconds();
    long time = seconds >= 0 ? seconds : seconds == Long.MIN_VALUE ? Long.MAX_VALUE : -seconds;
    long limit = MAX_SPAN_SECONDS;
    if (months > limit / MONTH_SECONDS || days > limit / DAY_SECONDS || time > limit) {
      return false;
    }
    return months * MONTH_SECONDS + days * DAY_SECONDS + time <= limit;
  }

  /** Records a violation at {@code path} unless the duration spans at most a hundred years. */
  public static boolean checkSpan(Violations v, String path, IsoDuration d) {
    return v.check(withinSpan(d), path, "must span at most " + MAX_SPAN_TEXT, d);
  }

  /** A duration as ISO 8601 text in whole days when it is whole days ({@code P366D}), else as {@code PT5M}. */
  public static String text(Duration d) {
    if (!d.isZero() && d.getNano() == 0 && d.getSeconds() % DAY_SECONDS == 0) {
      return "P" + d.getSeconds() / DAY_SECONDS + "D";
    }
    return d.toString();
  }
}
