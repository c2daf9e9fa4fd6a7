package io.loyalty.core.internal.eval;

import io.loyalty.spi.CollectionId;
import io.loyalty.spi.ProductId;
import io.loyalty.spi.SkuId;
import io.loyalty.spi.event.OrderItem;
import io.loyalty.spi.program.ItemTarget;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Decides whether an order line is one of a list of item targets, compiled once: product and SKU ids as their
 * texts (a scan of a few, a hash set of many), collections through the host. A line matched by several targets is
 * still one line.
 */
public final class ItemMatcher {
  /** Up to this many ids are compared one by one; more go into a hash set. */
  private static final int SCANNED = 4;
  private static final String[] NONE = new String[0];
  private static final ItemMatcher ALL =
      new ItemMatcher(NONE, null, NONE, null, new CollectionId[0], new int[0], true);

  private final String[] products;
  private final @Nullable Set<String> productSet;
  private final String[] skus;
  private final @Nullable Set<String> skuSet;
  private final CollectionId[] collections;
  /** Each collection's slot in the program's {@link Memo}, -1 for none. */
  private final int[] slots;
  private final boolean matchesAll;

  private ItemMatcher(String[] products, @Nullable Set<String> productSet, String[] skus, @Nullable Set<String> skuSet,
      CollectionId[] collections, int[] slots, boolean matchesAll) {
    this.products = products;
    this.productSet = productSet;
    this.skus = skus;
    this.skuSet = skuSet;
    this.collections = collections;
    this.slots = slots;
    this.matchesAll = matchesAll;
  }

  /** A matcher for the targets; an empty list matches every line. */
  public static ItemMatcher of(List<ItemTarget> targets) {
    return of(targets, Map.of());
  }

  /**
   * A matcher for the targets whose collections have slots in a per-evaluation {@link Memo} (so rules that name
   * the same collection ask the host once per line).
   */
  static ItemMatcher of(List<ItemTarget> targets, Map<CollectionId, Integer> slots) {
    if (targets.isEmpty()) {
      return ALL;
    }
    Set<String> products = new LinkedHashSet<>();
    Set<String> skus = new LinkedHashSet<>();
    List<CollectionId> collections = new ArrayList<>();
    for (ItemTarget target : targets) {
      if (target instanceof ItemTarget.Product p) {
        products.add(p.id().value());
      } else if (target instanceof ItemTarget.Sku s) {
        skus.add(s.id().value());
      } else if (target instanceof ItemTarget.Collection c && !collections.contains(c.id())) {
        collections.add(c.id());
      }
    }
    int[] slotOf = new int[collections.size()];
    for (int i = 0; i < slotOf.length; i++) {
      slotOf[i] = slots.getOrDefault(collections.get(i), -1);
    }
    return new ItemMatcher(products.toArray(NONE), products.size() > SCANNED ? Set.copyOf(products) : null,
        skus.toArray(NONE), skus.size() > SCANNED ? Set.copyOf(skus) : null, collections.toArray(new CollectionId[0]),
        slotOf, false);
  }

  /** Whether the line is one of the targets. */
  public boolean matches(OrderItem item, Answers answers) {
    return matches(item, -1, null, answers);
  }

  /** Whether line {@code line} of the order is one of the targets, with collection answers shared through the memo. */
  boolean matches(OrderItem item, int line, @Nullable Memo memo, Answers answers) {
    if (matchesAll) {
      return true;
    }
    ProductId product = item.product();
    if (product != null && contains(products, productSet, product.value())) {
      return true;
    }
    SkuId sku = item.sku();
    if (sku != null && contains(skus, skuSet, sku.value())) {
      return true;
    }
    for (int i = 0; i < collections.length; i++) {
      if (memo != null ? memo.inCollection(slots[i], line, collections[i], item, answers)
          : answers.inCollection(collections[i], item)) {
        return true;
      }
    }
    return false;
  }

  private static boolean contains(String[] few, @Nullable Set<String> many, String id) {
    if (many != null) {
      return many.contains(id);
    }
    for (String s : few) {
      if (s.equals(id)) {
        return true;
      }
    }
    return false;
  }

  /** The collections the targets name, for the program's memo slots. */
  static List<CollectionId> collections(List<ItemTarget> targets) {
    List<CollectionId> found = new ArrayList<>();
    for (ItemTarget target : targets) {
      if (target instanceof ItemTarget.Collection c) {
        found.add(c.id());
      }
    }
    return found;
  }
}
