package io.loyalty.spi.program;

import io.loyalty.spi.Metadata;
import io.loyalty.spi.RuleId;
import io.loyalty.spi.WalletId;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A loyalty v2 earning rule (Voucherify's {@code /v2/loyalties/earning-rules}): one trigger and a list of earnings
 * tried in order; the first whose conditions hold applies all its effects, each to its wallet, and the rest are
 * skipped. A program stores it flattened, one {@link EarningRule} per effect carrying its {@link EarningRule.Branch}
 * ({@link #flatten}), so the engine evaluates, records and replays each effect as it does a v1 rule;
 * {@link #regroup} gives the rule back.
 *
 * @param id the rule's id, unique within the program
 * @param trigger what fires it ({@code order.paid}, a custom event, a segment entered)
 * @param earnings 1 or more, in first-match order
 * @param active the manual on/off switch
 * @param validity when it is in force; a missing start or expiration inherits the program's
 * @param name the display name, possibly empty
 * @param metadata free key/values
 * @param limits how often it may earn for one member ({@link TriggerLimits#NONE} by default)
 */
public record FirstMatchRule(RuleId id, Trigger trigger, List<Earning> earnings, boolean active, Validity validity,
    String name, Metadata metadata, TriggerLimits limits) implements Component {

  @Override
  public ComponentKind kind() {
    return ComponentKind.EARNING_RULE;
  }

  @Override
  public String componentId() {
    return id.value();
  }

  /**
   * One earning: its conditions and the effects it applies when they hold and no earlier earning's did.
   *
   * @param name the display name, possibly empty
   * @param condition what must hold, {@code null} for nothing (Voucherify's {@code rules} group)
   * @param effects 1 or more, all applied
   * @param tiers Voucherify's {@code tier_rules}: the tiers of the program's tier structure of which the member must
   *     hold one (before the event's points) for the earning to match ({@code ANY_OF}); empty for
   *     {@code NO_REQUIREMENTS}
   */
  public record Earning(String name, @Nullable Condition condition, List<Effect> effects,
      List<io.loyalty.spi.TierId> tiers) {
    /** Copies the effects and the tiers. */
    public Earning {
      name = name == null ? "" : name;
      effects = List.copyOf(effects);
      tiers = tiers == null ? List.of() : List.copyOf(tiers);
    }

    /** An earning with no tier requirement ({@code NO_REQUIREMENTS}). */
    public Earning(String name, @Nullable Condition condition, List<Effect> effects) {
      this(name, condition, effects, List.of());
    }

    /** A copy that matches only a member in one of {@code tiers} ({@code tier_rules: ANY_OF}). */
    public Earning forTiers(io.loyalty.spi.TierId... tiers) {
      return new Earning(name, condition, effects, List.of(tiers));
    }

    /** An earning with no conditions. */
    public static Earning always(Effect... effects) {
      return new Earning("", null, List.of(effects));
    }

    /** An earning applied when {@code condition} holds. */
    public static Earning when(Condition condition, Effect... effects) {
      return new Earning("", Objects.requireNonNull(condition, "condition"), List.of(effects));
    }

    /** A copy with a name. */
    public Earning named(String name) {
      return new Earning(name, condition, effects, tiers);
    }
  }

  /**
   * One effect: points into a wallet ({@code POINTS} is a {@link PointsFormula.Fixed}, {@code POINTS_PROPORTIONAL}
   * a {@link PointsFormula.Proportional} with the same calculation types as v1).
   *
   * @param wallet the program's wallet the points go to
   * @param formula how many points
   * @param expiration when these points expire, overriding the wallet's; {@code null} for the wallet's
   */
  public record Effect(WalletId wallet, PointsFormula formula, @Nullable ExpirationRule expiration) {
    /** Checks the parts. */
    public Effect {
      Objects.requireNonNull(wallet, "wallet");
      Objects.requireNonNull(formula, "formula");
    }

    /** {@code points} points into {@code wallet}. */
    public static Effect points(WalletId wallet, long points) {
      return new Effect(wallet, new PointsFormula.Fixed(points), null);
    }

    /** Points by {@code formula} into {@code wallet}. */
    public static Effect of(WalletId wallet, PointsFormula formula) {
      return new Effect(wallet, formula, null);
    }
  }

  /** Defaults the optional parts and copies the earnings. */
  public FirstMatchRule {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(trigger, "trigger");
    earnings = List.copyOf(earnings);
    validity = validity == null ? Validity.ALWAYS : validity;
    name = name == null ? "" : name;
    metadata = metadata == null ? Metadata.EMPTY : metadata;
    limits = limits == null ? TriggerLimits.NONE : limits;
  }

  /** A rule with no trigger limits. */
  public FirstMatchRule(RuleId id, Trigger trigger, List<Earning> earnings, boolean active, Validity validity,
      String name, Metadata metadata) {
    this(id, trigger, earnings, active, validity, name, metadata, TriggerLimits.NONE);
  }

  /** A copy switched on or off. */
  public FirstMatchRule withActive(boolean active) {
    return new FirstMatchRule(id, trigger, earnings, active, validity, name, metadata, limits);
  }

  /** A copy with trigger limits. */
  public FirstMatchRule withLimits(TriggerLimits limits) {
    return new FirstMatchRule(id, trigger, earnings, active, validity, name, metadata, limits);
  }

  /** An active rule, always in force, with no name. */
  public static FirstMatchRule of(RuleId id, Trigger trigger, Earning... earnings) {
    return new FirstMatchRule(id, trigger, List.of(earnings), true, Validity.ALWAYS, "", Metadata.EMPTY);
  }

  /** The id of the flattened rule of effect {@code effect} (1-based) of earning {@code earning} (1-based). */
  public static RuleId effectId(RuleId rule, int earning, int effect) {
    return RuleId.of(rule.value() + "#" + earning + "." + effect);
  }

  /**
   * The rule as the program stores it: one {@link EarningRule} per effect, in order, with the id
   * {@code <rule>#<earning>.<effect>}, the earning's condition, the rule's trigger, switch, validity and metadata,
   * the rule's name as banner, and the effect's wallet and expiration.
   */
  public List<EarningRule> flatten() {
    List<EarningRule> flat = new ArrayList<>();
    for (int e = 0; e < earnings.size(); e++) {
      Earning earning = earnings.get(e);
      EarningRule.Branch branch = new EarningRule.Branch(id, e + 1, earning.name(), limits, earning.tiers());
      for (int f = 0; f < earning.effects().size(); f++) {
        Effect effect = earning.effects().get(f);
        flat.add(EarningRule.builder(effectId(id, e + 1, f + 1), trigger, effect.formula())
            .active(active).validity(validity).condition(earning.condition()).expiration(effect.expiration())
            .banner(name).metadata(metadata).wallet(effect.wallet()).branch(branch).build());
      }
    }
    return flat;
  }

  /**
   * The v2 rules flattened in {@code rules}, in the order their first effects come; v1 rules (no branch) are left
   * out. The inverse of {@link #flatten} for rules it made.
   */
  public static List<FirstMatchRule> regroup(List<EarningRule> rules) {
    List<FirstMatchRule> grouped = new ArrayList<>();
    EarningRule head = null; // the rule's first effect
    List<Earning> earnings = new ArrayList<>();
    List<Effect> effects = new ArrayList<>();
    EarningRule.Branch current = null; // the earning being gathered
    for (EarningRule r : rules) {
      EarningRule.Branch branch = r.branch();
      if (branch == null) {
        continue;
      }
      if (current != null && !branch.rule().equals(current.rule())) {
        earnings.add(new Earning(current.name(), effectsHead(rules, current).condition(), effects, current.tiers()));
        grouped.add(rule(Objects.requireNonNull(head, "head"), current.rule(), earnings));
        earnings = new ArrayList<>();
        effects = new ArrayList<>();
        current = null;
      }
      if (current == null) {
        head = r;
      } else if (branch.earning() != current.earning()) {
        earnings.add(new Earning(current.name(), effectsHead(rules, current).condition(), effects, current.tiers()));
        effects = new ArrayList<>();
      }
      current = branch;
      effects.add(new Effect(r.wallet(), r.formula(), r.expiration()));
    }
    if (current != null) {
      earnings.add(new Earning(current.name(), effectsHead(rules, current).condition(), effects, current.tiers()));
      grouped.add(rule(Objects.requireNonNull(head, "head"), current.rule(), earnings));
    }
    return grouped;
  }

  private static FirstMatchRule rule(EarningRule head, RuleId id, List<Earning> earnings) {
    EarningRule.Branch branch = java.util.Objects.requireNonNull(head.branch(), "a v2 effect");
    return new FirstMatchRule(id, head.trigger(), earnings, head.active(), head.validity(), head.banner(),
        head.metadata(), branch.limits());
  }

  /** The first flattened effect of the earning {@code branch} names (its condition is the earning's). */
  private static EarningRule effectsHead(List<EarningRule> rules, EarningRule.Branch branch) {
    for (EarningRule r : rules) {
      if (branch.equals(r.branch())) {
        return r;
      }
    }
    throw new IllegalStateException("no effect of " + branch);
  }
}
