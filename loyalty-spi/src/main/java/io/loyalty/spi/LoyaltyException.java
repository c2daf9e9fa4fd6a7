package io.loyalty.spi;

import java.util.Objects;

/**
 * The root of every error the engine, its ports and its stores raise: unchecked, with a stable
 * {@link #errorCode()} from the one registry, {@link ErrorCode}. Messages name fields, limits and the engine's
 * own ids; they never carry customer identifiers, and every value they quote is truncated.
 */
public abstract class LoyaltyException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final ErrorCode code;

  /** Creates an error with its stable code and a message that names what failed. */
  protected LoyaltyException(ErrorCode code, String message) {
    super(message);
    this.code = Objects.requireNonNull(code, "code");
  }

  /** Creates an error with its stable code, a message and the cause. */
  protected LoyaltyException(ErrorCode code, String message, Throwable cause) {
    super(message, cause);
    this.code = Objects.requireNonNull(code, "code");
  }

  /** The error's entry in the registry, never {@code null}. */
  public final ErrorCode errorCode() {
    return code;
  }

  /** The stable, machine-readable key ({@code errorCode().key()}), never {@code null}. */
  public final String code() {
    return code.key();
  }
}
