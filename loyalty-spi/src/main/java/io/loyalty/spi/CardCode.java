package io.loyalty.spi;

/**
 * The code of a loyalty card, which also identifies the member (Voucherify's member id).
 *
 * @param value 1 to 200 characters, stored in Unicode NFC, no control characters, never {@code null}
 */
public record CardCode(String value) implements Comparable<CardCode> {
  /** Validates and normalizes the text; throws {@link InvalidInputException} naming the bad value. */
  public CardCode {
    value = IdText.check("card_code", value);
  }

  /** Returns the id with the given text. */
  public static CardCode of(String value) {
    return new CardCode(value);
  }

  @Override
  public int compareTo(CardCode other) {
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
    return o instanceof CardCode other && value.equals(other.value);
  }

  @Override
  public int hashCode() {
    return value.hashCode();
  }
}
