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
import io.loyalty.spi.program.CalculationType;
import io.loyalty.spi.program.Measure;
import io.loyalty.spi.program.PointsFormula;
import io.loyalty.spi.program.PointsFormula.Proportional;
import io.loyalty.spi.program.PointsFormula.StepRounding;
import java.math.BigDecimal;
import java.math.RoundingMode;
import io.loyalty.core.internal.util.Lists;
import io.loyalty.spi.CollectionId;
import java.util.Objects;
import java.util.List;
import java.util.Map;
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
  /** A FIXED rule's accrual: the same value every time, so it is built once and shared. */
  private final @Nullable Accrual fixed;
  /** A proportional rule's calculation type, read once (not through the measure's interface per event). */
  private final @Nullable CalculationType type;
  /** A dynamic rule's parsed formula. */
  private final @Nullable PointsExpression expression;

  FormulaEvaluator(RuleId id, String banner, PointsFormula formula, Map<CollectionId, Integer> collectionSlots) {
    this.formula = formula;
    this.items = formula instanceof Proportional p && p.measure() instanceof Measure.OrderItems oi
        ? ItemMatcher.of(oi.targets(), collectionSlots)
        : null;
    this.every = formula instanceof Proportional p ? BigDecimal.valueOf(p.every()) : BigDecimal.ONE;
    this.perStep = formula instanceof Proportional p ? BigDecimal.valueOf(p.points()) : BigDecimal.ONE;
    this.fixed = formula instanceof PointsFormula.Fixed f ? new Accrual(id, banner, null, null, f.points(), List.of()) : null;
    this.type = formula instanceof Proportional p ? p.measure().calculationType() : null;
    this.expression = formula instanceof PointsFormula.Dynamic d ? PointsExpression.parse(d.expression()) : null;
  }

  /** The rule's accrual for the event, or why it gives nothing. */
  Object evaluate(RuleId id, String banner, EvaluationContext ctx, Memo memo) {
    if (fixed != null) {
      return fixed;
    }
    if (expression != null) {
      return dynamic(id, banner, (PointsFormula.Dynamic) formula, expression, ctx);
    }
    Proportional p = (Proportional) formula;
    Measure m = p.measure();
    Order order = ctx.order();
    CalculationType type = Objects.requireNonNull(this.type, "a proportional formula has a calculation type");
    switch (type) {
      case ORDER_AMOUNT, ORDER_TOTAL_AMOUNT -> {
        if (order == null) {
          return new Skip(id, SkipReason.NO_MATCHING_ITEMS, "the event has no order");
        }
        boolean amount = type == CalculationType.ORDER_AMOUNT;
        long value = amount ? order.amount() : order.totalAmount();
        Skip skip = wholeSkip(id, p, value);
        if (skip != null) {
          return skip;
        }
        long points = wholePoints(id, p, value);
        if (points == 0) {
          return belowOneStep(id, p, value);
        }
        // Several rules measure the order's amount or total: they share one measured value.
        return new Accrual(id, banner, type, amount ? memo.amount(order) : memo.total(order), points, List.of());
      }
      case ORDER_ITEMS_QUANTITY, ORDER_ITEMS_AMOUNT, ORDER_ITEMS_SUBTOTAL_AMOUNT -> {
        return items(id, banner, p, type, order, memo, ctx.answers());
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

  private Object items(RuleId id, String banner, Proportional p, CalculationType type, @Nullable Order order, Memo memo,
      Answers answers) {
    if (order == null || order.items().isEmpty()) {
      return new Skip(id, SkipReason.NO_MATCHING_ITEMS, "the order has no items");
    }
    List<OrderItem> lines = order.items();
    ItemMatcher items = Objects.requireNonNull(this.items, "an items formula has a matcher");
    int size = lines.size();
    long matched = 0; // a bit set of matching lines: at most 64 lines take this fast path
    int count = 0;
    boolean[] more = size > 64 ? new boolean[size] : null;
    for (int i = 0; i < size; i++) {
      if (items.matches(lines.get(i), i, memo, answers)) {
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
    List<LineShare> shares;
    long sum;
    if (more == null && count <= 3) {
      // A few lines (the usual case): the shares go straight into their unmodifiable list, no array in between.
      int i0 = Long.numberOfTrailingZeros(matched);
      LineShare s0 = share(lines, i0, type);
      sum = s0.value();
      if (count == 1) {
        shares = List.of(s0);
      } else {
        long rest = matched & (matched - 1);
        LineShare s1 = share(lines, Long.numberOfTrailingZeros(rest), type);
        sum = addExact(sum, s1.value(), id);
        if (count == 2) {
          shares = List.of(s0, s1);
        } else {
          rest &= rest - 1;
          LineShare s2 = share(lines, Long.numberOfTrailingZeros(rest), type);
          sum = addExact(sum, s2.value(), id);
          shares = List.of(s0, s1, s2);
        }
      }
    } else {
      LineShare[] array = new LineShare[count];
      sum = 0;
      int k = 0;
      for (int i = 0; i < size; i++) {
        if (more == null ? (matched & (1L << i)) == 0 : !more[i]) {
          continue;
        }
        array[k] = share(lines, i, type);
        sum = addExact(sum, array[k++].value(), id);
      }
      shares = Lists.of(array, count);
    }
    Skip skip = wholeSkip(id, p, sum);
    if (skip != null) {
      return skip;
    }
    long points = wholePoints(id, p, sum);
    if (points == 0) {
      return belowOneStep(id, p, sum);
    }
    return new Accrual(id, banner, type, BigDecimal.valueOf(sum), points, shares);
  }

  /**
   * A dynamic formula's points: its value rounded to the nearest whole number (half up, digest section 2.7), or the
   * fallback when it cannot be computed or its value lies beyond the points a rule may give.
   */
  private static Object dynamic(RuleId id, String banner, PointsFormula.Dynamic d, PointsExpression expression,
      EvaluationContext ctx) {
    BigDecimal value = expression.evaluate(new PointsExpression.Inputs(ctx.order(), ctx.customer().metadata(),
        ctx.eventMetadata()));
    long points;
    String why;
    if (value == null) {
      points = d.fallback();
      why = "the formula cannot be computed for this event (a value missing or not a number, or a division by zero);"
          + " its fallback is " + d.fallback();
    } else {
      BigDecimal rounded = value.setScale(0, RoundingMode.HALF_UP);
      if (rounded.compareTo(MAX_DYNAMIC) > 0) {
        points = d.fallback();
        why = "the formula gives " + value.toPlainString() + ", beyond " + MAX_DYNAMIC + "; its fallback is " + d.fallback();
      } else {
        points = rounded.longValueExact();
        why = "the formula gives " + value.toPlainString();
      }
    }
    if (points <= 0) {
      return new Skip(id, SkipReason.FORMULA_GIVES_NONE, why);
    }
    return new Accrual(id, banner, null, value, points, List.of());
  }

  /** The most points a dynamic formula may give (the bound of every rule's points). */
  private static final BigDecimal MAX_DYNAMIC = BigDecimal.valueOf(1_000_000_000_000L);

  private static LineShare share(List<OrderItem> lines, int i, CalculationType type) {
    OrderItem line = lines.get(i);
    long value = switch (type) {
      case ORDER_ITEMS_QUANTITY -> line.quantity();
      case ORDER_ITEMS_AMOUNT -> line.amount();
      default -> line.subtotalAmount();
    };
    return new LineShare(i, value);
  }

  private static @Nullable Skip wholeSkip(RuleId id, Proportional p, long value) {
    return value < 0 ? new Skip(id, SkipReason.NEGATIVE_VALUE, "measured value " + value + " is negative") : null;
  }

  private static Skip belowOneStep(RuleId id, Proportional p, long value) {
    return new Skip(id, SkipReason.BELOW_ONE_STEP, "measured value " + value + " is less than one step of " + p.every());
  }

  /**
   * Points for a whole, non-negative value: exact {@code long} steps, and pro rata in {@code long} arithmetic too
   * unless {@code value × points} leaves the range of {@code long}, when {@link BigDecimal} takes over (and an
   * overflow of the points is an {@link OverflowException}).
   */
  private long wholePoints(RuleId id, Proportional p, long value) {
    if (p.rounding() == StepRounding.FLOOR_STEPS) {
      try {
        return Math.multiplyExact(value / p.every(), p.points());
      } catch (ArithmeticException e) {
        throw overflow(id);
      }
    }
    long product = value * p.points();
    if (Math.multiplyHigh(value, p.points()) != 0 || product < 0) {
      return prorate(id, p, BigDecimal.valueOf(value));
    }
    long every = p.every();
    long quotient = product / every;
    long remainder = product % every;
    // value, points and every are positive here: FLOOR is the quotient, HALF_UP adds one from half a step on.
    return p.rounding() == StepRounding.PRORATE_HALF_UP && remainder >= every - remainder ? quotient + 1 : quotient;
  }

  private Object decimal(RuleId id, String banner, Proportional p, CalculationType type, BigDecimal value) {
    if (value.signum() < 0) {
      return new Skip(id, SkipReason.NEGATIVE_VALUE, "measured value " + value.toPlainString() + " is negative");
    }
    long points;
    if (value.scale() == 0 && value.precision() <= 18) {
      points = wholePoints(id, p, value.longValueExact()); // a whole number: the same result in long arithmetic
    } else {
      points = p.rounding() == StepRounding.FLOOR_STEPS
          ? exact(id, value, value.divide(every, 0, RoundingMode.FLOOR).multiply(perStep))
          : prorate(id, p, value);
    }
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
      throw overflow(id);
    }
  }

  private static OverflowException overflow(RuleId id) {
    return new OverflowException("rule " + id + ": the points for the measured value exceed the range of exact points ("
        + Long.MAX_VALUE + ")");
  }

  /** {@code a + b}, exact; the context names what was summed, and is only turned into text on overflow. */
  static long addExact(long a, long b, Object context) {
    try {
      return Math.addExact(a, b);
    } catch (ArithmeticException e) {
      throw new OverflowException(context + ": the sum exceeds the range of exact points (" + Long.MAX_VALUE + ")");
    }
  }
}
