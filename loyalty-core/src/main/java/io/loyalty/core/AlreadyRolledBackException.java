package io.loyalty.core;

import io.loyalty.spi.ErrorCode;
import io.loyalty.spi.LoyaltyException;

/** The redemption was rolled back before; a rollback happens once. Code {@code already_rolled_back}. */
public final class AlreadyRolledBackException extends LoyaltyException {
  private static final long serialVersionUID = 1L;

  /** Creates the error with a message naming the values that failed. */
  public AlreadyRolledBackException(String message) {
    super(ErrorCode.ALREADY_ROLLED_BACK, message);
  }
}
