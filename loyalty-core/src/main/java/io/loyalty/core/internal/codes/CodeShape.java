package io.loyalty.core.internal.codes;

import io.loyalty.spi.program.CodeConfig;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.function.IntUnaryOperator;
import org.jspecify.annotations.Nullable;

/**
 * A {@link CodeConfig} resolved to what generation needs: prefix, body code points (with
 * {@link CodeConfig#PLACEHOLDER}s), postfix, and the charset without duplicates. Immutable and thread-safe.
 */
final class CodeShape {
  /** The longest code, prefix and postfix included, in characters (code points). */
  static final int MAX_CODE_LENGTH = 200;

  private final String prefix;
  private final int[] body;
  private final String postfix;
  private final int[] charset;
  private final int placeholders;

  private CodeShape(String prefix, int[] body, String postfix, int[] charset) {
    this.prefix = prefix;
    this.body = body;
    this.postfix = postfix;
    this.charset = charset;
    this.placeholders = (int) Arrays.stream(body).filter(c -> c == CodeConfig.PLACEHOLDER).count();
  }

  /**
   * Resolves a configuration; throws {@link IllegalArgumentException} when a length-only body would exceed
   * {@link #MAX_CODE_LENGTH}, so an absurd length is never materialised.
   */
  static CodeShape of(CodeConfig config) {
    int bodyLength = bodyLength(config);
    if (bodyLength > MAX_CODE_LENGTH) {
      throw new IllegalArgumentException(
          "code_config.length must be at most " + MAX_CODE_LENGTH + " (was " + config.length() + ")");
    }
    return new CodeShape(nullToEmpty(config.prefix()), config.effectivePattern().codePoints().toArray(),
        nullToEmpty(config.postfix()), distinct(config.effectiveCharset()));
  }

  /** The body's length in characters, computed without building a length-only pattern. */
  static int bodyLength(CodeConfig config) {
    if (config.pattern() != null) {
      return config.pattern().codePointCount(0, config.pattern().length());
    }
    return config.effectiveLength();
  }

  /** The charset's code points in first-seen order, each once. */
  static int[] distinct(String charset) {
    Set<Integer> seen = new LinkedHashSet<>();
    charset.codePoints().forEach(seen::add);
    return seen.stream().mapToInt(Integer::intValue).toArray();
  }

  /** {@code size ^ placeholders}, saturating at {@link Long#MAX_VALUE}. */
  static long power(long size, int placeholders) {
    if (placeholders == 0 || size == 1) {
      return 1;
    }
    if (size == 0) {
      return 0;
    }
    long result = 1;
    for (int i = 0; i < placeholders; i++) {
      if (result > Long.MAX_VALUE / size) {
        return Long.MAX_VALUE;
      }
      result = Math.multiplyExact(result, size);
    }
    return result;
  }

  long capacity() {
    return power(charset.length, placeholders);
  }

  int charsetSize() {
    return charset.length;
  }

  int placeholders() {
    return placeholders;
  }

  /** The pattern as written, for messages. */
  String pattern() {
    return new String(body, 0, body.length);
  }

  /** A code with each placeholder drawn by {@code draw.applyAsInt(charsetSize)}. */
  String draw(IntUnaryOperator draw) {
    StringBuilder code = new StringBuilder(prefix.length() + body.length + postfix.length()).append(prefix);
    for (int c : body) {
      code.appendCodePoint(c == CodeConfig.PLACEHOLDER ? charset[draw.applyAsInt(charset.length)] : c);
    }
    return code.append(postfix).toString();
  }

  /**
   * The code at {@code index} in enumeration order, {@code 0 <= index < capacity()}: the placeholders read
   * as digits of a number in base {@code charsetSize}, the first placeholder the most significant.
   */
  String at(long index) {
    int[] digits = new int[placeholders];
    long rest = index;
    for (int i = placeholders - 1; i >= 0; i--) {
      digits[i] = (int) (rest % charset.length);
      rest /= charset.length;
    }
    int[] next = {0};
    return draw(size -> digits[next[0]++]);
  }

  private static String nullToEmpty(@Nullable String s) {
    return s == null ? "" : s;
  }
}
