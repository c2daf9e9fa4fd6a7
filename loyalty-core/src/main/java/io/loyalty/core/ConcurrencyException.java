package io.loyalty.core;

import io.loyalty.spi.ErrorCode;
import io.loyalty.spi.LoyaltyException;

/** A write kept conflicting with concurrent writes and the engine's bounded retries ran out. Code {@code multiple_requests}. */
public final class ConcurrencyException extends LoyaltyException {
  private static final long serialVersionUID = 1L;

  /** Creates the error with a message naming the values that failed. */
  public ConcurrencyException(String message) {
    super(ErrorCode.MULTIPLE_REQUESTS, message);
  }
}
