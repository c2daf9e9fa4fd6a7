package io.loyalty.core;

import io.loyalty.spi.ErrorCode;
import io.loyalty.spi.LoyaltyException;

/** A STATIC program's card pool has no unpublished card left to publish. Code {@code no_voucher_suitable_for_publication}. */
public final class NoCardAvailableException extends LoyaltyException {
  private static final long serialVersionUID = 1L;

  /** Creates the error with a message naming the values that failed. */
  public NoCardAvailableException(String message) {
    super(ErrorCode.NO_VOUCHER_SUITABLE_FOR_PUBLICATION, message);
  }
}
