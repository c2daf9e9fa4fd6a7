package io.loyalty.spi;

/**
 * Identifies one event fed to the engine; the key that makes applying it idempotent.
 *
 * @param value 1 to 200 characters, stored in Unicode NFC, no control characters, never {@code null}
 */
public record EventId(String value) implements Comparable<EventId> {
  /** Validates and normalizes the text; throws {@link InvalidInputException} naming the bad value. */
  public EventId {
    value = IdText.check("event_id", value);
  }

  /** Returns the id with the given text. */
  public static EventId of(String value) {
    return new EventId(value);
  }

  @Override
  public int compareTo(EventId other) {
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
    return o instanceof EventId other && value.equals(other.value);
  }

  @Override
  public int hashCode() {
    return value.hashCode();
  }
}
