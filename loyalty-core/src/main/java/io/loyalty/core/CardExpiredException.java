package io.loyalty.core;

import io.loyalty.spi.ErrorCode;
import io.loyalty.spi.LoyaltyException;

/** The card is past its expiry, so it cannot send or receive points. Code {@code voucher_expired}. */
public final class CardExpiredException extends LoyaltyException {
  private static final long serialVersionUID = 1L;

  /** Creates the error with a message naming the values that failed. */
  public CardExpiredException(String message) {
    super(ErrorCode.VOUCHER_EXPIRED, message);
  }
}
