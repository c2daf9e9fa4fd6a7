package io.loyalty.spi;

/**
 * Identifies a customer of the host (Voucherify's `cust_…` or source id).
 *
 * @param value 1 to 200 characters, stored in Unicode NFC, no control characters, never {@code null}
 */
public record CustomerId(String value) implements Comparable<CustomerId> {
  /** Validates and normalizes the text; throws {@link InvalidInputException} naming the bad value. */
  public CustomerId {
    value = IdText.check("customer_id", value);
  }

  /** Returns the id with the given text. */
  public static CustomerId of(String value) {
    return new CustomerId(value);
  }

  @Override
  public int compareTo(CustomerId other) {
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
    return o instanceof CustomerId other && value.equals(other.value);
  }

  @Override
  public int hashCode() {
    return value.hashCode();
  }
}
