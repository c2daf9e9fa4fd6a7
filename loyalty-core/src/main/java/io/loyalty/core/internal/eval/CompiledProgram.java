package io.loyalty.core.internal.eval;

import io.loyalty.core.internal.condition.ConditionCompiler;
import io.loyalty.core.internal.validity.ValidityWindow;
import io.loyalty.spi.CollectionId;
import io.loyalty.spi.RuleId;
import io.loyalty.spi.SegmentId;
import io.loyalty.spi.event.CustomEvent;
import io.loyalty.spi.event.LoyaltyEvent;
import io.loyalty.spi.event.OrderPaid;
import io.loyalty.spi.event.SegmentEntered;
import io.loyalty.spi.event.TierMoved;
import io.loyalty.spi.program.Condition;
import io.loyalty.spi.program.EarningRule;
import io.loyalty.spi.program.Measure;
import io.loyalty.spi.program.PointsFormula;
import io.loyalty.spi.program.Program;
import io.loyalty.spi.program.Trigger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A program compiled once into an evaluation plan: its window, and its rules indexed by trigger (order
 * paid, segment id, custom event name) in the program's rule order. Immutable and thread-safe.
 */
public final class CompiledProgram {
  private final Program program;
  private final ValidityWindow window;
  private final List<CompiledRule> orderPaid;
  private final Map<SegmentId, List<CompiledRule>> bySegment;
  private final Map<String, List<CompiledRule>> byCustomEvent;
  private final Map<RuleId, EarningRule> rules;
  private final EarningRule[] ruleArray;
  private final int collectionSlots;
  private final Asks orderPaidAsks;
  private final Map<SegmentId, Asks> segmentAsks;
  private final Map<String, Asks> customEventAsks;
  /** The rules with a tier trigger, by the move they name, each matched against a move's tier when it comes. */
  private final Map<Trigger.TierEvent, List<CompiledRule>> byTierMove;

  private CompiledProgram(Program program, ValidityWindow window, List<CompiledRule> orderPaid,
      Map<SegmentId, List<CompiledRule>> bySegment, Map<String, List<CompiledRule>> byCustomEvent,
      Map<Trigger.TierEvent, List<CompiledRule>> byTierMove, int collectionSlots) {
    this.program = program;
    this.byTierMove = byTierMove;
    this.orderPaidAsks = asks(orderPaid);
    Map<SegmentId, Asks> segments = new HashMap<>();
    bySegment.forEach((k, v) -> segments.put(k, asks(v)));
    this.segmentAsks = Map.copyOf(segments);
    Map<String, Asks> custom = new HashMap<>();
    byCustomEvent.forEach((k, v) -> custom.put(k, asks(v)));
    this.customEventAsks = Map.copyOf(custom);
    this.collectionSlots = collectionSlots;
    this.ruleArray = program.earningRules().toArray(new EarningRule[0]);
    this.window = window;
    this.orderPaid = orderPaid;
    this.bySegment = bySegment;
    this.byCustomEvent = byCustomEvent;
    Map<RuleId, EarningRule> byId = new HashMap<>();
    for (EarningRule rule : program.earningRules()) {
      byId.putIfAbsent(rule.id(), rule);
    }
    this.rules = Map.copyOf(byId);
  }

  /** Compiles a validated program. */
  public static CompiledProgram compile(Program program, ConditionCompiler conditions) {
    // Every products collection a formula names gets a slot in the evaluation's memo, so the host is asked once
    // per line and collection, however many rules name it.
    Map<CollectionId, Integer> slots = new HashMap<>();
    for (EarningRule rule : program.earningRules()) {
      if (rule.formula() instanceof PointsFormula.Proportional p && p.measure() instanceof Measure.OrderItems items) {
        for (CollectionId id : ItemMatcher.collections(items.targets())) {
          slots.putIfAbsent(id, slots.size());
        }
      }
    }
    List<CompiledRule> orderPaid = new ArrayList<>();
    Map<SegmentId, List<CompiledRule>> bySegment = new HashMap<>();
    Map<String, List<CompiledRule>> byCustomEvent = new HashMap<>();
    Map<Trigger.TierEvent, List<CompiledRule>> byTierMove = new java.util.EnumMap<>(Trigger.TierEvent.class);
    for (EarningRule rule : program.earningRules()) {
      Trigger trigger = rule.trigger();
      List<CompiledRule> target;
      if (trigger instanceof Trigger.OrderPaid) {
        target = orderPaid;
      } else if (trigger instanceof Trigger.SegmentEntered s) {
        target = bySegment.computeIfAbsent(s.segment(), k -> new ArrayList<>());
      } else if (trigger instanceof Trigger.CustomEvent c) {
        target = byCustomEvent.computeIfAbsent(c.name(), k -> new ArrayList<>());
      } else {
        target = byTierMove.computeIfAbsent(((Trigger.TierChange) trigger).event(), k -> new ArrayList<>());
      }
      target.add(new CompiledRule(
          rule,
          ValidityWindow.forRule(rule.validity(), program.validity(), program.zone()),
          rule.condition() == null ? null : conditions.compile(rule.condition()),
          rule.validationRuleId() == null ? null : conditions.compile(new Condition.Named(rule.validationRuleId())),
          new FormulaEvaluator(rule.id(), rule.banner(), rule.formula(), slots)));
    }
    return new CompiledProgram(program, ValidityWindow.forProgram(program.validity(), program.zone()),
        List.copyOf(orderPaid), frozen(bySegment), frozen(byCustomEvent), frozen(byTierMove), slots.size());
  }

  private static <K> Map<K, List<CompiledRule>> frozen(Map<K, List<CompiledRule>> byKey) {
    Map<K, List<CompiledRule>> frozen = new HashMap<>();
    byKey.forEach((k, v) -> frozen.put(k, List.copyOf(v)));
    return Map.copyOf(frozen);
  }

  /** The program definition this plan was compiled from. */
  public Program program() {
    return program;
  }

  /** The program's earning rule with this id (any trigger), or {@code null}: a map lookup, not a scan. */
  public @Nullable EarningRule rule(RuleId id) {
    // Accruals carry the very id object of their rule: found by identity in a short scan, by the map otherwise.
    for (EarningRule rule : ruleArray) {
      if (rule.id() == id) {
        return rule;
      }
    }
    return rules.get(id);
  }

  /**
   * The index of the rule with this id, looking from {@code from} on (accruals come in rule order, so a caller
   * walking them passes the last index found), -1 when the program has none.
   */
  public int ruleIndex(RuleId id, int from) {
    int n = ruleArray.length;
    for (int k = 0; k < n; k++) {
      int i = (from + k) % n;
      if (ruleArray[i].id() == id) {
        return i;
      }
    }
    for (int i = 0; i < n; i++) {
      if (ruleArray[i].id().equals(id)) {
        return i;
      }
    }
    return -1;
  }

  /** The rule at an index {@link #ruleIndex} gave. */
  public EarningRule ruleAt(int index) {
    return ruleArray[index];
  }

  /** A fresh memo for one evaluation of this program. */
  Memo memo() {
    return new Memo(collectionSlots);
  }

  ValidityWindow window() {
    return window;
  }

  /** The rules the event triggers, in the program's rule order; empty when none. */
  List<CompiledRule> rulesFor(LoyaltyEvent event) {
    if (event instanceof OrderPaid) {
      return orderPaid;
    } else if (event instanceof SegmentEntered s) {
      return bySegment.getOrDefault(s.segment(), List.of());
    } else if (event instanceof CustomEvent custom) {
      return byCustomEvent.getOrDefault(custom.eventName(), List.of());
    } else if (event instanceof TierMoved moved) {
      return tierRules(moved);
    }
    return List.of(); // refunds take back points; they trigger no earning rule
  }

  /** The rules a tier move fires: those naming its move and its tier or any tier, in rule order. */
  private List<CompiledRule> tierRules(TierMoved moved) {
    List<CompiledRule> named = byTierMove.getOrDefault(moved.move(), List.of());
    List<CompiledRule> fired = new ArrayList<>(named.size());
    for (CompiledRule rule : named) {
      String tier = ((Trigger.TierChange) rule.rule().trigger()).tierId();
      if (tier.equals(Trigger.TierChange.ANY_TIER) || tier.equals(moved.tier().value())) {
        fired.add(rule);
      }
    }
    return fired;
  }

  /** Whether some rule of the program fires on a tier move of any tier (so its moves are worth applying). */
  public boolean firesOnTierMoves() {
    return !byTierMove.isEmpty();
  }

  /**
   * What evaluating the program for the event can ask the host: the collections and named rules of the active rules
   * the event triggers (computed once, when the program is compiled). A read set gathers these answers first.
   */
  public Asks asks(LoyaltyEvent event) {
    if (event instanceof OrderPaid) {
      return orderPaidAsks;
    } else if (event instanceof SegmentEntered s) {
      return segmentAsks.getOrDefault(s.segment(), Asks.NONE);
    } else if (event instanceof CustomEvent custom) {
      return customEventAsks.getOrDefault(custom.eventName(), Asks.NONE);
    } else if (event instanceof TierMoved moved) {
      return asks(tierRules(moved));
    }
    return Asks.NONE;
  }

  /** Whether the program's rules are evaluated at all for an event at {@code at}: it is active and in its window. */
  public boolean inForce(java.time.Instant at) {
    return program.active() && window.check(at) == null;
  }

  private static Asks asks(List<CompiledRule> rules) {
    List<EarningRule> list = new ArrayList<>(rules.size());
    for (CompiledRule rule : rules) {
      list.add(rule.rule());
    }
    return Asks.ofRules(list);
  }

  /** Whether any rule of the program fires on the event. */
  public boolean concerns(LoyaltyEvent event) {
    return !rulesFor(event).isEmpty();
  }
}
