package io.loyalty.spi;

/**
 * Identifies a tier within a program (Voucherify's {@code ltr_…}).
 *
 * @param value 1 to 200 characters, stored in Unicode NFC, no control characters, never {@code null}
 */
public record TierId(String value) implements Comparable<TierId> {
  /** Validates and normalizes the text; throws {@link InvalidInputException} naming the bad value. */
  public TierId {
    value = IdText.check("tier_id", value);
  }

  /** Returns the id with the given text. */
  public static TierId of(String value) {
    return new TierId(value);
  }

  @Override
  public int compareTo(TierId other) {
    return value.compareTo(other.value);
  }

  @Override
  public String toString() {
    return value;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof TierId other && value.equals(other.value);
  }

  @Override
  public int hashCode() {
    return value.hashCode();
  }
}
