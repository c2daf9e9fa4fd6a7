package io.loyalty.spi.store;

import io.loyalty.spi.ProgramId;
import io.loyalty.spi.program.Program;
import java.util.List;
import java.util.Optional;

/** Reads program definitions; every stored version stays readable. Implementations are thread-safe. */
public interface ProgramStore {
  /** The latest version of the program, if defined. */
  Optional<Program> program(ProgramId id);

  /** One stored version of the program, if it exists. */
  Optional<Program> program(ProgramId id, long version);

  /** The latest version of every program, in id order. */
  List<Program> programs();

  /**
   * A number that grows with every program version the store stores and never changes otherwise, so a caller that
   * read it before {@link #programs()} may keep that catalog for as long as the number reads the same. This default
   * is correct but reads every program: a store overrides it with one cheap read (a counter, a count of versions).
   */
  default long catalogVersion() {
    long versions = 0;
    for (Program program : programs()) {
      versions = Math.addExact(versions, program.version());
    }
    return versions;
  }
}
