package io.loyalty.core;

import io.loyalty.spi.ErrorCode;
import io.loyalty.spi.LoyaltyException;

/** A computation would exceed the range of exact integer points or minor units, so nothing was written. Code {@code value_out_of_range}. */
public final class OverflowException extends LoyaltyException {
  private static final long serialVersionUID = 1L;

  /** Creates the error with a message naming the values that failed. */
  public OverflowException(String message) {
    super(ErrorCode.VALUE_OUT_OF_RANGE, message);
  }
}
