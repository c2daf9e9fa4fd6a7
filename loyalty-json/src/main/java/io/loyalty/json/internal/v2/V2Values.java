package io.loyalty.json.internal.v2;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.loyalty.spi.MetaValue;
import io.loyalty.spi.Metadata;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** Writing helpers shared by the v2 shapes: UTC millisecond stamps, as v1 writes them, and metadata. */
final class V2Values {
  private V2Values() {}

  static @Nullable String stamp(@Nullable Instant instant) {
    return instant == null ? null : DateTimeFormatter.ISO_INSTANT.format(instant.truncatedTo(ChronoUnit.MILLIS));
  }

  static ObjectNode metadata(Metadata metadata) {
    ObjectNode out = JsonNodeFactory.instance.objectNode();
    for (Map.Entry<String, MetaValue> e : metadata.values().entrySet()) {
      MetaValue v = e.getValue();
      if (v instanceof MetaValue.Num n) {
        out.put(e.getKey(), n.value());
      } else if (v instanceof MetaValue.Text t) {
        out.put(e.getKey(), t.value());
      } else if (v instanceof MetaValue.Flag f) {
        out.put(e.getKey(), f.value());
      }
    }
    return out;
  }
}
