package io.loyalty.core;

import io.loyalty.spi.ErrorCode;
import io.loyalty.spi.LoyaltyException;

/** A redemption id (the caller's idempotency key) was used before for a different request. Code {@code duplicate_redemption_id}. */
public final class RedemptionIdReusedException extends LoyaltyException {
  private static final long serialVersionUID = 1L;

  /** Creates the error with a message naming the values that failed. */
  public RedemptionIdReusedException(String message) {
    super(ErrorCode.DUPLICATE_REDEMPTION_ID, message);
  }
}
