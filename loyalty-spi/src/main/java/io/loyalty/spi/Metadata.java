package io.loyalty.spi;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Free key/value metadata of an order, item, customer or custom event, with exact numbers.
 *
 * @param values the entries, never {@code null}: at most {@value Limits#MAX_METADATA_ENTRIES}, keys of 1 to
 *     {@value Limits#MAX_METADATA_KEY_LENGTH} characters, texts of at most {@value Limits#MAX_METADATA_TEXT_LENGTH}
 *     (both by {@link Limits#textProblem}); numbers are bounded by {@link MetaValue.Num}
 */
public record Metadata(Map<String, MetaValue> values) {
  /** The empty metadata. */
  public static final Metadata EMPTY = new Metadata(Map.of());

  /**
   * Checks the bounds and copies the entries into an unmodifiable map.
   *
   * @throws InvalidInputException naming every offending key (cut to a bounded quote)
   */
  public Metadata {
    values = Map.copyOf(values);
    if (!values.isEmpty()) {
      check(values);
    }
  }

  private static void check(Map<String, MetaValue> values) {
    java.util.List<Violation> found = new java.util.ArrayList<>();
    if (values.size() > Limits.MAX_METADATA_ENTRIES) {
      found.add(new Violation("metadata", "must have at most " + Limits.MAX_METADATA_ENTRIES + " entries",
          values.size()));
    }
    for (Map.Entry<String, MetaValue> e : values.entrySet()) {
      String key = e.getKey();
      String problem = key.isEmpty() ? "keys must not be empty" : Limits.textProblem(key, Limits.MAX_METADATA_KEY_LENGTH);
      if (problem == null && key.isBlank()) {
        problem = "keys must not be blank";
      }
      if (problem != null) {
        found.add(new Violation("metadata", problem.startsWith("keys") ? problem : "keys " + problem, key));
      } else if (e.getValue() instanceof MetaValue.Text t) {
        String text = Limits.textProblem(t.value(), Limits.MAX_METADATA_TEXT_LENGTH);
        if (text != null) {
          found.add(new Violation("metadata." + key, text, t.value()));
        }
      }
    }
    if (!found.isEmpty()) {
      throw new InvalidInputException(found);
    }
  }

  /**
   * Builds metadata from alternating keys and values, e.g. {@code Metadata.of("rank", 5, "url", "x")}.
   * Values follow {@link MetaValue#of(Object)}.
   */
  public static Metadata of(Object... keysAndValues) {
    if (keysAndValues.length % 2 != 0) {
      throw InvalidInputException.of("metadata", "needs alternating keys and values", keysAndValues.length);
    }
    Map<String, MetaValue> map = new LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      if (!(keysAndValues[i] instanceof String key) || key.isEmpty()) {
        throw InvalidInputException.of("metadata[" + i / 2 + "]", "key must be a non-empty String", keysAndValues[i]);
      }
      try {
        map.put(key, MetaValue.of(keysAndValues[i + 1]));
      } catch (InvalidInputException e) {
        throw InvalidInputException.of("metadata." + key, e.violations().get(0).message(), e.violations().get(0).value());
      }
    }
    return new Metadata(map);
  }

  /** The value under {@code key}, or {@code null} when absent. */
  public @Nullable MetaValue get(String key) {
    return values.get(key);
  }

  /** The number under {@code key}, empty when absent or not a number. */
  public Optional<BigDecimal> number(String key) {
    return values.get(key) instanceof MetaValue.Num n ? Optional.of(n.value()) : Optional.empty();
  }

  /** Whether there are no entries. */
  public boolean isEmpty() {
    return values.isEmpty();
  }
}
