package io.loyalty.core.internal.eval;

import io.loyalty.spi.CollectionId;
import io.loyalty.spi.ProductId;
import io.loyalty.spi.SkuId;
import io.loyalty.spi.event.OrderItem;
import io.loyalty.spi.host.ProductCollections;
import io.loyalty.spi.program.ItemTarget;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Decides whether an order line is one of a list of item targets, compiled once: product and SKU ids as
 * hash sets, collections through the host. A line matched by several targets is still one line.
 */
public final class ItemMatcher {
  private static final ItemMatcher ALL = new ItemMatcher(Set.of(), Set.of(), List.of(), ProductCollections.none(), true);

  private final Set<ProductId> products;
  private final Set<SkuId> skus;
  private final List<CollectionId> collections;
  private final ProductCollections catalog;
  private final boolean matchesAll;

  private ItemMatcher(
      Set<ProductId> products, Set<SkuId> skus, List<CollectionId> collections, ProductCollections catalog,
      boolean matchesAll) {
    this.products = products;
    this.skus = skus;
    this.collections = collections;
    this.catalog = catalog;
    this.matchesAll = matchesAll;
  }

  /** A matcher for the targets; an empty list matches every line. */
  public static ItemMatcher of(List<ItemTarget> targets, ProductCollections catalog) {
    if (targets.isEmpty()) {
      return ALL;
    }
    Set<ProductId> products = new HashSet<>();
    Set<SkuId> skus = new HashSet<>();
    List<CollectionId> collections = new ArrayList<>();
    for (ItemTarget target : targets) {
      if (target instanceof ItemTarget.Product p) {
        products.add(p.id());
      } else if (target instanceof ItemTarget.Sku s) {
        skus.add(s.id());
      } else if (target instanceof ItemTarget.Collection c) {
        collections.add(c.id());
      }
    }
    return new ItemMatcher(Set.copyOf(products), Set.copyOf(skus), List.copyOf(collections), catalog, false);
  }

  /** Whether the line is one of the targets. */
  public boolean matches(OrderItem item) {
    if (matchesAll) {
      return true;
    }
    ProductId product = item.product();
    if (product != null && products.contains(product)) {
      return true;
    }
    SkuId sku = item.sku();
    if (sku != null && skus.contains(sku)) {
      return true;
    }
    for (int i = 0; i < collections.size(); i++) {
      if (catalog.contains(collections.get(i), item)) {
        return true;
      }
    }
    return false;
  }
}
