package io.loyalty.core;

import io.loyalty.spi.Violation;
import io.loyalty.spi.program.Program;
import java.util.List;
import java.util.Objects;

/**
 * What an {@link AssignmentBatch} did: the program version it stored and, in non-strict mode, the items it skipped,
 * each named by its place in the batch ({@code unassign[0]}, {@code assign[2]}) with the reason.
 *
 * @param program the program as stored by the batch
 * @param skipped the items left out, empty in strict mode
 */
public record AssignmentResult(Program program, List<Violation> skipped) {
  /** Copies the list. */
  public AssignmentResult {
    Objects.requireNonNull(program, "program");
    skipped = List.copyOf(skipped);
  }
}
