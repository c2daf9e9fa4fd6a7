package io.loyalty.core.internal.eval;

import io.loyalty.core.OverflowException;
import io.loyalty.spi.MetaValue;
import io.loyalty.spi.Metadata;
import io.loyalty.spi.event.Order;
import io.loyalty.spi.event.OrderItem;
import io.loyalty.spi.earning.LineShare;
import io.loyalty.spi.earning.SkipReason;
import io.loyalty.spi.host.ProductCollections;
import io.loyalty.spi.program.Measure;
import io.loyalty.spi.program.PointsFormula;
import io.loyalty.spi.program.PointsFormula.Proportional;
import io.loyalty.spi.program.PointsFormula.StepRounding;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Computes one rule's points for one event, compiled once per rule: FIXED points, or PROPORTIONAL
 * {@code floor(value / every) × points} (or the rule's pro-rata rounding) over the measured value. Exact:
 * an overflow is an {@link OverflowException}, never a wrapped number.
 */
final class FormulaEvaluator {
  private final PointsFormula formula;
  private final @Nullable ItemMatcher items;

  FormulaEvaluator(PointsFormula formula, ProductCollections collections) {
    this.formula = formula;
    this.items = formula instanceof Proportional p && p.measure() instanceof Measure.OrderItems oi
        ? ItemMatcher.of(oi.targets(), collections)
        : null;
  }

  PointsFormula formula() {
    return formula;
  }

  /** Measures the value a proportional formula is proportional to. */
  Measurement measure(Proportional p, EvaluationContext ctx) {
    Measure m = p.measure();
    Order order = ctx.order();
    if (m instanceof Measure.OrderAmount) {
      return order == null ? Measurement.failed(SkipReason.NO_MATCHING_ITEMS, "the event has no order")
          : Measurement.of(order.amount());
    }
    if (m instanceof Measure.OrderTotalAmount) {
      return order == null ? Measurement.failed(SkipReason.NO_MATCHING_ITEMS, "the event has no order")
          : Measurement.of(order.totalAmount());
    }
    if (m instanceof Measure.OrderMetadata om) {
      return order == null ? Measurement.failed(SkipReason.METADATA_MISSING, "the event has no order")
          : metadataNumber("order.metadata", order.metadata(), om.property());
    }
    if (m instanceof Measure.CustomerMetadata cm) {
      return metadataNumber("customer.metadata", ctx.customer().metadata(), cm.property());
    }
    if (m instanceof Measure.CustomEventMetadata em) {
      return metadataNumber("custom_event.metadata", ctx.eventMetadata(), em.property());
    }
    return measureItems(((Measure.OrderItems) m).of(), order);
  }

  private Measurement measureItems(Measure.ItemMeasure of, @Nullable Order order) {
    if (order == null || order.items().isEmpty()) {
      return Measurement.failed(SkipReason.NO_MATCHING_ITEMS, "the order has no items");
    }
    List<OrderItem> lines = order.items();
    List<LineShare> shares = null;
    long sum = 0;
    for (int i = 0; i < lines.size(); i++) {
      OrderItem line = lines.get(i);
      if (!items.matches(line)) {
        continue;
      }
      long value = switch (of) {
        case QUANTITY -> line.quantity();
        case AMOUNT -> line.amount();
        case SUBTOTAL_AMOUNT -> line.subtotalAmount();
      };
      if (shares == null) {
        shares = new ArrayList<>(lines.size());
      }
      shares.add(new LineShare(i, value));
      sum = addExact(sum, value, "order_items");
    }
    if (shares == null) {
      return Measurement.failed(SkipReason.NO_MATCHING_ITEMS, "no order line matches the rule's items");
    }
    return new Measurement(BigDecimal.valueOf(sum), List.copyOf(shares), null, "");
  }

  private static Measurement metadataNumber(String where, Metadata metadata, String property) {
    MetaValue value = metadata.get(property);
    if (value == null) {
      return Measurement.failed(SkipReason.METADATA_MISSING, where + "." + property + " is missing");
    }
    if (value instanceof MetaValue.Num n) {
      return Measurement.of(n.value());
    }
    return Measurement.failed(SkipReason.METADATA_NOT_A_NUMBER, where + "." + property + " is not a number (was " + value + ")");
  }

  /** Points for {@code value} under the proportional formula; zero when below one step. */
  static long points(Proportional p, BigDecimal value) {
    BigDecimal every = BigDecimal.valueOf(p.every());
    BigDecimal points = BigDecimal.valueOf(p.points());
    BigDecimal result;
    if (p.rounding() == StepRounding.FLOOR_STEPS) {
      result = value.divide(every, 0, RoundingMode.FLOOR).multiply(points);
    } else {
      RoundingMode mode = p.rounding() == StepRounding.PRORATE_FLOOR ? RoundingMode.FLOOR : RoundingMode.HALF_UP;
      result = value.multiply(points).divide(every, 0, mode);
    }
    try {
      return result.longValueExact();
    } catch (ArithmeticException e) {
      throw new OverflowException("points " + result.toPlainString() + " for measured value " + value.toPlainString()
          + " exceed the range of exact points (" + Long.MAX_VALUE + ")");
    }
  }

  static long addExact(long a, long b, String what) {
    try {
      return Math.addExact(a, b);
    } catch (ArithmeticException e) {
      throw new OverflowException(what + ": " + a + " + " + b + " exceeds " + Long.MAX_VALUE);
    }
  }
}
