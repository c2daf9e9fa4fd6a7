package io.loyalty.core;

import io.loyalty.spi.ErrorCode;
import io.loyalty.spi.LoyaltyException;

/**
 * The engine's clock reads an instant outside the years 1 to 9999, the range the engine computes in; nothing was
 * written. A misconfigured host clock, not a bad request. Code {@code clock_out_of_range}.
 */
public final class ClockOutOfRangeException extends LoyaltyException {
  private static final long serialVersionUID = 1L;

  /** Creates the error with a message naming the instant read and the range. */
  public ClockOutOfRangeException(String message) {
    super(ErrorCode.CLOCK_OUT_OF_RANGE, message);
  }
}
