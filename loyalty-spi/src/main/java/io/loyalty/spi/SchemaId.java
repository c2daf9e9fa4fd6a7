package io.loyalty.spi;

/**
 * Identifies a custom event schema (Voucherify's `ms_…`).
 *
 * @param value 1 to 200 characters, stored in Unicode NFC, no control characters, never {@code null}
 */
public record SchemaId(String value) implements Comparable<SchemaId> {
  /** Validates and normalizes the text; throws {@link InvalidInputException} naming the bad value. */
  public SchemaId {
    value = IdText.check("schema_id", value);
  }

  /** Returns the id with the given text. */
  public static SchemaId of(String value) {
    return new SchemaId(value);
  }

  @Override
  public int compareTo(SchemaId other) {
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
    return o instanceof SchemaId other && value.equals(other.value);
  }

  @Override
  public int hashCode() {
    return value.hashCode();
  }
}
