package io.loyalty.core.internal.condition;

import io.loyalty.spi.MetaValue;
import io.loyalty.spi.program.Comparison;
import io.loyalty.spi.program.Operator;
import java.util.Arrays;
import java.util.List;

/**
 * A {@link Comparison} compiled against whole numbers (amounts, quantities, counts): operands as
 * {@code long}s, {@code $in} as a sorted array. Assumes a comparison that {@link ConditionValidator}
 * accepted for a number subject.
 */
final class LongComparison {
  private final Operator operator;
  private final long bound;
  private final long[] sorted;
  private final String text;

  LongComparison(Comparison comparison) {
    this.operator = comparison.operator();
    List<MetaValue> operands = comparison.operands();
    long[] values = new long[operands.size()];
    for (int i = 0; i < values.length; i++) {
      values[i] = ((MetaValue.Num) operands.get(i)).value().longValueExact();
    }
    this.bound = values.length == 0 ? 0 : values[0];
    Arrays.sort(values);
    this.sorted = values;
    this.text = ComparisonText.of(comparison);
  }

  boolean test(long value) {
    return switch (operator) {
      case IS -> value == bound;
      case IS_NOT -> value != bound;
      case IN -> Arrays.binarySearch(sorted, value) >= 0;
      case NOT_IN -> Arrays.binarySearch(sorted, value) < 0;
      case LESS_THAN -> value < bound;
      case LESS_THAN_OR_EQUAL -> value <= bound;
      case MORE_THAN -> value > bound;
      case MORE_THAN_OR_EQUAL -> value >= bound;
      case IS_DEFINED -> true;
      case STARTS_WITH, ENDS_WITH, CONTAINS -> false;
    };
  }

  /** The operator and operands, such as {@code $more_than 10000}. */
  @Override
  public String toString() {
    return text;
  }
}
