package io.loyalty.spi;

/**
 * Identifies a products collection (Voucherify's `pc_…`), resolved by the host.
 *
 * @param value 1 to 200 characters, stored in Unicode NFC, no control characters, never {@code null}
 */
public record CollectionId(String value) implements Comparable<CollectionId> {
  /** Validates and normalizes the text; throws {@link InvalidInputException} naming the bad value. */
  public CollectionId {
    value = IdText.check("products_collection_id", value);
  }

  /** Returns the id with the given text. */
  public static CollectionId of(String value) {
    return new CollectionId(value);
  }

  @Override
  public int compareTo(CollectionId other) {
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
    return o instanceof CollectionId other && value.equals(other.value);
  }

  @Override
  public int hashCode() {
    return value.hashCode();
  }
}
