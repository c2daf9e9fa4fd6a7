package io.loyalty.core.internal.condition;

import io.loyalty.core.internal.eval.EvaluationContext;
import io.loyalty.core.internal.condition.CompiledCondition.Failure;
import io.loyalty.spi.event.OrderItem;
import org.jspecify.annotations.Nullable;

/** One compiled piece of a condition; immutable and thread-safe. */
interface Node {
  /** Named rules may nest this deep before evaluation gives up (a cycle between named rules). */
  int MAX_DEPTH = 16;

  /**
   * Evaluates the piece.
   *
   * @param line the order line under {@code order.items}, {@code null} at order level
   * @param depth how many named rules enclose this evaluation
   * @return {@code null} when it holds, otherwise why not
   */
  @Nullable
  Failure eval(EvaluationContext ctx, @Nullable OrderItem line, int depth);

  /** What must hold, such as {@code order.amount $more_than 10000}. */
  String describe();
}
