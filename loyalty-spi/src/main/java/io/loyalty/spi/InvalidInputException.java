package io.loyalty.spi;

import java.util.List;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * A definition, event or request that was rejected whole before anything was written; lists every
 * offending field. Code {@code invalid_payload}.
 */
public final class InvalidInputException extends LoyaltyException {
  private static final long serialVersionUID = 1L;

  private final transient List<Violation> violations;

  /** Creates the error from a non-empty list of violations. */
  public InvalidInputException(List<Violation> violations) {
    super(ErrorCode.INVALID_PAYLOAD, describe(violations));
    if (violations.isEmpty()) {
      throw new IllegalArgumentException("an InvalidInputException needs at least one violation");
    }
    this.violations = List.copyOf(violations);
  }

  /** Creates the error for a single offending field. */
  public static InvalidInputException of(String path, String message, @Nullable Object value) {
    return new InvalidInputException(List.of(new Violation(path, message, value)));
  }

  /** Every offending field, in input order, never empty. */
  public List<Violation> violations() {
    return violations;
  }

  private static String describe(List<Violation> violations) {
    return violations.size() + " invalid field" + (violations.size() == 1 ? "" : "s") + ": "
        + violations.stream().map(Violation::toString).collect(Collectors.joining("; "));
  }
}
