package io.loyalty.core.internal.validity;

import static java.time.DayOfWeek.FRIDAY;
import static java.time.DayOfWeek.MONDAY;
import static java.time.DayOfWeek.SATURDAY;
import static java.time.DayOfWeek.SUNDAY;
import static java.time.DayOfWeek.TUESDAY;
import static org.assertj.core.api.Assertions.assertThat;

import io.loyalty.spi.earning.SkipReason;
import io.loyalty.spi.program.DailyHours;
import io.loyalty.spi.program.Validity;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Dates, inheritance, days of the week and daily hours; timeframes are in {@link TimeframeWindowTest}. */
class ValidityWindowTest {
  static final ZoneId UTC = ZoneOffset.UTC;
  static final ZoneId WARSAW = ZoneId.of("Europe/Warsaw");
  static final Instant START = Instant.parse("2022-11-02T13:00:00Z");
  static final Instant EXPIRATION = Instant.parse("2022-12-01T00:00:00Z");

  static Instant at(String iso) {
    return Instant.parse(iso);
  }

  static ValidityWindow rule(Validity rule) {
    return ValidityWindow.forRule(rule, Validity.ALWAYS, UTC);
  }

  @Nested
  @DisplayName("start and expiration dates")
  class Dates {
    @Test
    void theStartInstantItselfIsInForce() {
      assertThat(rule(Validity.between(START, null)).check(START)).isNull();
    }

    @Test
    void oneNanosecondBeforeTheStartTheRuleHasNotStarted() {
      assertThat(rule(Validity.between(START, null)).check(START.minusNanos(1))).isEqualTo(SkipReason.RULE_NOT_STARTED);
    }

    @Test
    void theExpirationInstantItselfIsExpired() {
      assertThat(rule(Validity.between(null, EXPIRATION)).check(EXPIRATION)).isEqualTo(SkipReason.RULE_EXPIRED);
    }

    @Test
    void oneNanosecondBeforeTheExpirationIsStillInForce() {
      assertThat(rule(Validity.between(null, EXPIRATION)).check(EXPIRATION.minusNanos(1))).isNull();
    }

    @Test
    void aProgramReportsItsOwnNotStartedAndExpiredReasons() {
      ValidityWindow program = ValidityWindow.forProgram(Validity.between(START, EXPIRATION), UTC);
      assertThat(program.check(START.minusSeconds(1))).isEqualTo(SkipReason.PROGRAM_NOT_STARTED);
      assertThat(program.check(EXPIRATION)).isEqualTo(SkipReason.PROGRAM_EXPIRED);
    }

    @Test
    void notStartedIsReportedBeforeExpiredWhenBothHold() {
      // An inverted definition (the validator rejects it): 2022-11-01 is before the start and after the expiration.
      ValidityWindow inverted = rule(Validity.between(EXPIRATION, START));
      assertThat(inverted.check(at("2022-11-01T00:00:00Z"))).isEqualTo(SkipReason.RULE_NOT_STARTED);
    }

    @Test
    void alwaysIsInForceAtAnyInstant() {
      assertThat(rule(Validity.ALWAYS).check(Instant.MIN)).isNull();
      assertThat(rule(Validity.ALWAYS).check(Instant.MAX)).isNull();
    }
  }

  @Nested
  @DisplayName("a rule inherits the program's missing dates")
  class Inheritance {
    final Validity program = Validity.between(START, EXPIRATION);

    @Test
    void aRuleWithoutDatesHasNotStartedBeforeTheProgramStart() {
      ValidityWindow window = ValidityWindow.forRule(Validity.ALWAYS, program, UTC);
      assertThat(window.check(START.minusSeconds(1))).isEqualTo(SkipReason.RULE_NOT_STARTED);
      assertThat(window.effectiveStart()).isEqualTo(START);
    }

    @Test
    void aRuleWithOnlyAStartStillExpiresWithTheProgram() {
      Instant ruleStart = at("2022-11-10T00:00:00Z");
      ValidityWindow window = ValidityWindow.forRule(Validity.between(ruleStart, null), program, UTC);
      assertThat(window.check(at("2022-11-05T00:00:00Z"))).isEqualTo(SkipReason.RULE_NOT_STARTED);
      assertThat(window.check(EXPIRATION)).isEqualTo(SkipReason.RULE_EXPIRED);
      assertThat(window.check(ruleStart)).isNull();
    }

    @Test
    void aRuleOwnExpirationReplacesTheProgramOne() {
      Instant later = at("2023-01-01T00:00:00Z");
      ValidityWindow window = ValidityWindow.forRule(Validity.between(null, later), program, UTC);
      assertThat(window.check(EXPIRATION)).isNull();
      assertThat(window.check(later)).isEqualTo(SkipReason.RULE_EXPIRED);
    }

    @Test
    void aRuleDoesNotInheritTheProgramRecurringWindows() {
      Validity mondaysOnly = program.withDaysOfWeek(Set.of(MONDAY));
      ValidityWindow window = ValidityWindow.forRule(Validity.ALWAYS, mondaysOnly, UTC);
      assertThat(window.check(at("2022-11-06T12:00:00Z"))).isNull(); // a Sunday
    }

    @Test
    void aRuleWithoutAProgramHasOnlyItsOwnDates() {
      assertThat(ValidityWindow.forRule(Validity.ALWAYS, null, UTC).check(Instant.EPOCH)).isNull();
    }
  }

  @Nested
  @DisplayName("days of the week")
  class DaysOfWeek {
    final Validity weekend = Validity.ALWAYS.withDaysOfWeek(Set.of(SATURDAY, SUNDAY));

    @Test
    void aSundayIsInForceForAWeekendRule() {
      assertThat(rule(weekend).check(at("2022-11-06T12:00:00Z"))).isNull();
    }

    @Test
    void aMondayIsOutsideAWeekendRule() {
      assertThat(rule(weekend).check(at("2022-11-07T12:00:00Z"))).isEqualTo(SkipReason.OUTSIDE_DAYS_OF_WEEK);
    }

    @Test
    void theDayIsReadInTheProgramZoneNotInUtc() {
      ValidityWindow sundays = ValidityWindow.forRule(Validity.ALWAYS.withDaysOfWeek(Set.of(SUNDAY)), null, WARSAW);
      // Saturday 23:30 UTC is Sunday 00:30 in Warsaw (UTC+1); Sunday 23:30 UTC is Monday 00:30 there.
      assertThat(sundays.check(at("2022-11-05T23:30:00Z"))).isNull();
      assertThat(sundays.check(at("2022-11-06T23:30:00Z"))).isEqualTo(SkipReason.OUTSIDE_DAYS_OF_WEEK);
    }

    @Test
    void aProgramOutsideItsDaysIsOutsideItsWindow() {
      assertThat(ValidityWindow.forProgram(weekend, UTC).check(at("2022-11-07T12:00:00Z")))
          .isEqualTo(SkipReason.PROGRAM_OUTSIDE_WINDOW);
    }

    @Test
    void theDescriptionNamesTheDayAndTheAllowedDays() {
      assertThat(rule(weekend).describe(at("2022-11-07T12:00:00Z")))
          .isEqualTo("2022-11-07T12:00 Z is a Monday, not one of Saturday, Sunday");
    }
  }

  @Nested
  @DisplayName("daily hours")
  class Hours {
    final Validity officeHours =
        Validity.ALWAYS.withHours(List.of(DailyHours.of("08:00", "12:00", MONDAY, TUESDAY, FRIDAY)));

    @Test
    void aMinuteBeforeTheStartTimeIsOutsideTheHours() {
      assertThat(rule(officeHours).check(at("2022-11-07T07:59:59Z"))).isEqualTo(SkipReason.OUTSIDE_HOURS);
    }

    @Test
    void theStartMinuteIsInForce() {
      assertThat(rule(officeHours).check(at("2022-11-07T08:00:00Z"))).isNull();
    }

    @Test
    void theWholeExpirationMinuteIsInForce() {
      assertThat(rule(officeHours).check(at("2022-11-07T12:00:59.999999999Z"))).isNull();
    }

    @Test
    void theMinuteAfterTheExpirationTimeIsOutsideTheHours() {
      assertThat(rule(officeHours).check(at("2022-11-07T12:01:00Z"))).isEqualTo(SkipReason.OUTSIDE_HOURS);
    }

    @Test
    void aDayTheScheduleDoesNotNameIsOutsideTheHours() {
      assertThat(rule(officeHours).check(at("2022-11-09T09:00:00Z"))).isEqualTo(SkipReason.OUTSIDE_HOURS); // Wednesday
    }

    @Test
    void anEmptyExpirationTimeLastsToTheEndOfTheDay() {
      Validity evenings = Validity.ALWAYS.withHours(List.of(DailyHours.of("18:00", "", MONDAY)));
      assertThat(rule(evenings).check(at("2022-11-07T23:59:59.999999999Z"))).isNull();
      assertThat(rule(evenings).check(at("2022-11-08T00:00:00Z"))).isEqualTo(SkipReason.OUTSIDE_HOURS);
    }

    @Test
    void anyOfSeveralPeriodsIsEnough() {
      Validity split = Validity.ALWAYS.withHours(
          List.of(DailyHours.of("08:00", "10:00", MONDAY), DailyHours.of("16:00", "18:00", MONDAY)));
      assertThat(rule(split).check(at("2022-11-07T17:00:00Z"))).isNull();
      assertThat(rule(split).check(at("2022-11-07T12:00:00Z"))).isEqualTo(SkipReason.OUTSIDE_HOURS);
    }

    @Test
    void aProgramOutsideItsHoursIsOutsideItsWindow() {
      assertThat(ValidityWindow.forProgram(officeHours, UTC).check(at("2022-11-07T13:00:00Z")))
          .isEqualTo(SkipReason.PROGRAM_OUTSIDE_WINDOW);
    }

    @Test
    void theHourSkippedBySpringForwardNeverMatches() {
      // Warsaw, Sunday 2023-03-26: 02:00 CET jumps to 03:00 CEST, so 02:00-02:59 local never happens.
      ValidityWindow skipped = ValidityWindow.forRule(
          Validity.ALWAYS.withHours(List.of(DailyHours.of("02:00", "02:59", SUNDAY))), null, WARSAW);
      for (Instant t = at("2023-03-25T23:00:00Z"); t.isBefore(at("2023-03-26T03:00:00Z")); t = t.plusSeconds(60)) {
        assertThat(skipped.check(t)).as("at %s", t).isEqualTo(SkipReason.OUTSIDE_HOURS);
      }
    }

    @Test
    void afterSpringForwardTheLocalThreeOClockIsOneUtc() {
      ValidityWindow early = ValidityWindow.forRule(
          Validity.ALWAYS.withHours(List.of(DailyHours.of("03:00", "03:30", SUNDAY))), null, WARSAW);
      assertThat(early.check(at("2023-03-26T00:59:00Z"))).isEqualTo(SkipReason.OUTSIDE_HOURS); // 01:59 CET
      assertThat(early.check(at("2023-03-26T01:00:00Z"))).isNull(); // 03:00 CEST
      assertThat(early.check(at("2023-03-26T01:31:00Z"))).isEqualTo(SkipReason.OUTSIDE_HOURS); // 03:31 CEST
    }

    @Test
    void theHourRepeatedByFallBackMatchesBothTimes() {
      // Warsaw, Sunday 2023-10-29: 03:00 CEST falls back to 02:00 CET, so local 02:30 happens twice.
      ValidityWindow repeated = ValidityWindow.forRule(
          Validity.ALWAYS.withHours(List.of(DailyHours.of("02:00", "02:59", SUNDAY))), null, WARSAW);
      assertThat(repeated.check(at("2023-10-29T00:30:00Z"))).isNull(); // 02:30 CEST
      assertThat(repeated.check(at("2023-10-29T01:30:00Z"))).isNull(); // 02:30 CET
      assertThat(repeated.check(at("2023-10-29T02:00:00Z"))).isEqualTo(SkipReason.OUTSIDE_HOURS); // 03:00 CET
    }

    @Test
    void theDescriptionListsThePeriods() {
      assertThat(rule(officeHours).describe(at("2022-11-07T13:00:00Z")))
          .isEqualTo("2022-11-07T13:00 Z (Monday) is outside the daily hours 08:00-12:00 on Monday, Tuesday, Friday");
    }
  }

  @Test
  void theDescriptionOfAnInForceInstantSaysSo() {
    assertThat(rule(Validity.ALWAYS).describe(START)).isEqualTo("2022-11-02T13:00 Z is in force");
  }

  @Test
  void theDescriptionOfANotStartedRuleNamesTheLocalStart() {
    ValidityWindow window = ValidityWindow.forRule(Validity.between(START, null), null, WARSAW);
    assertThat(window.describe(at("2022-11-01T10:00:00Z")))
        .isEqualTo("2022-11-01T11:00 Europe/Warsaw is before the start 2022-11-02T14:00");
  }

  @Test
  void theDescriptionOfAnExpiredRuleNamesTheLocalExpiration() {
    ValidityWindow window = ValidityWindow.forRule(Validity.between(null, EXPIRATION), null, WARSAW);
    assertThat(window.describe(EXPIRATION))
        .isEqualTo("2022-12-01T01:00 Europe/Warsaw is at or after the expiration 2022-12-01T01:00");
  }
}
