package io.loyalty.spi.program;

import io.loyalty.spi.SchemaId;
import java.util.Map;

/**
 * Declares a custom event and the types of its metadata (Voucherify's event schema, {@code ms_…}); events
 * that break it are rejected before anything is written.
 *
 * @param id the schema id that custom-event triggers name
 * @param eventName the custom event's name, 1 to 300 characters
 * @param properties the declared metadata properties by name
 * @param allowDefinedOnly whether properties not declared here are rejected
 */
public record EventSchema(SchemaId id, String eventName, Map<String, PropertySpec> properties, boolean allowDefinedOnly) {
  /** Copies the properties. */
  public EventSchema {
    properties = properties == null ? null : Map.copyOf(properties);
  }

  /**
   * One declared property.
   *
   * @param type the type its value must have
   * @param optional whether it may be absent
   */
  public record PropertySpec(PropertyType type, boolean optional) {
    /** A required property of the type. */
    public static PropertySpec required(PropertyType type) {
      return new PropertySpec(type, false);
    }

    /** An optional property of the type. */
    public static PropertySpec optional(PropertyType type) {
      return new PropertySpec(type, true);
    }
  }

  /** A metadata property type. */
  public enum PropertyType {
    STRING,
    NUMBER,
    BOOLEAN
  }
}
