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
}
