package io.loyalty.spi.earning;

import io.loyalty.spi.CollectionId;
import io.loyalty.spi.ProductId;
import io.loyalty.spi.SkuId;
import io.loyalty.spi.ValidationRuleId;
import io.loyalty.spi.program.ValidationRule;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * What the host answered while one decision was made, in the order it was asked: whether order lines belong to
 * products collections, and the named validation rules as they were then. Recorded in the event's receipt, so the
 * decision can be replayed with no host call and a refund is judged by the answers true at payment time.
 *
 * @param collections each collection asked about, by the line's product and SKU
 * @param validationRules each named rule looked up, with the definition the host gave ({@code null}: unknown)
 */
public record HostAnswers(List<CollectionAnswer> collections, List<RuleAnswer> validationRules) {
  /** No answers: the decision asked the host nothing. */
  public static final HostAnswers NONE = new HostAnswers(List.of(), List.of());

  /** Copies the lists. */
  public HostAnswers {
    collections = List.copyOf(collections);
    validationRules = List.copyOf(validationRules);
  }

  /** Whether the host was asked nothing. */
  public boolean isEmpty() {
    return collections.isEmpty() && validationRules.isEmpty();
  }

  /**
   * Whether a line of this product and SKU belongs to the collection. A collection selects products, so the answer
   * is recorded by the line's product and SKU, and holds for any line of them (a refund's remaining lines too).
   */
  public record CollectionAnswer(CollectionId collection, @Nullable ProductId product, @Nullable SkuId sku,
      boolean contains) {
    /** Checks the collection. */
    public CollectionAnswer {
      Objects.requireNonNull(collection, "collection");
    }
  }

  /** A named validation rule as the host gave it, {@code null} when it knew none by that id. */
  public record RuleAnswer(ValidationRuleId id, @Nullable ValidationRule rule) {
    /** Checks the id. */
    public RuleAnswer {
      Objects.requireNonNull(id, "id");
    }
  }
}
