package io.loyalty.core.internal.codes;

import static org.assertj.core.api.Assertions.assertThat;

import io.loyalty.spi.Violation;
import io.loyalty.spi.program.CodeConfig;
import java.util.List;
import org.junit.jupiter.api.Test;

class CodeConfigValidatorTest {
  static final String PATH = "voucher.code_config";

  static List<String> paths(CodeConfig config, int vouchersCount, boolean isStatic) {
    return CodeConfigValidator.validate(PATH, config, vouchersCount, isStatic).stream().map(Violation::path).toList();
  }

  static List<String> paths(CodeConfig config) {
    return paths(config, 1, true);
  }

  @Test
  void theDefaultConfigurationIsValid() {
    assertThat(paths(CodeConfig.DEFAULT)).isEmpty();
  }

  @Test
  void aMissingConfigurationMeansTheDefault() {
    assertThat(CodeConfigValidator.validate(PATH, null, 1_000, true)).isEmpty();
  }

  @Test
  void theSeedPatternIsValid() {
    assertThat(paths(CodeConfig.pattern("ACME-CARD-#######"), 1_000, true)).isEmpty();
  }

  @Test
  void aZeroLengthIsReportedOnTheLength() {
    assertThat(paths(new CodeConfig(0, null, null, null, null))).containsExactly("voucher.code_config.length");
  }

  @Test
  void aPatternWithoutPlaceholderIsReportedOnThePattern() {
    List<Violation> violations = CodeConfigValidator.validate(PATH, CodeConfig.pattern("ACME-CARD"), 1, true);
    assertThat(violations).singleElement().satisfies(v -> {
      assertThat(v.path()).isEqualTo("voucher.code_config.pattern");
      assertThat(v.value()).isEqualTo("ACME-CARD");
    });
  }

  @Test
  void anEmptyCharsetIsReportedOnTheCharset() {
    assertThat(paths(new CodeConfig(null, "", null, null, null))).containsExactly("voucher.code_config.charset");
  }

  @Test
  void codesLongerThanTwoHundredCharactersAreReportedOnThePattern() {
    // 150 prefix + 60 pattern = 210 characters.
    CodeConfig config = new CodeConfig(null, null, "P".repeat(150), null, "#".repeat(60));
    List<Violation> violations = CodeConfigValidator.validate(PATH, config, 1, true);
    assertThat(violations).singleElement().satisfies(v -> {
      assertThat(v.path()).isEqualTo("voucher.code_config.pattern");
      assertThat(v.message()).startsWith("makes codes 210 characters long");
    });
  }

  @Test
  void anAbsurdLengthIsReportedOnTheLength() {
    assertThat(paths(new CodeConfig(Integer.MAX_VALUE, null, null, null, null)))
        .containsExactly("voucher.code_config.length");
  }

  @Test
  void exactlyTwoHundredCharactersAreAllowed() {
    assertThat(paths(new CodeConfig(null, null, "P".repeat(190), "S", "#".repeat(9)))).isEmpty();
  }

  @Test
  void aControlCharacterInThePrefixIsReportedOnThePrefix() {
    assertThat(paths(new CodeConfig(null, null, "A\u0007B-", null, null))).containsExactly("voucher.code_config.prefix");
  }

  @Test
  void aPrefixStartingWithWhitespaceIsReportedOnThePrefix() {
    assertThat(paths(new CodeConfig(null, null, " ACME-", null, null))).containsExactly("voucher.code_config.prefix");
  }

  @Test
  void aPostfixEndingWithWhitespaceIsReportedOnThePostfix() {
    assertThat(paths(new CodeConfig(null, null, null, "-X ", null))).containsExactly("voucher.code_config.postfix");
  }

  @Test
  void aPatternStartingWithWhitespaceIsReportedOnThePattern() {
    assertThat(paths(CodeConfig.pattern(" ####"))).containsExactly("voucher.code_config.pattern");
  }

  @Test
  void whitespaceInsideTheCodeIsAllowed() {
    assertThat(paths(new CodeConfig(null, null, "ACME CARD ", null, "## ##"))).isEmpty();
  }

  @Test
  void aCharsetWithASpaceIsReportedWhenACodeCouldStartWithIt() {
    assertThat(paths(new CodeConfig(null, "ab c", null, null, "###"))).containsExactly("voucher.code_config.charset");
  }

  @Test
  void aCharsetWithASpaceIsAllowedBetweenLiteralEnds() {
    assertThat(paths(new CodeConfig(null, "ab c", "X", "Y", "###"))).isEmpty();
  }

  @Test
  void aStaticPoolLargerThanThePatternCapacityIsReportedOnThePattern() {
    List<Violation> violations =
        CodeConfigValidator.validate(PATH, new CodeConfig(null, CodeConfig.NUMBERS, null, null, "##"), 101, true);
    assertThat(violations).singleElement().satisfies(v -> {
      assertThat(v.path()).isEqualTo("voucher.code_config.pattern");
      assertThat(v.message()).isEqualTo(
          "yields at most 100 distinct codes with a charset of 10 characters, but the STATIC pool needs 101");
    });
  }

  @Test
  void aStaticPoolFillingTheWholeCapacityIsAllowed() {
    assertThat(paths(new CodeConfig(null, CodeConfig.NUMBERS, null, null, "##"), 100, true)).isEmpty();
  }

  @Test
  void aLengthOnlyConfigurationTooSmallForThePoolIsReportedOnTheLength() {
    assertThat(paths(new CodeConfig(2, CodeConfig.NUMBERS, null, null, null), 101, true))
        .containsExactly("voucher.code_config.length");
  }

  @Test
  void aDuplicatedCharsetCharacterIsReportedOnTheCharset() {
    // "aab" repeats a: refused, so a charset says exactly which characters codes are drawn from
    assertThat(paths(new CodeConfig(null, "aab", null, null, "##"), 4, true)).containsExactly("voucher.code_config.charset");
  }

  @Test
  void anEmptyGrowingPoolNeedsRoomForOneCode() {
    assertThat(paths(CodeConfig.pattern("#"), 0, false)).isEmpty();
  }

  @Test
  void severalViolationsAreReportedTogether() {
    CodeConfig config = new CodeConfig(null, "", " P", null, "CARD");
    assertThat(paths(config)).containsExactly(
        "voucher.code_config.pattern", "voucher.code_config.charset");
  }
}
