package io.loyalty.json;

import io.loyalty.spi.ErrorCode;
import io.loyalty.spi.LoyaltyException;
import io.loyalty.spi.Violation;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * A request body that could not be read into the engine's records: malformed JSON, an unknown field, an unknown enum
 * value, a wrong type, a missing value, a number out of range or a body past the size limits. Nothing was read, so
 * nothing was written. Code {@code invalid_payload}; {@link #problem()} says which kind, {@link #violations()} name
 * every offending field by its JSON path (such as {@code earning_rules[2].loyalty.type}).
 */
public final class WireInputException extends LoyaltyException {
  private static final long serialVersionUID = 1L;

  private final Problem problem;
  private final transient List<Violation> violations;

  /**
   * Creates the error from its kind and a non-empty list of violations.
   *
   * @throws IllegalArgumentException when {@code violations} is empty
   */
  public WireInputException(Problem problem, List<Violation> violations) {
    super(ErrorCode.INVALID_PAYLOAD, describe(problem, violations));
    if (violations.isEmpty()) {
      throw new IllegalArgumentException("a WireInputException needs at least one violation");
    }
    this.problem = problem;
    this.violations = List.copyOf(violations);
  }

  /** Creates the error for one offending field. */
  public static WireInputException of(Problem problem, String path, String message, @org.jspecify.annotations.Nullable Object value) {
    return new WireInputException(problem, List.of(new Violation(path, message, value)));
  }

  /** The kind of the first problem found, never {@code null}. */
  public Problem problem() {
    return problem;
  }

  /** Every offending field, in input order, never empty. */
  public List<Violation> violations() {
    return violations;
  }

  private static String describe(Problem problem, List<Violation> violations) {
    return problem.key() + ": " + violations.stream().map(Violation::toString).collect(Collectors.joining("; "));
  }

  /** The kinds of unreadable input, each with a stable snake_case key. */
  public enum Problem {
    /** Not JSON at all, or JSON cut short. */
    MALFORMED_JSON,
    /** A field the wire shape does not have (Voucherify's known read-only fields are ignored instead). */
    UNKNOWN_FIELD,
    /** A value outside the enum's documented values; the message lists the allowed ones. */
    UNKNOWN_ENUM_VALUE,
    /** A value of the wrong JSON type (text for a number, an object for a list, ...). */
    WRONG_TYPE,
    /** A required value missing or {@code null}. */
    MISSING_VALUE,
    /** A number outside its range (points beyond {@code long}, negative counts, ...). */
    OUT_OF_RANGE,
    /** An amount, a price or points with a fraction, where integer minor units or points are required. */
    NOT_AN_INTEGER,
    /** Nesting, a string, a number or the whole body past the reader's limits. */
    LIMIT_EXCEEDED,
    /** A value of the right type that is not valid (a date, a duration, an id, a time of day, ...). */
    INVALID_VALUE,
    /** A Voucherify feature the engine does not represent (such as {@code points_formula}). */
    NOT_SUPPORTED;

    /** The stable key, such as {@code unknown_field}. */
    public String key() {
      return name().toLowerCase(Locale.ROOT);
    }
  }
}
