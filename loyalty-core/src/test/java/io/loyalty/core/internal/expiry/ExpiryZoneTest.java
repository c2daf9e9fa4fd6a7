package io.loyalty.core.internal.expiry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.loyalty.spi.program.ExpirationRule;
import io.loyalty.spi.program.PendingPoints;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/**
 * Expiry and activation instants in the program's zone: local midnight, daylight saving in Warsaw (2026: clocks
 * forward on 29 Mar at 02:00, back on 25 Oct at 03:00), and zones where midnight itself was skipped.
 */
class ExpiryZoneTest {
  static final ZoneId WARSAW = ZoneId.of("Europe/Warsaw");
  /** Lebanon moved its clocks forward at midnight: 28 Mar 2010 began at 01:00 +03:00. */
  static final ZoneId BEIRUT = ZoneId.of("Asia/Beirut");
  /** Samoa skipped 30 Dec 2011 entirely: 29 Dec 23:59:59 -10:00 was followed by 31 Dec 00:00 +14:00. */
  static final ZoneId APIA = ZoneId.of("Pacific/Apia");

  static Instant at(String iso) {
    return Instant.parse(iso);
  }

  @Test
  void pointsEarnedInWinterAndGoneInSummerLeaveAtLocalMidnightWhichIs22Utc() {
    // 15 Mar (CET) + 1 month = 15 Apr; 16 Apr 00:00 CEST is 15 Apr 22:00Z.
    assertThat(ExpiryCalendar.expiresAt(ExpirationRule.months(1), at("2026-03-15T10:00:00Z"), WARSAW))
        .isEqualTo(at("2026-04-15T22:00:00Z"));
  }

  @Test
  void pointsGoneJustBeforeTheSpringChangeLeaveAtMidnightWinterTimeWhichIs23Utc() {
    // 28 Feb + 1 month = 28 Mar; 29 Mar 00:00 is still CET (the change is at 02:00).
    assertThat(ExpiryCalendar.expiresAt(ExpirationRule.months(1), at("2026-02-28T12:00:00Z"), WARSAW))
        .isEqualTo(at("2026-03-28T23:00:00Z"));
  }

  @Test
  void pointsUsableThroughTheShortSpringDayLeaveAtMidnightSummerTime() {
    // 29 Jan + 2 months = 29 Mar, a 23-hour day; 30 Mar 00:00 CEST is 29 Mar 22:00Z.
    assertThat(ExpiryCalendar.expiresAt(ExpirationRule.months(2), at("2026-01-29T12:00:00Z"), WARSAW))
        .isEqualTo(at("2026-03-29T22:00:00Z"));
  }

  @Test
  void pointsUsableThroughTheLongAutumnDayLeaveAtMidnightWinterTimeWhichIs23Utc() {
    // 25 Sep + 1 month = 25 Oct, a 25-hour day; 26 Oct 00:00 CET is 25 Oct 23:00Z.
    assertThat(ExpiryCalendar.expiresAt(ExpirationRule.months(1), at("2026-09-25T10:00:00Z"), WARSAW))
        .isEqualTo(at("2026-10-25T23:00:00Z"));
  }

  @Test
  void pointsGoneOnTheAutumnChangeDayLeaveAtItsMidnightSummerTimeWhichIs22Utc() {
    // 24 Sep + 1 month = 24 Oct; 25 Oct 00:00 is still CEST (the change is at 03:00).
    assertThat(ExpiryCalendar.expiresAt(ExpirationRule.months(1), at("2026-09-24T10:00:00Z"), WARSAW))
        .isEqualTo(at("2026-10-24T22:00:00Z"));
  }

  @Test
  void anEarnInstantLateOnTheUtcDayCountsFromTheZonesDateWhichIsAlreadyTheNextDay() {
    // 31 Jan 23:30Z is 1 Feb 00:30 in Warsaw: 1 Feb + 1 month = 1 Mar; 2 Mar 00:00 CET is 1 Mar 23:00Z.
    assertThat(ExpiryCalendar.expiresAt(ExpirationRule.months(1), at("2026-01-31T23:30:00Z"), WARSAW))
        .isEqualTo(at("2026-03-01T23:00:00Z"));
    // In UTC the same instant is 31 Jan, clamped to 28 Feb.
    assertThat(ExpiryCalendar.expiresAt(ExpirationRule.months(1), at("2026-01-31T23:30:00Z"), ZoneOffset.UTC))
        .isEqualTo(at("2026-03-01T00:00:00Z"));
  }

  @Test
  void whenTheNextMidnightFallsInADaylightSavingGapThePointsLeaveAtTheFirstValidTimeOfThatDay() {
    // 27 Feb 2010 12:00 Beirut + 1 month = 27 Mar; 28 Mar began at 01:00 +03:00 = 27 Mar 22:00Z.
    Instant gone = ExpiryCalendar.expiresAt(ExpirationRule.months(1), at("2010-02-27T10:00:00Z"), BEIRUT);
    assertThat(gone).isEqualTo(at("2010-03-27T22:00:00Z"));
    assertThat(ExpiryCalendar.lastUsableDay(gone, BEIRUT)).isEqualTo(LocalDate.parse("2010-03-27"));
  }

  @Test
  void whenTheDayAfterTheLastUsableDayWasSkippedThePointsLeaveAtTheStartOfTheFollowingDay() {
    // 29 Nov 2011 in Apia + 1 month = 29 Dec; 30 Dec never happened, 31 Dec 00:00 +14:00 is 30 Dec 10:00Z.
    Instant gone = ExpiryCalendar.expiresAt(ExpirationRule.months(1), at("2011-11-29T22:00:00Z"), APIA);
    assertThat(gone).isEqualTo(at("2011-12-30T10:00:00Z"));
    assertThat(ExpiryCalendar.lastUsableDay(gone, APIA)).isEqualTo(LocalDate.parse("2011-12-29"));
  }

  @Test
  void theReportedExpirationDateIsTheDayBeforeTheLocalMidnightThePointsLeaveAt() {
    assertThat(ExpiryCalendar.lastUsableDay(at("2026-04-15T22:00:00Z"), WARSAW))
        .isEqualTo(LocalDate.parse("2026-04-15"));
    assertThat(ExpiryCalendar.lastUsableDay(at("2026-03-01T23:00:00Z"), WARSAW))
        .isEqualTo(LocalDate.parse("2026-03-01"));
    assertThat(ExpiryCalendar.lastUsableDay(at("2026-01-02T00:00:00Z"), ZoneOffset.UTC))
        .isEqualTo(LocalDate.parse("2026-01-01"));
  }

  @Test
  void pendingPointsEarnedOn11JuneWithTenDaysActivateAtMidnightOn21June() {
    // 11 Jun 11:00 CEST; 21 Jun 00:00 CEST is 20 Jun 22:00Z.
    assertThat(ExpiryCalendar.activatesAt(new PendingPoints(10), at("2026-06-11T09:00:00Z"), WARSAW))
        .isEqualTo(at("2026-06-20T22:00:00Z"));
  }

  @Test
  void pendingPointsEarnedInWinterActivateAtMidnightSummerTimeAfterTheSpringChange() {
    // 25 Mar 13:00 CET + 10 days = 4 Apr; 00:00 CEST is 3 Apr 22:00Z.
    assertThat(ExpiryCalendar.activatesAt(new PendingPoints(10), at("2026-03-25T12:00:00Z"), WARSAW))
        .isEqualTo(at("2026-04-03T22:00:00Z"));
  }

  @Test
  void pendingPointsEarnedInSummerActivateAtMidnightWinterTimeAfterTheAutumnChange() {
    // 20 Oct 14:00 CEST + 10 days = 30 Oct; 00:00 CET is 29 Oct 23:00Z.
    assertThat(ExpiryCalendar.activatesAt(new PendingPoints(10), at("2026-10-20T12:00:00Z"), WARSAW))
        .isEqualTo(at("2026-10-29T23:00:00Z"));
  }

  @Test
  void pendingPointsCountDaysFromTheZonesEarnDateNotTheUtcDate() {
    // 11 Jun 22:30Z is 12 Jun 00:30 CEST; + 1 day = 13 Jun, 00:00 CEST is 12 Jun 22:00Z.
    assertThat(ExpiryCalendar.activatesAt(new PendingPoints(1), at("2026-06-11T22:30:00Z"), WARSAW))
        .isEqualTo(at("2026-06-12T22:00:00Z"));
  }

  @Test
  void pendingPointsDueOnADayWhoseMidnightWasSkippedActivateAtItsFirstValidTime() {
    // 18 Mar 2010 12:00 Beirut + 10 days = 28 Mar, which began at 01:00 +03:00 = 27 Mar 22:00Z.
    assertThat(ExpiryCalendar.activatesAt(new PendingPoints(10), at("2010-03-18T10:00:00Z"), BEIRUT))
        .isEqualTo(at("2010-03-27T22:00:00Z"));
  }

  @Test
  void pendingPointsStartToExpireWhenTheyActivate() {
    // Active from 21 Jun 00:00 CEST; + 1 month = 21 Jul; gone 22 Jul 00:00 CEST = 21 Jul 22:00Z.
    Instant active = ExpiryCalendar.activatesAt(new PendingPoints(10), at("2026-06-11T09:00:00Z"), WARSAW);
    assertThat(ExpiryCalendar.expiresAt(ExpirationRule.months(1), active, WARSAW))
        .isEqualTo(at("2026-07-21T22:00:00Z"));
  }

  @Test
  void aPendingPeriodOutsideOneToNinetyDaysIsRejected() {
    assertThatThrownBy(() -> ExpiryCalendar.activatesAt(new PendingPoints(0), at("2026-06-11T09:00:00Z"), WARSAW))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("pending_points.period_value");
  }
}
