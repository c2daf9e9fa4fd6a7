package io.loyalty.core.internal.expiry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import io.loyalty.spi.program.ExpirationRule;
import io.loyalty.spi.program.ExpirationRule.AfterMonths;
import io.loyalty.spi.program.ExpirationRule.FixedDayOfYear;
import io.loyalty.spi.program.ExpirationRule.RoundUp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Month;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/** Expiration dates over random rules, days from 1970 to 2400 and zones with awkward midnights. */
class ExpiryProperties {
  static final long FROM = LocalDate.of(1970, 1, 1).toEpochDay();
  static final long TO = LocalDate.of(2400, 12, 31).toEpochDay();
  static final List<ZoneId> ZONES = List.of(ZoneId.of("UTC"), ZoneId.of("Europe/Warsaw"),
      ZoneId.of("America/Santiago"), ZoneId.of("Asia/Beirut"), ZoneId.of("Pacific/Apia"),
      ZoneId.of("Australia/Lord_Howe"), ZoneId.of("Asia/Kathmandu"));
  static final RoundUp[] ROUNDINGS = RoundUp.values();

  /** A rule, the local day its points became usable, and a zone and second of that day to place it. */
  record Case(ExpirationRule rule, LocalDate usableFrom, ZoneId zone, int secondOfDay) {}

  /** Every rounding (index = ordinal) with 0 to 1200 months, or a valid fixed day (index = rounding count). */
  static Gen<ExpirationRule> rules() {
    return integers().between(0, ROUNDINGS.length).zip(integers().between(0, 1200), integers().between(1, 12),
        integers().between(1, 31), (kind, months, month, day) -> {
          if (kind == ROUNDINGS.length) {
            return new FixedDayOfYear(month, Math.min(day, Month.of(month).maxLength()));
          }
          RoundUp roundUp = ROUNDINGS[kind];
          return new AfterMonths(months, roundUp, roundUp == RoundUp.PARTICULAR_MONTH ? month : null);
        });
  }

  static Gen<Case> cases() {
    return rules().zip(longs().between(FROM, TO), integers().between(0, ZONES.size() - 1),
        integers().between(0, 86_399), (rule, day, zone, second) ->
            new Case(rule, LocalDate.ofEpochDay(day), ZONES.get(zone), second))
        .describedAs(Case::toString);
  }

  /** Day-of-month arithmetic done by hand: the same day n months on, clamped to that month's length. */
  static LocalDate clampedTarget(LocalDate from, int months) {
    YearMonth target = YearMonth.from(from).plusMonths(months);
    return target.atDay(Math.min(from.getDayOfMonth(), target.lengthOfMonth()));
  }

  @Test
  void theLastUsableDayIsNeverBeforeTheDayThePointsBecameUsable() {
    qt().withExamples(5_000).forAll(cases()).checkAssert(c ->
        assertThat(ExpiryCalendar.lastUsableDay(c.rule(), c.usableFrom())).isAfterOrEqualTo(c.usableFrom()));
  }

  @Test
  void unroundedMonthsLandOnTheSameDayNMonthsLaterOrTheEndOfAShorterTargetMonth() {
    qt().withExamples(5_000).forAll(cases()).checkAssert(c -> {
      if (c.rule() instanceof AfterMonths rule && rule.roundUp() == RoundUp.NONE) {
        LocalDate last = ExpiryCalendar.lastUsableDay(rule, c.usableFrom());
        YearMonth targetMonth = YearMonth.from(c.usableFrom()).plusMonths(rule.months());
        assertThat(YearMonth.from(last)).isEqualTo(targetMonth);
        assertThat(last).isEqualTo(clampedTarget(c.usableFrom(), rule.months()));
        assertThat(last).isBeforeOrEqualTo(targetMonth.atEndOfMonth());
      }
    });
  }

  @Test
  void aRoundedDayIsTheLastDayOfAMonthOfTheRightKindWithinOnePeriodOfTheUnroundedDay() {
    qt().withExamples(5_000).forAll(cases()).checkAssert(c -> {
      if (c.rule() instanceof AfterMonths rule && rule.roundUp() != RoundUp.NONE) {
        LocalDate last = ExpiryCalendar.lastUsableDay(rule, c.usableFrom());
        LocalDate unrounded = clampedTarget(c.usableFrom(), rule.months());
        assertThat(last.getDayOfMonth()).isEqualTo(last.lengthOfMonth());
        assertThat(last).isAfterOrEqualTo(unrounded);
        int month = last.getMonthValue();
        int periodMonths = switch (rule.roundUp()) {
          case END_OF_MONTH -> 1;
          case END_OF_QUARTER -> 3;
          case END_OF_HALF_YEAR -> 6;
          default -> 12;
        };
        assertThat(YearMonth.from(last)).isBefore(YearMonth.from(unrounded).plusMonths(periodMonths));
        switch (rule.roundUp()) {
          case END_OF_QUARTER -> assertThat(month % 3).isZero();
          case END_OF_HALF_YEAR -> assertThat(month % 6).isZero();
          case END_OF_YEAR -> assertThat(month).isEqualTo(12);
          case PARTICULAR_MONTH -> assertThat(month).isEqualTo(rule.particularMonth());
          default -> { }
        }
      }
    });
  }

  @Test
  void aFixedDayIsItsFirstOccurrenceOnOrAfterTheDayThePointsBecameUsable() {
    qt().withExamples(5_000).forAll(cases()).checkAssert(c -> {
      if (c.rule() instanceof FixedDayOfYear rule) {
        LocalDate last = ExpiryCalendar.lastUsableDay(rule, c.usableFrom());
        assertThat(last.getMonthValue()).isEqualTo(rule.month());
        assertThat(last.getDayOfMonth()).isEqualTo(Math.min(rule.day(), last.lengthOfMonth()));
        assertThat(last).isBefore(c.usableFrom().plusYears(1));
      }
    });
  }

  @Test
  void pointsAreGoneStrictlyAfterTheyBecameUsableAndTheReportedDateRoundTrips() {
    qt().withExamples(5_000).forAll(cases()).checkAssert(c -> {
      Instant usable = usableInstant(c);
      LocalDate localDay = usable.atZone(c.zone()).toLocalDate();
      Instant gone = ExpiryCalendar.expiresAt(c.rule(), usable, c.zone());
      assertThat(gone).isAfter(usable);
      assertThat(ExpiryCalendar.lastUsableDay(gone, c.zone()))
          .isEqualTo(ExpiryCalendar.lastUsableDay(c.rule(), localDay));
    });
  }

  /** The instant a second into the case's day; a day the zone skipped resolves to the next existing one. */
  static Instant usableInstant(Case c) {
    return ZonedDateTime.of(c.usableFrom().atStartOfDay(), c.zone()).plusSeconds(c.secondOfDay()).toInstant();
  }
}
