package io.loyalty.core.internal.condition;

import io.loyalty.core.internal.condition.CompiledCondition.Failure;
import io.loyalty.core.internal.eval.EvaluationContext;
import io.loyalty.core.internal.eval.ItemMatcher;
import io.loyalty.spi.event.Order;
import io.loyalty.spi.event.OrderItem;
import io.loyalty.spi.program.Condition.Quantifier;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * {@code order.items.any|every|none}: counts the lines that are targets and satisfy {@code each}. ANY
 * needs one such line, EVERY a non-empty cart of only such lines, NONE no such line. A line whose
 * {@code each} is undetermined makes the answer undetermined unless another line decides it.
 */
final class ItemsNode implements Node {
  private final Quantifier quantifier;
  private final ItemMatcher matcher;
  private final @Nullable Node each;
  private final String description;
  private final Failure noOrder;
  private final Failure noSuchLine;
  private final Failure emptyCart;

  ItemsNode(Quantifier quantifier, ItemMatcher matcher, String targets, @Nullable Node each) {
    this.quantifier = quantifier;
    this.matcher = matcher;
    this.each = each;
    this.description = "order.items." + quantifier.name().toLowerCase(Locale.ROOT) + targets
        + (each == null ? "" : " where " + each.describe());
    this.noOrder = Failure.failed(description + " (the event has no order)");
    this.noSuchLine = Failure.failed(description + " (no such line)");
    this.emptyCart = Failure.failed(description + " (the cart is empty)");
  }

  @Override
  public @Nullable Failure eval(EvaluationContext ctx, @Nullable OrderItem line, int depth) {
    Order order = ctx.order();
    if (order == null) {
      return noOrder;
    }
    List<OrderItem> items = order.items();
    return switch (quantifier) {
      case ANY -> any(ctx, items, depth);
      case EVERY -> every(ctx, items, depth);
      case NONE -> none(ctx, items, depth);
    };
  }

  private @Nullable Failure any(EvaluationContext ctx, List<OrderItem> items, int depth) {
    Failure undetermined = null;
    for (int i = 0; i < items.size(); i++) {
      OrderItem item = items.get(i);
      if (matcher.matches(item, ctx.answers())) {
        Failure failure = each == null ? null : each.eval(ctx, item, depth);
        if (failure == null) {
          return null;
        }
        if (failure.undetermined() && undetermined == null) {
          undetermined = failure;
        }
      }
    }
    return undetermined == null ? noSuchLine : undetermined;
  }

  private @Nullable Failure every(EvaluationContext ctx, List<OrderItem> items, int depth) {
    if (items.isEmpty()) {
      return emptyCart;
    }
    Failure undetermined = null;
    for (int i = 0; i < items.size(); i++) {
      OrderItem item = items.get(i);
      if (!matcher.matches(item, ctx.answers())) {
        return Failure.failed(description + " (order.items[" + i + "] is not a target)");
      }
      Failure failure = each == null ? null : each.eval(ctx, item, depth);
      if (failure != null) {
        if (!failure.undetermined()) {
          return Failure.failed(description + " (order.items[" + i + "]: " + failure.description() + ")");
        }
        if (undetermined == null) {
          undetermined = failure;
        }
      }
    }
    return undetermined;
  }

  private @Nullable Failure none(EvaluationContext ctx, List<OrderItem> items, int depth) {
    Failure undetermined = null;
    for (int i = 0; i < items.size(); i++) {
      OrderItem item = items.get(i);
      if (matcher.matches(item, ctx.answers())) {
        Failure failure = each == null ? null : each.eval(ctx, item, depth);
        if (failure == null) {
          return Failure.failed(description + " (order.items[" + i + "] is one)");
        }
        if (failure.undetermined() && undetermined == null) {
          undetermined = failure;
        }
      }
    }
    return undetermined;
  }

  @Override
  public String describe() {
    return description;
  }
}
