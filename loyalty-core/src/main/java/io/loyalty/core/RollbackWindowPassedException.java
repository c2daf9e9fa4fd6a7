package io.loyalty.core;

import io.loyalty.spi.ErrorCode;
import io.loyalty.spi.LoyaltyException;

/** The redemption is older than the engine's rollback window (three months by default). Code {@code rollback_window_passed}. */
public final class RollbackWindowPassedException extends LoyaltyException {
  private static final long serialVersionUID = 1L;

  /** Creates the error with a message naming the values that failed. */
  public RollbackWindowPassedException(String message) {
    super(ErrorCode.ROLLBACK_WINDOW_PASSED, message);
  }
}
