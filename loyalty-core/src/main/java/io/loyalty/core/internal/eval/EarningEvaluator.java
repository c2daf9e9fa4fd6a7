package io.loyalty.core.internal.eval;

import io.loyalty.core.internal.condition.CompiledCondition;
import io.loyalty.spi.CardCode;
import io.loyalty.spi.RuleId;
import io.loyalty.spi.earning.Accrual;
import io.loyalty.spi.earning.ProgramOutcome;
import io.loyalty.spi.earning.Skip;
import io.loyalty.spi.earning.SkipReason;
import io.loyalty.spi.event.LoyaltyEvent;
import io.loyalty.spi.program.EarningRule;
import io.loyalty.spi.program.PointsFormula;
import io.loyalty.spi.program.Program;
import java.time.Instant;
import io.loyalty.core.internal.util.Lists;
import java.util.Objects;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import io.loyalty.spi.tier.Tier;
import io.loyalty.spi.tier.TierMapping;
import org.jspecify.annotations.Nullable;

/**
 * The pure earning function: a compiled program, an event and what is known of the member give the
 * points of every rule the event triggers, and for each rule that gave none, the reason. No store, no
 * clock: the same inputs give the same outcome.
 */
public final class EarningEvaluator {
  /** An evaluator; named validation rules are resolved by the compiled conditions. */
  public EarningEvaluator() {}

  /**
   * Evaluates every rule of {@code plan} the event triggers.
   *
   * @param plan the compiled program
   * @param ctx the event's evaluation context; rules are evaluated as of the event's time
   * @param card the member's card, {@code null} when not (yet) a member
   * @param joined whether this event publishes the card (auto-join)
   * @param memberBlock why the member cannot earn at all (card inactive or expired), or
   *     {@code null}
   * @param alreadyAwarded rules that already earned for this order on this card
   */
  public ProgramOutcome evaluate(
      CompiledProgram plan,
      EvaluationContext ctx,
      @Nullable CardCode card,
      boolean joined,
      @Nullable SkipReason memberBlock,
      Set<RuleId> alreadyAwarded) {
    return evaluate(plan, ctx, card, joined, memberBlock, alreadyAwarded, null);
  }

  /**
   * As {@link #evaluate(CompiledProgram, EvaluationContext, CardCode, boolean, SkipReason, Set)} for a member in
   * {@code tier} (the card's tier before the event's points, section 2.11): a rule the tier maps earns what the
   * mapping makes of its points ({@link Tiers#apply}); {@code null} for no tier.
   */
  public ProgramOutcome evaluate(
      CompiledProgram plan,
      EvaluationContext ctx,
      @Nullable CardCode card,
      boolean joined,
      @Nullable SkipReason memberBlock,
      Set<RuleId> alreadyAwarded,
      @Nullable Tier tier) {
    Program program = plan.program();
    LoyaltyEvent event = java.util.Objects.requireNonNull(ctx.event(), "earning needs an event");
    Instant at = event.occurredAt();
    List<CompiledRule> rules = plan.rulesFor(event);
    SkipReason programBlock;
    String programDetail;
    if (!program.active()) {
      programBlock = SkipReason.PROGRAM_INACTIVE;
      programDetail = "program " + program.id() + " is not active";
    } else if ((programBlock = plan.window().check(at)) != null) {
      programDetail = "program " + program.id() + ": " + plan.window().describe(at);
    } else if (memberBlock != null) {
      programBlock = memberBlock;
      programDetail = switch (memberBlock) {
        case CARD_INACTIVE -> "card " + card + " is not active";
        case CARD_EXPIRED -> "card " + card + " has expired";
        default -> memberBlock.name();
      };
    } else {
      programDetail = "";
    }
    Accrual[] accruals = new Accrual[rules.size()];
    int earned = 0;
    List<Skip> skipped = null;
    long total = 0;
    Memo memo = programBlock == null ? plan.memo() : null;
    // v2 rules: the earning of each rule that matched first (its effects come together, in order)
    EarningRule.Branch matched = null;
    for (int i = 0; i < rules.size(); i++) {
      CompiledRule rule = rules.get(i);
      RuleId id = rule.rule().id();
      if (programBlock != null) {
        skipped = add(skipped, new Skip(id, programBlock, programDetail));
        continue;
      }
      EarningRule.Branch branch = rule.rule().branch();
      if (branch != null && matched != null && matched.rule().equals(branch.rule())
          && matched.earning() != branch.earning()) {
        skipped = add(skipped, new Skip(id, SkipReason.EARLIER_EARNING_MATCHED, "earning " + matched.earning()
            + " of rule " + branch.rule() + " matched first"));
        continue;
      }
      if (branch != null && !branch.tiers().isEmpty() && (tier == null || !branch.tiers().contains(tier.id()))) {
        // tier_rules: the earning does not match, so the rule's next earning is tried
        skipped = add(skipped, new Skip(id, SkipReason.TIER_NOT_HELD, "earning " + branch.earning() + " of rule "
            + branch.rule() + " needs one of the tiers " + branch.tiers() + ", the member holds "
            + (tier == null ? "none" : tier.id())));
        continue;
      }
      if (branch != null && (matched == null || !matched.rule().equals(branch.rule())) && matches(rule, ctx, at)) {
        matched = branch; // this earning applies whole, whatever its effects give; the rule's later ones do not
      }
      Object result = evaluateRule(rule, ctx, at, alreadyAwarded, Objects.requireNonNull(memo, "unblocked: the plan's memo"));
      if (result instanceof Accrual found) {
        Accrual accrual = found;
        TierMapping mapping = tier == null ? null : tier.earningRules().get(id);
        if (tier != null && mapping != null) {
          long mapped = Tiers.apply(mapping, found.points(), rule.rule().formula());
          if (mapped == 0) {
            skipped = add(skipped, new Skip(id, SkipReason.TIER_GIVES_NONE, "tier " + tier.id() + " maps rule " + id
                + " to no points"));
            continue;
          }
          accrual = new Accrual(id, found.banner(), found.calculationType(), found.measured(), mapped, found.lines());
        }
        accruals[earned++] = accrual;
        total = FormulaEvaluator.addExact(total, accrual.points(), event.id());
      } else {
        skipped = add(skipped, (Skip) result);
      }
    }
    // Built once, unmodifiable: the outcome keeps the list as it is.
    return new ProgramOutcome(program.id(), program.version(), card, joined, total, Lists.of(accruals, earned),
        skipped == null ? List.of() : skipped, List.of(), null);
  }

  private static List<Skip> add(@Nullable List<Skip> skipped, Skip skip) {
    List<Skip> list = skipped == null ? new ArrayList<>(4) : skipped;
    list.add(skip);
    return list;
  }

  private static @Nullable Skip failedCondition(
      RuleId id, @Nullable CompiledCondition condition, SkipReason reason, EvaluationContext ctx) {
    if (condition == null) {
      return null;
    }
    CompiledCondition.Failure failure = condition.check(ctx);
    if (failure == null) {
      return null;
    }
    SkipReason why = failure.kind() == CompiledCondition.Kind.RULE_NOT_FOUND ? SkipReason.VALIDATION_RULE_NOT_FOUND : reason;
    return new Skip(id, why, failure.description());
  }

  /**
   * Whether a v2 earning's conditions hold for the event: the rule is on and in force and its condition holds (the
   * first such earning of a rule is the one applied, Voucherify's first match).
   */
  private static boolean matches(CompiledRule compiled, EvaluationContext ctx, Instant at) {
    return compiled.rule().active() && compiled.window().check(at) == null
        && (compiled.condition() == null || compiled.condition().check(ctx) == null)
        && (compiled.namedCondition() == null || compiled.namedCondition().check(ctx) == null);
  }

  /** Returns an {@link Accrual} or a {@link Skip}. */
  private Object evaluateRule(CompiledRule compiled, EvaluationContext ctx, Instant at, Set<RuleId> alreadyAwarded,
      Memo memo) {
    EarningRule rule = compiled.rule();
    RuleId id = rule.id();
    if (!rule.active()) {
      return new Skip(id, SkipReason.RULE_INACTIVE, "rule " + id + " is not active");
    }
    SkipReason window = compiled.window().check(at);
    if (window != null) {
      return new Skip(id, window, compiled.window().describe(at));
    }
    if (!alreadyAwarded.isEmpty() && alreadyAwarded.contains(id)) {
      return new Skip(id, SkipReason.ALREADY_AWARDED, "order already earned with rule " + id + " on this card");
    }
    Skip failed = failedCondition(id, compiled.condition(), SkipReason.CONDITION_FAILED, ctx);
    if (failed == null) {
      failed = failedCondition(id, compiled.namedCondition(), SkipReason.VALIDATION_RULE_FAILED, ctx);
    }
    if (failed != null) {
      return failed;
    }
    return compiled.formula().evaluate(id, rule.banner(), ctx, memo);
  }
}
