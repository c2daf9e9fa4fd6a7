package io.loyalty.core.internal.eval;

import io.loyalty.core.internal.condition.ConditionCompiler;
import io.loyalty.spi.ProgramId;
import io.loyalty.spi.program.Program;
import java.util.concurrent.ConcurrentHashMap;

/** Compiled programs of one engine, recompiled when a program's stored version changes. Thread-safe. */
public final class PlanCache {
  private final ConcurrentHashMap<ProgramId, CompiledProgram> plans = new ConcurrentHashMap<>();
  private final ConditionCompiler conditions;

  /** A cache compiling with the engine's condition compiler. */
  public PlanCache(ConditionCompiler conditions) {
    this.conditions = conditions;
  }

  /** The compiled plan of exactly this program version. */
  public CompiledProgram plan(Program program) {
    CompiledProgram cached = plans.get(program.id());
    if (cached != null && sameVersion(cached.program(), program)) {
      return cached;
    }
    CompiledProgram compiled = CompiledProgram.compile(program, conditions);
    plans.merge(program.id(), compiled,
        (old, fresh) -> old.program().version() > fresh.program().version() ? old : fresh);
    return compiled;
  }

  /**
   * Whether two definitions are the same stored version. A stored version never changes (the store writes each
   * (id, version) once, by compare-and-set), so id and version identify it: no deep compare of every rule per
   * event. A definition that was never stored (version 0) is compared whole.
   */
  private static boolean sameVersion(Program cached, Program program) {
    if (cached == program) {
      return true;
    }
    if (cached.version() != program.version()) {
      return false;
    }
    return program.version() > 0 ? cached.id().equals(program.id()) : cached.equals(program);
  }
}
