package io.loyalty.spi.program;

/**
 * The program's pool of card codes: {@code vouchers_count} cards are generated when the program is
 * defined; a STATIC pool never grows, an AUTO_UPDATE pool generates new cards when it runs out.
 *
 * @param type STATIC or AUTO_UPDATE
 * @param vouchersCount the number of cards generated up front, zero or more
 */
public record CardPool(Type type, int vouchersCount) {
  /** An AUTO_UPDATE pool with no pre-generated cards. */
  public static final CardPool ON_DEMAND = new CardPool(Type.AUTO_UPDATE, 0);

  /** A fixed pool of {@code count} cards. */
  public static CardPool fixed(int count) {
    return new CardPool(Type.STATIC, count);
  }

  /** A pool of {@code count} cards that grows when it runs out. */
  public static CardPool growing(int count) {
    return new CardPool(Type.AUTO_UPDATE, count);
  }

  /** Voucherify's campaign {@code type}. */
  public enum Type {
    STATIC,
    AUTO_UPDATE
  }
}
