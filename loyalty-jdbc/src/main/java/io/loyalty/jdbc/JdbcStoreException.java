package io.loyalty.jdbc;

import io.loyalty.spi.ErrorCode;
import io.loyalty.spi.LoyaltyException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Set;

/**
 * A failure of the database under {@link JdbcLoyaltyStore}, with the {@link java.sql.SQLException} as its cause:
 * code {@code store_unavailable} when the database cannot be reached or dropped the connection (SQLState class
 * {@code 08}, a server shutting down, starting up or out of connections: retry the operation with the same ids),
 * {@code store_failure} for any other refusal (a statement refused, a schema missing), or {@code
 * stored_definition_unreadable} for a stored row this version cannot read. A change set that fails so is written
 * whole or not at all.
 */
public final class JdbcStoreException extends LoyaltyException {
  private static final long serialVersionUID = 1L;

  /** Server states that say the database is going away, coming back or full: 57P01-03 and 53300. */
  private static final Set<String> UNAVAILABLE_STATES = Set.of("57P01", "57P02", "57P03", "53300");

  /**
   * Wraps the database's error with what the store was doing: {@code store_unavailable} when the cause (or a cause or
   * suppressed error of it) says the connection was refused or lost, {@code store_failure} otherwise.
   */
  public JdbcStoreException(String message, Throwable cause) {
    super(isUnavailable(cause) ? ErrorCode.STORE_UNAVAILABLE : ErrorCode.STORE_FAILURE, message, cause);
  }

  /** Wraps a failure with its own code, such as {@code stored_definition_unreadable} for a row that cannot be read. */
  public JdbcStoreException(ErrorCode code, String message, Throwable cause) {
    super(code, message, cause);
  }

  /** Whether the failure is one a retry can outlive: the database could not be reached or dropped the connection. */
  static boolean isUnavailable(Throwable failure) {
    Map<Throwable, Boolean> seen = new IdentityHashMap<>();
    return unavailable(failure, seen);
  }

  private static boolean unavailable(Throwable failure, Map<Throwable, Boolean> seen) {
    if (seen.put(failure, Boolean.TRUE) != null) {
      return false;
    }
    if (failure instanceof SQLTransientConnectionException || failure instanceof SQLNonTransientConnectionException
        || failure instanceof SQLRecoverableException) {
      return true;
    }
    if (failure instanceof SQLException sql) {
      String state = sql.getSQLState();
      if (state != null && (state.startsWith("08") || UNAVAILABLE_STATES.contains(state))) {
        return true;
      }
      SQLException next = sql.getNextException();
      if (next != null && unavailable(next, seen)) {
        return true;
      }
    }
    for (Throwable suppressed : failure.getSuppressed()) {
      if (unavailable(suppressed, seen)) {
        return true;
      }
    }
    Throwable cause = failure.getCause();
    return cause != null && unavailable(cause, seen);
  }
}
