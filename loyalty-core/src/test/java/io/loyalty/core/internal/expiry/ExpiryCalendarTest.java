package io.loyalty.core.internal.expiry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.loyalty.spi.program.ExpirationRule;
import io.loyalty.spi.program.ExpirationRule.AfterMonths;
import io.loyalty.spi.program.ExpirationRule.FixedDayOfYear;
import io.loyalty.spi.program.ExpirationRule.RoundUp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** The expiration dates of Voucherify's §3.2 table, worked by hand, on plain calendar days. */
class ExpiryCalendarTest {

  static LocalDate day(String iso) {
    return LocalDate.parse(iso);
  }

  static LocalDate lastUsable(ExpirationRule rule, String usableFrom) {
    return ExpiryCalendar.lastUsableDay(rule, day(usableFrom));
  }

  static AfterMonths months(int n, RoundUp roundUp) {
    return ExpirationRule.months(n).roundedUpTo(roundUp);
  }

  @Test
  void pointsEarnedOn25JanuaryForOneMonthAreUsableThrough25FebruaryAndGoneAtMidnightOn26February() {
    assertThat(lastUsable(ExpirationRule.months(1), "2026-01-25")).isEqualTo(day("2026-02-25"));
    assertThat(ExpiryCalendar.expiresAt(ExpirationRule.months(1), Instant.parse("2026-01-25T14:00:00Z"),
        ZoneOffset.UTC)).isEqualTo(Instant.parse("2026-02-26T00:00:00Z"));
  }

  @Test
  void zeroMonthsExpireAtTheEndOfTheEarnDaySoPointsEarnedOn1JanuaryAreGoneAtMidnightOn2January() {
    assertThat(lastUsable(ExpirationRule.months(0), "2026-01-01")).isEqualTo(day("2026-01-01"));
    assertThat(ExpiryCalendar.expiresAt(ExpirationRule.months(0), Instant.parse("2026-01-01T23:59:59Z"),
        ZoneOffset.UTC)).isEqualTo(Instant.parse("2026-01-02T00:00:00Z"));
  }

  @Test
  void thirtyFirstJanuaryPlusOneMonthIsClampedTo28FebruaryInACommonYear() {
    assertThat(lastUsable(ExpirationRule.months(1), "2026-01-31")).isEqualTo(day("2026-02-28"));
  }

  @Test
  void thirtyFirstJanuaryPlusOneMonthIsClampedTo29FebruaryInALeapYear() {
    assertThat(lastUsable(ExpirationRule.months(1), "2024-01-31")).isEqualTo(day("2024-02-29"));
  }

  @Test
  void thirtiethAprilPlusOneMonthIs30MayNotTheEndOfMay() {
    assertThat(lastUsable(ExpirationRule.months(1), "2026-04-30")).isEqualTo(day("2026-05-30"));
  }

  @Test
  void thirtyFirstMarchPlusOneMonthIsClampedTo30April() {
    assertThat(lastUsable(ExpirationRule.months(1), "2026-03-31")).isEqualTo(day("2026-04-30"));
  }

  @Test
  void oneMonthRoundedToTheEndOfMonthFromAJanuaryEarnDayEndsOn28February() {
    AfterMonths rule = months(1, RoundUp.END_OF_MONTH);
    assertThat(lastUsable(rule, "2026-01-10")).isEqualTo(day("2026-02-28"));
    assertThat(lastUsable(rule, "2026-01-31")).isEqualTo(day("2026-02-28"));
  }

  @Test
  void threeMonthsRoundedToTheQuarterFrom15NovemberAre15FebruaryPushedTo31March() {
    // Seed S1: 15 Nov 2026 + 3 months = 15 Feb 2027, in the quarter ending 31 Mar 2027.
    assertThat(lastUsable(months(3, RoundUp.END_OF_QUARTER), "2026-11-15")).isEqualTo(day("2027-03-31"));
  }

  @Test
  void aComputedDayAlreadyOnAQuarterEndStaysThere() {
    // 30 Mar + 3 months = 30 Jun, which is the end of the second quarter.
    assertThat(lastUsable(months(3, RoundUp.END_OF_QUARTER), "2026-03-30")).isEqualTo(day("2026-06-30"));
  }

  @Test
  void zeroMonthsRoundedToTheQuarterFrom1JulyEndOn30September() {
    assertThat(lastUsable(months(0, RoundUp.END_OF_QUARTER), "2026-07-01")).isEqualTo(day("2026-09-30"));
  }

  @Test
  void aComputedDayInTheFirstHalfIsPushedTo30June() {
    // 15 Mar + 2 months = 15 May.
    assertThat(lastUsable(months(2, RoundUp.END_OF_HALF_YEAR), "2026-03-15")).isEqualTo(day("2026-06-30"));
  }

  @Test
  void aComputedDayInTheSecondHalfIsPushedTo31December() {
    // 15 Mar + 4 months = 15 Jul.
    assertThat(lastUsable(months(4, RoundUp.END_OF_HALF_YEAR), "2026-03-15")).isEqualTo(day("2026-12-31"));
  }

  @Test
  void roundingToTheYearUsesTheYearOfTheComputedDayNotOfTheEarnDay() {
    // 15 Nov 2026 + 2 months = 15 Jan 2027.
    assertThat(lastUsable(months(2, RoundUp.END_OF_YEAR), "2026-11-15")).isEqualTo(day("2027-12-31"));
  }

  @Test
  void aParticularMonthAfterTheComputedMonthEndsInTheSameYear() {
    // 15 Apr + 1 month = 15 May 2026; August's end follows.
    AfterMonths rule = ExpirationRule.months(1).roundedUpToMonth(8);
    assertThat(lastUsable(rule, "2026-04-15")).isEqualTo(day("2026-08-31"));
  }

  @Test
  void aParticularMonthBeforeTheComputedMonthEndsInTheNextYear() {
    // 15 May 2026 is past March, so the next end of March is in 2027.
    AfterMonths rule = ExpirationRule.months(1).roundedUpToMonth(3);
    assertThat(lastUsable(rule, "2026-04-15")).isEqualTo(day("2027-03-31"));
  }

  @Test
  void aParticularMonthEqualToTheComputedMonthEndsThatSameMonth() {
    AfterMonths rule = ExpirationRule.months(1).roundedUpToMonth(5);
    assertThat(lastUsable(rule, "2026-04-15")).isEqualTo(day("2026-05-31"));
  }

  @Test
  void aParticularFebruaryInTheFollowingLeapYearEndsOn29February() {
    // 15 Apr 2027 + 1 month = 15 May 2027; the next February is in 2028, a leap year.
    AfterMonths rule = ExpirationRule.months(1).roundedUpToMonth(2);
    assertThat(lastUsable(rule, "2027-04-15")).isEqualTo(day("2028-02-29"));
  }

  @Test
  void aRoundingValueWithAnotherRoundingThanParticularMonthIsRejectedRatherThanGuessed() {
    assertThatThrownBy(() -> lastUsable(new AfterMonths(1, RoundUp.END_OF_MONTH, 7), "2026-04-15"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("expiration_rules.rounding_value");
  }

  @Test
  void aFixedDayLaterInTheYearIsThisYearsOccurrence() {
    assertThat(lastUsable(new FixedDayOfYear(6, 30), "2026-03-01")).isEqualTo(day("2026-06-30"));
  }

  @Test
  void aFixedDayOnTheEarnDayItselfCountsSoThePointsLastOnlyThatDay() {
    assertThat(lastUsable(new FixedDayOfYear(6, 30), "2026-06-30")).isEqualTo(day("2026-06-30"));
  }

  @Test
  void aFixedDayAlreadyPassedIsNextYearsOccurrence() {
    assertThat(lastUsable(new FixedDayOfYear(6, 30), "2026-07-01")).isEqualTo(day("2027-06-30"));
  }

  @Test
  void aFixed29FebruaryIs29FebruaryInALeapYear() {
    assertThat(lastUsable(new FixedDayOfYear(2, 29), "2024-01-01")).isEqualTo(day("2024-02-29"));
  }

  @Test
  void aFixed29FebruaryIs28FebruaryInACommonYear() {
    assertThat(lastUsable(new FixedDayOfYear(2, 29), "2026-01-01")).isEqualTo(day("2026-02-28"));
  }

  @Test
  void aFixed29FebruaryEarnedOn28FebruaryOfACommonYearExpiresThatDay() {
    assertThat(lastUsable(new FixedDayOfYear(2, 29), "2026-02-28")).isEqualTo(day("2026-02-28"));
  }

  @Test
  void aFixed29FebruaryEarnedAfterFebruaryOfACommonYearBeforeALeapYearExpiresOn29FebruaryNextYear() {
    assertThat(lastUsable(new FixedDayOfYear(2, 29), "2027-03-01")).isEqualTo(day("2028-02-29"));
  }

  @Test
  void theEarningRulesExpirationWinsOverTheProgramsRule() {
    ExpirationRule rule = ExpirationRule.months(1);
    ExpirationRule program = new FixedDayOfYear(12, 31);
    assertThat(ExpiryCalendar.effective(rule, program)).isSameAs(rule);
  }

  @Test
  void withoutARuleOfItsOwnAnEarningRuleUsesTheProgramsExpiration() {
    ExpirationRule program = new FixedDayOfYear(12, 31);
    assertThat(ExpiryCalendar.effective(null, program)).isSameAs(program);
  }

  @Test
  void withNeitherRuleThePointsNeverExpire() {
    assertThat(ExpiryCalendar.effective(null, null)).isNull();
  }

  @Test
  void anInvalidRuleIsRejectedWithTheOffendingField() {
    assertThatThrownBy(() -> lastUsable(new FixedDayOfYear(4, 31), "2026-01-01"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("expiration_rules.fixed_day")
        .hasMessageContaining("31");
  }

  @Test
  void particularMonthRoundingWithoutAMonthIsRejected() {
    assertThatThrownBy(() -> lastUsable(new AfterMonths(1, RoundUp.PARTICULAR_MONTH, null), "2026-01-01"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("expiration_rules.rounding_value");
  }
}
