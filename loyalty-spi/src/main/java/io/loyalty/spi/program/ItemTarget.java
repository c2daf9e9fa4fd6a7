package io.loyalty.spi.program;

import io.loyalty.spi.CollectionId;
import io.loyalty.spi.ProductId;
import io.loyalty.spi.SkuId;

/**
 * Which order lines an item-based formula or condition counts: a product (its lines and its SKUs' lines),
 * a SKU, or a products collection resolved by the host.
 */
public sealed interface ItemTarget permits ItemTarget.Product, ItemTarget.Sku, ItemTarget.Collection {

  /** Lines whose product is {@code id}. */
  static ItemTarget product(String id) {
    return new Product(ProductId.of(id));
  }

  /** Lines whose SKU is {@code id}. */
  static ItemTarget sku(String id) {
    return new Sku(SkuId.of(id));
  }

  /** Lines in the products collection {@code id}. */
  static ItemTarget collection(String id) {
    return new Collection(CollectionId.of(id));
  }

  /** Voucherify's {@code object} value: {@code product}, {@code sku} or {@code products_collection}. */
  String objectType();

  /** A product target. */
  record Product(ProductId id) implements ItemTarget {
    @Override
    public String objectType() {
      return "product";
    }
  }

  /** A SKU target. */
  record Sku(SkuId id) implements ItemTarget {
    @Override
    public String objectType() {
      return "sku";
    }
  }

  /** A products collection target. */
  record Collection(CollectionId id) implements ItemTarget {
    @Override
    public String objectType() {
      return "products_collection";
    }
  }
}
