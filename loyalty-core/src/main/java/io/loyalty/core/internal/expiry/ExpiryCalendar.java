package io.loyalty.core.internal.expiry;

import io.loyalty.spi.Violation;
import io.loyalty.spi.program.ExpirationRule;
import io.loyalty.spi.program.ExpirationRule.AfterMonths;
import io.loyalty.spi.program.ExpirationRule.FixedDayOfYear;
import io.loyalty.spi.program.PendingPoints;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * The calendar of point lifetimes (Voucherify's {@code expiration_rules} and {@code pending_points}): the last day
 * points can be spent, the instant they are gone (00:00 of the next day in the program's zone) and the instant
 * pending points activate. Pure functions of their arguments; stateless and thread-safe.
 */
public final class ExpiryCalendar {
  private ExpiryCalendar() {}

  /**
   * The rule that decides when points expire: the earning rule's own wins, else the program's (card template's);
   * {@code null} means the points never expire.
   */
  public static @Nullable ExpirationRule effective(@Nullable ExpirationRule rule, @Nullable ExpirationRule program) {
    return rule != null ? rule : program;
  }

  /**
   * The expiration date: the last day on which points that became usable on {@code usableFrom} (earn day,
   * activation day of pending points, or transfer day) can be spent. Never before {@code usableFrom}.
   *
   * @throws IllegalArgumentException when {@link ExpirationRuleValidator} rejects the rule
   * @throws java.time.DateTimeException when the result lies beyond the year 999,999,999
   */
  public static LocalDate lastUsableDay(ExpirationRule rule, LocalDate usableFrom) {
    requireValid(rule);
    Objects.requireNonNull(usableFrom, "usableFrom");
    if (rule instanceof AfterMonths months) {
      // plusMonths clamps a day past the target month's end to that end: 31 Jan + 1 month = 28/29 Feb.
      return roundUp(usableFrom.plusMonths(months.months()), months.roundUp(), months.particularMonth());
    }
    if (rule instanceof ExpirationRule.AfterDays days) {
      return roundUp(usableFrom.plusDays(days.days()), days.roundUp(), days.particularMonth());
    }
    if (rule instanceof ExpirationRule.OnDates dates) {
      LocalDate first = null;
      for (FixedDayOfYear date : dates.dates()) {
        LocalDate next = nextOnOrAfter(date, usableFrom);
        if (first == null || next.isBefore(first)) {
          first = next;
        }
      }
      return Objects.requireNonNull(first, "validated: at least one date");
    }
    return nextOnOrAfter((FixedDayOfYear) rule, usableFrom);
  }

  /** The first day of the year {@code fixed} names on or after {@code from}. */
  private static LocalDate nextOnOrAfter(FixedDayOfYear fixed, LocalDate usableFrom) {
    LocalDate thisYear = fixedDay(usableFrom.getYear(), fixed);
    return thisYear.isBefore(usableFrom) ? fixedDay(usableFrom.getYear() + 1, fixed) : thisYear;
  }

  /**
   * The first instant at which points that became usable at {@code usableFrom} are gone: the start of the day
   * after {@link #lastUsableDay(ExpirationRule, LocalDate)} in {@code zone} (the first valid time of that day
   * when midnight falls in a daylight-saving gap). Always after {@code usableFrom}.
   *
   * @throws IllegalArgumentException when {@link ExpirationRuleValidator} rejects the rule
   */
  public static Instant expiresAt(ExpirationRule rule, Instant usableFrom, ZoneId zone) {
    LocalDate usableOn = usableFrom.atZone(zone).toLocalDate();
    return lastUsableDay(rule, usableOn).plusDays(1).atStartOfDay(zone).toInstant();
  }

  /**
   * When pending points earned at {@code earnedAt} become usable: the start, in {@code zone}, of the earn day
   * plus {@link PendingPoints#days()} (earned on 11 Jun with 10 days: 21 Jun 00:00).
   *
   * @throws IllegalArgumentException when {@link PendingPointsValidator} rejects the period
   */
  public static Instant activatesAt(PendingPoints pending, Instant earnedAt, ZoneId zone) {
    Objects.requireNonNull(pending, "pending");
    List<Violation> violations = PendingPointsValidator.validate("pending_points", pending);
    if (!violations.isEmpty()) {
      throw new IllegalArgumentException("Invalid pending points " + pending + ": " + describe(violations));
    }
    LocalDate earned = earnedAt.atZone(zone).toLocalDate();
    LocalDate day;
    if (pending.months() != 0) {
      day = earned.plusMonths(pending.months()); // clamped to the month's end: 31 Jan + 1 month = 28 or 29 Feb
    } else if (!pending.dates().isEmpty()) {
      day = null;
      for (FixedDayOfYear date : pending.dates()) {
        LocalDate next = nextOnOrAfter(date, earned.plusDays(1)); // after the earn day: at 00:00 of that date
        if (day == null || next.isBefore(day)) {
          day = next;
        }
      }
      day = Objects.requireNonNull(day, "validated: at least one date");
    } else {
      day = earned.plusDays(pending.days());
    }
    return day.atStartOfDay(zone).toInstant();
  }

  /**
   * The expiration date to report for points gone at {@code expiresAt} (Voucherify's {@code expiration_date}):
   * the local day of the last instant before it. For the start of a local day that is the previous day, so it
   * inverts {@link #expiresAt(ExpirationRule, Instant, ZoneId)}, even across days a zone skipped.
   */
  public static LocalDate lastUsableDay(Instant expiresAt, ZoneId zone) {
    return expiresAt.minusNanos(1).atZone(zone).toLocalDate();
  }

  /** Pushes {@code day} up to the end of the period the rule rounds to. */
  private static LocalDate roundUp(LocalDate day, ExpirationRule.RoundUp roundUp, @Nullable Integer particularMonth) {
    int year = day.getYear();
    int month = day.getMonthValue();
    return switch (roundUp) {
      case NONE -> day;
      case END_OF_MONTH -> YearMonth.of(year, month).atEndOfMonth();
      case END_OF_QUARTER -> YearMonth.of(year, (month + 2) / 3 * 3).atEndOfMonth();
      case END_OF_HALF_YEAR -> YearMonth.of(year, month <= 6 ? 6 : 12).atEndOfMonth();
      case END_OF_YEAR -> YearMonth.of(year, 12).atEndOfMonth();
      case PARTICULAR_MONTH -> {
        int target = Objects.requireNonNull(particularMonth, "particularMonth");
        // A month's end is on or after every day of it, so the month itself still counts.
        yield YearMonth.of(target >= month ? year : year + 1, target).atEndOfMonth();
      }
    };
  }

  /** The rule's day in {@code year}; a day past the month's end (29 Feb in a common year) is its last day. */
  private static LocalDate fixedDay(int year, FixedDayOfYear rule) {
    YearMonth month = YearMonth.of(year, rule.month());
    return month.atDay(Math.min(rule.day(), month.lengthOfMonth()));
  }

  private static void requireValid(ExpirationRule rule) {
    Objects.requireNonNull(rule, "rule");
    List<Violation> violations = ExpirationRuleValidator.validate("expiration_rules", rule);
    if (!violations.isEmpty()) {
      throw new IllegalArgumentException("Invalid expiration rule " + rule + ": " + describe(violations));
    }
  }

  private static String describe(List<Violation> violations) {
    return violations.stream().map(Violation::toString).collect(Collectors.joining("; "));
  }
}
