package io.loyalty.core.internal.condition;

import io.loyalty.core.internal.condition.CompiledCondition.Failure;
import io.loyalty.core.internal.eval.EvaluationContext;
import io.loyalty.spi.MetaValue;
import io.loyalty.spi.Metadata;
import io.loyalty.spi.SegmentId;
import io.loyalty.spi.event.Order;
import io.loyalty.spi.event.OrderItem;
import java.util.Arrays;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/** The nodes that read the event: amounts and counts, metadata properties, customer segments. */
final class Leaves {
  private Leaves() {}

  /** A whole number the condition compares. */
  enum NumberSubject {
    ORDER_AMOUNT("order.amount"),
    ORDER_TOTAL_AMOUNT("order.total_amount"),
    ORDER_ITEMS_COUNT("order.items.count"),
    ITEM_QUANTITY("order.items.quantity"),
    ITEM_PRICE("order.items.price");

    final String field;

    NumberSubject(String field) {
      this.field = field;
    }

    boolean perLine() {
      return this == ITEM_QUANTITY || this == ITEM_PRICE;
    }
  }

  /** Where a metadata property is read. */
  enum MetaSource {
    ORDER("order.metadata"),
    CUSTOMER("customer.metadata"),
    EVENT("custom_event.metadata"),
    ITEM("order.items.metadata");

    final String field;

    MetaSource(String field) {
      this.field = field;
    }
  }

  /** Compares an amount, a quantity or a count; fails without an order (or outside {@code order.items}). */
  static final class NumberNode implements Node {
    private final NumberSubject subject;
    private final LongComparison comparison;
    private final String description;
    private final Failure unavailable;

    NumberNode(NumberSubject subject, LongComparison comparison) {
      this.subject = subject;
      this.comparison = comparison;
      this.description = subject.field + " " + comparison;
      this.unavailable = Failure.failed(description
          + (subject.perLine() ? " (used outside order.items)" : " (the event has no order)"));
    }

    @Override
    public @Nullable Failure eval(EvaluationContext ctx, @Nullable OrderItem line, int depth) {
      long value;
      if (subject.perLine()) {
        if (line == null) {
          return unavailable;
        }
        value = subject == NumberSubject.ITEM_QUANTITY ? line.quantity() : line.price();
      } else {
        Order order = ctx.order();
        if (order == null) {
          return unavailable;
        }
        value = switch (subject) {
          case ORDER_AMOUNT -> order.amount();
          case ORDER_TOTAL_AMOUNT -> order.totalAmount();
          default -> order.items().size();
        };
      }
      return comparison.test(value) ? null : Failure.failed(description + " (was " + value + ")");
    }

    @Override
    public String describe() {
      return description;
    }
  }

  /** Compares one metadata property; a missing property is handled by {@link MetaComparison}. */
  static final class MetaNode implements Node {
    private final MetaSource source;
    private final String property;
    private final MetaComparison comparison;
    private final String description;
    private final Failure unavailable;
    private final Failure missing;

    MetaNode(MetaSource source, String property, MetaComparison comparison) {
      this.source = source;
      this.property = property;
      this.comparison = comparison;
      this.description = source.field + "." + property + " " + comparison;
      this.unavailable = Failure.failed(description
          + (source == MetaSource.ITEM ? " (used outside order.items)" : " (the event has no order)"));
      this.missing = Failure.failed(description + " (was missing)");
    }

    @Override
    public @Nullable Failure eval(EvaluationContext ctx, @Nullable OrderItem line, int depth) {
      Metadata metadata;
      switch (source) {
        case ORDER -> {
          Order order = ctx.order();
          if (order == null) {
            return unavailable;
          }
          metadata = order.metadata();
        }
        case CUSTOMER -> metadata = ctx.customer().metadata();
        case EVENT -> metadata = ctx.eventMetadata();
        default -> {
          if (line == null) {
            return unavailable;
          }
          metadata = line.metadata();
        }
      }
      MetaValue value = metadata.get(property);
      if (comparison.test(value)) {
        return null;
      }
      return value == null ? missing : Failure.failed(description + " (was " + value + ")");
    }

    @Override
    public String describe() {
      return description;
    }
  }

  /** The customer is in at least one of the segments. */
  static final class SegmentNode implements Node {
    private final SegmentId[] anyOf;
    private final Failure failure;

    SegmentNode(Set<SegmentId> anyOf) {
      this.anyOf = anyOf.toArray(new SegmentId[0]);
      Arrays.sort(this.anyOf);
      this.failure = Failure.failed("customer.segment $in " + Arrays.toString(this.anyOf));
    }

    @Override
    public @Nullable Failure eval(EvaluationContext ctx, @Nullable OrderItem line, int depth) {
      Set<SegmentId> segments = ctx.customer().segments();
      for (SegmentId segment : anyOf) {
        if (segments.contains(segment)) {
          return null;
        }
      }
      return failure;
    }

    @Override
    public String describe() {
      return failure.description();
    }
  }
}
