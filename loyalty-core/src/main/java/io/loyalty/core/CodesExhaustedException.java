package io.loyalty.core;

import io.loyalty.spi.ErrorCode;
import io.loyalty.spi.LoyaltyException;

/** A card code configuration cannot yield as many distinct codes as needed. Code {@code codes_exhausted}. */
public final class CodesExhaustedException extends LoyaltyException {
  private static final long serialVersionUID = 1L;

  /** Creates the error with a message naming the values that failed. */
  public CodesExhaustedException(String message) {
    super(ErrorCode.CODES_EXHAUSTED, message);
  }
}
