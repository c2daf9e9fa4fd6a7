package io.loyalty.spi.program;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** A code configuration reports the effective length of its codes' random part, as Voucherify's response does. */
class CodeConfigTest {
  @Test
  void a_pattern_reports_its_placeholder_count_as_the_length() {
    assertThat(CodeConfig.pattern("ACME-#######").length()).isEqualTo(7);
    assertThat(CodeConfig.pattern("L-CARD-#######").effectiveLength()).isEqualTo(7);
  }

  @Test
  void a_pattern_overrides_a_length_given_with_it() {
    CodeConfig config = new CodeConfig(12, null, null, null, "CAFE-####-####");
    assertThat(config.length()).isEqualTo(8);
    assertThat(config).isEqualTo(CodeConfig.pattern("CAFE-####-####"));
  }

  @Test
  void without_a_pattern_the_length_is_the_one_given_or_the_default_of_8() {
    assertThat(new CodeConfig(10, null, null, null, null).effectiveLength()).isEqualTo(10);
    assertThat(CodeConfig.DEFAULT.length()).isNull();
    assertThat(CodeConfig.DEFAULT.effectiveLength()).isEqualTo(8);
  }

  @Test
  void a_pattern_without_placeholders_reports_zero_and_is_left_to_validation() {
    assertThat(CodeConfig.pattern("ACME").length()).isZero();
  }
}
