package io.loyalty.spi.store;

import io.loyalty.spi.program.Program;

/**
 * Stores a new version of a program if the stored latest version is still {@code expectedVersion} (0 for
 * a program not yet stored); {@code program.version()} must be {@code expectedVersion + 1}.
 */
public record ProgramWrite(Program program, long expectedVersion) {}
