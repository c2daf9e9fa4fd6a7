package io.loyalty.spi.store;

import io.loyalty.spi.program.Component;
import io.loyalty.spi.program.ComponentStatus;
import java.time.Instant;
import java.util.Objects;

/**
 * One stored version of a loyalty v2 {@link Component} with its status; every version stays readable.
 *
 * @param component the part as of this version
 * @param status its status as of this version
 * @param version 1 for the first version, one more for each edit
 * @param createdAt when its first version was stored (the engine's clock)
 * @param updatedAt when this version was stored
 */
public record StoredComponent(Component component, ComponentStatus status, long version, Instant createdAt,
    Instant updatedAt) {
  /** Checks the parts. */
  public StoredComponent {
    Objects.requireNonNull(component, "component");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(createdAt, "createdAt");
    Objects.requireNonNull(updatedAt, "updatedAt");
    if (version < 1) {
      throw new IllegalArgumentException("version must be 1 or more: " + version);
    }
  }
}
