package io.loyalty.core.internal.engine;

import io.loyalty.core.internal.eval.Answers;
import io.loyalty.spi.CollectionId;
import io.loyalty.spi.ProductId;
import io.loyalty.spi.SkuId;
import io.loyalty.spi.ValidationRuleId;
import io.loyalty.spi.earning.HostAnswers;
import io.loyalty.spi.earning.HostAnswers.CollectionAnswer;
import io.loyalty.spi.earning.HostAnswers.RuleAnswer;
import io.loyalty.spi.event.OrderItem;
import io.loyalty.spi.host.ProductCollections;
import io.loyalty.spi.host.ValidationRules;
import io.loyalty.spi.program.ValidationRule;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Where a decision's host answers come from: the host's ports, each answer recorded for the receipt
 * ({@link Recording}), or answers recorded before ({@link Replaying}: a replay, a refund judged as at payment).
 * A collection's answer is taken by the line's product and SKU (a collection selects products), so the host is
 * asked once per product, SKU and collection in a decision. Not thread-safe: one per decision.
 */
public final class HostAnswering {
  private HostAnswering() {}

  /** The key of a collection answer. */
  private record Key(CollectionId collection, @Nullable ProductId product, @Nullable SkuId sku) {
    static Key of(CollectionId collection, OrderItem item) {
      return new Key(collection, item.product(), item.sku());
    }
  }

  /** Answers from the host's ports, recording each one in the order asked. */
  public static Recording recording(ValidationRules rules, ProductCollections collections) {
    return new Recording(rules, collections, null);
  }

  /** Answers the recorded ones, and asks {@code rest} (recording it) for anything not recorded. */
  static Recording recording(HostAnswers recorded, Answers rest) {
    return new Recording(null, null, new Replaying(recorded, rest));
  }

  /** Answers from a record only; a question it does not hold is an {@link IllegalStateException}. */
  public static Answers replaying(HostAnswers recorded) {
    return new Replaying(recorded, null);
  }

  /** Host answers that are recorded as they are given. */
  public static final class Recording implements Answers {
    private final @Nullable ValidationRules rules;
    private final @Nullable ProductCollections collections;
    private final @Nullable Answers before;
    private @Nullable Map<Key, Boolean> inCollection;
    private @Nullable Map<ValidationRuleId, RuleAnswer> named;

    private Recording(@Nullable ValidationRules rules, @Nullable ProductCollections collections,
        @Nullable Answers before) {
      this.rules = rules;
      this.collections = collections;
      this.before = before;
    }

    @Override
    public boolean inCollection(CollectionId collection, OrderItem item) {
      Map<Key, Boolean> asked = inCollection;
      if (asked == null) {
        asked = inCollection = new java.util.LinkedHashMap<>();
      }
      Key key = Key.of(collection, item);
      Boolean answer = asked.get(key);
      if (answer == null) {
        answer = before != null ? before.inCollection(collection, item)
            : java.util.Objects.requireNonNull(collections, "ports").contains(collection, item);
        asked.put(key, answer);
      }
      return answer;
    }

    @Override
    public @Nullable ValidationRule validationRule(ValidationRuleId id) {
      Map<ValidationRuleId, RuleAnswer> asked = named;
      if (asked == null) {
        asked = named = new java.util.LinkedHashMap<>();
      }
      RuleAnswer answer = asked.get(id);
      if (answer == null) {
        ValidationRule rule;
        if (before != null) {
          rule = before.validationRule(id);
        } else {
          Optional<ValidationRule> found = java.util.Objects.requireNonNull(rules, "ports").find(id);
          rule = found == null ? null : found.orElse(null);
        }
        answer = new RuleAnswer(id, rule);
        asked.put(id, answer);
      }
      return answer.rule();
    }

    /** Every answer given so far, in the order asked. */
    public HostAnswers recorded() {
      if (inCollection == null && named == null) {
        return HostAnswers.NONE;
      }
      List<CollectionAnswer> c = new ArrayList<>();
      if (inCollection != null) {
        inCollection.forEach((k, v) -> c.add(new CollectionAnswer(k.collection(), k.product(), k.sku(), v)));
      }
      return new HostAnswers(c, named == null ? List.of() : List.copyOf(named.values()));
    }
  }

  /** Answers from a record, falling back to {@code rest} when given (else refusing what is not recorded). */
  private static final class Replaying implements Answers {
    private final Map<Key, Boolean> inCollection = new HashMap<>();
    private final Map<ValidationRuleId, RuleAnswer> named = new HashMap<>();
    private final @Nullable Answers rest;

    Replaying(HostAnswers recorded, @Nullable Answers rest) {
      for (CollectionAnswer a : recorded.collections()) {
        inCollection.put(new Key(a.collection(), a.product(), a.sku()), a.contains());
      }
      for (RuleAnswer a : recorded.validationRules()) {
        named.put(a.id(), a);
      }
      this.rest = rest;
    }

    @Override
    public boolean inCollection(CollectionId collection, OrderItem item) {
      Boolean answer = inCollection.get(Key.of(collection, item));
      if (answer != null) {
        return answer;
      }
      if (rest == null) {
        throw new IllegalStateException("no recorded answer for collection " + collection);
      }
      return rest.inCollection(collection, item);
    }

    @Override
    public @Nullable ValidationRule validationRule(ValidationRuleId id) {
      RuleAnswer answer = named.get(id);
      if (answer != null) {
        return answer.rule();
      }
      if (rest == null) {
        throw new IllegalStateException("no recorded answer for validation rule " + id);
      }
      return rest.validationRule(id);
    }
  }
}
