package io.loyalty.spi.host;

import io.loyalty.spi.SchemaId;
import io.loyalty.spi.program.EventSchema;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Resolves custom event schemas by id and by event name. Implementations are thread-safe. */
public interface EventSchemas {
  /** The schema with this id, if defined. */
  Optional<EventSchema> byId(SchemaId id);

  /** The schema of the custom event with this name, if defined. */
  Optional<EventSchema> byEventName(String eventName);

  /** No schemas: every custom event is rejected. */
  static EventSchemas none() {
    return of();
  }

  /** A fixed set of schemas with unique ids and event names. */
  static EventSchemas of(EventSchema... schemas) {
    Map<SchemaId, EventSchema> byId =
        Arrays.stream(schemas).collect(Collectors.toUnmodifiableMap(EventSchema::id, Function.identity()));
    Map<String, EventSchema> byName =
        Arrays.stream(schemas).collect(Collectors.toUnmodifiableMap(EventSchema::eventName, Function.identity()));
    return new EventSchemas() {
      @Override
      public Optional<EventSchema> byId(SchemaId id) {
        return Optional.ofNullable(byId.get(id));
      }

      @Override
      public Optional<EventSchema> byEventName(String eventName) {
        return Optional.ofNullable(byName.get(eventName));
      }
    };
  }
}
