package io.loyalty.spi.program;

import org.jspecify.annotations.Nullable;

/**
 * How card codes are generated (Voucherify's {@code code_config}): {@code prefix + body + postfix}, where
 * the body is the {@code pattern} with each {@code #} replaced by a random charset character, or
 * {@code length} random characters when there is no pattern (a pattern overrides the length).
 *
 * @param length the number of random characters: with a pattern, always its {@code #} count (a pattern overrides
 *     any length given, as Voucherify's {@code code_config.length} reports 7 for {@code L-CARD-#######}); without
 *     one, the length given, {@code null} for the default of 8
 * @param charset the characters to draw from; {@code null} for {@link #ALPHANUMERIC}
 * @param prefix text before the body, {@code null} for none
 * @param postfix text after the body, {@code null} for none
 * @param pattern the body with {@code #} placeholders, {@code null} for {@code length} placeholders
 */
public record CodeConfig(
    @Nullable Integer length,
    @Nullable String charset,
    @Nullable String prefix,
    @Nullable String postfix,
    @Nullable String pattern) {

  /** Voucherify's default charset: digits, then lower and upper case letters. */
  public static final String ALPHANUMERIC = "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";
  /** Lower and upper case letters. */
  public static final String ALPHABETIC = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";
  /** Digits. */
  public static final String NUMBERS = "0123456789";
  /** Upper case letters. */
  public static final String UPPERCASE = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
  /** Lower case letters. */
  public static final String LOWERCASE = "abcdefghijklmnopqrstuvwxyz";
  /** The placeholder replaced by a random character. */
  public static final char PLACEHOLDER = '#';
  /** The length used when neither a length nor a pattern is given. */
  public static final int DEFAULT_LENGTH = 8;

  /** Voucherify's defaults: 8 alphanumeric characters. */
  public static final CodeConfig DEFAULT = new CodeConfig(null, null, null, null, null);

  /** Sets the length of a pattern to its placeholder count. */
  public CodeConfig {
    if (pattern != null) {
      length = placeholders(pattern);
    }
  }

  /** Codes following a pattern, such as {@code ACME-CARD-#######}, with the default charset. */
  public static CodeConfig pattern(String pattern) {
    return new CodeConfig(null, null, null, null, pattern);
  }

  /** The number of random characters in a code: the pattern's {@code #} count, else the length, else 8. */
  public int effectiveLength() {
    return length == null ? DEFAULT_LENGTH : Math.max(0, length);
  }

  /** The charset in force. */
  public String effectiveCharset() {
    return charset == null ? ALPHANUMERIC : charset;
  }

  /** The body in force: the pattern, or {@code length} placeholders. */
  public String effectivePattern() {
    if (pattern != null) {
      return pattern;
    }
    return String.valueOf(PLACEHOLDER).repeat(effectiveLength());
  }

  private static int placeholders(String pattern) {
    int count = 0;
    for (int i = 0; i < pattern.length(); i++) {
      if (pattern.charAt(i) == PLACEHOLDER) {
        count++;
      }
    }
    return count;
  }
}
