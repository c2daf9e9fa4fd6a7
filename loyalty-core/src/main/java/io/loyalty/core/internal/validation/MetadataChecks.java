package io.loyalty.core.internal.validation;

import io.loyalty.spi.MetaValue;
import io.loyalty.spi.Metadata;
import java.math.BigDecimal;
import java.util.Map;

/**
 * Checks metadata: at most {@link #MAX_ENTRIES} entries, non-blank keys, and numbers of bounded size so exact
 * arithmetic on them stays cheap.
 */
final class MetadataChecks {
  /** At most this many entries in one metadata object. */
  static final int MAX_ENTRIES = 500;
  /** At most this many digits before the decimal point. */
  static final int MAX_INTEGER_DIGITS = 24;
  /** At most this many digits after the decimal point. */
  static final int MAX_SCALE = 12;

  private MetadataChecks() {}

  static void check(Violations v, String path, Metadata metadata) {
    if (metadata == null) {
      return;
    }
    if (metadata.values().size() > MAX_ENTRIES) {
      v.add(path, "must have at most " + MAX_ENTRIES + " entries", metadata.values().size());
      return;
    }
    // Every order and customer passes here: text is built only for a violation.
    for (Map.Entry<String, MetaValue> e : metadata.values().entrySet()) {
      String key = e.getKey();
      if (key.isBlank()) {
        v.add(path, "keys must not be blank", key);
      }
      if (e.getValue() instanceof MetaValue.Num n) {
        BigDecimal d = n.value();
        if (d.precision() - d.scale() > MAX_INTEGER_DIGITS || d.scale() > MAX_SCALE) {
          v.add(path + "." + key, "must have at most " + MAX_INTEGER_DIGITS + " integer digits and " + MAX_SCALE
              + " decimals", d.toPlainString());
        }
      }
    }
  }
}
