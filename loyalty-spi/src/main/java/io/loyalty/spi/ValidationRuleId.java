package io.loyalty.spi;

/**
 * Identifies a named, reusable validation rule (Voucherify's `val_…`).
 *
 * @param value 1 to 200 characters, stored in Unicode NFC, no control characters, never {@code null}
 */
public record ValidationRuleId(String value) implements Comparable<ValidationRuleId> {
  /** Validates and normalizes the text; throws {@link InvalidInputException} naming the bad value. */
  public ValidationRuleId {
    value = IdText.check("validation_rule_id", value);
  }

  /** Returns the id with the given text. */
  public static ValidationRuleId of(String value) {
    return new ValidationRuleId(value);
  }

  @Override
  public int compareTo(ValidationRuleId other) {
    return value.compareTo(other.value);
  }

  @Override
  public String toString() {
    return value;
  }

  // Written out rather than generated: ids are hashed and compared on every lookup, and the generated methods go
  // through method handles that the JIT does not always inline.
  @Override
  public boolean equals(Object o) {
    return o instanceof ValidationRuleId other && value.equals(other.value);
  }

  @Override
  public int hashCode() {
    return value.hashCode();
  }
}
