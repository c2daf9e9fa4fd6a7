package io.loyalty.core.internal.eval;

import io.loyalty.core.internal.condition.ConditionCompiler;
import io.loyalty.core.internal.validity.ValidityWindow;
import io.loyalty.spi.event.CustomEvent;
import io.loyalty.spi.event.LoyaltyEvent;
import io.loyalty.spi.event.OrderPaid;
import io.loyalty.spi.event.SegmentEntered;
import io.loyalty.spi.host.ProductCollections;
import io.loyalty.spi.program.Condition;
import io.loyalty.spi.program.EarningRule;
import io.loyalty.spi.program.Program;
import io.loyalty.spi.program.Trigger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A program compiled once into an evaluation plan: its window, and its rules indexed by trigger (order
 * paid, segment id, custom event name) in the program's rule order. Immutable and thread-safe.
 */
public final class CompiledProgram {
  private static final String ORDER_PAID = "order.paid";
  private static final String SEGMENT = "segment:";
  private static final String CUSTOM = "custom:";

  private final Program program;
  private final ValidityWindow window;
  private final Map<String, List<CompiledRule>> rulesByTrigger;

  private CompiledProgram(Program program, ValidityWindow window, Map<String, List<CompiledRule>> rulesByTrigger) {
    this.program = program;
    this.window = window;
    this.rulesByTrigger = rulesByTrigger;
  }

  /** Compiles a validated program. */
  public static CompiledProgram compile(Program program, ConditionCompiler conditions, ProductCollections collections) {
    Map<String, List<CompiledRule>> byTrigger = new HashMap<>();
    for (EarningRule rule : program.earningRules()) {
      String key = key(rule.trigger());
      if (key == null) {
        continue; // tier triggers are accepted in definitions and fire with the tiers work
      }
      CompiledRule compiled = new CompiledRule(
          rule,
          ValidityWindow.forRule(rule.validity(), program.validity(), program.zone()),
          rule.condition() == null ? null : conditions.compile(rule.condition()),
          rule.validationRuleId() == null ? null : conditions.compile(new Condition.Named(rule.validationRuleId())),
          new FormulaEvaluator(rule.formula(), collections));
      byTrigger.computeIfAbsent(key, k -> new ArrayList<>()).add(compiled);
    }
    Map<String, List<CompiledRule>> frozen = new HashMap<>();
    byTrigger.forEach((k, v) -> frozen.put(k, List.copyOf(v)));
    return new CompiledProgram(program, ValidityWindow.forProgram(program.validity(), program.zone()), Map.copyOf(frozen));
  }

  /** The program definition this plan was compiled from. */
  public Program program() {
    return program;
  }

  ValidityWindow window() {
    return window;
  }

  /** The rules the event triggers, in the program's rule order; empty when none. */
  List<CompiledRule> rulesFor(LoyaltyEvent event) {
    String key;
    if (event instanceof OrderPaid) {
      key = ORDER_PAID;
    } else if (event instanceof SegmentEntered s) {
      key = SEGMENT + s.segment().value();
    } else if (event instanceof CustomEvent custom) {
      key = CUSTOM + custom.eventName();
    } else {
      return List.of(); // refunds take back points; they trigger no earning rule
    }
    return rulesByTrigger.getOrDefault(key, List.of());
  }

  /** Whether any rule of the program fires on the event. */
  public boolean concerns(LoyaltyEvent event) {
    return !rulesFor(event).isEmpty();
  }

  private static String key(Trigger trigger) {
    if (trigger instanceof Trigger.OrderPaid) {
      return ORDER_PAID;
    }
    if (trigger instanceof Trigger.SegmentEntered s) {
      return SEGMENT + s.segment().value();
    }
    if (trigger instanceof Trigger.CustomEvent c) {
      return CUSTOM + c.name();
    }
    return null;
  }
}
