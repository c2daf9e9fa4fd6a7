package io.loyalty.core.internal.condition;

import io.loyalty.core.internal.condition.CompiledCondition.Failure;
import io.loyalty.core.internal.condition.CompiledCondition.Kind;
import io.loyalty.core.internal.eval.EvaluationContext;
import io.loyalty.spi.ValidationRuleId;
import io.loyalty.spi.event.OrderItem;
import io.loyalty.spi.program.ValidationRule;
import org.jspecify.annotations.Nullable;

/**
 * A named validation rule, looked up in the evaluation's host answers every time (the host may change it) and
 * compiled through the compiler's cache. The last rule seen is remembered, so a host that returns the
 * same instance costs one identity check. Its failure is the rule's {@code errorMessage} when it has one.
 */
final class NamedNode implements Node {
  private record Resolved(ValidationRule rule, Node body, @Nullable Failure message) {}

  private final ValidationRuleId id;
  private final ConditionCompiler compiler;
  private final String description;
  private final String prefix;
  private final Failure notFound;
  private final Failure tooDeep;
  private volatile @Nullable Resolved last;

  NamedNode(ValidationRuleId id, ConditionCompiler compiler) {
    this.id = id;
    this.compiler = compiler;
    this.description = "validation rule " + id;
    this.prefix = description + ": ";
    this.notFound = new Failure(Kind.RULE_NOT_FOUND, description + " not found");
    this.tooDeep = new Failure(Kind.RULE_INVALID,
        description + " nests named rules more than " + MAX_DEPTH + " deep (do they refer to each other?)");
  }

  @Override
  public @Nullable Failure eval(EvaluationContext ctx, @Nullable OrderItem line, int depth) {
    if (depth >= MAX_DEPTH) {
      return tooDeep;
    }
    ValidationRule rule = ctx.answers().validationRule(id);
    if (rule == null) {
      return notFound;
    }
    Resolved resolved = last;
    if (resolved == null || resolved.rule != rule) {
      String message = rule.errorMessage();
      resolved = new Resolved(rule, compiler.body(id, rule),
          message == null || message.isBlank() ? null : Failure.failed(message));
      last = resolved;
    }
    Failure failure = resolved.body.eval(ctx, line, depth + 1);
    if (failure == null || failure.undetermined()) {
      return failure;
    }
    return resolved.message != null ? resolved.message : Failure.failed(prefix + failure.description());
  }

  @Override
  public String describe() {
    return description;
  }

  /** A named rule's body that cannot be compiled: always undetermined with the same failure. */
  static final class Broken implements Node {
    private final Failure failure;

    Broken(Failure failure) {
      this.failure = failure;
    }

    @Override
    public Failure eval(EvaluationContext ctx, @Nullable OrderItem line, int depth) {
      return failure;
    }

    @Override
    public String describe() {
      return failure.description();
    }
  }
}
