package io.loyalty.core.internal.validation;

import io.loyalty.spi.Limits;
import io.loyalty.core.internal.codes.CodeConfigValidator;
import io.loyalty.core.internal.condition.ConditionShape;
import io.loyalty.core.internal.condition.ConditionValidator;
import io.loyalty.core.internal.expiry.ExpirationRuleValidator;
import io.loyalty.core.internal.expiry.PendingPointsValidator;
import io.loyalty.core.internal.validity.ValidityValidator;
import io.loyalty.spi.RuleId;
import io.loyalty.spi.Violation;
import io.loyalty.spi.host.EventSchemas;
import io.loyalty.spi.host.ProductCollections;
import io.loyalty.spi.host.ValidationRules;
import io.loyalty.spi.program.CardPool;
import io.loyalty.spi.program.CardTemplate;
import io.loyalty.spi.program.Condition;
import io.loyalty.spi.program.EarningRule;
import io.loyalty.spi.program.EventSchema;
import io.loyalty.spi.program.ItemTarget;
import io.loyalty.spi.program.Measure;
import io.loyalty.spi.program.PointsFormula;
import io.loyalty.spi.program.Program;
import io.loyalty.spi.program.Trigger;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import io.loyalty.spi.AssignmentId;
import io.loyalty.spi.RewardId;
import io.loyalty.spi.reward.Reward;
import io.loyalty.spi.reward.RewardAssignment;
import io.loyalty.spi.reward.RewardKind;

/**
 * Validates a whole program definition before anything is stored, collecting every offending field with
 * its path in Voucherify's naming ({@code earning_rules[3].loyalty.every}). Never throws a bare NPE.
 */
public final class ProgramValidator {
  /** The largest points or step a definition may name: big enough for any program, far from overflow. */
  public static final long MAX_POINTS = 1_000_000_000_000L;
  /**
   * The most cards a pool generates when the program is defined ({@code vouchers_count}): they are generated and
   * committed in one change set, so the bound keeps a definition's memory and transaction sizes sane (Voucherify v2
   * caps a program at 100,000 members).
   */
  public static final int MAX_VOUCHERS_COUNT = 100_000;
  /** The most earning rules a program may have (Voucherify's default is 100 per project). */
  public static final int MAX_EARNING_RULES = 1_000;
  /** The most rewards a program may offer (Voucherify v2 allows 100). */
  public static final int MAX_REWARDS = 1_000;
  /** The most products, SKUs and collections one rule's {@code applicable_to} may name. */
  public static final int MAX_ITEM_TARGETS = 1_000;

  private final ValidationRules validationRules;
  private final EventSchemas schemas;
  private final ProductCollections collections;
  private final Function<RewardId, Optional<Reward>> rewards;

  /** A validator resolving named rules, event schemas, collections and rewards. */
  public ProgramValidator(ValidationRules validationRules, EventSchemas schemas, ProductCollections collections,
      Function<RewardId, Optional<Reward>> rewards) {
    this.validationRules = validationRules;
    this.schemas = schemas;
    this.collections = collections;
    this.rewards = rewards;
  }

  /** Every violation of the program, in field order; empty when it is valid. */
  public List<Violation> validate(Program program) {
    Violations v = new Violations();
    v.present(program.id(), "id");
    v.name(program.name(), "name", Limits.MAX_NAME_LENGTH);
    v.present(program.zone(), "time_zone");
    v.addAll(strip(ValidityValidator.validate("", program.validity(), false, null)));
    CardPool pool = program.pool();
    v.present(pool.type(), "type");
    v.present(program.refundPolicy(), "refund_policy");
    v.check(pool.vouchersCount() >= 0 && pool.vouchersCount() <= MAX_VOUCHERS_COUNT, "vouchers_count",
        "must be from 0 to " + MAX_VOUCHERS_COUNT + " (cards generated when the program is defined)", pool.vouchersCount());
    checkCard(v, program.card(), pool);
    Set<RuleId> ids = new HashSet<>();
    List<EarningRule> rules = program.earningRules();
    if (!v.check(rules.size() <= MAX_EARNING_RULES, "earning_rules", "must have at most " + MAX_EARNING_RULES + " rules",
        rules.size())) {
      rules = List.of(); // not walked: the count alone rejects the program
    }
    for (int i = 0; i < rules.size(); i++) {
      String path = "earning_rules[" + i + "]";
      EarningRule rule = rules.get(i);
      if (!v.present(rule, path)) {
        continue;
      }
      if (v.present(rule.id(), path + ".id")) {
        v.check(ids.add(rule.id()), path + ".id", "must be unique within the program", rule.id());
      }
      checkRule(v, path, rule, program);
    }
    checkRewards(v, program);
    checkWallets(v, program);
    TierValidator.validate(v, program);
    TierStructureValidator.validate(v, program);
    checkTierRules(v, program);
    if (program.redemptionCondition() != null) {
      v.addAll(ConditionValidator.validate("validation_rules", program.redemptionCondition(), validationRules));
    }
    return v.list();
  }

  /** The most point wallets a v2 program may have (Voucherify's limit). */
  public static final int MAX_WALLETS = 10;
  /** The most v2 earning rules a program may have (Voucherify's limit). */
  public static final int MAX_V2_RULES = 100;

  /**
   * A v1 program's rules all earn into its main wallet and stack; a v2 program's wallets are well formed and its
   * rules are v2 rules (flattened {@link io.loyalty.spi.program.FirstMatchRule}s) into its wallets, and what v2 does
   * not have yet here (auto-join, pools, tiers, v1 rewards, a card template) is refused rather than ignored.
   */
  private static void checkWallets(Violations v, Program program) {
    List<EarningRule> rules = program.earningRules();
    if (!program.isV2()) {
      for (int i = 0; i < rules.size(); i++) {
        EarningRule rule = rules.get(i);
        if (rule == null) {
          continue;
        }
        v.check(rule.wallet().equals(io.loyalty.spi.WalletId.MAIN), "earning_rules[" + i + "].card_definition_id",
            "names a wallet, but the program has none (a v1 program earns into its one card)", rule.wallet());
        v.check(rule.branch() == null, "earning_rules[" + i + "]",
            "is a loyalty v2 rule's effect, but the program has no wallets", rule.id());
        v.check(rule.pendingPoints() == null || !rule.pendingPoints().isV2Only(), "earning_rules[" + i
            + "].pending_points", "is a loyalty v2 pending period; a v1 rule's is in days", rule.pendingPoints());
        v.check(!v2Only(rule.expiration()), "earning_rules[" + i + "].expiration_rules",
            "is a loyalty v2 expiration; a v1 rule's is MONTH or FIXED_DAY_OF_YEAR", rule.expiration());
      }
      for (int i = 0; i < program.rewards().size(); i++) {
        RewardAssignment a = program.rewards().get(i);
        if (a != null) {
          v.check(a.cost() == null && a.wallet().equals(io.loyalty.spi.WalletId.MAIN), "rewards[" + i + "]",
              "is a loyalty v2 offer's cost, but the program has no wallets", a.id());
        }
      }
      io.loyalty.spi.program.ExpirationRule exp = program.card().expiration();
      v.check(!v2Only(exp), "voucher.loyalty_card.expiration_rules",
          "is a loyalty v2 card definition's expiration; a v1 program's is MONTH or FIXED_DAY_OF_YEAR", exp);
      return;
    }
    List<io.loyalty.spi.program.CardDefinition> wallets = program.wallets();
    v.check(wallets.size() <= MAX_WALLETS, "card_definitions", "must have at most " + MAX_WALLETS + " wallets",
        wallets.size());
    Set<io.loyalty.spi.WalletId> walletIds = new HashSet<>();
    for (int i = 0; i < wallets.size(); i++) {
      String path = "card_definitions[" + i + "]";
      io.loyalty.spi.program.CardDefinition w = wallets.get(i);
      if (!v.present(w, path)) {
        continue;
      }
      if (v.present(w.id(), path + ".id")) {
        v.check(!w.id().equals(io.loyalty.spi.WalletId.MAIN), path + ".id",
            "must not be the v1 main wallet's id", w.id());
        v.check(walletIds.add(w.id()), path + ".id", "must be unique within the program", w.id());
      }
      v.name(w.name(), path + ".name", Limits.MAX_NAME_LENGTH);
      v.addAll(CodeConfigValidator.validate(path + ".code_config", w.codeConfig(), 0, false));
      v.addAll(ExpirationRuleValidator.validate(path + ".points_expiration", w.expiration()));
      v.addAll(PendingPointsValidator.validate(path + ".pending_points", w.pendingPoints()));
      v.check(!w.allowNegative() || w.expiration() == null, path + ".balance_settings.allow_negative",
          "needs points that never expire (points_expiration NO_EXPIRATION)", true);
      v.check(w.earnedRefund() != io.loyalty.spi.program.CardDefinition.EarnedRefund.REVOKE_BELOW_ZERO
          || w.allowNegative(), path + ".refunds.earned_points.mode", "REVOKE_BELOW_ZERO needs allow_negative",
          w.earnedRefund());
      v.check(w.earnedRefund() != io.loyalty.spi.program.CardDefinition.EarnedRefund.REVOKE_FROM_PENDING
          || w.pendingPoints() != null, path + ".refunds.earned_points.type",
          "REVOKE_FROM_PENDING needs a pending period (pending_points other than IMMEDIATE)", w.earnedRefund());
      io.loyalty.spi.program.SpendingLimits spending = w.spendingLimits();
      String sat = path + ".spending_limits";
      v.check(spending.lifetime() == null || spending.period() == null, sat + ".global",
          "must be one limit: SPENDING_BASED or TIME_BASED, not both", "both");
      if (spending.lifetime() != null) {
        positive(v, sat + ".global.spending_based.max", spending.lifetime());
      }
      if (spending.period() != null) {
        positive(v, sat + ".global.time_based.points.max", spending.period().points());
      }
      if (spending.perTransaction() != null) {
        positive(v, sat + ".transactions.points.max", spending.perTransaction());
      }
      io.loyalty.spi.program.EarningLimits limits = w.earningLimits();
      String at = path + ".earning_limits";
      v.check(limits.balance() == null || limits.period() == null, at + ".global",
          "must be one limit: BALANCE_BASED or TIME_BASED, not both", "both");
      if (limits.balance() != null) {
        positive(v, at + ".global.balance_based.max", limits.balance());
      }
      if (limits.period() != null) {
        positive(v, at + ".global.time_based.points.max", limits.period().points());
      }
      if (limits.perTransaction() != null) {
        positive(v, at + ".transactions.points.max", limits.perTransaction());
      }
    }
    v.check(!program.autoJoin(), "auto_join", "is not available in a loyalty v2 program (members are added)", true);
    v.check(program.pool().equals(CardPool.ON_DEMAND), "voucher",
        "is not used by a loyalty v2 program: each wallet's cards are made as members join", program.pool().type());
    v.check(program.card().equals(CardTemplate.DEFAULT), "voucher",
        "is not used by a loyalty v2 program: its wallets say how cards look and points expire", null);
    v.check(program.tiers().isEmpty(), "tiers", "are not available in a loyalty v2 program yet (tier structures)",
        program.tiers().size());
    checkOffers(v, program, walletIds);
    Set<RuleId> v2Rules = new HashSet<>();
    RuleId previous = null;
    int previousEarning = 0;
    Trigger trigger = null;
    boolean anyActive = false;
    for (int i = 0; i < rules.size(); i++) {
      String path = "earning_rules[" + i + "]";
      EarningRule rule = rules.get(i);
      if (rule == null) {
        continue;
      }
      anyActive |= rule.active();
      v.check(rule.wallet() == null || walletIds.contains(rule.wallet()), path + ".card_definition_id",
          "names no wallet of the program", rule.wallet());
      EarningRule.Branch branch = rule.branch();
      if (branch == null) {
        v.check(false, path, "must be a loyalty v2 rule's effect (FirstMatchRule) in a v2 program", rule.id());
        continue;
      }
      v.check(branch.earning() >= 1, path + ".earning", "must be 1 or more", branch.earning());
      io.loyalty.spi.program.TriggerLimits limits = branch.limits();
      if (limits.cooldown() != null) {
        v.check(!limits.cooldown().isZero() && !limits.cooldown().isNegative(),
            path + ".trigger_limits.cooldown.period", "must be a positive period", limits.cooldown());
      }
      if (limits.frequency() != null) {
        v.check(limits.frequency().times() >= 1 && limits.frequency().times() <= 10_000,
            path + ".trigger_limits.frequency.limits[0].max", "must be from 1 to 10000", limits.frequency().times());
      }
      if (branch.rule().equals(previous)) {
        v.check(branch.earning() == previousEarning || branch.earning() == previousEarning + 1, path + ".earning",
            "must follow the rule's previous earning", branch.earning());
        v.check(java.util.Objects.equals(trigger, rule.trigger()), path + ".trigger",
            "must be the trigger of the rule's other effects", rule.trigger());
      } else {
        v.check(v2Rules.add(branch.rule()), path + ".id", "must keep the effects of one rule together",
            branch.rule());
        trigger = rule.trigger();
      }
      previous = branch.rule();
      previousEarning = branch.earning();
    }
    v.check(v2Rules.size() <= MAX_V2_RULES, "earning_rules", "must have at most " + MAX_V2_RULES + " rules",
        v2Rules.size());
    v.check(!program.active() || anyActive, "status",
        "an active loyalty v2 program needs at least one active earning rule", "ACTIVE");
  }

  /** The most costs of one v2 reward offer (Voucherify's limit). */
  public static final int MAX_COSTS = 10;
  /** The most reward offers of a v2 program (Voucherify's limit). */
  public static final int MAX_OFFERS = 100;

  /** A v2 program's rewards are offers' costs (flattened {@link io.loyalty.spi.reward.WalletReward}s) into its wallets. */
  private static void checkOffers(Violations v, Program program, Set<io.loyalty.spi.WalletId> wallets) {
    Set<AssignmentId> offers = new HashSet<>();
    AssignmentId previous = null;
    int position = 0;
    for (int i = 0; i < program.rewards().size(); i++) {
      String path = "rewards[" + i + "]";
      RewardAssignment a = program.rewards().get(i);
      if (a == null) {
        continue;
      }
      RewardAssignment.CostOf cost = a.cost();
      if (cost == null) {
        v.check(false, path, "must be a loyalty v2 offer's cost (WalletReward) in a v2 program", a.id());
        continue;
      }
      v.check(wallets.contains(a.wallet()), path + ".spending.card_definition_id", "names no wallet of the program",
          a.wallet());
      v.check(!a.autoRedeem(), path, "cannot be redeemed automatically in a loyalty v2 program", a.id());
      v.check(a.points() != null, path + ".spending.points", "is required for a v2 cost", null);
      if (cost.offer().equals(previous)) {
        v.check(cost.position() == position + 1, path, "must follow the offer's previous cost", cost.position());
      } else {
        v.check(offers.add(cost.offer()), path + ".id", "must keep the costs of one offer together", cost.offer());
        v.check(cost.position() == 1, path, "must start the offer's costs at 1", cost.position());
      }
      v.check(cost.position() <= MAX_COSTS, path, "an offer has at most " + MAX_COSTS + " costs", cost.position());
      io.loyalty.spi.tier.TierStructure structure = program.tierStructure();
      for (int t = 0; t < cost.tiers().size(); t++) {
        v.check(structure != null && structure.indexOf(cost.tiers().get(t)) >= 0, path + ".tiers[" + t + "]",
            structure == null ? "names a tier, but the program has no tier structure"
                : "names no tier of tier structure " + structure.id(), cost.tiers().get(t));
      }
      previous = cost.offer();
      position = cost.position();
    }
    v.check(offers.size() <= MAX_OFFERS, "rewards", "must have at most " + MAX_OFFERS + " offers", offers.size());
  }

  /** Whether the expiration is one of loyalty v2's own shapes (a rolling period in days, several calendar dates). */
  private static boolean v2Only(io.loyalty.spi.program.@org.jspecify.annotations.Nullable ExpirationRule rule) {
    return rule instanceof io.loyalty.spi.program.ExpirationRule.AfterDays
        || rule instanceof io.loyalty.spi.program.ExpirationRule.OnDates;
  }

  /**
   * Checks an edit against the stored version it replaces (what a definition alone cannot say: section 6.4's rule
   * that a tier policy and the tiers change in separate edits).
   *
   * @throws io.loyalty.spi.InvalidInputException naming both fields when the edit changes both
   */
  public static void checkEdit(Program previous, Program next) {
    Violations v = new Violations();
    TierValidator.edit(v, previous, next);
    checkStatusEdit(v, previous, next);
    TierStructureValidator.edit(v, previous, next);
    v.throwIfAny();
  }

  /**
   * Checks a program's first definition: a v2 program is created as a draft or active (Voucherify's create accepts
   * nothing else).
   */
  public static void checkCreate(Program program) {
    Violations v = new Violations();
    io.loyalty.spi.program.ProgramStatus status = program.status();
    v.check(!program.isV2() || status == io.loyalty.spi.program.ProgramStatus.DRAFT
        || status == io.loyalty.spi.program.ProgramStatus.ACTIVE, "status",
        "must be DRAFT or ACTIVE when a program is created", status);
    v.throwIfAny();
  }

  /**
   * Section 12.1's lifecycle of a v2 program: DRAFT or INACTIVE to ACTIVE, ACTIVE to INACTIVE, anything to DELETED
   * (with no rules or offers left), nothing out of DELETED; and once out of DRAFT its wallets stay as they are.
   */
  private static void checkStatusEdit(Violations v, Program previous, Program next) {
    if (!previous.isV2() && !next.isV2()) {
      return;
    }
    v.check(previous.isV2() == next.isV2(), "card_definitions",
        "cannot turn a program between v1 (no wallets) and v2 (wallets)", next.wallets().size());
    io.loyalty.spi.program.ProgramStatus from = previous.status();
    io.loyalty.spi.program.ProgramStatus to = next.status();
    boolean allowed = switch (from) {
      case DRAFT -> to == from || to == io.loyalty.spi.program.ProgramStatus.ACTIVE
          || to == io.loyalty.spi.program.ProgramStatus.DELETED;
      case ACTIVE -> to != io.loyalty.spi.program.ProgramStatus.DRAFT;
      case INACTIVE -> to != io.loyalty.spi.program.ProgramStatus.DRAFT;
      case DELETED -> false;
    };
    v.check(allowed, "status", from == io.loyalty.spi.program.ProgramStatus.DELETED
        ? "a deleted program cannot change" : "cannot go from " + from + " to " + to, to);
    v.check(from == io.loyalty.spi.program.ProgramStatus.DRAFT
        || previous.wallets().stream().map(ProgramValidator::lockedParts).toList()
            .equals(next.wallets().stream().map(ProgramValidator::lockedParts).toList()),
        "card_definitions", "can change only while the program is a DRAFT (it is " + from + ")",
        next.wallets().size());
    if (to == io.loyalty.spi.program.ProgramStatus.DELETED) {
      v.check(next.earningRules().isEmpty() && next.rewards().isEmpty(), "status",
          "a deleted program keeps no earning rules or rewards", to);
    }
  }

  /**
   * A wallet without what stays editable once its program is live (its name and metadata, Voucherify's 12.3
   * lifecycle): two wallets whose locked parts are equal may replace each other in a live program.
   */
  public static io.loyalty.spi.program.CardDefinition lockedParts(io.loyalty.spi.program.CardDefinition d) {
    return new io.loyalty.spi.program.CardDefinition(d.id(), "", d.codeConfig(), d.expiration(), d.pendingPoints(),
        d.earningLimits(), d.earnedRefund(), d.spendingLimits(), d.allowNegative(), io.loyalty.spi.Metadata.EMPTY);
  }

  /**
   * A v2 earning's {@code tier_rules} name tiers of the program's tier structure (a program without one has no tier to
   * require).
   */
  private static void checkTierRules(Violations v, Program program) {
    List<EarningRule> rules = program.earningRules();
    for (int i = 0; i < rules.size(); i++) {
      EarningRule rule = rules.get(i);
      EarningRule.Branch branch = rule == null ? null : rule.branch();
      if (branch == null || branch.tiers().isEmpty()) {
        continue;
      }
      io.loyalty.spi.tier.TierStructure structure = program.tierStructure();
      for (int t = 0; t < branch.tiers().size(); t++) {
        io.loyalty.spi.TierId tier = branch.tiers().get(t);
        v.check(structure != null && structure.indexOf(tier) >= 0,
            "earning_rules[" + i + "].tier_rules.any_of[" + t + "]",
            structure == null ? "names a tier, but the program has no tier structure"
                : "names no tier of tier structure " + structure.id(), tier);
      }
    }
  }

  private void checkCard(Violations v, CardTemplate card, CardPool pool) {
    v.check(card.initialPoints() >= 0 && card.initialPoints() <= MAX_POINTS, "voucher.loyalty_card.points",
        "must be from 0 to " + MAX_POINTS, card.initialPoints());
    if (card.redemptionQuantity() != null) {
      v.check(card.redemptionQuantity() >= 1, "voucher.redemption.quantity", "must be at least 1 (null for unlimited)",
          card.redemptionQuantity());
    }
    if (card.expiration() != null) {
      v.addAll(ExpirationRuleValidator.validate("voucher.loyalty_card.expiration_rules", card.expiration()));
    }
    if (card.activityDurationAfterPublishing() != null) {
      if (v.check(!card.activityDurationAfterPublishing().isZero() && !card.activityDurationAfterPublishing().isNegative(),
          "activity_duration_after_publishing", "must be a positive duration", card.activityDurationAfterPublishing())) {
        TimeBounds.checkSpan(v, "activity_duration_after_publishing", card.activityDurationAfterPublishing());
      }
    }
    if (v.present(card.codeConfig(), "voucher.code_config")) {
      v.addAll(CodeConfigValidator.validate("voucher.code_config", card.codeConfig(), pool.vouchersCount(),
          pool.type() == CardPool.Type.STATIC));
    }
  }

  private void checkRule(Violations v, String path, EarningRule rule, Program program) {
    v.problem(Limits.textProblem(rule.banner(), Limits.MAX_NAME_LENGTH), path + ".source.banner", rule.banner());
    Optional<EventSchema> schema = checkTrigger(v, path, rule.trigger());
    checkFormula(v, path + ".loyalty", rule.formula(), rule.trigger(), schema);
    v.addAll(strip(ValidityValidator.validate(path, rule.validity(), true, program.validity())));
    if (rule.condition() != null) {
      v.addAll(ConditionValidator.validate(path + ".condition", rule.condition(), validationRules));
      if (rule.trigger() != null && ConditionShape.fits(rule.condition())) {
        checkScope(v, path + ".condition", rule.condition(), rule.trigger());
      }
    }
    if (rule.pendingPoints() != null) {
      v.addAll(PendingPointsValidator.validate(path + ".pending_points", rule.pendingPoints()));
      v.check(rule.trigger() == null || rule.trigger() instanceof Trigger.OrderPaid, path + ".pending_points",
          "is allowed only for order.paid rules", rule.trigger() == null ? null : rule.trigger().eventName());
    }
    if (rule.expiration() != null) {
      v.addAll(ExpirationRuleValidator.validate(path + ".expiration_rules", rule.expiration()));
    }
    if (rule.validationRuleId() != null) {
      v.check(validationRules.find(rule.validationRuleId()).isPresent(), path + ".validation_rule_id",
          "names no validation rule the host knows", rule.validationRuleId());
    }
  }

  private Optional<EventSchema> checkTrigger(Violations v, String path, Trigger trigger) {
    if (!v.present(trigger, path + ".event")) {
      return Optional.empty();
    }
    if (trigger instanceof Trigger.SegmentEntered s) {
      v.present(s.segment(), path + ".segment.id");
    } else if (trigger instanceof Trigger.CustomEvent c) {
      v.name(c.name(), path + ".event", Limits.MAX_NAME_LENGTH);
      if (v.present(c.schema(), path + ".custom_event.schema_id")) {
        Optional<EventSchema> schema = schemas.byId(c.schema());
        if (!v.check(schema.isPresent(), path + ".custom_event.schema_id", "names no event schema", c.schema())) {
          return Optional.empty();
        }
        v.check(schema.get().eventName().equals(c.name()), path + ".custom_event.schema_id",
            "defines event " + schema.get().eventName() + ", not " + c.name(), c.schema());
        return schema;
      }
    } else if (trigger instanceof Trigger.TierChange t) {
      v.present(t.event(), path + ".event");
      if (v.present(t.tierId(), path + ".loyalty_tier.id")) {
        v.check(!t.tierId().isBlank(), path + ".loyalty_tier.id", "must not be blank", t.tierId());
      }
    }
    return Optional.empty();
  }

  private void checkFormula(Violations v, String path, PointsFormula formula, Trigger trigger, Optional<EventSchema> schema) {
    if (!v.present(formula, path)) {
      return;
    }
    if (formula instanceof PointsFormula.Fixed f) {
      positive(v, path + ".points", f.points());
      return;
    }
    if (formula instanceof PointsFormula.Dynamic d) {
      v.check(d.fallback() >= 0 && d.fallback() <= MAX_POINTS, path + ".points",
          "the formula's fallback must be from 0 to " + MAX_POINTS, d.fallback());
      if (v.present(d.expression(), path + ".points_formula")) {
        try {
          io.loyalty.core.internal.eval.PointsExpression.parse(d.expression());
        } catch (IllegalArgumentException bad) {
          v.add(path + ".points_formula", String.valueOf(bad.getMessage()), d.expression());
        }
      }
      return;
    }
    PointsFormula.Proportional p = (PointsFormula.Proportional) formula;
    if (!v.present(p.measure(), path + ".calculation_type")) {
      return;
    }
    String key = path + "." + containerKey(p.measure());
    positive(v, key + ".every", p.every());
    positive(v, key + ".points", p.points());
    v.present(p.rounding(), key + ".rounding");
    if (trigger != null) {
      checkAllowed(v, path + ".calculation_type", p.measure(), trigger);
    }
    Measure m = p.measure();
    if (m instanceof Measure.OrderMetadata om) {
      property(v, key, om.property());
    } else if (m instanceof Measure.CustomerMetadata cm) {
      property(v, key, cm.property());
    } else if (m instanceof Measure.CustomEventMetadata em) {
      if (property(v, key, em.property()) && schema.isPresent()) {
        EventSchema.PropertySpec spec = schema.get().properties().get(em.property());
        v.check(spec != null && spec.type() == EventSchema.PropertyType.NUMBER, key + ".property",
            "must be a NUMBER property of event schema " + schema.get().id(), em.property());
      }
    } else if (m instanceof Measure.OrderItems oi) {
      v.present(oi.of(), path + ".calculation_type");
      if (v.present(oi.targets(), key + ".applicable_to")
          && v.check(!oi.targets().isEmpty(), key + ".applicable_to", "needs at least one product, SKU or collection", null)
          && v.check(oi.targets().size() <= MAX_ITEM_TARGETS, key + ".applicable_to",
              "must name at most " + MAX_ITEM_TARGETS + " products, SKUs or collections", oi.targets().size())) {
        for (int j = 0; j < oi.targets().size(); j++) {
          ItemTarget t = oi.targets().get(j);
          String tp = key + ".applicable_to[" + j + "]";
          if (v.present(t, tp) && t instanceof ItemTarget.Collection c) {
            v.check(c.id() != null && collections.exists(c.id()), tp + ".id", "names no products collection", c.id());
          }
        }
      }
    }
  }

  private void checkRewards(Violations v, Program program) {
    if (!v.check(program.rewards().size() <= MAX_REWARDS, "rewards", "must have at most " + MAX_REWARDS + " rewards",
        program.rewards().size())) {
      return; // not walked: the count alone rejects the program
    }
    Set<AssignmentId> ids = new HashSet<>();
    int autoRedeem = 0;
    for (int i = 0; i < program.rewards().size(); i++) {
      String path = "rewards[" + i + "]";
      RewardAssignment a = program.rewards().get(i);
      if (!v.present(a, path)) {
        continue;
      }
      if (v.present(a.id(), path + ".id")) {
        v.check(ids.add(a.id()), path + ".id", "must be unique within the program", a.id());
      }
      Optional<Reward> reward = a.reward() == null ? Optional.empty() : rewards.apply(a.reward()).filter(r -> !r.deleted());
      if (!v.check(reward.isPresent(), path + ".reward", "names no reward of the catalog", a.reward())) {
        continue;
      }
      boolean coin = reward.get().kind() instanceof RewardKind.Coin;
      if (coin) {
        v.check(a.points() == null, path + ".parameters.loyalty.points", "must be absent for a pay-with-points reward",
            a.points());
        v.check(!a.autoRedeem(), path + ".parameters.loyalty.auto_redeem", "is not allowed for a pay-with-points reward", true);
      } else {
        v.check(a.points() != null && a.points() >= 1 && a.points() <= MAX_POINTS, path + ".parameters.loyalty.points",
            "must be from 1 to " + MAX_POINTS, a.points());
      }
      if (reward.get().kind() instanceof RewardKind.Campaign c && c.type() == RewardKind.CampaignType.LOYALTY_PROGRAM) {
        v.check(!c.campaign().equals(program.id().value()), path + ".reward",
            "gives points in this very program; a loyalty campaign cannot reward itself", a.reward());
      }
      if (a.autoRedeem()) {
        autoRedeem++;
        v.check(autoRedeem == 1, path + ".parameters.loyalty.auto_redeem", "is allowed on one reward per program", true);
      }
      if (a.condition() != null) {
        v.addAll(ConditionValidator.validate(path + ".validation_rules", a.condition(), validationRules));
      }
    }
  }

  /** Order conditions need an order.paid trigger, event metadata a custom event: anything else never holds. */
  private static void checkScope(Violations v, String path, Condition condition, Trigger trigger) {
    if (condition instanceof Condition.All all && all.conditions() != null) {
      for (int i = 0; i < all.conditions().size(); i++) {
        checkScope(v, path + ".conditions[" + i + "]", all.conditions().get(i), trigger);
      }
    } else if (condition instanceof Condition.Any any && any.conditions() != null) {
      for (int i = 0; i < any.conditions().size(); i++) {
        checkScope(v, path + ".conditions[" + i + "]", any.conditions().get(i), trigger);
      }
    } else if (condition instanceof Condition.Not not) {
      checkScope(v, path + ".condition", not.condition(), trigger);
    } else if (condition instanceof Condition.Numbered numbered && numbered.rules() != null) {
      numbered.rules().forEach((n, c) -> checkScope(v, path + ".rules." + n, c, trigger));
    } else if (condition instanceof Condition.OrderAmount || condition instanceof Condition.OrderTotalAmount
        || condition instanceof Condition.OrderItemsCount || condition instanceof Condition.OrderMetadata
        || condition instanceof Condition.Items) {
      v.check(trigger instanceof Trigger.OrderPaid, path, "is an order condition, but event " + trigger.eventName()
          + " has no order", null);
    } else if (condition instanceof Condition.EventMetadata) {
      v.check(trigger instanceof Trigger.CustomEvent, path, "is a custom event condition, but the rule fires on "
          + trigger.eventName(), null);
    }
  }

  /** Which calculation types each trigger accepts (semantics §2.6, with the engine's wider choice). */
  private static void checkAllowed(Violations v, String path, Measure m, Trigger trigger) {
    boolean ok = switch (m.calculationType()) {
      case ORDER_AMOUNT, ORDER_TOTAL_AMOUNT, ORDER_METADATA, ORDER_ITEMS_QUANTITY, ORDER_ITEMS_AMOUNT,
          ORDER_ITEMS_SUBTOTAL_AMOUNT -> trigger instanceof Trigger.OrderPaid;
      case CUSTOMER_METADATA -> true;
      case CUSTOM_EVENT_METADATA -> trigger instanceof Trigger.CustomEvent;
    };
    v.check(ok, path, "is not allowed for event " + trigger.eventName(), m.calculationType());
  }

  private static String containerKey(Measure m) {
    return switch (m.calculationType()) {
      case ORDER_AMOUNT -> "order.amount";
      case ORDER_TOTAL_AMOUNT -> "order.total_amount";
      case ORDER_METADATA -> "order.metadata";
      case ORDER_ITEMS_QUANTITY -> "order_items.quantity";
      case ORDER_ITEMS_AMOUNT -> "order_items.amount";
      case ORDER_ITEMS_SUBTOTAL_AMOUNT -> "order_items.subtotal_amount";
      case CUSTOMER_METADATA -> "customer.metadata";
      case CUSTOM_EVENT_METADATA -> "custom_event.metadata";
    };
  }

  private static boolean property(Violations v, String key, String property) {
    return v.name(property, key + ".property", Limits.MAX_METADATA_KEY_LENGTH);
  }

  private static void positive(Violations v, String path, long value) {
    v.check(value >= 1 && value <= MAX_POINTS, path, "must be from 1 to " + MAX_POINTS, value);
  }

  /** Helper validators given an empty prefix may start paths with a dot; Voucherify's paths do not. */
  private static List<Violation> strip(List<Violation> violations) {
    return violations.stream()
        .map(x -> x.path().startsWith(".") ? new Violation(x.path().substring(1), x.message(), x.value()) : x)
        .toList();
  }
}
