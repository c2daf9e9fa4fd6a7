package io.loyalty.core.internal.decide;

import io.loyalty.core.internal.eval.CompiledProgram;
import io.loyalty.spi.program.Program;

/**
 * One program of the catalog: its place in id order, its latest definition and that definition's plan.
 *
 * @param position the program's index in the catalog's id order
 * @param program the definition
 * @param plan its compiled plan
 */
public record ProgramEntry(int position, Program program, CompiledProgram plan) {}
