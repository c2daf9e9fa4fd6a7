package io.loyalty.spi;

/**
 * Identifies a reward's assignment to a program, which carries its price in points (Voucherify's `rewa_…`).
 *
 * @param value 1 to 200 characters, stored in Unicode NFC, no control characters, never {@code null}
 */
public record AssignmentId(String value) implements Comparable<AssignmentId> {
  /** Validates and normalizes the text; throws {@link InvalidInputException} naming the bad value. */
  public AssignmentId {
    value = IdText.check("assignment_id", value);
  }

  /** Returns the id with the given text. */
  public static AssignmentId of(String value) {
    return new AssignmentId(value);
  }

  @Override
  public int compareTo(AssignmentId other) {
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
    return o instanceof AssignmentId other && value.equals(other.value);
  }

  @Override
  public int hashCode() {
    return value.hashCode();
  }
}
