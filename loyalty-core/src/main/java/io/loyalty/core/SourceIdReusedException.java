package io.loyalty.core;

import io.loyalty.spi.ErrorCode;
import io.loyalty.spi.LoyaltyException;

/** A source id was used before for a different operation; a source id names exactly one operation. Code {@code duplicate_source_id}. */
public final class SourceIdReusedException extends LoyaltyException {
  private static final long serialVersionUID = 1L;

  /** Creates the error with a message naming the values that failed. */
  public SourceIdReusedException(String message) {
    super(ErrorCode.DUPLICATE_SOURCE_ID, message);
  }
}
