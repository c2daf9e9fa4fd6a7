package io.loyalty.core;

import io.loyalty.spi.ErrorCode;
import io.loyalty.spi.LoyaltyException;

/** The operation needs a card published to a customer, and this card is still in the pool. Code {@code card_not_published}. */
public final class CardNotPublishedException extends LoyaltyException {
  private static final long serialVersionUID = 1L;

  /** Creates the error with a message naming the values that failed. */
  public CardNotPublishedException(String message) {
    super(ErrorCode.CARD_NOT_PUBLISHED, message);
  }
}
