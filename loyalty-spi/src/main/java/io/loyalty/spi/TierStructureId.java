package io.loyalty.spi;

/**
 * Identifies a loyalty v2 tier structure (Voucherify's {@code lts_…}).
 *
 * @param value 1 to 200 characters, stored in Unicode NFC, no control characters, never {@code null}
 */
public record TierStructureId(String value) implements Comparable<TierStructureId> {
  /** Validates and normalizes the text; throws {@link InvalidInputException} naming the bad value. */
  public TierStructureId {
    value = IdText.check("tier_structure_id", value);
  }

  /** Returns the id with the given text. */
  public static TierStructureId of(String value) {
    return new TierStructureId(value);
  }

  @Override
  public int compareTo(TierStructureId other) {
    return value.compareTo(other.value);
  }

  @Override
  public String toString() {
    return value;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof TierStructureId other && value.equals(other.value);
  }

  @Override
  public int hashCode() {
    return value.hashCode();
  }
}
