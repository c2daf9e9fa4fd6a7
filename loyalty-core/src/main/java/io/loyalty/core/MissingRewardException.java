package io.loyalty.core;

import io.loyalty.spi.ErrorCode;
import io.loyalty.spi.LoyaltyException;

/** A redemption request names no reward assignment, so nothing can be redeemed. Code {@code missing_reward}. */
public final class MissingRewardException extends LoyaltyException {
  private static final long serialVersionUID = 1L;

  /** Creates the error. */
  public MissingRewardException() {
    super(ErrorCode.MISSING_REWARD, "a loyalty card redemption needs a reward (reward.assignment_id)");
  }
}
