package io.loyalty.spi;

/**
 * Identifies a customer segment (Voucherify's `seg_…`).
 *
 * @param value 1 to 200 characters, stored in Unicode NFC, no control characters, never {@code null}
 */
public record SegmentId(String value) implements Comparable<SegmentId> {
  /** Validates and normalizes the text; throws {@link InvalidInputException} naming the bad value. */
  public SegmentId {
    value = IdText.check("segment_id", value);
  }

  /** Returns the id with the given text. */
  public static SegmentId of(String value) {
    return new SegmentId(value);
  }

  @Override
  public int compareTo(SegmentId other) {
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
    return o instanceof SegmentId other && value.equals(other.value);
  }

  @Override
  public int hashCode() {
    return value.hashCode();
  }
}
