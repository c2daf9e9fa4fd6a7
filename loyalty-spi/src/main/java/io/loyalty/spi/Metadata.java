package io.loyalty.spi;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Free key/value metadata of an order, item, customer or custom event, with exact numbers.
 *
 * @param values the entries, never {@code null}; keys are non-empty
 */
public record Metadata(Map<String, MetaValue> values) {
  /** The empty metadata. */
  public static final Metadata EMPTY = new Metadata(Map.of());

  /** Copies the entries into an unmodifiable map. */
  public Metadata {
    values = Map.copyOf(values);
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
      map.put(key, MetaValue.of(keysAndValues[i + 1]));
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
