package io.loyalty.spi;

/**
 * Identifies a loyalty program (Voucherify's loyalty campaign, `camp_…`).
 *
 * @param value 1 to 200 characters, stored in Unicode NFC, no control characters, never {@code null}
 */
public record ProgramId(String value) implements Comparable<ProgramId> {
  /** Validates and normalizes the text; throws {@link InvalidInputException} naming the bad value. */
  public ProgramId {
    value = IdText.check("program_id", value);
  }

  /** Returns the id with the given text. */
  public static ProgramId of(String value) {
    return new ProgramId(value);
  }

  @Override
  public int compareTo(ProgramId other) {
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
    return o instanceof ProgramId other && value.equals(other.value);
  }

  @Override
  public int hashCode() {
    return value.hashCode();
  }
}
