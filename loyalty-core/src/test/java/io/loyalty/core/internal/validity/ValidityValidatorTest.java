package io.loyalty.core.internal.validity;

import static java.time.DayOfWeek.MONDAY;
import static java.time.DayOfWeek.TUESDAY;
import static org.assertj.core.api.Assertions.assertThat;

import io.loyalty.spi.Violation;
import io.loyalty.spi.program.DailyHours;
import io.loyalty.spi.program.IsoDuration;
import io.loyalty.spi.program.Timeframe;
import io.loyalty.spi.program.Validity;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ValidityValidatorTest {
  static final String RULE = "earning_rules[2]";
  static final Instant START = Instant.parse("2022-11-02T13:00:00Z");
  static final Instant EXPIRATION = Instant.parse("2022-12-01T00:00:00Z");

  static List<String> paths(List<Violation> violations) {
    return violations.stream().map(Violation::path).toList();
  }

  static List<String> ruleViolations(Validity rule, Validity program) {
    return paths(ValidityValidator.validate(RULE, rule, true, program));
  }

  static List<String> ruleViolations(Validity rule) {
    return ruleViolations(rule, Validity.ALWAYS);
  }

  static Validity hours(DailyHours... periods) {
    return Validity.ALWAYS.withHours(List.of(periods));
  }

  @Test
  void aWellFormedValidityHasNoViolations() {
    Validity v = Validity.between(START, EXPIRATION).withTimeframe(Timeframe.of("P2D", "PT1H"))
        .withDaysOfWeek(Set.of(MONDAY));
    assertThat(ValidityValidator.validate(RULE, v, true, null)).isEmpty();
  }

  @Test
  void aMissingValidityHasNoViolations() {
    assertThat(ValidityValidator.validate(RULE, null, true, null)).isEmpty();
  }

  @Test
  void anExpirationBeforeTheStartIsReportedOnTheExpirationDate() {
    List<Violation> violations = ValidityValidator.validate(RULE, Validity.between(EXPIRATION, START), true, null);
    assertThat(violations).singleElement().satisfies(v -> {
      assertThat(v.path()).isEqualTo("earning_rules[2].expiration_date");
      assertThat(v.value()).isEqualTo(START);
    });
  }

  @Test
  void anExpirationEqualToTheStartIsRejected() {
    assertThat(ruleViolations(Validity.between(START, START))).containsExactly("earning_rules[2].expiration_date");
  }

  @Test
  void aRuleExpiringBeforeTheInheritedProgramStartIsReportedOnItsExpirationDate() {
    List<Violation> violations =
        ValidityValidator.validate(RULE, Validity.between(null, START), true, Validity.between(EXPIRATION, null));
    assertThat(paths(violations)).containsExactly("earning_rules[2].expiration_date");
    assertThat(violations.get(0).message()).contains("inherited from the program");
  }

  @Test
  void aRuleStartingAfterTheInheritedProgramExpirationIsReportedOnItsStartDate() {
    assertThat(ruleViolations(Validity.between(EXPIRATION, null), Validity.between(null, START)))
        .containsExactly("earning_rules[2].start_date");
  }

  @Test
  void aProgramWithInvertedDatesIsReportedAtTheTopLevel() {
    assertThat(paths(ValidityValidator.validate("", Validity.between(EXPIRATION, START), false, null)))
        .containsExactly("expiration_date");
  }

  @Test
  void aRuleTimeframeWithoutAnyStartDateAsksForTheStartDate() {
    assertThat(ruleViolations(Validity.ALWAYS.withTimeframe(Timeframe.of("P1D", "PT1H"))))
        .containsExactly("earning_rules[2].start_date");
  }

  @Test
  void aRuleTimeframeMayAnchorOnTheInheritedProgramStart() {
    assertThat(ruleViolations(Validity.ALWAYS.withTimeframe(Timeframe.of("P1D", "PT1H")), Validity.between(START, null)))
        .isEmpty();
  }

  @Test
  void aProgramTimeframeDoesNotLookAtAnyOtherStartDate() {
    Validity program = Validity.ALWAYS.withTimeframe(Timeframe.of("P1D", "PT1H"));
    assertThat(paths(ValidityValidator.validate("", program, false, Validity.between(START, null))))
        .containsExactly("start_date");
  }

  @Test
  void aZeroIntervalIsReportedOnTheInterval() {
    assertThat(ruleViolations(Validity.between(START, null).withTimeframe(Timeframe.of("PT0S", "PT1H"))))
        .containsExactly("earning_rules[2].validity_timeframe.interval");
  }

  @Test
  void aNegativeDurationIsReportedOnTheDuration() {
    Timeframe negative = new Timeframe(IsoDuration.ofDays(1), IsoDuration.of(Duration.ofHours(-1)));
    assertThat(ruleViolations(Validity.between(START, null).withTimeframe(negative)))
        .containsExactly("earning_rules[2].validity_timeframe.duration");
  }

  @Test
  void missingIntervalAndDurationAreBothReported() {
    assertThat(ruleViolations(Validity.between(START, null).withTimeframe(new Timeframe(null, null))))
        .containsExactly("earning_rules[2].validity_timeframe.interval", "earning_rules[2].validity_timeframe.duration");
  }

  @Test
  void anExactDurationLongerThanTheIntervalIsReported() {
    Timeframe twoHoursEveryHour = new Timeframe(IsoDuration.of(Duration.ofHours(1)), IsoDuration.of(Duration.ofHours(2)));
    assertThat(ruleViolations(Validity.between(START, null).withTimeframe(twoHoursEveryHour)))
        .containsExactly("earning_rules[2].validity_timeframe.duration");
  }

  @Test
  void twentyFiveHoursEveryDayIsLongerThanTheInterval() {
    assertThat(ruleViolations(Validity.between(START, null).withTimeframe(Timeframe.of("P1D", "PT25H"))))
        .containsExactly("earning_rules[2].validity_timeframe.duration");
  }

  @Test
  void aDurationEqualToTheIntervalIsAllowed() {
    assertThat(ruleViolations(Validity.between(START, null).withTimeframe(Timeframe.of("P1D", "PT24H")))).isEmpty();
  }

  @Test
  void thirtyOneDaysIsLongerThanAMonthFromTheFirstOfFebruary() {
    // In UTC from 1 February 2022: P1M ends 1 March, P31D ends 4 March.
    Validity v = Validity.between(Instant.parse("2022-02-01T00:00:00Z"), null).withTimeframe(Timeframe.of("P1M", "P31D"));
    assertThat(ruleViolations(v)).containsExactly("earning_rules[2].validity_timeframe.duration");
  }

  @Test
  void thirtyOneDaysFitsAMonthFromTheFirstOfJanuary() {
    Validity v = Validity.between(Instant.parse("2022-01-01T00:00:00Z"), null).withTimeframe(Timeframe.of("P1M", "P31D"));
    assertThat(ruleViolations(v)).isEmpty();
  }

  @Test
  void hoursCannotBeCombinedWithATimeframe() {
    Validity v = Validity.between(START, null).withTimeframe(Timeframe.of("P1D", "PT1H"))
        .withHours(List.of(DailyHours.of("08:00", "12:00", MONDAY)));
    assertThat(ruleViolations(v)).containsExactly("earning_rules[2].validity_hours");
  }

  @Test
  void hoursCannotBeCombinedWithDaysOfWeek() {
    Validity v = hours(DailyHours.of("08:00", "12:00", MONDAY)).withDaysOfWeek(Set.of(MONDAY));
    assertThat(ruleViolations(v)).containsExactly("earning_rules[2].validity_hours");
  }

  @Test
  void aPeriodWithoutDaysIsReportedOnItsDaysOfWeek() {
    assertThat(ruleViolations(hours(new DailyHours(LocalTime.of(8, 0), null, Set.of()))))
        .containsExactly("earning_rules[2].validity_hours.daily[0].days_of_week");
  }

  @Test
  void aPeriodWithoutAStartTimeIsReportedOnItsStartTime() {
    assertThat(ruleViolations(hours(new DailyHours(null, LocalTime.NOON, Set.of(MONDAY)))))
        .containsExactly("earning_rules[2].validity_hours.daily[0].start_time");
  }

  @Test
  void aPeriodEndingBeforeItStartsIsReportedOnItsExpirationTime() {
    assertThat(ruleViolations(hours(DailyHours.of("08:00", "09:00", MONDAY), DailyHours.of("18:00", "17:00", TUESDAY))))
        .containsExactly("earning_rules[2].validity_hours.daily[1].expiration_time");
  }

  @Test
  void aPeriodEndingTheMinuteItStartsIsRejected() {
    assertThat(ruleViolations(hours(DailyHours.of("08:00", "08:00", MONDAY))))
        .containsExactly("earning_rules[2].validity_hours.daily[0].expiration_time");
  }

  @Test
  void overlappingPeriodsOnASharedDayAreReportedOnTheLaterPeriod() {
    List<Violation> violations = ValidityValidator.validate(RULE,
        hours(DailyHours.of("08:00", "12:00", MONDAY, TUESDAY), DailyHours.of("11:00", null, TUESDAY)), true, null);
    assertThat(paths(violations)).containsExactly("earning_rules[2].validity_hours.daily[1]");
    assertThat(violations.get(0).message()).isEqualTo("overlaps validity_hours.daily[0] on TUESDAY");
  }

  @Test
  void periodsThatOnlyTouchDoNotOverlap() {
    assertThat(ruleViolations(hours(DailyHours.of("08:00", "12:00", MONDAY), DailyHours.of("12:00", null, MONDAY))))
        .isEmpty();
  }

  @Test
  void theSameHoursOnDifferentDaysDoNotOverlap() {
    assertThat(ruleViolations(hours(DailyHours.of("08:00", "12:00", MONDAY), DailyHours.of("08:00", "12:00", TUESDAY))))
        .isEmpty();
  }

  @Test
  void everyViolationIsReportedAtOnce() {
    Validity v = Validity.between(EXPIRATION, START).withTimeframe(Timeframe.of("PT0S", "PT1H"))
        .withHours(List.of(DailyHours.of("10:00", "09:00", MONDAY)));
    assertThat(ruleViolations(v)).containsExactly(
        "earning_rules[2].expiration_date",
        "earning_rules[2].validity_timeframe.interval",
        "earning_rules[2].validity_hours",
        "earning_rules[2].validity_hours.daily[0].expiration_time");
  }
}
