package io.loyalty.spi;

import org.jspecify.annotations.Nullable;

/**
 * One offending field of a rejected definition or event: its path in the input (for example
 * {@code earning_rules[3].loyalty.every}), what is wrong, and the value that was given.
 *
 * @param path the field path in Voucherify's snake_case naming, never {@code null}
 * @param message what the field must be, never {@code null}
 * @param value the rejected value, {@code null} when the field was missing
 */
public record Violation(String path, String message, @Nullable Object value) {
  @Override
  public String toString() {
    return path + " " + message + (value == null ? "" : " (was " + value + ")");
  }
}
