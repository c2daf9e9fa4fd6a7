package io.loyalty.spi;

/**
 * The root of every error the engine and its ports raise: unchecked, with a stable machine-readable
 * {@link #code()} in Voucherify's style ({@code invalid_payload}, {@code not_found}, ...).
 */
public abstract class LoyaltyException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final String code;

  /** Creates an error with its stable code and a message that names the values that failed. */
  protected LoyaltyException(String code, String message) {
    super(message);
    this.code = code;
  }

  /** Creates an error with its stable code, a message and the cause. */
  protected LoyaltyException(String code, String message, Throwable cause) {
    super(message, cause);
    this.code = code;
  }

  /** The stable, machine-readable error key, never {@code null}. */
  public final String code() {
    return code;
  }
}
