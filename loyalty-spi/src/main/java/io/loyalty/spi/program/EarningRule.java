package io.loyalty.spi.program;

import io.loyalty.spi.Metadata;
import io.loyalty.spi.RuleId;
import io.loyalty.spi.ValidationRuleId;
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
    Metadata metadata) {

  /** Defaults the optional parts: always valid, empty banner and metadata. */
  public EarningRule {
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
        .metadata(metadata);
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

    /** Returns the rule; the engine validates it when the program is defined. */
    public EarningRule build() {
      return new EarningRule(id, trigger, formula, active, validity, condition, validationRuleId, pendingPoints, expiration,
          banner, metadata);
    }
  }
}
