package io.loyalty.core;

import io.loyalty.spi.ErrorCode;
import io.loyalty.spi.LoyaltyException;

/** An event id was applied before with a different payload; an id names exactly one event. Code {@code event_id_reused}. */
public final class EventIdReusedException extends LoyaltyException {
  private static final long serialVersionUID = 1L;

  /** Creates the error with a message naming the values that failed. */
  public EventIdReusedException(String message) {
    super(ErrorCode.EVENT_ID_REUSED, message);
  }
}
