package io.loyalty.core.internal.decide;

import io.loyalty.core.internal.eval.Answers;
import io.loyalty.spi.CollectionId;
import io.loyalty.spi.ProductId;
import io.loyalty.spi.SkuId;
import io.loyalty.spi.ValidationRuleId;
import io.loyalty.spi.earning.HostAnswers;
import io.loyalty.spi.earning.HostAnswers.CollectionAnswer;
import io.loyalty.spi.earning.HostAnswers.RuleAnswer;
import io.loyalty.spi.event.OrderItem;
import io.loyalty.spi.program.ValidationRule;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Where a decision's host answers come from, each one recorded for the receipt ({@link Recording}): the read set's
 * answers, gathered before the decision, or answers recorded before ({@link Replaying}: a replay, a refund judged as at
 * payment). A collection's answer is taken by the line's product and SKU (a collection selects products), so it is
 * taken once per product, SKU and collection in a decision. Not thread-safe: one per decision.
 */
public final class Answering {
  private Answering() {}

  /** Answers that refuse every question: what a decision sees when its read set holds no answer. */
  private static final Answers REFUSING = new Replaying(HostAnswers.NONE, null);

  /** The key of a collection answer. */
  private record Key(CollectionId collection, @Nullable ProductId product, @Nullable SkuId sku) {
    static Key of(CollectionId collection, OrderItem item) {
      return new Key(collection, item.product(), item.sku());
    }
  }

  /** Answers from {@code source}, recording each one in the order asked. */
  public static Recording recording(Answers source) {
    return new Recording(source);
  }

  /** Answers the recorded ones, and asks {@code rest} (recording it) for anything not recorded. */
  public static Recording recording(HostAnswers recorded, Answers rest) {
    return new Recording(new Replaying(recorded, rest));
  }

  /** Answers from a record only; a question it does not hold is an {@link IllegalStateException}. */
  public static Answers replaying(HostAnswers recorded) {
    return recorded.isEmpty() ? REFUSING : new Replaying(recorded, null);
  }

  /** Host answers that are recorded as they are given. */
  public static final class Recording implements Answers {
    private final Answers before;
    // The collection answers in the order asked, in parallel arrays: a decision asks a handful (lines × collections),
    // so a scan finds one faster than a hash map would, and nothing is allocated per answer.
    private CollectionId @Nullable [] collectionsAsked;
    private ProductId @Nullable [] products;
    private SkuId @Nullable [] skus;
    private boolean @Nullable [] answers;
    private int asked;
    private @Nullable Map<ValidationRuleId, RuleAnswer> named;

    private Recording(Answers before) {
      this.before = before;
    }

    @Override
    public boolean inCollection(CollectionId collection, OrderItem item) {
      ProductId product = item.product();
      SkuId sku = item.sku();
      CollectionId[] c = collectionsAsked;
      if (c != null) {
        ProductId[] p = java.util.Objects.requireNonNull(products, "recorded with collections");
        SkuId[] k = java.util.Objects.requireNonNull(skus, "recorded with collections");
        for (int i = 0; i < asked; i++) {
          if (c[i].equals(collection) && java.util.Objects.equals(p[i], product) && java.util.Objects.equals(k[i], sku)) {
            return java.util.Objects.requireNonNull(answers, "recorded with collections")[i];
          }
        }
      }
      boolean answer = before.inCollection(collection, item);
      record(collection, product, sku, answer);
      return answer;
    }

    private void record(CollectionId collection, @Nullable ProductId product, @Nullable SkuId sku, boolean answer) {
      CollectionId[] c = collectionsAsked;
      if (c == null || asked == c.length) {
        int capacity = c == null ? 8 : c.length * 2;
        collectionsAsked = c = c == null ? new CollectionId[capacity] : java.util.Arrays.copyOf(c, capacity);
        products = products == null ? new ProductId[capacity] : java.util.Arrays.copyOf(products, capacity);
        skus = skus == null ? new SkuId[capacity] : java.util.Arrays.copyOf(skus, capacity);
        answers = answers == null ? new boolean[capacity] : java.util.Arrays.copyOf(answers, capacity);
      }
      c[asked] = collection;
      java.util.Objects.requireNonNull(products, "grown with the collections")[asked] = product;
      java.util.Objects.requireNonNull(skus, "grown with the collections")[asked] = sku;
      java.util.Objects.requireNonNull(answers, "grown with the collections")[asked] = answer;
      asked++;
    }

    @Override
    public @Nullable ValidationRule validationRule(ValidationRuleId id) {
      Map<ValidationRuleId, RuleAnswer> asked = named;
      if (asked == null) {
        asked = named = new java.util.LinkedHashMap<>();
      }
      RuleAnswer answer = asked.get(id);
      if (answer == null) {
        answer = new RuleAnswer(id, before.validationRule(id));
        asked.put(id, answer);
      }
      return answer.rule();
    }

    /** Every answer given so far, in the order asked. */
    public HostAnswers recorded() {
      if (asked == 0 && named == null) {
        return HostAnswers.NONE;
      }
      CollectionAnswer[] c = new CollectionAnswer[asked];
      for (int i = 0; i < asked; i++) {
        c[i] = new CollectionAnswer(java.util.Objects.requireNonNull(collectionsAsked, "asked")[i],
            java.util.Objects.requireNonNull(products, "asked")[i], java.util.Objects.requireNonNull(skus, "asked")[i],
            java.util.Objects.requireNonNull(answers, "asked")[i]);
      }
      return new HostAnswers(List.of(c), named == null ? List.of() : List.copyOf(named.values()));
    }
  }

  /** Answers that refuse every question: those of a read set that gathered none. */
  public static Answers none() {
    return REFUSING;
  }

  /**
   * Answers gathered into a read set before a decision, in parallel arrays scanned in order (a decision asks a
   * handful: lines × collections, and named rules); a question not gathered is an {@link IllegalStateException}.
   * Filled while the read set is loaded, then only read. Not thread-safe.
   */
  public static final class Table implements Answers {
    private CollectionId[] collections;
    private @Nullable ProductId[] products;
    private @Nullable SkuId[] skus;
    private boolean[] contains;
    private int size;
    private List<RuleAnswer> rules = List.of();

    /** An empty table. */
    public Table() {
      this(8);
    }

    /** An empty table with room for {@code collectionAnswers} collection answers before it grows. */
    public Table(int collectionAnswers) {
      int capacity = Math.max(1, collectionAnswers);
      collections = new CollectionId[capacity];
      products = new ProductId[capacity];
      skus = new SkuId[capacity];
      contains = new boolean[capacity];
    }

    /** Whether the table holds the answer for a line of this product and SKU. */
    public boolean holds(CollectionId collection, OrderItem item) {
      return indexOf(collection, item.product(), item.sku()) >= 0;
    }

    /** The named rule's answer, {@code null} when the table holds none. */
    public @Nullable RuleAnswer rule(ValidationRuleId id) {
      for (int i = 0; i < rules.size(); i++) {
        if (rules.get(i).id().equals(id)) {
          return rules.get(i);
        }
      }
      return null;
    }

    /** Adds whether a line of the item's product and SKU belongs to the collection. */
    public void add(CollectionId collection, OrderItem item, boolean answer) {
      if (size == collections.length) {
        int capacity = size * 2;
        collections = java.util.Arrays.copyOf(collections, capacity);
        products = java.util.Arrays.copyOf(products, capacity);
        skus = java.util.Arrays.copyOf(skus, capacity);
        contains = java.util.Arrays.copyOf(contains, capacity);
      }
      collections[size] = collection;
      products[size] = item.product();
      skus[size] = item.sku();
      contains[size] = answer;
      size++;
    }

    /** Adds a named rule's answer. */
    public void add(RuleAnswer rule) {
      if (rules.isEmpty()) {
        rules = new java.util.ArrayList<>(2);
      }
      rules.add(rule);
    }

    private int indexOf(CollectionId collection, @Nullable ProductId product, @Nullable SkuId sku) {
      for (int i = 0; i < size; i++) {
        if (collections[i].equals(collection) && java.util.Objects.equals(products[i], product)
            && java.util.Objects.equals(skus[i], sku)) {
          return i;
        }
      }
      return -1;
    }

    @Override
    public boolean inCollection(CollectionId collection, OrderItem item) {
      int i = indexOf(collection, item.product(), item.sku());
      if (i < 0) {
        throw new IllegalStateException("the read set holds no answer for collection " + collection);
      }
      return contains[i];
    }

    @Override
    public @Nullable ValidationRule validationRule(ValidationRuleId id) {
      RuleAnswer answer = rule(id);
      if (answer == null) {
        throw new IllegalStateException("the read set holds no answer for validation rule " + id);
      }
      return answer.rule();
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
