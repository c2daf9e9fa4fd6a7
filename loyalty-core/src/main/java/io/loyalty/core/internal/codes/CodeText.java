package io.loyalty.core.internal.codes;

import java.text.Normalizer;
import java.util.HashSet;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The characters a code configuration may use. Codes become card codes, which are identifiers: shown to members,
 * printed, typed back, compared by stores. So every part must be well-formed UTF-16 with no control, format (bidi
 * overrides and isolates, zero-width characters, the byte order mark), separator or unassigned characters; and each
 * charset character must be distinct and stand alone under Unicode NFC, since card codes are stored in NFC and two
 * drawn codes that normalize alike would be one card. Stateless.
 */
final class CodeText {
  private CodeText() {}

  /** The first problem of a prefix, postfix or pattern, or {@code null} when it is acceptable. */
  static @Nullable String textProblem(String text) {
    for (int i = 0; i < text.length(); ) {
      char c = text.charAt(i);
      if (Character.isSurrogate(c) && !(Character.isHighSurrogate(c) && i + 1 < text.length()
          && Character.isLowSurrogate(text.charAt(i + 1)))) {
        return "must be well-formed UTF-16 (a lone surrogate at index " + i + ")";
      }
      int cp = text.codePointAt(i);
      if (cp == ':') {
        // ledger keys name a card between colons (LedgerKey.text): a code without one can never be misread
        return "must not contain ':' (at index " + i + ")";
      }
      if (unsafe(cp)) {
        return "must not contain control, format (bidi or zero-width), separator or unassigned characters ("
            + hex(cp) + " at index " + i + ")";
      }
      i += Character.charCount(cp);
    }
    return null;
  }

  /**
   * The first problem of a non-empty charset, or {@code null}: what {@link #textProblem} says, then at most
   * {@link CodeConfigValidator#MAX_CHARSET_LENGTH} characters, each standing alone under NFC and none repeated.
   */
  static @Nullable String charsetProblem(String charset) {
    String problem = textProblem(charset);
    if (problem != null) {
      return problem;
    }
    int count = charset.codePointCount(0, charset.length());
    if (count > CodeConfigValidator.MAX_CHARSET_LENGTH) {
      return "must have at most " + CodeConfigValidator.MAX_CHARSET_LENGTH + " characters (has " + count + ")";
    }
    Set<Integer> seen = new HashSet<>();
    for (int i = 0; i < charset.length(); ) {
      int cp = charset.codePointAt(i);
      if (!standsAlone(cp)) {
        return "must hold characters that stand alone in Unicode NFC: no combining marks, no conjoining jamo, nothing "
            + "NFC rewrites (" + hex(cp) + " at index " + i + ")";
      }
      if (!seen.add(cp)) {
        return "must not repeat a character (" + hex(cp) + " at index " + i + ")";
      }
      i += Character.charCount(cp);
    }
    return null;
  }

  private static boolean unsafe(int cp) {
    return switch (Character.getType(cp)) {
      case Character.CONTROL, Character.FORMAT, Character.SURROGATE, Character.UNASSIGNED, Character.LINE_SEPARATOR,
          Character.PARAGRAPH_SEPARATOR -> true;
      default -> false;
    };
  }

  /** Whether NFC leaves {@code cp} as it is and never merges it into the character before it. */
  private static boolean standsAlone(int cp) {
    int type = Character.getType(cp);
    if (type == Character.NON_SPACING_MARK || type == Character.COMBINING_SPACING_MARK
        || type == Character.ENCLOSING_MARK) {
      return false;
    }
    if ((cp >= 0x1100 && cp <= 0x11FF) || (cp >= 0xA960 && cp <= 0xA97F) || (cp >= 0xD7B0 && cp <= 0xD7FF)) {
      return false; // conjoining Hangul jamo compose with their neighbours into syllables
    }
    String alone = new String(Character.toChars(cp));
    return Normalizer.isNormalized(alone, Normalizer.Form.NFC);
  }

  private static String hex(int cp) {
    return String.format("U+%04X", cp);
  }
}
