package io.loyalty.core.internal.eval;

import io.loyalty.core.OverflowException;
import io.loyalty.spi.MetaValue;
import io.loyalty.spi.Metadata;
import io.loyalty.spi.RuleId;
import io.loyalty.spi.earning.Accrual;
import io.loyalty.spi.earning.LineShare;
import io.loyalty.spi.earning.Skip;
import io.loyalty.spi.earning.SkipReason;
import io.loyalty.spi.event.Order;
import io.loyalty.spi.event.OrderItem;
import io.loyalty.spi.host.ProductCollections;
import io.loyalty.spi.program.CalculationType;
import io.loyalty.spi.program.Measure;
import io.loyalty.spi.program.PointsFormula;
import io.loyalty.spi.program.PointsFormula.Proportional;
import io.loyalty.spi.program.PointsFormula.StepRounding;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Computes one rule's points for one event, compiled once per rule: FIXED points, or PROPORTIONAL
 * {@code floor(value / every) × points} (or the rule's pro-rata rounding) over the measured value. Whole
 * amounts and quantities use exact {@code long} arithmetic; metadata decimals use {@link BigDecimal}. An
 * overflow is an {@link OverflowException}, never a wrapped number. Returns an {@link Accrual} or a {@link Skip}.
 */
final class FormulaEvaluator {
  private final PointsFormula formula;
  private final @Nullable ItemMatcher items;
  private final BigDecimal every;
  private final BigDecimal perStep;

  FormulaEvaluator(PointsFormula formula, ProductCollections collections) {
    this.formula = formula;
    this.items = formula instanceof Proportional p && p.measure() instanceof Measure.OrderItems oi
        ? ItemMatcher.of(oi.targets(), collections)
        : null;
    this.every = formula instanceof Proportional p ? BigDecimal.valueOf(p.every()) : BigDecimal.ONE;
    this.perStep = formula instanceof Proportional p ? BigDecimal.valueOf(p.points()) : BigDecimal.ONE;
  }

  /** The rule's accrual for the event, or why it gives nothing. */
  Object evaluate(RuleId id, String banner, EvaluationContext ctx) {
    if (formula instanceof PointsFormula.Fixed fixed) {
      return new Accrual(id, banner, null, null, fixed.points(), List.of());
    }
    Proportional p = (Proportional) formula;
    Measure m = p.measure();
    Order order = ctx.order();
    CalculationType type = m.calculationType();
    switch (type) {
      case ORDER_AMOUNT, ORDER_TOTAL_AMOUNT -> {
        if (order == null) {
          return new Skip(id, SkipReason.NO_MATCHING_ITEMS, "the event has no order");
        }
        long value = type == CalculationType.ORDER_AMOUNT ? order.amount() : order.totalAmount();
        return whole(id, banner, p, type, value, List.of());
      }
      case ORDER_ITEMS_QUANTITY, ORDER_ITEMS_AMOUNT, ORDER_ITEMS_SUBTOTAL_AMOUNT -> {
        return items(id, banner, p, type, order);
      }
      default -> {
        Metadata metadata;
        String where;
        String property;
        if (m instanceof Measure.OrderMetadata om) {
          if (order == null) {
            return new Skip(id, SkipReason.METADATA_MISSING, "the event has no order");
          }
          metadata = order.metadata();
          where = "order.metadata.";
          property = om.property();
        } else if (m instanceof Measure.CustomerMetadata cm) {
          metadata = ctx.customer().metadata();
          where = "customer.metadata.";
          property = cm.property();
        } else {
          metadata = ctx.eventMetadata();
          where = "custom_event.metadata.";
          property = ((Measure.CustomEventMetadata) m).property();
        }
        MetaValue value = metadata.get(property);
        if (value == null) {
          return new Skip(id, SkipReason.METADATA_MISSING, where + property + " is missing");
        }
        if (!(value instanceof MetaValue.Num n)) {
          return new Skip(id, SkipReason.METADATA_NOT_A_NUMBER, where + property + " is not a number (was " + value + ")");
        }
        return decimal(id, banner, p, type, n.value());
      }
    }
  }

  private Object items(RuleId id, String banner, Proportional p, CalculationType type, @Nullable Order order) {
    if (order == null || order.items().isEmpty()) {
      return new Skip(id, SkipReason.NO_MATCHING_ITEMS, "the order has no items");
    }
    List<OrderItem> lines = order.items();
    int size = lines.size();
    long matched = 0; // a bit set of matching lines: at most 64 lines take this fast path
    int count = 0;
    boolean[] more = size > 64 ? new boolean[size] : null;
    for (int i = 0; i < size; i++) {
      if (items.matches(lines.get(i))) {
        count++;
        if (more == null) {
          matched |= 1L << i;
        } else {
          more[i] = true;
        }
      }
    }
    if (count == 0) {
      return new Skip(id, SkipReason.NO_MATCHING_ITEMS, "no order line matches the rule's items");
    }
    LineShare[] shares = new LineShare[count];
    long sum = 0;
    int k = 0;
    for (int i = 0; i < size; i++) {
      if (more == null ? (matched & (1L << i)) == 0 : !more[i]) {
        continue;
      }
      OrderItem line = lines.get(i);
      long value = switch (type) {
        case ORDER_ITEMS_QUANTITY -> line.quantity();
        case ORDER_ITEMS_AMOUNT -> line.amount();
        default -> line.subtotalAmount();
      };
      shares[k++] = new LineShare(i, value);
      sum = addExact(sum, value, id);
    }
    return whole(id, banner, p, type, sum, List.of(shares));
  }

  /** Points for a whole value: exact {@code long} steps, or pro rata through BigDecimal. */
  private Object whole(RuleId id, String banner, Proportional p, CalculationType type, long value, List<LineShare> lines) {
    if (value < 0) {
      return new Skip(id, SkipReason.NEGATIVE_VALUE, "measured value " + value + " is negative");
    }
    long points;
    if (p.rounding() == StepRounding.FLOOR_STEPS) {
      try {
        points = Math.multiplyExact(value / p.every(), p.points());
      } catch (ArithmeticException e) {
        throw overflow(id, BigDecimal.valueOf(value));
      }
    } else {
      points = prorate(id, p, BigDecimal.valueOf(value));
    }
    if (points == 0) {
      return new Skip(id, SkipReason.BELOW_ONE_STEP, "measured value " + value + " is less than one step of " + p.every());
    }
    return new Accrual(id, banner, type, BigDecimal.valueOf(value), points, lines);
  }

  private Object decimal(RuleId id, String banner, Proportional p, CalculationType type, BigDecimal value) {
    if (value.signum() < 0) {
      return new Skip(id, SkipReason.NEGATIVE_VALUE, "measured value " + value.toPlainString() + " is negative");
    }
    long points = p.rounding() == StepRounding.FLOOR_STEPS
        ? exact(id, value, value.divide(every, 0, RoundingMode.FLOOR).multiply(perStep))
        : prorate(id, p, value);
    if (points == 0) {
      return new Skip(id, SkipReason.BELOW_ONE_STEP,
          "measured value " + value.toPlainString() + " is less than one step of " + p.every());
    }
    return new Accrual(id, banner, type, value, points, List.of());
  }

  private long prorate(RuleId id, Proportional p, BigDecimal value) {
    RoundingMode mode = p.rounding() == StepRounding.PRORATE_FLOOR ? RoundingMode.FLOOR : RoundingMode.HALF_UP;
    return exact(id, value, value.multiply(perStep).divide(every, 0, mode));
  }

  private static long exact(RuleId id, BigDecimal value, BigDecimal result) {
    try {
      return result.longValueExact();
    } catch (ArithmeticException e) {
      throw overflow(id, value);
    }
  }

  private static OverflowException overflow(RuleId id, BigDecimal value) {
    return new OverflowException("rule " + id + ": the points for measured value " + value.toPlainString()
        + " exceed the range of exact points (" + Long.MAX_VALUE + ")");
  }

  /** {@code a + b}, exact; the context names what was summed, and is only turned into text on overflow. */
  static long addExact(long a, long b, Object context) {
    try {
      return Math.addExact(a, b);
    } catch (ArithmeticException e) {
      throw new OverflowException(context + ": " + a + " + " + b + " exceeds " + Long.MAX_VALUE);
    }
  }
}
