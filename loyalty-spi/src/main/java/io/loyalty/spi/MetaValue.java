package io.loyalty.spi;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * One metadata value: a number, a text or a flag. Numbers are exact {@link BigDecimal}s with trailing
 * zeros stripped, so {@code 1.0} and {@code 1.00} are the same value.
 */
public sealed interface MetaValue permits MetaValue.Num, MetaValue.Text, MetaValue.Flag {

  /** Wraps a Java value: a {@link BigDecimal}, an integral boxed number, a {@link String} or a {@link Boolean}. */
  static MetaValue of(Object value) {
    Objects.requireNonNull(value, "metadata value");
    if (value instanceof MetaValue m) {
      return m;
    }
    if (value instanceof BigDecimal d) {
      return new Num(d);
    }
    if (value instanceof Long || value instanceof Integer || value instanceof Short || value instanceof Byte) {
      return new Num(BigDecimal.valueOf(((Number) value).longValue()));
    }
    if (value instanceof String s) {
      return new Text(s);
    }
    if (value instanceof Boolean b) {
      return new Flag(b);
    }
    throw InvalidInputException.of("metadata", "values must be BigDecimal, an integral number, String or Boolean"
        + " (floating point is not exact)", value.getClass().getName());
  }

  /**
   * A number, exact, bounded by {@link Limits#decimalProblem} (at most {@value Limits#MAX_DECIMAL_INTEGER_DIGITS}
   * digits before the point and {@value Limits#MAX_DECIMAL_SCALE} after it) so no arithmetic or printing on it
   * can run away.
   */
  record Num(BigDecimal value) implements MetaValue {
    /**
     * Checks the bounds, then strips trailing zeros so equal numbers are equal values.
     *
     * @throws InvalidInputException when the number is out of bounds
     */
    public Num {
      String problem = Limits.decimalProblem(value);
      if (problem != null) {
        throw InvalidInputException.of("number", problem, value);
      }
      value = value.signum() == 0 ? BigDecimal.ZERO : value.stripTrailingZeros();
    }

    @Override
    public String toString() {
      return value.toPlainString();
    }
  }

  /** A text. */
  record Text(String value) implements MetaValue {
    /** Requires a non-null text. */
    public Text {
      Objects.requireNonNull(value, "text");
    }

    @Override
    public String toString() {
      return '"' + Violation.quote(value) + '"';
    }

  }

  /** A boolean flag. */
  record Flag(boolean value) implements MetaValue {
    @Override
    public String toString() {
      return Boolean.toString(value);
    }
  }
}
