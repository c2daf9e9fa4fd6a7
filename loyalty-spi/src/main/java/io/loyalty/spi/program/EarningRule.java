package io.loyalty.spi.program;

import io.loyalty.spi.WalletId;

import io.loyalty.spi.Metadata;
import io.loyalty.spi.RuleId;
import io.loyalty.spi.ValidationRuleId;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One earning rule of a program: what fires it, how many points it gives, when it is in force and what
 * must hold. Build one with {@link #builder(RuleId, Trigger, PointsFormula)}.
 *
 * @param id the rule's id, unique within the program
 * @param trigger what fires it
 * @param formula how many points it gives (Voucherify's {@code loyalty})
 * @param active the manual on/off switch, independent of the dates
 * @param validity when it is in force; a missing start or expiration inherits the program's
 * @param condition an inline condition that must hold, {@code null} for none
 * @param validationRuleId a named validation rule that must hold, {@code null} for none
 * @param pendingPoints for {@code order.paid} rules, credit the points as pending for this period; {@code null}
 *     to credit them at once
 * @param expiration when this rule's points expire, overriding the program's; {@code null} to use the program's
 * @param banner the display name (Voucherify's {@code source.banner}), possibly empty
 * @param metadata free key/values
 * @param wallet the wallet its points go to: {@link WalletId#MAIN} in a v1 program, one of the program's
 *     {@link Program#wallets()} in a v2 one
 * @param branch for one effect of a v2 earning rule ({@link FirstMatchRule}), where it sits in that rule's
 *     first-match order; {@code null} for a v1 rule, which stacks with every other matching rule
 */
public record EarningRule(
    RuleId id,
    Trigger trigger,
    PointsFormula formula,
    boolean active,
    Validity validity,
    @Nullable Condition condition,
    @Nullable ValidationRuleId validationRuleId,
    @Nullable PendingPoints pendingPoints,
    @Nullable ExpirationRule expiration,
    String banner,
    Metadata metadata,
    WalletId wallet,
    @Nullable Branch branch) {

  /**
   * Where a flattened v2 effect sits in its earning rule: the rule, the earning (1-based, in order) whose conditions
   * it shares, and the earning's name. The first earning of a rule whose conditions hold is applied whole; the rule's
   * later earnings are skipped.
   *
   * @param rule the v2 earning rule's id
   * @param earning the earning's position in the rule, 1 or more
   * @param name the earning's name, possibly empty
   * @param limits the v2 rule's trigger limits (the same on each of its effects)
   * @param tiers the earning's {@code tier_rules}: the tiers of the program's structure of which the member must hold
   *     one for the earning to match; empty for no requirement
   */
  public record Branch(RuleId rule, int earning, String name, TriggerLimits limits, List<io.loyalty.spi.TierId> tiers) {
    /** Checks the position. */
    public Branch {
      Objects.requireNonNull(rule, "rule");
      name = name == null ? "" : name;
      limits = limits == null ? TriggerLimits.NONE : limits;
      tiers = tiers == null ? List.of() : List.copyOf(tiers);
    }

    /** A branch of a rule with no tier requirement. */
    public Branch(RuleId rule, int earning, String name, TriggerLimits limits) {
      this(rule, earning, name, limits, List.of());
    }

    /** A branch of a rule with no trigger limits. */
    public Branch(RuleId rule, int earning, String name) {
      this(rule, earning, name, TriggerLimits.NONE);
    }
  }

  /** A v1 rule: its points go to the main wallet and it stacks with every other matching rule. */
  public EarningRule(RuleId id, Trigger trigger, PointsFormula formula, boolean active, Validity validity,
      @Nullable Condition condition, @Nullable ValidationRuleId validationRuleId, @Nullable PendingPoints pendingPoints,
      @Nullable ExpirationRule expiration, String banner, Metadata metadata) {
    this(id, trigger, formula, active, validity, condition, validationRuleId, pendingPoints, expiration, banner,
        metadata, WalletId.MAIN, null);
  }

  /** Defaults the optional parts: always valid, empty banner and metadata, the main wallet. */
  public EarningRule {
    wallet = wallet == null ? WalletId.MAIN : wallet;
    validity = validity == null ? Validity.ALWAYS : validity;
    banner = banner == null ? "" : banner;
    metadata = metadata == null ? Metadata.EMPTY : metadata;
  }

  /** Starts a rule that is active and always in force, with no conditions. */
  public static Builder builder(RuleId id, Trigger trigger, PointsFormula formula) {
    return new Builder(id, trigger, formula);
  }

  /** A builder seeded with this rule's values. */
  public Builder toBuilder() {
    return new Builder(id, trigger, formula)
        .active(active)
        .validity(validity)
        .condition(condition)
        .validationRule(validationRuleId)
        .pendingPoints(pendingPoints)
        .expiration(expiration)
        .banner(banner)
        .metadata(metadata)
        .wallet(wallet)
        .branch(branch);
  }

  /** Builds an {@link EarningRule}; not thread-safe. */
  public static final class Builder {
    private final RuleId id;
    private final Trigger trigger;
    private final PointsFormula formula;
    private boolean active = true;
    private Validity validity = Validity.ALWAYS;
    private @Nullable Condition condition;
    private @Nullable ValidationRuleId validationRuleId;
    private @Nullable PendingPoints pendingPoints;
    private @Nullable ExpirationRule expiration;
    private String banner = "";
    private Metadata metadata = Metadata.EMPTY;
    private WalletId wallet = WalletId.MAIN;
    private @Nullable Branch branch;

    private Builder(RuleId id, Trigger trigger, PointsFormula formula) {
      this.id = Objects.requireNonNull(id, "id");
      this.trigger = Objects.requireNonNull(trigger, "trigger");
      this.formula = Objects.requireNonNull(formula, "formula");
    }

    /** Sets the manual on/off switch. */
    public Builder active(boolean active) {
      this.active = active;
      return this;
    }

    /** Sets when the rule is in force. */
    public Builder validity(Validity validity) {
      this.validity = Objects.requireNonNull(validity, "validity");
      return this;
    }

    /** Sets the inline condition, {@code null} for none. */
    public Builder condition(@Nullable Condition condition) {
      this.condition = condition;
      return this;
    }

    /** Sets the named validation rule, {@code null} for none. */
    public Builder validationRule(@Nullable ValidationRuleId validationRuleId) {
      this.validationRuleId = validationRuleId;
      return this;
    }

    /** Credits the points as pending for the period ({@code order.paid} rules only); {@code null} for at once. */
    public Builder pendingPoints(@Nullable PendingPoints pendingPoints) {
      this.pendingPoints = pendingPoints;
      return this;
    }

    /** Sets when this rule's points expire, overriding the program's; {@code null} to use the program's. */
    public Builder expiration(@Nullable ExpirationRule expiration) {
      this.expiration = expiration;
      return this;
    }

    /** Sets the display name. */
    public Builder banner(String banner) {
      this.banner = Objects.requireNonNull(banner, "banner");
      return this;
    }

    /** Sets the metadata. */
    public Builder metadata(Metadata metadata) {
      this.metadata = Objects.requireNonNull(metadata, "metadata");
      return this;
    }

    /** Sets the wallet its points go to (a v2 program's; {@link WalletId#MAIN} in a v1 program). */
    public Builder wallet(WalletId wallet) {
      this.wallet = Objects.requireNonNull(wallet, "wallet");
      return this;
    }

    /** Places the rule in a v2 rule's first-match order ({@code null}: a v1 rule). */
    public Builder branch(@Nullable Branch branch) {
      this.branch = branch;
      return this;
    }

    /** Returns the rule; the engine validates it when the program is defined. */
    public EarningRule build() {
      return new EarningRule(id, trigger, formula, active, validity, condition, validationRuleId, pendingPoints, expiration,
          banner, metadata, wallet, branch);
    }
  }
}
