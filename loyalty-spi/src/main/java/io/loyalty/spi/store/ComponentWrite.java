package io.loyalty.spi.store;

/**
 * Stores a new version of a loyalty v2 component if its stored latest version is still {@code expectedVersion} (0 for
 * a component not yet stored); {@code component.version()} must be {@code expectedVersion + 1}.
 */
public record ComponentWrite(StoredComponent component, long expectedVersion) {}
