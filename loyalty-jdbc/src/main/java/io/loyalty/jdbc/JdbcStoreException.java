package io.loyalty.jdbc;

/**
 * A failure of the database under {@link JdbcLoyaltyStore} (connection lost, statement refused, schema missing):
 * unchecked, with the {@link java.sql.SQLException} as its cause. A change set that fails so leaves nothing written.
 */
public final class JdbcStoreException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** Wraps the database's error with what the store was doing. */
  public JdbcStoreException(String message, Throwable cause) {
    super(message, cause);
  }
}
