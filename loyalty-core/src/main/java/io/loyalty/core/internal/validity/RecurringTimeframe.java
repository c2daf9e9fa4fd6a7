package io.loyalty.core.internal.validity;

import io.loyalty.spi.program.IsoDuration;
import io.loyalty.spi.program.Timeframe;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.Period;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import org.jspecify.annotations.Nullable;

/**
 * A well-defined validity timeframe compiled against its anchor: window {@code k} (for {@code k >= 0})
 * opens at {@code anchor + k x interval} and lasts {@code duration}, all stepped in the program's zone.
 * Immutable and thread-safe.
 */
final class RecurringTimeframe {
  /** The mean Gregorian month in seconds (146,097 days / 4,800 months), only used to estimate k. */
  private static final long MEAN_MONTH_SECONDS = 2_629_746L;

  private static final long SECONDS_PER_DAY = 86_400L;

  private final ZonedDateTime anchor;
  private final IsoDuration interval;
  private final IsoDuration duration;
  private final boolean exact;
  /** An estimate of one interval in seconds, at least 1; calendar intervals only. */
  private final long meanIntervalSeconds;

  private RecurringTimeframe(ZonedDateTime anchor, IsoDuration interval, IsoDuration duration) {
    this.anchor = anchor;
    this.interval = interval;
    this.duration = duration;
    this.exact = interval.period().isZero();
    this.meanIntervalSeconds = exact ? 1 : Math.max(1, meanSeconds(interval));
  }

  /**
   * Compiles a timeframe, or returns {@code null} when it cannot recur: no anchor, a missing part, or an
   * interval or duration that is not positive. Such a timeframe is never open.
   */
  static @Nullable RecurringTimeframe of(@Nullable Instant anchor, Timeframe timeframe, ZoneId zone) {
    IsoDuration interval = timeframe.interval();
    IsoDuration duration = timeframe.duration();
    if (anchor == null || !isPositive(interval) || !isPositive(duration)) {
      return null;
    }
    return new RecurringTimeframe(anchor.atZone(zone), interval, duration);
  }

  static boolean isPositive(@Nullable IsoDuration d) {
    return d != null && !d.isZero() && !d.isNegative();
  }

  /** Whether {@code at} falls in one of the windows (window start included, window end excluded). */
  boolean contains(Instant at) {
    try {
      long k = lastWindowAtOrBefore(at);
      if (k < 0) {
        return false;
      }
      if (at.isBefore(windowEnd(k))) {
        return true;
      }
      // Window ends are monotonic except around a fall-back overlap, so the previous window is checked too.
      return k > 0 && at.isBefore(windowEnd(k - 1));
    } catch (ArithmeticException | DateTimeException e) {
      return false; // beyond the representable calendar: no window reaches there
    }
  }

  /** The start of the last window that opens at or before {@code at}, or {@code null} before the anchor. */
  @Nullable ZonedDateTime lastWindowStart(Instant at) {
    try {
      long k = lastWindowAtOrBefore(at);
      return k < 0 ? null : windowStart(k);
    } catch (ArithmeticException | DateTimeException e) {
      return null;
    }
  }

  ZonedDateTime anchor() {
    return anchor;
  }

  IsoDuration interval() {
    return interval;
  }

  IsoDuration duration() {
    return duration;
  }

  /** The opening of window {@code k}: calendar part, then exact part, each multiplied from the anchor. */
  ZonedDateTime windowStart(long k) {
    ZonedDateTime start = anchor;
    if (!interval.period().isZero()) {
      start = start.plus(interval.period().multipliedBy(Math.toIntExact(k)));
    }
    if (!interval.time().isZero()) {
      start = start.plus(interval.time().multipliedBy(k));
    }
    return start;
  }

  private Instant windowEnd(long k) {
    return duration.addTo(windowStart(k)).toInstant();
  }

  /** The largest {@code k >= 0} whose window opens at or before {@code at}, or -1 before the anchor. */
  private long lastWindowAtOrBefore(Instant at) {
    Instant origin = anchor.toInstant();
    if (at.isBefore(origin)) {
      return -1;
    }
    if (exact) {
      // Pure exact interval: floor division of elapsed time, no stepping at all.
      return Duration.between(origin, at).dividedBy(interval.time());
    }
    long elapsed = Math.subtractExact(at.getEpochSecond(), origin.getEpochSecond());
    long k = Math.min(Integer.MAX_VALUE - 1L, elapsed / meanIntervalSeconds);
    // The mean-length estimate is off by a few windows at most (month lengths, DST), so adjust locally.
    while (k > 0 && windowStart(k).toInstant().isAfter(at)) {
      k--;
    }
    while (k < Integer.MAX_VALUE - 1L && !windowStart(k + 1).toInstant().isAfter(at)) {
      k++;
    }
    return k;
  }

  private static long meanSeconds(IsoDuration d) {
    Period p = d.period();
    long seconds = Math.multiplyExact(p.toTotalMonths(), MEAN_MONTH_SECONDS);
    seconds = Math.addExact(seconds, Math.multiplyExact((long) p.getDays(), SECONDS_PER_DAY));
    return Math.addExact(seconds, d.time().getSeconds());
  }
}
