package io.loyalty.json.internal.wire;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A custom event's metadata schema ({@code POST /v1/metadata-schemas}): {@code related_object} names the event, the
 * properties their type and whether they are optional.
 */
@JsonIgnoreProperties({"id", "object", "created_at", "updated_at"})
public record EventSchemaWire(
    @Nullable String relatedObject,
    @Nullable Map<String, Property> properties,
    @Nullable Boolean allowDefinedOnly) {

  /** One property: its type ({@code string}, {@code number}, {@code boolean}) and whether it may be absent. */
  @JsonIgnoreProperties({"array", "object_type", "eq", "ne", "lt", "lte", "gt", "gte", "max_length", "min_length",
      "exact_length", "deleted"})
  public record Property(@Nullable String type, @Nullable Boolean optional) {}
}
