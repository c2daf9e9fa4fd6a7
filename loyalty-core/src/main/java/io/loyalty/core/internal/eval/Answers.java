package io.loyalty.core.internal.eval;

import io.loyalty.spi.CollectionId;
import io.loyalty.spi.ValidationRuleId;
import io.loyalty.spi.event.OrderItem;
import io.loyalty.spi.program.ValidationRule;
import org.jspecify.annotations.Nullable;

/**
 * The host's answers as a decision sees them: whether a line is in a products collection, and a named validation
 * rule. The decision code asks only this; the engine's shell backs it with the host's ports (recording each
 * answer) or with answers recorded before (a replay, a refund judged as at payment).
 */
public interface Answers {
  /** Whether the line belongs to the collection. */
  boolean inCollection(CollectionId collection, OrderItem item);

  /** The named rule, {@code null} when the host knows none by this id. */
  @Nullable ValidationRule validationRule(ValidationRuleId id);

  /** A host with no collections and no named rules. */
  Answers NONE = new Answers() {
    @Override
    public boolean inCollection(CollectionId collection, OrderItem item) {
      return false;
    }

    @Override
    public @Nullable ValidationRule validationRule(ValidationRuleId id) {
      return null;
    }
  };
}
