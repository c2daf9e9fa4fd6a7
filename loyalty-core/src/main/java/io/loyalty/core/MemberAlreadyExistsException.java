package io.loyalty.core;

import io.loyalty.spi.ErrorCode;
import io.loyalty.spi.LoyaltyException;

/** The customer already holds a card in the program (programs are join-once). Code {@code member_already_exists}. */
public final class MemberAlreadyExistsException extends LoyaltyException {
  private static final long serialVersionUID = 1L;

  /** Creates the error with a message naming the values that failed. */
  public MemberAlreadyExistsException(String message) {
    super(ErrorCode.MEMBER_ALREADY_EXISTS, message);
  }
}
