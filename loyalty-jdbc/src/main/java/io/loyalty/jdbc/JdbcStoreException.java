package io.loyalty.jdbc;

import io.loyalty.spi.ErrorCode;
import io.loyalty.spi.LoyaltyException;

/**
 * A failure of the database under {@link JdbcLoyaltyStore} (connection lost, statement refused, schema missing):
 * code {@code store_failure}, with the {@link java.sql.SQLException} as its cause, or {@code
 * stored_definition_unreadable} for a stored row this version cannot read. A change set that fails so
 * leaves nothing written.
 */
public final class JdbcStoreException extends LoyaltyException {
  private static final long serialVersionUID = 1L;

  /** Wraps the database's error with what the store was doing. */
  public JdbcStoreException(String message, Throwable cause) {
    super(ErrorCode.STORE_FAILURE, message, cause);
  }

  /** Wraps a failure with its own code, such as {@code stored_definition_unreadable} for a row that cannot be read. */
  public JdbcStoreException(ErrorCode code, String message, Throwable cause) {
    super(code, message, cause);
  }
}
