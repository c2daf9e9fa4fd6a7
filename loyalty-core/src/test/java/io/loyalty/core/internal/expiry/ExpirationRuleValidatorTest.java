package io.loyalty.core.internal.expiry;

import static org.assertj.core.api.Assertions.assertThat;

import io.loyalty.spi.Violation;
import io.loyalty.spi.program.ExpirationRule;
import io.loyalty.spi.program.ExpirationRule.AfterMonths;
import io.loyalty.spi.program.ExpirationRule.FixedDayOfYear;
import io.loyalty.spi.program.ExpirationRule.RoundUp;
import io.loyalty.spi.program.PendingPoints;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The exact paths of expiration-rule and pending-points violations. */
class ExpirationRuleValidatorTest {
  static final String AT = "earning_rules[2].expiration_rules";
  static final String PENDING = "earning_rules[2].pending_points";

  static List<String> paths(ExpirationRule rule) {
    return ExpirationRuleValidator.validate(AT, rule).stream().map(Violation::path).toList();
  }

  @Test
  void wellFormedRulesHaveNoViolations() {
    assertThat(paths(ExpirationRule.months(0))).isEmpty();
    assertThat(paths(ExpirationRule.months(1200).roundedUpTo(RoundUp.END_OF_QUARTER))).isEmpty();
    assertThat(paths(ExpirationRule.months(3).roundedUpToMonth(12))).isEmpty();
    assertThat(paths(new FixedDayOfYear(2, 29))).isEmpty();
    assertThat(paths(new FixedDayOfYear(12, 31))).isEmpty();
  }

  @Test
  void aMissingRuleMeansNeverExpireAndHasNoViolations() {
    assertThat(ExpirationRuleValidator.validate(AT, null)).isEmpty();
  }

  @Test
  void negativeMonthsAreReportedOnPeriodValueWithTheValue() {
    assertThat(ExpirationRuleValidator.validate(AT, ExpirationRule.months(-1))).singleElement().satisfies(v -> {
      assertThat(v.path()).isEqualTo(AT + ".period_value");
      assertThat(v.value()).isEqualTo(-1);
    });
  }

  @Test
  void moreThan1200MonthsAreReportedOnPeriodValue() {
    assertThat(paths(ExpirationRule.months(1201))).containsExactly(AT + ".period_value");
  }

  @Test
  void aMissingRoundingTypeIsReportedOnRoundingType() {
    assertThat(paths(new AfterMonths(1, null, null))).containsExactly(AT + ".rounding_type");
  }

  @Test
  void particularMonthRoundingWithoutAMonthIsReportedOnRoundingValue() {
    assertThat(paths(new AfterMonths(1, RoundUp.PARTICULAR_MONTH, null))).containsExactly(AT + ".rounding_value");
  }

  @Test
  void particularMonthRoundingOutsideOneToTwelveIsReportedOnRoundingValue() {
    assertThat(paths(ExpirationRule.months(1).roundedUpToMonth(0))).containsExactly(AT + ".rounding_value");
    assertThat(paths(ExpirationRule.months(1).roundedUpToMonth(13))).containsExactly(AT + ".rounding_value");
  }

  @Test
  void aRoundingValueWithAnotherRoundingTypeIsReportedOnRoundingValue() {
    assertThat(paths(new AfterMonths(1, RoundUp.END_OF_YEAR, 6))).containsExactly(AT + ".rounding_value");
    assertThat(paths(new AfterMonths(1, RoundUp.NONE, 6))).containsExactly(AT + ".rounding_value");
  }

  @Test
  void everyOffendingFieldOfAMonthRuleIsReported() {
    assertThat(paths(new AfterMonths(-3, RoundUp.PARTICULAR_MONTH, 14)))
        .containsExactly(AT + ".period_value", AT + ".rounding_value");
  }

  @Test
  void aFixedMonthOutsideOneToTwelveIsReportedOnFixedMonth() {
    assertThat(paths(new FixedDayOfYear(0, 1))).containsExactly(AT + ".fixed_month");
    assertThat(paths(new FixedDayOfYear(13, 1))).containsExactly(AT + ".fixed_month");
  }

  @Test
  void aDayThatAprilNeverHasIsReportedOnFixedDay() {
    assertThat(ExpirationRuleValidator.validate(AT, new FixedDayOfYear(4, 31))).singleElement().satisfies(v -> {
      assertThat(v.path()).isEqualTo(AT + ".fixed_day");
      assertThat(v.value()).isEqualTo(31);
    });
  }

  @Test
  void thirtiethFebruaryIsReportedOnFixedDay() {
    assertThat(paths(new FixedDayOfYear(2, 30))).containsExactly(AT + ".fixed_day");
  }

  @Test
  void aFixedDayOutsideOneToThirtyOneIsReportedEvenWhenTheMonthIsWrongToo() {
    assertThat(paths(new FixedDayOfYear(13, 0))).containsExactly(AT + ".fixed_month", AT + ".fixed_day");
  }

  @Test
  void anEmptyPathGivesBareFieldNames() {
    assertThat(ExpirationRuleValidator.validate("", ExpirationRule.months(-1)))
        .extracting(Violation::path).containsExactly("period_value");
  }

  @Test
  void pendingPointsOfOneToNinetyDaysHaveNoViolations() {
    assertThat(PendingPointsValidator.validate(PENDING, new PendingPoints(1))).isEmpty();
    assertThat(PendingPointsValidator.validate(PENDING, new PendingPoints(90))).isEmpty();
    assertThat(PendingPointsValidator.validate(PENDING, null)).isEmpty();
  }

  @Test
  void pendingPointsOutsideOneToNinetyDaysAreReportedOnPeriodValue() {
    assertThat(PendingPointsValidator.validate(PENDING, new PendingPoints(0))).singleElement().satisfies(v -> {
      assertThat(v.path()).isEqualTo(PENDING + ".period_value");
      assertThat(v.value()).isEqualTo(0);
    });
    assertThat(PendingPointsValidator.validate(PENDING, new PendingPoints(91)))
        .extracting(Violation::path).containsExactly(PENDING + ".period_value");
  }
}
