package io.loyalty.core;

import io.loyalty.spi.ErrorCode;
import io.loyalty.spi.LoyaltyException;

/** A loyalty v2 program that is switched off takes no new members. Code {@code non_active_program}. */
public final class ProgramNotActiveException extends LoyaltyException {
  private static final long serialVersionUID = 1L;

  /** Creates the error with a message naming the program. */
  public ProgramNotActiveException(String message) {
    super(ErrorCode.NON_ACTIVE_PROGRAM, message);
  }
}
