package io.loyalty.json.internal.wire;

import com.fasterxml.jackson.annotation.JsonAlias;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A v1 order ({@code POST /v1/orders}): amounts in minor units, the lines, the customer and metadata. The ignored
 * names are Voucherify's computed or bookkeeping fields the engine does not read.
 */
@JsonIgnoreProperties({"object", "created_at", "updated_at", "referrer_id", "referrer", "redemptions",
    "initial_amount", "applied_discount_amount", "items_applied_discount_amount", "total_applied_discount_amount",
    "items_discount_amount", "total_discount_amount"})
public record OrderWire(
    @Nullable String id,
    @Nullable String sourceId,
    // Voucherify's Java SDK 8 writes an order's status as "result"
    @JsonAlias("result") @Nullable String status,
    @Nullable Long amount,
    @Nullable Long discountAmount,
    @Nullable Long totalAmount,
    @Nullable List<Item> items,
    @Nullable CustomerWire customer,
    @Nullable String customerId,
    @Nullable ObjectNode metadata) {

  /** One order line; {@code product} and {@code sku} may name the line by source id. */
  @JsonIgnoreProperties({"object", "related_object", "discount_quantity", "initial_quantity", "applied_quantity",
      "applied_quantity_amount", "initial_amount", "applied_discount_quantity", "discount_amount"})
  public record Item(
      @Nullable String productId,
      @Nullable String skuId,
      @Nullable String sourceId,
      @Nullable Long quantity,
      @Nullable Long price,
      @Nullable Long amount,
      @Nullable Long appliedDiscountAmount,
      @Nullable Long subtotalAmount,
      @Nullable ProductRef product,
      @Nullable ProductRef sku,
      @Nullable ObjectNode metadata) {}

  /** {@code product} / {@code sku} of a line: its id or source id; the echoed details are ignored. */
  @JsonIgnoreProperties({"override", "name", "sku", "price", "metadata", "object"})
  public record ProductRef(@Nullable String id, @Nullable String sourceId) {}
}
