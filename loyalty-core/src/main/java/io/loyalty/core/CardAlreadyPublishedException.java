package io.loyalty.core;

import io.loyalty.spi.ErrorCode;
import io.loyalty.spi.LoyaltyException;

/** The card asked for is already published to a customer. Code {@code voucher_already_published}. */
public final class CardAlreadyPublishedException extends LoyaltyException {
  private static final long serialVersionUID = 1L;

  /** Creates the error with a message naming the values that failed. */
  public CardAlreadyPublishedException(String message) {
    super(ErrorCode.VOUCHER_ALREADY_PUBLISHED, message);
  }
}
