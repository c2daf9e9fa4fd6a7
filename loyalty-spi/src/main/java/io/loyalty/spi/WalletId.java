package io.loyalty.spi;

/**
 * Identifies a point wallet: the card definition a member's card belongs to (Voucherify v2's card definition,
 * {@code lcd_…}). A member holds one card per wallet of a program; a v1 program has one wallet, {@link #MAIN}.
 *
 * @param value 1 to 200 characters, stored in Unicode NFC, no control characters, never {@code null}
 */
public record WalletId(String value) implements Comparable<WalletId> {
  /** The one wallet of a v1 program: its card template's cards. */
  public static final WalletId MAIN = new WalletId("main");

  /** Validates and normalizes the text; throws {@link InvalidInputException} naming the bad value. */
  public WalletId {
    value = IdText.check("wallet_id", value);
  }

  /** Returns the id with the given text. */
  public static WalletId of(String value) {
    return new WalletId(value);
  }

  @Override
  public int compareTo(WalletId other) {
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
    return o instanceof WalletId other && value.equals(other.value);
  }

  @Override
  public int hashCode() {
    return value.hashCode();
  }
}
