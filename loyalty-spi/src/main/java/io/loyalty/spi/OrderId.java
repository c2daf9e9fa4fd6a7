package io.loyalty.spi;

/**
 * Identifies an order of the host (Voucherify's `ord_…` or source id).
 *
 * @param value 1 to 200 characters, stored in Unicode NFC, no control characters, never {@code null}
 */
public record OrderId(String value) implements Comparable<OrderId> {
  /** Validates and normalizes the text; throws {@link InvalidInputException} naming the bad value. */
  public OrderId {
    value = IdText.check("order_id", value);
  }

  /** Returns the id with the given text. */
  public static OrderId of(String value) {
    return new OrderId(value);
  }

  @Override
  public int compareTo(OrderId other) {
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
    return o instanceof OrderId other && value.equals(other.value);
  }

  @Override
  public int hashCode() {
    return value.hashCode();
  }
}
