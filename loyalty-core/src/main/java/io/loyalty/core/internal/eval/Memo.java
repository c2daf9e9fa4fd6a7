package io.loyalty.core.internal.eval;

import io.loyalty.spi.CollectionId;
import io.loyalty.spi.event.Order;
import io.loyalty.spi.event.OrderItem;
import java.math.BigDecimal;
import org.jspecify.annotations.Nullable;

/**
 * What the rules of one evaluation share instead of working out again: the order's amount and total as the
 * {@link BigDecimal} an accrual reports (several rules measure them), and whether each order line belongs to each
 * products collection the program's formulas name (asked of the host once per line and collection, not once per
 * rule). One per evaluation; not thread-safe.
 */
final class Memo {
  private final int collections;
  private @Nullable BigDecimal amount;
  private @Nullable BigDecimal total;
  /** Per collection slot: {@code [2k]} the lines already asked, {@code [2k + 1]} those that belong (lines < 64). */
  private long @Nullable [] lines;

  Memo(int collections) {
    this.collections = collections;
  }

  /** The order's amount as a measured value. */
  BigDecimal amount(Order order) {
    BigDecimal a = amount;
    return a != null ? a : (amount = BigDecimal.valueOf(order.amount()));
  }

  /** The order's total as a measured value. */
  BigDecimal total(Order order) {
    BigDecimal t = total;
    return t != null ? t : (total = BigDecimal.valueOf(order.totalAmount()));
  }

  /** Whether the line (at index {@code line}) is in the collection of program slot {@code slot}. */
  boolean inCollection(int slot, int line, CollectionId collection, OrderItem item, Answers answers) {
    if (slot < 0 || line >= 64) {
      return answers.inCollection(collection, item);
    }
    long[] l = lines;
    if (l == null) {
      l = lines = new long[2 * collections];
    }
    long bit = 1L << line;
    if ((l[2 * slot] & bit) == 0) {
      l[2 * slot] |= bit;
      if (answers.inCollection(collection, item)) {
        l[2 * slot + 1] |= bit;
      }
    }
    return (l[2 * slot + 1] & bit) != 0;
  }
}
