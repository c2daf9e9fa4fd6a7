package io.loyalty.spi;

/**
 * Identifies a reward of the catalog (Voucherify's `rew_…`).
 *
 * @param value 1 to 200 characters, stored in Unicode NFC, no control characters, never {@code null}
 */
public record RewardId(String value) implements Comparable<RewardId> {
  /** Validates and normalizes the text; throws {@link InvalidInputException} naming the bad value. */
  public RewardId {
    value = IdText.check("reward_id", value);
  }

  /** Returns the id with the given text. */
  public static RewardId of(String value) {
    return new RewardId(value);
  }

  @Override
  public int compareTo(RewardId other) {
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
    return o instanceof RewardId other && value.equals(other.value);
  }

  @Override
  public int hashCode() {
    return value.hashCode();
  }
}
