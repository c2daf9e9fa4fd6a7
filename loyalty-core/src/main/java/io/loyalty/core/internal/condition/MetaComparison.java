package io.loyalty.core.internal.condition;

import io.loyalty.spi.MetaValue;
import io.loyalty.spi.program.Comparison;
import io.loyalty.spi.program.Operator;
import java.math.BigDecimal;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A {@link Comparison} compiled against a metadata value that may be missing. {@code $is}/{@code $in}
 * compare values ({@link MetaValue.Num} is normalized, so numbers compare by value); ordering operators
 * hold only for numbers, textual ones only for texts; a missing value fails everything except
 * {@code $is_not} and {@code $not_in}, which hold.
 */
final class MetaComparison {
  private final Operator operator;
  private final @Nullable MetaValue value;
  private final @Nullable BigDecimal number;
  private final @Nullable String text;
  private final Set<MetaValue> set;
  private final String description;

  MetaComparison(Comparison comparison) {
    this.operator = comparison.operator();
    List<MetaValue> operands = comparison.operands();
    this.value = operands.isEmpty() ? null : operands.get(0);
    this.number = value instanceof MetaValue.Num n ? n.value() : null;
    this.text = value instanceof MetaValue.Text t ? t.value() : null;
    this.set = Set.copyOf(new HashSet<>(operands));
    this.description = ComparisonText.of(comparison);
  }

  boolean test(@Nullable MetaValue actual) {
    return switch (operator) {
      case IS -> actual != null && actual.equals(value);
      case IS_NOT -> actual == null || !actual.equals(value);
      case IN -> actual != null && set.contains(actual);
      case NOT_IN -> actual == null || !set.contains(actual);
      case LESS_THAN -> ordered(actual, -1, -1);
      case LESS_THAN_OR_EQUAL -> ordered(actual, -1, 0);
      case MORE_THAN -> ordered(actual, 1, 1);
      case MORE_THAN_OR_EQUAL -> ordered(actual, 0, 1);
      case STARTS_WITH -> actual instanceof MetaValue.Text t && text != null && t.value().startsWith(text);
      case ENDS_WITH -> actual instanceof MetaValue.Text t && text != null && t.value().endsWith(text);
      case CONTAINS -> actual instanceof MetaValue.Text t && text != null && t.value().contains(text);
      case IS_DEFINED -> actual != null;
    };
  }

  /** Whether {@code actual} is a number whose sign of {@code actual - operand} is within {@code [low, high]}. */
  private boolean ordered(@Nullable MetaValue actual, int low, int high) {
    if (!(actual instanceof MetaValue.Num n) || number == null) {
      return false;
    }
    int sign = Integer.signum(n.value().compareTo(number));
    return sign >= low && sign <= high;
  }

  /** The operator and operands, such as {@code $is "gold"}. */
  @Override
  public String toString() {
    return description;
  }
}
