package io.loyalty.core;

import io.loyalty.spi.ErrorCode;
import io.loyalty.spi.LoyaltyException;

/** The card is switched off, so it cannot send or receive points. Code {@code loyalty_card_not_active}. */
public final class CardInactiveException extends LoyaltyException {
  private static final long serialVersionUID = 1L;

  /** Creates the error with a message naming the values that failed. */
  public CardInactiveException(String message) {
    super(ErrorCode.LOYALTY_CARD_NOT_ACTIVE, message);
  }
}
