package io.loyalty.spi;

import java.math.BigDecimal;
import org.jspecify.annotations.Nullable;

/**
 * One offending field of a rejected definition or event: its path in the input (for example
 * {@code earning_rules[3].loyalty.every}), what is wrong (with the limit), and the value that was given, as a
 * bounded quote: a text longer than {@value Limits#MAX_QUOTED_LENGTH} characters is cut and its length told,
 * control and invisible characters are escaped, and a number too long to print is described by its size.
 *
 * @param path the field path in Voucherify's snake_case naming, never {@code null}; bounded like a quote
 * @param message what the field must be, never {@code null}
 * @param value the rejected value: a number, flag, date, time, duration, zone or enum as given, anything else
 *     as a bounded {@link String} quote;
 *     {@code null} when the field was missing or is not quoted (customer identifiers never are)
 */
public record Violation(String path, String message, @Nullable Object value) {
  /** Bounds the path and the quoted value. */
  public Violation {
    path = quote(path);
    value = value == null || value instanceof Boolean || value instanceof Long || value instanceof Integer
        || value instanceof java.time.temporal.TemporalAccessor || value instanceof java.time.temporal.TemporalAmount
        || value instanceof java.time.ZoneId || value instanceof Enum<?>
        ? value
        : value instanceof BigDecimal d && d.unscaledValue().bitLength() <= 256 && Math.abs((long) d.scale()) <= 64
            ? d
            : value instanceof BigDecimal d
                ? "a number of " + d.unscaledValue().bitLength() + " bits with scale " + d.scale()
                : quote(String.valueOf(value));
  }

  @Override
  public String toString() {
    return path + " " + message + (value == null ? "" : " (was " + value + ")");
  }

  /** The text with control, format, separator, noncharacter and unpaired surrogate characters escaped, cut to the quoted length. */
  static String quote(String text) {
    int max = Limits.MAX_QUOTED_LENGTH;
    StringBuilder out = null;
    int end = Math.min(text.length(), max);
    if (end < text.length() && Character.isHighSurrogate(text.charAt(end - 1))) {
      end--; // never cut a pair in two
    }
    for (int i = 0; i < end; i++) {
      char c = text.charAt(i);
      int type = Character.getType(c);
      boolean escape = type == Character.CONTROL || type == Character.FORMAT || type == Character.SURROGATE
          && !(Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))
              || Character.isLowSurrogate(c) && i > 0 && Character.isHighSurrogate(text.charAt(i - 1)))
          || type == Character.LINE_SEPARATOR || type == Character.PARAGRAPH_SEPARATOR
          || (c & 0xFFFE) == 0xFFFE || (c >= 0xFDD0 && c <= 0xFDEF);
      if (escape && out == null) {
        out = new StringBuilder(end + 16).append(text, 0, i);
      }
      if (out != null) {
        if (escape) {
          out.append(String.format("\\u%04X", (int) c));
        } else {
          out.append(c);
        }
      }
    }
    if (out == null && text.length() <= max) {
      return text;
    }
    if (out == null) {
      out = new StringBuilder(end + 24).append(text, 0, end);
    }
    if (text.length() > max) {
      out.append("…(").append(text.length()).append(" characters)");
    }
    return out.toString();
  }
}
