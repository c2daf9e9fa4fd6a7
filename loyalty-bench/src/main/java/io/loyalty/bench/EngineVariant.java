package io.loyalty.bench;

import io.loyalty.core.LoyaltyEngine;
import io.loyalty.core.internal.condition.ConditionCompiler;
import io.loyalty.core.internal.eval.CompiledProgram;
import io.loyalty.core.internal.eval.EarningEvaluator;
import io.loyalty.core.internal.eval.EvaluationContext;
import io.loyalty.spi.CardCode;
import io.loyalty.spi.earning.EventOutcome;
import io.loyalty.spi.earning.ProgramOutcome;
import io.loyalty.spi.event.Customer;
import io.loyalty.spi.event.OrderPaid;
import io.loyalty.spi.host.ValidationRules;
import io.loyalty.spi.program.Program;
import java.util.Set;

/**
 * The engine on the workload, two ways: the pure evaluation ({@link EarningEvaluator} on a
 * {@link CompiledProgram}, no store) and a quote through the public API for a member whose card already
 * holds two earlier orders. Single-threaded use.
 */
public final class EngineVariant {
  private final LoyaltyEngine engine;
  private final CompiledProgram plan;
  private final EarningEvaluator evaluator = new EarningEvaluator();
  private final CardCode card;
  private final OrderPaid event;
  /** The host's ports, made once as the engine makes them once (a new catalog per evaluation measured the harness). */
  private final io.loyalty.core.internal.load.HostPorts ports =
      new io.loyalty.core.internal.load.HostPorts(ValidationRules.none(), Workload.collections());

  /** Defines the workload's program in a fresh in-memory engine, enrols one member and compiles the plan. */
  public EngineVariant() {
    this.engine = Engines.create();
    Program stored = engine.define(Workload.program());
    Customer alice = Workload.customer("alice");
    this.card = engine.enrol(stored.id(), alice.id()).code();
    for (int i = 0; i < ApplyFixture.PRIOR_ORDERS; i++) {
      engine.apply(Workload.event("evt_prior_" + i, alice, Workload.order("ord_prior_" + i)));
    }
    this.plan = CompiledProgram.compile(stored, new ConditionCompiler());
    this.event = Workload.event("evt_1", alice, Workload.order("ord_1"));
  }

  /** The order the variants earn on, paid by the member. */
  public OrderPaid event() {
    return event;
  }

  /**
   * The pure evaluation of the event against the compiled program, for the member's card, with the host's answers
   * recorded as the engine records them for a receipt.
   */
  public ProgramOutcome evaluate(OrderPaid paid) {
    return evaluator.evaluate(plan, EvaluationContext.of(paid, io.loyalty.core.internal.decide.Answering.recording(ports)),
        card, false, null, Set.of());
  }

  /** {@code engine.quote}: what applying the event would earn, with the breakdown; writes nothing. */
  public EventOutcome quote(OrderPaid paid) {
    return engine.quote(paid);
  }
}
