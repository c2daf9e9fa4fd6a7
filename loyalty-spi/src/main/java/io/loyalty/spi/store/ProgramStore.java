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
}
