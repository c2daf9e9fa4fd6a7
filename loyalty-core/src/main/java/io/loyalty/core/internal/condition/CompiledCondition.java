package io.loyalty.core.internal.condition;

import io.loyalty.core.internal.eval.EvaluationContext;
import org.jspecify.annotations.Nullable;

/**
 * A validation condition compiled once by {@link ConditionCompiler}: an immutable, thread-safe predicate
 * over an {@link EvaluationContext} that also says why it failed.
 *
 * <p>Semantics: amounts, quantities and counts compare exact {@code long}s ({@code order.items.count} is
 * the number of lines); order conditions and {@code order.items} fail on an event without an order.
 * Metadata {@code $is}/{@code $in} compare values (numbers by value), ordering operators hold only for
 * numbers and textual ones only for texts (case-sensitive), {@code $exists} for a present property. A
 * <b>missing property fails every operator except {@code $is_not} and {@code $not_in}, which hold</b>.
 * {@code customer.segment} holds when the customer is in at least one listed segment.
 *
 * <p>Conditions combine in three-valued logic: a named rule that the host does not know (or that is
 * broken) is <em>undetermined</em>, not false. {@code not} of an undetermined condition stays
 * undetermined; {@code and} is false as soon as one operand is false, {@code or} true as soon as one
 * holds, and undetermined otherwise. An undetermined condition never holds; {@link #check} tells it apart
 * through {@link Failure#kind()}.
 */
public final class CompiledCondition {
  private final Node root;

  CompiledCondition(Node root) {
    this.root = root;
  }

  /** Whether the condition holds for the event; same as {@code check(ctx) == null}. */
  public boolean test(EvaluationContext ctx) {
    return root.eval(ctx, null, 0) == null;
  }

  /**
   * {@code null} when the condition holds, otherwise a short description of what failed, such as
   * {@code order.amount $more_than 10000 (was 5000)} or {@code validation rule val_x not found}.
   */
  public @Nullable String failure(EvaluationContext ctx) {
    Failure failure = root.eval(ctx, null, 0);
    return failure == null ? null : failure.description();
  }

  /** {@code null} when the condition holds, otherwise the failure with its kind. */
  public @Nullable Failure check(EvaluationContext ctx) {
    return root.eval(ctx, null, 0);
  }

  /** What must hold, in the words of the failure descriptions. */
  @Override
  public String toString() {
    return root.describe();
  }

  /**
   * Why a condition does not hold.
   *
   * @param kind whether it failed or could not be decided
   * @param description what failed, never {@code null}
   */
  public record Failure(Kind kind, String description) {
    /** The condition was evaluated and is false. */
    static Failure failed(String description) {
      return new Failure(Kind.FAILED, description);
    }

    /** Whether the condition could not be decided (a named rule is missing or broken). */
    public boolean undetermined() {
      return kind != Kind.FAILED;
    }
  }

  /** Kinds of failure. */
  public enum Kind {
    /** The condition is false. */
    FAILED,
    /** A named validation rule it refers to is not known to the host. */
    RULE_NOT_FOUND,
    /** A named validation rule it refers to is malformed or refers to itself. */
    RULE_INVALID
  }
}
