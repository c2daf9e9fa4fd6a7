package io.loyalty.spi;

/**
 * Identifies a redemption; derived from the caller's idempotency key, so a retry finds the first result.
 *
 * @param value 1 to 200 characters, stored in Unicode NFC, no control characters, never {@code null}
 */
public record RedemptionId(String value) implements Comparable<RedemptionId> {
  /** Validates and normalizes the text; throws {@link InvalidInputException} naming the bad value. */
  public RedemptionId {
    value = IdText.check("redemption_id", value);
  }

  /** Returns the id with the given text. */
  public static RedemptionId of(String value) {
    return new RedemptionId(value);
  }

  @Override
  public int compareTo(RedemptionId other) {
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
    return o instanceof RedemptionId other && value.equals(other.value);
  }

  @Override
  public int hashCode() {
    return value.hashCode();
  }
}
