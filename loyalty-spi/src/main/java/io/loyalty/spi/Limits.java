package io.loyalty.spi;

import java.math.BigDecimal;
import org.jspecify.annotations.Nullable;

/**
 * Every bound the engine puts on what enters it, in one place, and the checks that enforce them for ids, free
 * text and decimal numbers. The same checks run whatever the store, so two stores can never disagree on which
 * texts are distinct. {@code docs/limits.md} lists these with the bounds of definitions and events.
 */
public final class Limits {
  /** The most UTF-16 code units of an identifier (customer, card code, event, order, source id, ...). */
  public static final int MAX_ID_LENGTH = 200;
  /** The most UTF-16 code units of a name or banner (program, reward, rule, validation rule, event name). */
  public static final int MAX_NAME_LENGTH = 255;
  /** The most UTF-16 code units of a free text given with an operation (a reason, an error message). */
  public static final int MAX_TEXT_LENGTH = 1_000;
  /** The most entries of one metadata map. */
  public static final int MAX_METADATA_ENTRIES = 100;
  /** The most UTF-16 code units of a metadata key. */
  public static final int MAX_METADATA_KEY_LENGTH = 100;
  /** The most UTF-16 code units of a metadata text value. */
  public static final int MAX_METADATA_TEXT_LENGTH = 10_000;
  /** The most segments a customer may be given in one event or request. */
  public static final int MAX_SEGMENTS = 1_000;
  /** The most digits a decimal number may be written with, before trailing zeros are stripped. */
  public static final int MAX_DECIMAL_DIGITS = 64;
  /** The most digits before the decimal point of a decimal number (metadata, exchange ratios). */
  public static final int MAX_DECIMAL_INTEGER_DIGITS = 24;
  /** The most digits after the decimal point of a decimal number. */
  public static final int MAX_DECIMAL_SCALE = 12;
  /** The deepest nesting of a condition tree (all / any / not / numbered / items each), the root at level 1. */
  public static final int MAX_CONDITION_DEPTH = 32;
  /** The most conditions in one condition tree. */
  public static final int MAX_CONDITION_NODES = 1_000;
  /** The most characters of a numbered condition's logic expression such as {@code (1 and 2) or 3}. */
  public static final int MAX_LOGIC_LENGTH = 1_000;
  /** The most characters of a rejected value an error message quotes; the rest is cut and counted. */
  public static final int MAX_QUOTED_LENGTH = 64;

  private Limits() {}

  /**
   * What is wrong with an identifier's text, or {@code null} when it is acceptable: 1 to {@value #MAX_ID_LENGTH}
   * UTF-16 code units of well-formed UTF-16 (no unpaired surrogate), no control, format (bidi controls,
   * zero-width characters, byte order mark), line or paragraph separator or noncharacter, and no white space
   * at either end. Checked on the text as given, which must also be in Unicode NFC after normalization.
   */
  public static @Nullable String idProblem(String value) {
    if (value.isEmpty() || value.length() > MAX_ID_LENGTH) {
      return "must be 1 to " + MAX_ID_LENGTH + " characters";
    }
    if (Character.isWhitespace(value.charAt(0)) || Character.isWhitespace(value.charAt(value.length() - 1))
        || Character.isSpaceChar(value.charAt(0)) || Character.isSpaceChar(value.charAt(value.length() - 1))) {
      return "must not start or end with white space";
    }
    return scan(value, false);
  }

  /**
   * What is wrong with a free text, or {@code null} when it is acceptable: at most {@code max} UTF-16 code
   * units of well-formed UTF-16, with no control character other than tab, line feed and carriage return, no
   * bidi embedding, override or isolate, and no noncharacter.
   */
  public static @Nullable String textProblem(String value, int max) {
    if (value.length() > max) {
      return "must be at most " + max + " characters";
    }
    return scan(value, true);
  }

  /**
   * What is wrong with a decimal number, or {@code null} when it is acceptable: written with at most
   * {@value #MAX_DECIMAL_DIGITS} digits, and once trailing zeros are stripped at most
   * {@value #MAX_DECIMAL_INTEGER_DIGITS} digits before the point and {@value #MAX_DECIMAL_SCALE} after it. Cheap
   * for any input: a huge number is refused by its bit length before its digits are counted.
   */
  public static @Nullable String decimalProblem(BigDecimal value) {
    if (value.signum() == 0) {
      return null;
    }
    // 64 decimal digits need at most 213 bits: the bit length is known at once, the digit count of a huge
    // number is not
    String problem = "must have at most " + MAX_DECIMAL_INTEGER_DIGITS + " digits before the decimal point and "
        + MAX_DECIMAL_SCALE + " after it, written with at most " + MAX_DECIMAL_DIGITS + " digits";
    if (value.unscaledValue().bitLength() > 213 || value.precision() > MAX_DECIMAL_DIGITS) {
      return problem;
    }
    // at most 64 digits: stripping is cheap now, and the checks read precision and scale only
    BigDecimal stripped = value.stripTrailingZeros();
    long scale = stripped.scale();
    return stripped.precision() - scale > MAX_DECIMAL_INTEGER_DIGITS || scale > MAX_DECIMAL_SCALE ? problem : null;
  }

  /**
   * Checks a free text and throws when it breaks {@link #textProblem}.
   *
   * @throws InvalidInputException naming {@code path} and the limit
   */
  public static String checkText(String path, String value, int max) {
    String problem = textProblem(value, max);
    if (problem != null) {
      throw InvalidInputException.of(path, problem, value);
    }
    return value;
  }

  private static @Nullable String scan(String value, boolean text) {
    for (int i = 0; i < value.length(); ) {
      int cp = value.codePointAt(i);
      String problem = codePointProblem(cp, text);
      if (problem != null) {
        return problem + " (at index " + i + ")";
      }
      i += Character.charCount(cp);
    }
    return null;
  }

  private static @Nullable String codePointProblem(int cp, boolean text) {
    if (Character.isSurrogate((char) cp) && cp <= Character.MAX_VALUE) {
      return "must be well-formed UTF-16 (an unpaired surrogate)";
    }
    if ((cp & 0xFFFE) == 0xFFFE || (cp >= 0xFDD0 && cp <= 0xFDEF)) {
      return "must not contain noncharacters";
    }
    int type = Character.getType(cp);
    if (type == Character.CONTROL) {
      return text && (cp == '\t' || cp == '\n' || cp == '\r') ? null : "must not contain control characters";
    }
    if (text) {
      return (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069)
          ? "must not contain bidi embeddings, overrides or isolates" : null;
    }
    if (type == Character.FORMAT) {
      return "must not contain format characters (bidi controls, zero-width characters)";
    }
    if (type == Character.LINE_SEPARATOR || type == Character.PARAGRAPH_SEPARATOR) {
      return "must not contain line or paragraph separators";
    }
    return null;
  }
}
