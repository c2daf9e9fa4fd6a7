package io.loyalty.spi.store;

import io.loyalty.spi.program.ComponentKind;
import java.util.List;
import java.util.Optional;

/**
 * Reads the loyalty v2 components a store keeps ({@link ComponentWrite}s of its change sets). A store that keeps none
 * answers every read with {@link UnsupportedOperationException}, so the engine's component operations fail before
 * anything is written; a store that keeps them overrides all three reads.
 */
public interface ComponentStore {
  /** The latest version of the component, if stored (deleted or not). */
  default Optional<StoredComponent> component(ComponentKind kind, String id) {
    throw new UnsupportedOperationException("this store keeps no loyalty v2 components");
  }

  /** One stored version of the component, if it exists. */
  default Optional<StoredComponent> component(ComponentKind kind, String id, long version) {
    throw new UnsupportedOperationException("this store keeps no loyalty v2 components");
  }

  /** The latest version of every component of the kind, deleted or not, in id order. */
  default List<StoredComponent> components(ComponentKind kind) {
    throw new UnsupportedOperationException("this store keeps no loyalty v2 components");
  }
}
