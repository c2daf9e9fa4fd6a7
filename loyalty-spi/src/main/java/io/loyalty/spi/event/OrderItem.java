package io.loyalty.spi.event;

import io.loyalty.spi.Metadata;
import io.loyalty.spi.ProductId;
import io.loyalty.spi.SkuId;
import org.jspecify.annotations.Nullable;

/**
 * One order line, in minor units. A line names its product, its SKU, or both (a SKU line names its
 * product too, so product targets match it).
 *
 * @param product the product, {@code null} when only the SKU is known
 * @param sku the SKU, {@code null} for a product line
 * @param quantity units, positive
 * @param price the unit price, zero or more
 * @param amount {@code price × quantity}, before discounts
 * @param subtotalAmount {@code amount} less item-level discounts, from zero to {@code amount}
 * @param metadata the line's metadata
 */
public record OrderItem(
    @Nullable ProductId product,
    @Nullable SkuId sku,
    long quantity,
    long price,
    long amount,
    long subtotalAmount,
    Metadata metadata) {

  /** Defaults the metadata. */
  public OrderItem {
    metadata = metadata == null ? Metadata.EMPTY : metadata;
  }

  /** A product line with no discount; the amount is {@code price × quantity} (exact, or an error). */
  public static OrderItem product(String productId, long quantity, long price) {
    long amount = Math.multiplyExact(quantity, price);
    return new OrderItem(ProductId.of(productId), null, quantity, price, amount, amount, Metadata.EMPTY);
  }

  /** A SKU line of a product with no discount; the amount is {@code price × quantity}. */
  public static OrderItem sku(String productId, String skuId, long quantity, long price) {
    long amount = Math.multiplyExact(quantity, price);
    return new OrderItem(ProductId.of(productId), SkuId.of(skuId), quantity, price, amount, amount, Metadata.EMPTY);
  }

  /** A copy with an item-level discount: the subtotal becomes {@code amount - discount}. */
  public OrderItem withDiscount(long discount) {
    return new OrderItem(product, sku, quantity, price, amount, Math.subtractExact(amount, discount), metadata);
  }

  /** A copy with the given metadata. */
  public OrderItem withMetadata(Metadata metadata) {
    return new OrderItem(product, sku, quantity, price, amount, subtotalAmount, metadata);
  }
}
