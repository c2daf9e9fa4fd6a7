package io.loyalty.core.internal.validity;

import static org.assertj.core.api.Assertions.assertThat;

import io.loyalty.spi.earning.SkipReason;
import io.loyalty.spi.program.Timeframe;
import io.loyalty.spi.program.Validity;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Recurring timeframes anchored on the (own or inherited) start date. */
class TimeframeWindowTest {
  static final ZoneId UTC = ZoneOffset.UTC;
  static final ZoneId WARSAW = ZoneId.of("Europe/Warsaw");
  /** The seed's start date, a Wednesday. */
  static final Instant SEED_START = Instant.parse("2022-11-02T13:00:00Z");

  static Instant at(String iso) {
    return Instant.parse(iso);
  }

  static ValidityWindow window(Instant start, String interval, String duration, ZoneId zone) {
    return ValidityWindow.forRule(Validity.between(start, null).withTimeframe(Timeframe.of(interval, duration)), null, zone);
  }

  @Nested
  @DisplayName("one hour every day from the seed's start (P1D / PT1H)")
  class Daily {
    final ValidityWindow daily = window(SEED_START, "P1D", "PT1H", UTC);

    @Test
    void theAnchorOpensTheFirstWindow() {
      assertThat(daily.check(SEED_START)).isNull();
    }

    @Test
    void theLastNanosecondOfTheHourIsInForce() {
      assertThat(daily.check(at("2022-11-02T13:59:59.999999999Z"))).isNull();
    }

    @Test
    void theWindowEndIsExcluded() {
      assertThat(daily.check(at("2022-11-02T14:00:00Z"))).isEqualTo(SkipReason.OUTSIDE_TIMEFRAME);
    }

    @Test
    void theNextDayOpensAgainAtTheSameTime() {
      assertThat(daily.check(at("2022-11-03T12:59:59Z"))).isEqualTo(SkipReason.OUTSIDE_TIMEFRAME);
      assertThat(daily.check(at("2022-11-03T13:30:00Z"))).isNull();
    }

    @Test
    void aHundredYearsLaterTheWindowStillOpensOnTime() {
      assertThat(daily.check(at("2122-11-02T13:30:00Z"))).isNull();
      assertThat(daily.check(at("2122-11-02T14:00:00Z"))).isEqualTo(SkipReason.OUTSIDE_TIMEFRAME);
    }

    @Test
    void beforeTheAnchorTheRuleHasNotStarted() {
      assertThat(daily.check(SEED_START.minusSeconds(1))).isEqualTo(SkipReason.RULE_NOT_STARTED);
    }

    @Test
    void aProgramOutsideItsTimeframeIsOutsideItsWindow() {
      Validity program = Validity.between(SEED_START, null).withTimeframe(Timeframe.of("P1D", "PT1H"));
      assertThat(ValidityWindow.forProgram(program, UTC).check(at("2022-11-02T14:00:00Z")))
          .isEqualTo(SkipReason.PROGRAM_OUTSIDE_WINDOW);
    }

    @Test
    void theDescriptionNamesTheWindowInLocalTime() {
      ValidityWindow warsaw = window(SEED_START, "P1D", "PT1H", WARSAW);
      assertThat(warsaw.describe(at("2022-11-02T14:00:00Z"))).isEqualTo(
          "2022-11-02T15:00 Europe/Warsaw is outside the 1h window that recurs every P1D from 2022-11-02T14:00");
    }
  }

  @Test
  void everyOtherDayTheOffDayIsOutside() {
    ValidityWindow everyOtherDay = window(SEED_START, "P2D", "PT1H", UTC);
    assertThat(everyOtherDay.check(at("2022-11-02T13:30:00Z"))).isNull();
    assertThat(everyOtherDay.check(at("2022-11-03T13:30:00Z"))).isEqualTo(SkipReason.OUTSIDE_TIMEFRAME);
    assertThat(everyOtherDay.check(at("2022-11-04T13:30:00Z"))).isNull();
  }

  @Test
  void anHourlyQuarterFiftyYearsOnIsComputedWithoutStepping() {
    ValidityWindow quarter = window(SEED_START, "PT1H", "PT15M", UTC);
    assertThat(quarter.check(at("2072-11-02T05:14:59Z"))).isNull();
    assertThat(quarter.check(at("2072-11-02T05:15:00Z"))).isEqualTo(SkipReason.OUTSIDE_TIMEFRAME);
  }

  @Nested
  @DisplayName("a monthly timeframe (P1M / P1D) from January 31st")
  class Monthly {
    final ValidityWindow monthly = window(at("2022-01-31T10:00:00Z"), "P1M", "P1D", UTC);

    @Test
    void februaryClampsTheWindowToThe28th() {
      assertThat(monthly.check(at("2022-02-28T12:00:00Z"))).isNull();
      assertThat(monthly.check(at("2022-03-01T09:59:59Z"))).isNull();
      assertThat(monthly.check(at("2022-03-01T10:00:00Z"))).isEqualTo(SkipReason.OUTSIDE_TIMEFRAME);
    }

    @Test
    void marchIsStepped2MonthsFromTheAnchorNotFromTheClampedFebruary() {
      // Chained stepping would give 28 March; multiplying from the anchor gives 31 March.
      assertThat(monthly.check(at("2022-03-28T12:00:00Z"))).isEqualTo(SkipReason.OUTSIDE_TIMEFRAME);
      assertThat(monthly.check(at("2022-03-31T10:00:00Z"))).isNull();
    }

    @Test
    void aThirtyDayMonthClampsToThe30th() {
      assertThat(monthly.check(at("2022-04-30T10:00:00Z"))).isNull();
      assertThat(monthly.check(at("2022-04-29T12:00:00Z"))).isEqualTo(SkipReason.OUTSIDE_TIMEFRAME);
    }

    @Test
    void twelveHundredMonthsLaterTheWindowOpensOnThe31st() {
      assertThat(monthly.check(at("2122-01-31T10:30:00Z"))).isNull();
      assertThat(monthly.check(at("2122-02-01T10:00:00Z"))).isEqualTo(SkipReason.OUTSIDE_TIMEFRAME);
      assertThat(monthly.check(at("2122-01-30T12:00:00Z"))).isEqualTo(SkipReason.OUTSIDE_TIMEFRAME);
    }
  }

  @Nested
  @DisplayName("daylight saving time in Europe/Warsaw")
  class DaylightSaving {
    @Test
    void aDailyWindowKeepsItsLocalTimeAcrossSpringForward() {
      // Anchored at 14:00 CET (13:00 UTC); from 26 March 2023 14:00 local is 12:00 UTC.
      ValidityWindow daily = window(SEED_START, "P1D", "PT1H", WARSAW);
      assertThat(daily.check(at("2023-03-27T12:30:00Z"))).isNull();
      assertThat(daily.check(at("2023-03-27T13:30:00Z"))).isEqualTo(SkipReason.OUTSIDE_TIMEFRAME);
    }

    @Test
    void anExactTwentyFourHourIntervalKeepsItsUtcTimeAcrossSpringForward() {
      ValidityWindow exact = window(SEED_START, "PT24H", "PT1H", WARSAW);
      assertThat(exact.check(at("2023-03-27T13:30:00Z"))).isNull();
      assertThat(exact.check(at("2023-03-27T12:30:00Z"))).isEqualTo(SkipReason.OUTSIDE_TIMEFRAME);
    }

    @Test
    void aWindowOpeningInTheSkippedHourOpensAtTheSameInstantAfterTheGap() {
      // Anchored 2023-03-25 02:30 CET (01:30 UTC). On the 26th 02:30 does not exist: it resolves to 03:30 CEST,
      // still 01:30 UTC. On the 27th 02:30 CEST is 00:30 UTC.
      ValidityWindow window = window(at("2023-03-25T01:30:00Z"), "P1D", "PT1H", WARSAW);
      assertThat(window.check(at("2023-03-26T01:45:00Z"))).isNull();
      assertThat(window.check(at("2023-03-27T00:45:00Z"))).isNull();
      assertThat(window.check(at("2023-03-27T01:45:00Z"))).isEqualTo(SkipReason.OUTSIDE_TIMEFRAME);
    }

    @Test
    void aWindowOpeningInTheRepeatedHourOpensAtItsFirstOccurrence() {
      // Anchored 2023-10-28 02:30 CEST (00:30 UTC). On the 29th local 02:30 happens twice; the earlier offset
      // (CEST) is kept, so the window is 00:30-01:30 UTC and the second 02:30 (CET, 01:30 UTC) is outside.
      ValidityWindow window = window(at("2023-10-28T00:30:00Z"), "P1D", "PT1H", WARSAW);
      assertThat(window.check(at("2023-10-29T00:45:00Z"))).isNull();
      assertThat(window.check(at("2023-10-29T01:30:00Z"))).isEqualTo(SkipReason.OUTSIDE_TIMEFRAME);
      assertThat(window.check(at("2023-10-30T01:45:00Z"))).isNull(); // 02:45 CET
    }
  }

  @Test
  void aRuleTimeframeAnchorsOnTheInheritedProgramStart() {
    Validity rule = Validity.ALWAYS.withTimeframe(Timeframe.of("P1D", "PT1H"));
    ValidityWindow window = ValidityWindow.forRule(rule, Validity.between(SEED_START, null), UTC);
    assertThat(window.check(at("2022-11-05T13:10:00Z"))).isNull();
    assertThat(window.check(at("2022-11-05T14:10:00Z"))).isEqualTo(SkipReason.OUTSIDE_TIMEFRAME);
  }

  @Test
  void aTimeframeWithoutAnyStartDateIsNeverOpen() {
    ValidityWindow unanchored =
        ValidityWindow.forRule(Validity.ALWAYS.withTimeframe(Timeframe.of("P1D", "PT23H")), Validity.ALWAYS, UTC);
    assertThat(unanchored.check(SEED_START)).isEqualTo(SkipReason.OUTSIDE_TIMEFRAME);
    assertThat(unanchored.describe(SEED_START)).contains("no start date");
  }

  @Test
  void theTimeframeIsCheckedBeforeTheDaysOfWeek() {
    Validity wednesdays = Validity.between(SEED_START, null)
        .withTimeframe(Timeframe.of("P1D", "PT1H"))
        .withDaysOfWeek(Set.of(DayOfWeek.WEDNESDAY));
    ValidityWindow window = ValidityWindow.forRule(wednesdays, null, UTC);
    assertThat(window.check(at("2022-11-02T14:30:00Z"))).isEqualTo(SkipReason.OUTSIDE_TIMEFRAME);
    assertThat(window.check(at("2022-11-03T13:30:00Z"))).isEqualTo(SkipReason.OUTSIDE_DAYS_OF_WEEK);
    assertThat(window.check(at("2022-11-09T13:30:00Z"))).isNull();
  }
}
