package io.loyalty.spi.host;

import io.loyalty.spi.CollectionId;
import io.loyalty.spi.ProductId;
import io.loyalty.spi.SkuId;
import io.loyalty.spi.event.OrderItem;
import java.util.Map;
import java.util.Set;

/**
 * Tells whether an order line belongs to a products collection; collections live in the host's catalog.
 * Implementations are thread-safe, fast, and do no I/O per call.
 */
@FunctionalInterface
public interface ProductCollections {
  /** Whether the line belongs to the collection. */
  boolean contains(CollectionId collection, OrderItem item);

  /** Whether the collection exists; unknown collections are rejected when a program is defined. */
  default boolean exists(CollectionId collection) {
    return true;
  }

  /** No collections: nothing belongs to any. */
  static ProductCollections none() {
    return new ProductCollections() {
      @Override
      public boolean contains(CollectionId collection, OrderItem item) {
        return false;
      }

      @Override
      public boolean exists(CollectionId collection) {
        return false;
      }
    };
  }

  /**
   * Static collections listing their members: each id maps to product ids and SKU ids; a line belongs
   * when its product or its SKU is listed.
   */
  /** Whether a static collection's member ids list the line: its product id or its SKU id. */
  static boolean listed(Set<String> ids, OrderItem item) {
    ProductId product = item.product();
    SkuId sku = item.sku();
    return (product != null && ids.contains(product.value())) || (sku != null && ids.contains(sku.value()));
  }

  static ProductCollections of(Map<CollectionId, Set<String>> members) {
    Map<CollectionId, Set<String>> copy = Map.copyOf(members);
    return new ProductCollections() {
      @Override
      public boolean contains(CollectionId collection, OrderItem item) {
        Set<String> ids = copy.get(collection);
        return ids != null && listed(ids, item);
      }

      @Override
      public boolean exists(CollectionId collection) {
        return copy.containsKey(collection);
      }
    };
  }
}
