package io.loyalty.core.internal.condition;

import io.loyalty.core.internal.condition.CompiledCondition.Failure;
import io.loyalty.core.internal.eval.EvaluationContext;
import io.loyalty.spi.event.OrderItem;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The nodes that combine others: and, or, not, and a numbered rule within a logic expression. They follow
 * the three-valued logic described on {@link CompiledCondition}: a false operand decides {@code and}, a
 * true one decides {@code or}; otherwise the first undetermined operand is the answer.
 */
final class Junctions {
  private Junctions() {}

  /** Every part holds; fails with the first false part. */
  static final class AllNode implements Node {
    private final Node[] parts;
    private final String description;

    AllNode(List<Node> parts, String description) {
      this.parts = parts.toArray(new Node[0]);
      this.description = description;
    }

    @Override
    public @Nullable Failure eval(EvaluationContext ctx, @Nullable OrderItem line, int depth) {
      Failure undetermined = null;
      for (Node part : parts) {
        Failure failure = part.eval(ctx, line, depth);
        if (failure != null) {
          if (!failure.undetermined()) {
            return failure;
          }
          if (undetermined == null) {
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

  /**
   * At least one part holds. Fails with the only part's failure, the first one's when {@code firstOnly}
   * (logic expressions), or {@code none of: a; b} listing every part's failure.
   */
  static final class AnyNode implements Node {
    private final Node[] parts;
    private final boolean firstOnly;
    private final String description;
    private final Failure empty;

    AnyNode(List<Node> parts, boolean firstOnly, String description) {
      this.parts = parts.toArray(new Node[0]);
      this.firstOnly = firstOnly || this.parts.length == 1;
      this.description = description;
      this.empty = Failure.failed(description + " (there are no alternatives)");
    }

    @Override
    public @Nullable Failure eval(EvaluationContext ctx, @Nullable OrderItem line, int depth) {
      Failure undetermined = null;
      Failure first = null;
      StringBuilder all = null;
      for (Node part : parts) {
        Failure failure = part.eval(ctx, line, depth);
        if (failure == null) {
          return null;
        }
        if (failure.undetermined()) {
          if (undetermined == null) {
            undetermined = failure;
          }
        } else if (first == null) {
          first = failure;
        } else if (!firstOnly) {
          if (all == null) {
            all = new StringBuilder("none of: ").append(first.description());
          }
          all.append("; ").append(failure.description());
        }
      }
      if (undetermined != null) {
        return undetermined;
      }
      if (first == null) {
        return empty;
      }
      return all == null ? first : Failure.failed(all.toString());
    }

    @Override
    public String describe() {
      return description;
    }
  }

  /** The part does not hold; an undetermined part stays undetermined. */
  static final class NotNode implements Node {
    private final Node part;
    private final Failure holds;

    NotNode(Node part) {
      this.part = part;
      this.holds = Failure.failed("not (" + part.describe() + ")");
    }

    @Override
    public @Nullable Failure eval(EvaluationContext ctx, @Nullable OrderItem line, int depth) {
      Failure failure = part.eval(ctx, line, depth);
      if (failure == null) {
        return holds;
      }
      return failure.undetermined() ? failure : null;
    }

    @Override
    public String describe() {
      return holds.description();
    }
  }

  /** Rule {@code n} of a numbered condition: prefixes its failure with {@code rule n of "logic": }. */
  static final class RuleNode implements Node {
    private final Node rule;
    private final String prefix;

    RuleNode(int number, String logic, Node rule) {
      this.rule = rule;
      this.prefix = "rule " + number + " of \"" + logic + "\": ";
    }

    @Override
    public @Nullable Failure eval(EvaluationContext ctx, @Nullable OrderItem line, int depth) {
      Failure failure = rule.eval(ctx, line, depth);
      if (failure == null || failure.undetermined()) {
        return failure;
      }
      return Failure.failed(prefix + failure.description());
    }

    @Override
    public String describe() {
      return rule.describe();
    }
  }

  /** A numbered condition: its compiled logic tree, described as {@code rules "(1 and 2) or 3"}. */
  static final class NumberedNode implements Node {
    private final Node logic;
    private final String description;

    NumberedNode(Node logic, String text) {
      this.logic = logic;
      this.description = "rules \"" + text + "\"";
    }

    @Override
    public @Nullable Failure eval(EvaluationContext ctx, @Nullable OrderItem line, int depth) {
      return logic.eval(ctx, line, depth);
    }

    @Override
    public String describe() {
      return description;
    }
  }
}
