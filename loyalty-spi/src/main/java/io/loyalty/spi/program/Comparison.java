package io.loyalty.spi.program;

import io.loyalty.spi.InvalidInputException;
import io.loyalty.spi.MetaValue;
import java.util.Arrays;
import java.util.List;

/**
 * An operator with its operands, such as {@code $more_than [10000]} or {@code $in ["a", "b"]}. Ordering
 * operators take one number; {@code $is}/{@code $is_not}/textual operators one value; {@code $in} and
 * {@code $not_in} one or more; {@code $exists} none.
 *
 * @param operator the operator
 * @param operands the values compared against
 */
public record Comparison(Operator operator, List<MetaValue> operands) {
  /** Copies the operands. */
  public Comparison {
    operands = operands == null ? null : List.copyOf(operands);
  }

  /** {@code operator} applied to Java values, wrapped as by {@link MetaValue#of(Object)}. */
  public static Comparison of(Operator operator, Object... operands) {
    MetaValue[] values = new MetaValue[operands.length];
    for (int i = 0; i < operands.length; i++) {
      try {
        values[i] = MetaValue.of(operands[i]);
      } catch (InvalidInputException e) {
        throw InvalidInputException.of("operands[" + i + "]", e.violations().get(0).message(),
            e.violations().get(0).value());
      }
    }
    return new Comparison(operator, List.of(values));
  }

  /** {@code $is value}. */
  public static Comparison is(Object value) {
    return of(Operator.IS, value);
  }

  /** {@code $more_than value}. */
  public static Comparison moreThan(long value) {
    return of(Operator.MORE_THAN, value);
  }

  /** {@code $more_than_or_equal value}. */
  public static Comparison atLeast(long value) {
    return of(Operator.MORE_THAN_OR_EQUAL, value);
  }

  /** {@code $less_than value}. */
  public static Comparison lessThan(long value) {
    return of(Operator.LESS_THAN, value);
  }

  /** {@code $less_than_or_equal value}. */
  public static Comparison atMost(long value) {
    return of(Operator.LESS_THAN_OR_EQUAL, value);
  }

  /** {@code $in values}. */
  public static Comparison in(Object... values) {
    return of(Operator.IN, values);
  }
}
