package io.loyalty.core.internal.codes;

import io.loyalty.spi.Violation;
import io.loyalty.spi.program.CodeConfig;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Checks a card {@link CodeConfig} before any code is generated, reporting each offending field with its
 * snake_case path (for example {@code voucher.code_config.pattern}). Prefix, postfix, pattern and charset must be
 * well-formed UTF-16 with no control, format (bidi controls, zero-width characters), separator or unassigned
 * characters; each charset character must be distinct and stand alone under Unicode NFC (no combining marks or
 * conjoining jamo, nothing NFC rewrites), so codes drawn from it stay distinct once stored as card codes. Never
 * throws; stateless and thread-safe.
 */
public final class CodeConfigValidator {
  /** The most characters (code points) a charset may have. */
  public static final int MAX_CHARSET_LENGTH = 1_024;
  private CodeConfigValidator() {}

  /**
   * The violations of {@code c}, empty when it is valid; {@code null} stands for {@link CodeConfig#DEFAULT}.
   *
   * @param path the path of the code configuration itself, such as {@code voucher.code_config}
   * @param c the configuration to check
   * @param vouchersCount how many cards the pool generates up front
   * @param isStatic whether the pool is STATIC; an AUTO_UPDATE pool must also be able to yield at least one code
   */
  public static List<Violation> validate(String path, @Nullable CodeConfig c, int vouchersCount, boolean isStatic) {
    List<Violation> out = new ArrayList<>();
    CodeConfig config = c == null ? CodeConfig.DEFAULT : c;
    String base = path == null ? "" : path;
    String bodyField = config.pattern() != null ? field(base, "pattern") : field(base, "length");

    boolean shapeOk = checkBody(base, config, out);
    boolean charsetOk = true;
    if (config.charset() != null) {
      String problem = config.charset().isEmpty() ? "must not be empty" : CodeText.charsetProblem(config.charset());
      if (problem != null) {
        out.add(new Violation(field(base, "charset"), problem, config.charset()));
        charsetOk = false;
      }
    }
    checkText(field(base, "prefix"), config.prefix(), out);
    checkText(field(base, "postfix"), config.postfix(), out);
    checkText(field(base, "pattern"), config.pattern(), out);

    long codeLength = (long) length(config.prefix()) + CodeShape.bodyLength(config) + length(config.postfix());
    if (codeLength > CodeShape.MAX_CODE_LENGTH) {
      out.add(new Violation(bodyField, "makes codes " + codeLength + " characters long (prefix and postfix "
          + "included); at most " + CodeShape.MAX_CODE_LENGTH, bodyValue(config)));
    }
    if (shapeOk) {
      checkEnds(base, config, out);
    }
    if (shapeOk && charsetOk) {
      long capacity = CodeGenerator.capacity(config);
      long needed = isStatic ? vouchersCount : Math.max(1, vouchersCount);
      if (capacity < needed) {
        out.add(new Violation(bodyField, "yields at most " + capacity + " distinct codes with a charset of "
            + CodeShape.distinct(config.effectiveCharset()).length + " characters, but the "
            + (isStatic ? "STATIC" : "AUTO_UPDATE") + " pool needs " + needed, bodyValue(config)));
      }
    }
    return out;
  }

  /** A pattern needs a placeholder; without one, the length must be at least 1. */
  private static boolean checkBody(String base, CodeConfig config, List<Violation> out) {
    String pattern = config.pattern();
    if (pattern != null) {
      if (pattern.indexOf(CodeConfig.PLACEHOLDER) < 0) {
        out.add(new Violation(field(base, "pattern"), "must contain at least one # placeholder", pattern));
        return false;
      }
      return true;
    }
    if (config.length() != null && config.length() < 1) {
      out.add(new Violation(field(base, "length"), "must be at least 1", config.length()));
      return false;
    }
    return true;
  }

  private static void checkText(String path, @Nullable String text, List<Violation> out) {
    String problem = text == null ? null : CodeText.textProblem(text);
    if (problem != null) {
      out.add(new Violation(path, problem, text));
    }
  }

  /** Codes must neither start nor end with whitespace, whether it comes from a literal part or the charset. */
  private static void checkEnds(String base, CodeConfig config, List<Violation> out) {
    String prefix = config.prefix() == null ? "" : config.prefix();
    String postfix = config.postfix() == null ? "" : config.postfix();
    // Only the first and last body characters matter, so a length-only body is not built.
    String body = config.pattern() != null ? config.pattern() : String.valueOf(CodeConfig.PLACEHOLDER);
    String shape = prefix + body + postfix;
    int first = shape.codePointAt(0);
    int last = shape.codePointBefore(shape.length());
    boolean placeholderAtAnEnd = false;
    if (first == CodeConfig.PLACEHOLDER && prefix.isEmpty()) {
      placeholderAtAnEnd = true;
    } else if (isBlank(first)) {
      out.add(new Violation(field(base, prefix.isEmpty() ? "pattern" : "prefix"), "must not start with whitespace",
          prefix.isEmpty() ? body : prefix));
    }
    if (last == CodeConfig.PLACEHOLDER && postfix.isEmpty()) {
      placeholderAtAnEnd = true;
    } else if (isBlank(last)) {
      out.add(new Violation(field(base, postfix.isEmpty() ? "pattern" : "postfix"), "must not end with whitespace",
          postfix.isEmpty() ? body : postfix));
    }
    if (placeholderAtAnEnd && config.effectiveCharset().codePoints().anyMatch(CodeConfigValidator::isBlank)) {
      out.add(new Violation(field(base, "charset"),
          "must not contain whitespace while a code starts or ends with a # placeholder", config.effectiveCharset()));
    }
  }

  private static boolean isBlank(int cp) {
    return Character.isWhitespace(cp) || Character.isSpaceChar(cp);
  }

  private static @Nullable Object bodyValue(CodeConfig config) {
    return config.pattern() != null ? config.pattern() : config.length();
  }

  private static int length(@Nullable String s) {
    return s == null ? 0 : s.codePointCount(0, s.length());
  }

  private static String field(String base, String name) {
    return base.isEmpty() ? name : base + "." + name;
  }
}
