package io.loyalty.core.internal.condition;

import io.loyalty.spi.program.Comparison;
import io.loyalty.spi.program.Operator;

/** Formats a comparison for failure descriptions: {@code $more_than 10000}, {@code $in [1, 2]}, {@code $exists}. */
final class ComparisonText {
  private ComparisonText() {}

  static String of(Comparison comparison) {
    Operator operator = comparison.operator();
    if (comparison.operands().isEmpty()) {
      return operator.key();
    }
    if (operator == Operator.IN || operator == Operator.NOT_IN) {
      return operator.key() + " " + comparison.operands();
    }
    return operator.key() + " " + comparison.operands().get(0);
  }
}
