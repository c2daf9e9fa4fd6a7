package io.loyalty.spi;

/**
 * Identifies a SKU, a variant of a product (Voucherify's `sku_…`).
 *
 * @param value 1 to 200 characters, stored in Unicode NFC, no control characters, never {@code null}
 */
public record SkuId(String value) implements Comparable<SkuId> {
  /** Validates and normalizes the text; throws {@link InvalidInputException} naming the bad value. */
  public SkuId {
    value = IdText.check("sku_id", value);
  }

  /** Returns the id with the given text. */
  public static SkuId of(String value) {
    return new SkuId(value);
  }

  @Override
  public int compareTo(SkuId other) {
    return value.compareTo(other.value);
  }

  @Override
  public String toString() {
    return value;
  }

  // Written out rather than generated: ids are hashed and compared on every lookup, and the generated methods go
  // through method handles that the JIT does not always inline.
  @Override
  public boolean equals(Object o) {
    return o instanceof SkuId other && value.equals(other.value);
  }

  @Override
  public int hashCode() {
    return value.hashCode();
  }
}
