package io.loyalty.core;

import io.loyalty.spi.ErrorCode;
import io.loyalty.spi.LoyaltyException;

/** A removal, transfer or redemption asked for more points than the card's usable balance. Code {@code loyalty_card_points_exceeded}. */
public final class InsufficientPointsException extends LoyaltyException {
  private static final long serialVersionUID = 1L;

  /** Creates the error with a message naming the values that failed. */
  public InsufficientPointsException(String message) {
    super(ErrorCode.LOYALTY_CARD_POINTS_EXCEEDED, message);
  }
}
