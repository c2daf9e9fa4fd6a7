package io.loyalty.spi;

/**
 * Identifies a product of the host catalog (Voucherify's `prod_…`).
 *
 * @param value 1 to 200 characters, stored in Unicode NFC, no control characters, never {@code null}
 */
public record ProductId(String value) implements Comparable<ProductId> {
  /** Validates and normalizes the text; throws {@link InvalidInputException} naming the bad value. */
  public ProductId {
    value = IdText.check("product_id", value);
  }

  /** Returns the id with the given text. */
  public static ProductId of(String value) {
    return new ProductId(value);
  }

  @Override
  public int compareTo(ProductId other) {
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
    return o instanceof ProductId other && value.equals(other.value);
  }

  @Override
  public int hashCode() {
    return value.hashCode();
  }
}
