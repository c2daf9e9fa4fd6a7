package io.loyalty.core.internal.validity;

import io.loyalty.spi.earning.SkipReason;
import io.loyalty.spi.program.DailyHours;
import io.loyalty.spi.program.IsoDuration;
import io.loyalty.spi.program.Timeframe;
import io.loyalty.spi.program.Validity;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * When a program or an earning rule is in force, compiled once from its {@link Validity}: the start
 * (included) and expiration (excluded), then the recurring timeframe, days of the week and daily hours, all
 * read in the program's time zone. Immutable and thread-safe.
 */
public final class ValidityWindow {
  private final boolean program;
  private final ZoneId zone;
  private final @Nullable Instant start;
  private final @Nullable Instant expiration;
  /** Whether a timeframe was given; when it was but {@link #timeframe} is null, it is never open. */
  private final boolean hasTimeframe;
  private final @Nullable Timeframe timeframeDefinition;
  private final @Nullable RecurringTimeframe timeframe;
  private final Set<DayOfWeek> days;
  private final List<DailyHours> hours;
  /** No dates and no recurring windows: in force at every instant (most rules), so checks cost nothing. */
  private final boolean always;

  private ValidityWindow(boolean program, Validity own, @Nullable Instant start, @Nullable Instant expiration,
      ZoneId zone) {
    this.program = program;
    this.zone = zone;
    this.start = start;
    this.expiration = expiration;
    this.timeframeDefinition = own.timeframe();
    this.hasTimeframe = timeframeDefinition != null;
    this.timeframe = timeframeDefinition == null ? null : RecurringTimeframe.of(start, timeframeDefinition, zone);
    this.days = own.daysOfWeek().isEmpty() ? Set.of() : EnumSet.copyOf(own.daysOfWeek());
    this.hours = own.hours();
    this.always = start == null && expiration == null && !hasTimeframe && days.isEmpty() && hours.isEmpty();
  }

  /** The window of a program: its own dates and recurring windows. */
  public static ValidityWindow forProgram(Validity program, ZoneId zone) {
    Objects.requireNonNull(program, "program validity");
    Objects.requireNonNull(zone, "zone");
    return new ValidityWindow(true, program, program.startDate(), program.expirationDate(), zone);
  }

  /**
   * The window of an earning rule: a missing start or expiration date is inherited from the program (each
   * on its own), while the recurring windows are the rule's only. A timeframe anchors on the effective start.
   */
  public static ValidityWindow forRule(Validity rule, @Nullable Validity program, ZoneId zone) {
    Objects.requireNonNull(rule, "rule validity");
    Objects.requireNonNull(zone, "zone");
    Validity inherited = program == null ? Validity.ALWAYS : program;
    Instant start = rule.startDate() != null ? rule.startDate() : inherited.startDate();
    Instant expiration = rule.expirationDate() != null ? rule.expirationDate() : inherited.expirationDate();
    return new ValidityWindow(false, rule, start, expiration, zone);
  }

  /** The first instant in force (own or inherited), {@code null} for none. */
  public @Nullable Instant effectiveStart() {
    return start;
  }

  /** The first instant no longer in force (own or inherited), {@code null} for none. */
  public @Nullable Instant effectiveExpiration() {
    return expiration;
  }

  /** Whether the window is in force at {@code at}; the same as {@code check(at) == null}. */
  public boolean isInForce(Instant at) {
    return check(at) == null;
  }

  /**
   * {@code null} when in force at {@code at}; otherwise the first failing check, in the order: not started,
   * expired, timeframe, days of week, hours. A program reports every recurring failure as
   * {@link SkipReason#PROGRAM_OUTSIDE_WINDOW}.
   */
  public @Nullable SkipReason check(Instant at) {
    Objects.requireNonNull(at, "at");
    if (always) {
      return null;
    }
    Failure failure = firstFailure(at);
    return failure == null ? null : reasonFor(failure);
  }

  /** A sentence explaining {@link #check(Instant)} at {@code at}, in the program's local time; never {@code null}. */
  public String describe(Instant at) {
    Failure failure = firstFailure(Objects.requireNonNull(at, "at"));
    ZonedDateTime local = at.atZone(zone);
    String when = format(local) + " " + zone.getId();
    if (failure == null) {
      return when + " is in force";
    }
    return switch (failure) {
      case NOT_STARTED -> when + " is before the start " + format(Objects.requireNonNull(start).atZone(zone));
      case EXPIRED -> when + " is at or after the expiration " + format(Objects.requireNonNull(expiration).atZone(zone));
      case TIMEFRAME -> when + " " + describeTimeframe();
      case DAYS_OF_WEEK -> when + " is a " + dayName(local.getDayOfWeek()) + ", not one of " + dayNames(days);
      case HOURS -> when + " (" + dayName(local.getDayOfWeek()) + ") is outside the daily hours "
          + hours.stream().map(ValidityWindow::describePeriod).collect(Collectors.joining("; "));
    };
  }

  private enum Failure { NOT_STARTED, EXPIRED, TIMEFRAME, DAYS_OF_WEEK, HOURS }

  private @Nullable Failure firstFailure(Instant at) {
    if (start != null && at.isBefore(start)) {
      return Failure.NOT_STARTED;
    }
    if (expiration != null && !at.isBefore(expiration)) {
      return Failure.EXPIRED;
    }
    if (hasTimeframe && (timeframe == null || !timeframe.contains(at))) {
      return Failure.TIMEFRAME;
    }
    if (days.isEmpty() && hours.isEmpty()) {
      return null;
    }
    ZonedDateTime local = at.atZone(zone);
    if (!days.isEmpty() && !days.contains(local.getDayOfWeek())) {
      return Failure.DAYS_OF_WEEK;
    }
    if (!hours.isEmpty() && !withinHours(local)) {
      return Failure.HOURS;
    }
    return null;
  }

  private SkipReason reasonFor(Failure failure) {
    return switch (failure) {
      case NOT_STARTED -> program ? SkipReason.PROGRAM_NOT_STARTED : SkipReason.RULE_NOT_STARTED;
      case EXPIRED -> program ? SkipReason.PROGRAM_EXPIRED : SkipReason.RULE_EXPIRED;
      case TIMEFRAME -> program ? SkipReason.PROGRAM_OUTSIDE_WINDOW : SkipReason.OUTSIDE_TIMEFRAME;
      case DAYS_OF_WEEK -> program ? SkipReason.PROGRAM_OUTSIDE_WINDOW : SkipReason.OUTSIDE_DAYS_OF_WEEK;
      case HOURS -> program ? SkipReason.PROGRAM_OUTSIDE_WINDOW : SkipReason.OUTSIDE_HOURS;
    };
  }

  /** Daily hours are read on the local wall clock, to the minute, both bounds included. */
  private boolean withinHours(ZonedDateTime local) {
    DayOfWeek day = local.getDayOfWeek();
    LocalTime minute = local.toLocalTime().truncatedTo(ChronoUnit.MINUTES);
    for (DailyHours period : hours) {
      if (period.days() == null || period.start() == null || !period.days().contains(day)) {
        continue;
      }
      LocalTime from = period.start().truncatedTo(ChronoUnit.MINUTES);
      LocalTime to = period.end() == null ? LocalTime.MAX : period.end().truncatedTo(ChronoUnit.MINUTES);
      if (!minute.isBefore(from) && !minute.isAfter(to)) {
        return true;
      }
    }
    return false;
  }

  private String describeTimeframe() {
    Timeframe definition = Objects.requireNonNull(timeframeDefinition);
    if (timeframe == null) {
      return start == null
          ? "is outside the timeframe, which has no start date to anchor it and so is never open"
          : "is outside the timeframe, which is not a positive interval and duration and so is never open";
    }
    return "is outside the " + human(definition.duration()) + " window that recurs every "
        + human(definition.interval()) + " from " + format(timeframe.anchor());
  }

  private static String describePeriod(DailyHours period) {
    String from = period.start() == null ? "?" : period.start().truncatedTo(ChronoUnit.MINUTES).toString();
    String to = period.end() == null ? "end of day" : period.end().truncatedTo(ChronoUnit.MINUTES).toString();
    Set<DayOfWeek> on = period.days() == null || period.days().isEmpty()
        ? Set.of() : EnumSet.copyOf(period.days());
    return from + "-" + to + " on " + (on.isEmpty() ? "no day" : dayNames(on));
  }

  /** {@code PT1H30M} reads as {@code 1h30m}; calendar durations keep their ISO form ({@code P1D}). */
  static String human(@Nullable IsoDuration d) {
    if (d == null) {
      return "missing";
    }
    if (d.period().isZero() && !d.time().isZero() && !d.time().isNegative()) {
      return d.time().toString().substring(2).toLowerCase(Locale.ROOT);
    }
    return d.toString();
  }

  /** Local date-time to the minute, with seconds only when they are not zero. */
  private static String format(ZonedDateTime at) {
    return at.toLocalDateTime().toString();
  }

  private static String dayNames(Set<DayOfWeek> set) {
    return EnumSet.copyOf(set).stream().map(ValidityWindow::dayName).collect(Collectors.joining(", "));
  }

  private static String dayName(DayOfWeek day) {
    String name = day.name();
    return name.charAt(0) + name.substring(1).toLowerCase(Locale.ROOT);
  }

  @Override
  public String toString() {
    return (program ? "ProgramWindow" : "RuleWindow") + "[start=" + start + ", expiration=" + expiration
        + ", timeframe=" + timeframeDefinition + ", days=" + days + ", hours=" + hours.size() + " period(s), zone="
        + zone + "]";
  }
}
