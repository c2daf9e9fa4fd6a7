package io.loyalty.core;

import io.loyalty.spi.ErrorCode;
import io.loyalty.spi.LoyaltyException;

/**
 * A definition (program or reward) was changed by someone else since the version the caller read, so the edit
 * was not stored. Read the latest version, apply the edit again, and retry. Code {@code definition_conflict}.
 */
public final class DefinitionConflictException extends LoyaltyException {
  private static final long serialVersionUID = 1L;

  private final long expectedVersion;
  private final long storedVersion;

  /** Creates the error for the resource, the version the caller expected and the one that is stored. */
  public DefinitionConflictException(String resource, long expectedVersion, long storedVersion) {
    super(ErrorCode.DEFINITION_CONFLICT, resource + " is at version " + storedVersion + ", not " + expectedVersion
        + " as expected");
    this.expectedVersion = expectedVersion;
    this.storedVersion = storedVersion;
  }

  /** The version the caller read (0 for "not defined yet"). */
  public long expectedVersion() {
    return expectedVersion;
  }

  /** The latest version stored when the edit was refused. */
  public long storedVersion() {
    return storedVersion;
  }
}
