package io.loyalty.spi;

/**
 * Identifies an earning rule within a program (Voucherify's `ern_…`).
 *
 * @param value 1 to 200 characters, stored in Unicode NFC, no control characters, never {@code null}
 */
public record RuleId(String value) implements Comparable<RuleId> {
  /** Validates and normalizes the text; throws {@link InvalidInputException} naming the bad value. */
  public RuleId {
    value = IdText.check("earning_rule_id", value);
  }

  /** Returns the id with the given text. */
  public static RuleId of(String value) {
    return new RuleId(value);
  }

  @Override
  public int compareTo(RuleId other) {
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
    return o instanceof RuleId other && value.equals(other.value);
  }

  @Override
  public int hashCode() {
    return value.hashCode();
  }
}
