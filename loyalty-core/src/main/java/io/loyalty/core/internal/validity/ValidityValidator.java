package io.loyalty.core.internal.validity;

import io.loyalty.core.internal.validation.TimeBounds;
import io.loyalty.spi.Violation;
import io.loyalty.spi.program.DailyHours;
import io.loyalty.spi.program.IsoDuration;
import io.loyalty.spi.program.Timeframe;
import io.loyalty.spi.program.Validity;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Checks a program's or an earning rule's {@link Validity} the way Voucherify does, reporting every offending
 * field with its snake_case path (for example {@code earning_rules[2].validity_timeframe.duration}). Never
 * throws; stateless and thread-safe.
 */
public final class ValidityValidator {
  /** The most periods {@code validity_hours.daily} may list (their overlaps are checked pairwise). */
  public static final int MAX_DAILY_HOURS = 100;

  private ValidityValidator() {}

  /**
   * The violations of {@code v}, empty when it is valid or {@code null}.
   *
   * @param path the path of the object holding the validity fields, such as {@code earning_rules[2]}; empty
   *     for the top level
   * @param v the validity to check
   * @param isRule whether {@code v} belongs to an earning rule, which inherits the program's dates
   * @param program the program's validity a rule inherits from, {@code null} for none
   */
  public static List<Violation> validate(String path, @Nullable Validity v, boolean isRule,
      @Nullable Validity program) {
    List<Violation> out = new ArrayList<>();
    if (v == null) {
      return out;
    }
    String base = path == null ? "" : path;
    boolean startOk = inRange(field(base, "start_date"), v.startDate(), out);
    boolean expirationOk = inRange(field(base, "expiration_date"), v.expirationDate(), out);
    if (!startOk || !expirationOk) {
      return out; // the other checks place the dates on the calendar
    }
    Validity inherited = isRule && program != null ? program : Validity.ALWAYS;
    Instant start = v.startDate() != null ? v.startDate() : inherited.startDate();
    Instant expiration = v.expirationDate() != null ? v.expirationDate() : inherited.expirationDate();
    checkDates(base, v, start, expiration, out);
    if (v.timeframe() != null) {
      checkTimeframe(base, v.timeframe(), start, out);
    }
    checkHours(base, v, out);
    return out;
  }

  /** Dates from the year 1 to 9999 only: every window and message places them on the calendar of any zone. */
  private static boolean inRange(String path, @Nullable Instant at, List<Violation> out) {
    if (at == null || TimeBounds.inRange(at)) {
      return true;
    }
    out.add(new Violation(path, TimeBounds.rangeMessage(), at));
    return false;
  }

  private static void checkDates(String base, Validity v, @Nullable Instant start, @Nullable Instant expiration,
      List<Violation> out) {
    if (start == null || expiration == null || expiration.isAfter(start)) {
      return;
    }
    // Report on a field the object itself set; two inherited dates are the program's own problem.
    if (v.expirationDate() != null) {
      String whose = v.startDate() != null ? "" : " (inherited from the program)";
      out.add(new Violation(field(base, "expiration_date"), "must be after the start date " + start + whose,
          expiration));
    } else if (v.startDate() != null) {
      out.add(new Violation(field(base, "start_date"),
          "must be before the expiration date " + expiration + " (inherited from the program)", start));
    }
  }

  private static void checkTimeframe(String base, Timeframe timeframe, @Nullable Instant start,
      List<Violation> out) {
    String at = field(base, "validity_timeframe");
    if (start == null) {
      out.add(new Violation(field(base, "start_date"),
          "is required with validity_timeframe, whose windows recur from the start date", null));
    }
    IsoDuration interval = timeframe.interval();
    IsoDuration duration = timeframe.duration();
    boolean intervalOk = checkPositive(at + ".interval", interval, out);
    boolean durationOk = checkPositive(at + ".duration", duration, out);
    if (intervalOk && durationOk && longer(duration, interval, start)) {
      out.add(new Violation(at + ".duration", "must not be longer than the interval " + interval, duration));
    }
  }

  private static boolean checkPositive(String path, @Nullable IsoDuration d, List<Violation> out) {
    if (d == null) {
      out.add(new Violation(path, "is required", null));
      return false;
    }
    if (!RecurringTimeframe.isPositive(d)) {
      out.add(new Violation(path, "must be a positive ISO 8601 duration such as P1D or PT1H", d));
      return false;
    }
    if (!TimeBounds.withinSpan(d)) {
      out.add(new Violation(path, "must span at most " + TimeBounds.MAX_SPAN_TEXT, d));
      return false;
    }
    return true;
  }

  /** Exact durations compare directly; with calendar parts both are added to the start date in UTC. */
  private static boolean longer(IsoDuration duration, IsoDuration interval, @Nullable Instant start) {
    if (duration.period().isZero() && interval.period().isZero()) {
      return duration.time().compareTo(interval.time()) > 0;
    }
    ZonedDateTime from = (start == null ? Instant.EPOCH : start).atZone(ZoneOffset.UTC);
    try {
      return duration.addTo(from).isAfter(interval.addTo(from));
    } catch (ArithmeticException | java.time.DateTimeException e) {
      return false; // too large to place on the calendar; positivity was already checked
    }
  }

  private static void checkHours(String base, Validity v, List<Violation> out) {
    List<DailyHours> periods = v.hours();
    if (periods.isEmpty()) {
      return;
    }
    String at = field(base, "validity_hours");
    if (periods.size() > MAX_DAILY_HOURS) {
      out.add(new Violation(at + ".daily", "must have at most " + MAX_DAILY_HOURS + " periods", periods.size()));
      return;
    }
    if (v.timeframe() != null) {
      out.add(new Violation(at, "cannot be combined with validity_timeframe", null));
    }
    if (!v.daysOfWeek().isEmpty()) {
      out.add(new Violation(at, "cannot be combined with validity_day_of_week", null));
    }
    for (int i = 0; i < periods.size(); i++) {
      checkPeriod(at + ".daily[" + i + "]", periods.get(i), out);
    }
    for (int j = 1; j < periods.size(); j++) {
      for (int i = 0; i < j; i++) {
        DayOfWeek shared = overlapDay(periods.get(i), periods.get(j));
        if (shared != null) {
          out.add(new Violation(at + ".daily[" + j + "]",
              "overlaps validity_hours.daily[" + i + "] on " + shared, describe(periods.get(j))));
        }
      }
    }
  }

  private static void checkPeriod(String at, DailyHours period, List<Violation> out) {
    if (period.start() == null) {
      out.add(new Violation(at + ".start_time", "is required", null));
    }
    if (period.days() == null || period.days().isEmpty()) {
      out.add(new Violation(at + ".days_of_week", "must name at least one day", period.days()));
    }
    if (period.start() != null && period.end() != null && !minute(period.end()).isAfter(minute(period.start()))) {
      out.add(new Violation(at + ".expiration_time", "must be after the start time " + minute(period.start()),
          minute(period.end())));
    }
  }

  /**
   * The first day two well-formed periods share while their minutes overlap, or {@code null}. Periods that
   * only touch (one ends at 12:00, the next starts at 12:00) do not overlap.
   */
  private static @Nullable DayOfWeek overlapDay(DailyHours a, DailyHours b) {
    if (!wellFormed(a) || !wellFormed(b)) {
      return null;
    }
    boolean overlap = minute(a.start()).isBefore(endOf(b)) && minute(b.start()).isBefore(endOf(a));
    if (!overlap) {
      return null;
    }
    Set<DayOfWeek> shared = EnumSet.copyOf(a.days());
    shared.retainAll(b.days());
    return shared.isEmpty() ? null : shared.iterator().next();
  }

  private static boolean wellFormed(DailyHours p) {
    return p.start() != null && p.days() != null && !p.days().isEmpty()
        && (p.end() == null || minute(p.end()).isAfter(minute(p.start())));
  }

  private static LocalTime endOf(DailyHours p) {
    return p.end() == null ? LocalTime.MAX : minute(p.end());
  }

  private static LocalTime minute(LocalTime t) {
    return t.truncatedTo(ChronoUnit.MINUTES);
  }

  private static String describe(DailyHours p) {
    return minute(p.start()) + "-" + (p.end() == null ? "" : minute(p.end())) + " " + EnumSet.copyOf(p.days());
  }

  private static String field(String base, String name) {
    return base.isEmpty() ? name : base + "." + name;
  }
}
