package io.loyalty.core.internal.memory;

import io.loyalty.spi.program.Program;
import java.util.Arrays;
import org.jspecify.annotations.Nullable;

/** Every stored version of one program, version {@code n} at index {@code n - 1}; immutable. */
final class ProgramHistory {
  private final Program[] versions;

  private ProgramHistory(Program[] versions) {
    this.versions = versions;
  }

  /** The history with one more version, which must be {@code latestVersion() + 1}. */
  static ProgramHistory plus(@Nullable ProgramHistory history, Program next) {
    Program[] base = history == null ? new Program[0] : history.versions;
    Program[] copy = Arrays.copyOf(base, base.length + 1);
    copy[base.length] = next;
    return new ProgramHistory(copy);
  }

  Program latest() {
    return versions[versions.length - 1];
  }

  long latestVersion() {
    return versions.length;
  }

  /** The given version, or {@code null} when it was never stored. */
  @Nullable
  Program version(long version) {
    return version >= 1 && version <= versions.length ? versions[(int) (version - 1)] : null;
  }
}
