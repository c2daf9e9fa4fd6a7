package io.loyalty.core;

import io.loyalty.spi.ErrorCode;
import io.loyalty.spi.LoyaltyException;

/** Pending points that were already activated or canceled cannot be activated, adjusted or canceled. Code {@code invalid_pending_points_bucket_status}. */
public final class PendingPointsStateException extends LoyaltyException {
  private static final long serialVersionUID = 1L;

  /** Creates the error with a message naming the values that failed. */
  public PendingPointsStateException(String message) {
    super(ErrorCode.INVALID_PENDING_POINTS_BUCKET_STATUS, message);
  }
}
