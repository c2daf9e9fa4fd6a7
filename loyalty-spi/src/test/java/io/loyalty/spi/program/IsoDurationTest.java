package io.loyalty.spi.program;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.loyalty.spi.InvalidInputException;
import java.time.Duration;
import java.time.Period;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import org.junit.jupiter.api.Test;

class IsoDurationTest {
  @Test
  void parses_calendar_exact_and_mixed_durations() {
    assertThat(IsoDuration.parse("P24D")).isEqualTo(new IsoDuration(Period.ofDays(24), Duration.ZERO));
    assertThat(IsoDuration.parse("PT1H")).isEqualTo(new IsoDuration(Period.ZERO, Duration.ofHours(1)));
    assertThat(IsoDuration.parse("P1DT12H")).isEqualTo(new IsoDuration(Period.ofDays(1), Duration.ofHours(12)));
    assertThat(IsoDuration.parse("P1M").toString()).isEqualTo("P1M");
    assertThat(IsoDuration.parse("P1DT12H").toString()).isEqualTo("P1DT12H");
  }

  @Test
  void a_leading_minus_negates_both_parts_regression_it_once_dropped_the_sign_of_the_time() {
    assertThat(IsoDuration.parse("-PT1H")).isEqualTo(new IsoDuration(Period.ZERO, Duration.ofHours(-1)));
    assertThat(IsoDuration.parse("-P1DT1H").isNegative()).isTrue();
  }

  @Test
  void rejects_text_that_is_not_a_duration_naming_it() {
    assertThatThrownBy(() -> IsoDuration.parse("1 day")).isInstanceOf(InvalidInputException.class).hasMessageContaining("1 day");
  }

  @Test
  void adds_the_calendar_part_in_the_zone_then_the_exact_part() {
    ZonedDateTime start = ZonedDateTime.of(2024, 1, 31, 10, 0, 0, 0, ZoneId.of("Europe/Warsaw"));
    assertThat(IsoDuration.parse("P1MT1H").addTo(start)).isEqualTo(start.withMonth(2).withDayOfMonth(29).withHour(11));
  }
}
