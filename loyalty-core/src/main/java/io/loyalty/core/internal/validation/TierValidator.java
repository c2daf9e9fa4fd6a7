package io.loyalty.core.internal.validation;

import io.loyalty.spi.AssignmentId;
import io.loyalty.spi.Limits;
import io.loyalty.spi.RuleId;
import io.loyalty.spi.TierId;
import io.loyalty.spi.program.IsoDuration;
import io.loyalty.spi.program.Program;
import io.loyalty.spi.tier.Tier;
import io.loyalty.spi.tier.TierMapping;
import io.loyalty.spi.tier.TierPolicy;
import java.math.BigDecimal;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Validates a program's tiers and tier policy as a whole, with Voucherify's field names ({@code tiers[2].points.to},
 * {@code loyalty_tiers_expiration.qualification_period}): ranges in ascending order without overlap, at most one
 * unbounded tier and it the last, mappings only to the program's own rules and reward assignments, multipliers and
 * points within bounds, and a policy whose parts fit together.
 */
final class TierValidator {
  /** The most tiers a program may have (Voucherify v1 sets no limit; v2 allows 100). */
  static final int MAX_TIERS = 1_000;
  /** The largest multiplier of a {@code MULTIPLY} mapping: with points up to {@link ProgramValidator#MAX_POINTS} it cannot overflow. */
  static final BigDecimal MAX_MULTIPLIER = BigDecimal.valueOf(1_000);
  /** The most decimal places of a multiplier. */
  static final int MAX_MULTIPLIER_SCALE = 6;

  private TierValidator() {}

  static void validate(Violations v, Program program) {
    if (!v.check(program.tiers().size() <= MAX_TIERS, "tiers", "must have at most " + MAX_TIERS + " tiers",
        program.tiers().size())) {
      return; // not walked: the count alone rejects the program
    }
    Set<RuleId> rules = new HashSet<>();
    program.earningRules().forEach(r -> rules.add(r.id()));
    Set<AssignmentId> assignments = new HashSet<>();
    program.rewards().forEach(a -> assignments.add(a.id()));
    Set<TierId> ids = new HashSet<>();
    Tier previous = null;
    for (int i = 0; i < program.tiers().size(); i++) {
      String path = "tiers[" + i + "]";
      Tier tier = program.tiers().get(i);
      if (!v.present(tier, path)) {
        continue;
      }
      v.check(ids.add(tier.id()), path + ".id", "must be unique within the program", tier.id());
      v.name(tier.name(), path + ".name", Limits.MAX_NAME_LENGTH);
      boolean fromOk = v.check(tier.from() >= 0 && tier.from() <= ProgramValidator.MAX_POINTS, path + ".points.from",
          "must be from 0 to " + ProgramValidator.MAX_POINTS, tier.from());
      Long to = tier.to();
      boolean toOk = to == null || v.check(to >= tier.from() && to <= ProgramValidator.MAX_POINTS, path + ".points.to",
          "must be from points.from to " + ProgramValidator.MAX_POINTS + " (the range is inclusive)", to);
      if (previous != null && fromOk && toOk) {
        Long before = previous.to();
        if (before == null) {
          v.add(path, "comes after tiers[" + (i - 1) + "], which has no upper bound: only the last tier may be unbounded",
              tier.id());
        } else {
          v.check(tier.from() > before, path + ".points.from",
              "must be above tiers[" + (i - 1) + "].points.to (" + before + "): tiers come in ascending order and do not overlap",
              tier.from());
        }
      }
      previous = tier;
      for (Map.Entry<RuleId, TierMapping> m : tier.earningRules().entrySet()) {
        String at = path + ".earning_rules." + m.getKey().value();
        v.check(rules.contains(m.getKey()), at, "names no earning rule of the program", m.getKey());
        mapping(v, at, m.getValue());
      }
      for (Map.Entry<AssignmentId, TierMapping> m : tier.rewards().entrySet()) {
        String at = path + ".rewards." + m.getKey().value();
        v.check(assignments.contains(m.getKey()), at, "names no reward assignment of the program", m.getKey());
        mapping(v, at, m.getValue());
      }
    }
    policy(v, program.tierPolicy());
    // a rule on tier moves names one of the program's tiers, or any (Voucherify's __ANY__)
    for (int i = 0; i < program.earningRules().size(); i++) {
      io.loyalty.spi.program.EarningRule rule = program.earningRules().get(i);
      if (rule != null && rule.trigger() instanceof io.loyalty.spi.program.Trigger.TierChange t && t.tierId() != null
          && !t.tierId().isBlank() && !t.tierId().equals(io.loyalty.spi.program.Trigger.TierChange.ANY_TIER)) {
        v.check(ids.stream().anyMatch(id -> id.value().equals(t.tierId())), "earning_rules[" + i + "].loyalty_tier.id",
            "names no tier of the program (or use " + io.loyalty.spi.program.Trigger.TierChange.ANY_TIER + ")",
            t.tierId());
      }
    }
  }

  /**
   * Checks an edit of a live program against the version it replaces (digest section 6.4): the qualification policy
   * and the ladder (the tiers' ids and ranges) change in separate, sequential edits, so that each change's effect on
   * the members is its own.
   */
  static void edit(Violations v, Program previous, Program next) {
    if (previous.tiers().isEmpty() || previous.tierPolicy().equals(next.tierPolicy())) {
      return;
    }
    boolean sameLadder = previous.tiers().size() == next.tiers().size();
    for (int i = 0; sameLadder && i < next.tiers().size(); i++) {
      Tier a = previous.tiers().get(i);
      Tier b = next.tiers().get(i);
      sameLadder = a.id().equals(b.id()) && a.from() == b.from() && java.util.Objects.equals(a.to(), b.to());
    }
    if (!sameLadder) {
      v.add("loyalty_tiers_expiration", "changes in the same edit as the tiers' ranges: change the qualification and"
          + " the tiers in separate edits (digest section 6.4)", null);
      v.add("tiers", "change in the same edit as loyalty_tiers_expiration: change them in separate edits", null);
    }
  }

  private static void mapping(Violations v, String path, TierMapping mapping) {
    if (mapping instanceof TierMapping.Multiply multiply) {
      BigDecimal m = multiply.multiplier();
      if (v.problem(Limits.decimalProblem(m), path + ".multiplier", m)) {
        v.check(m.signum() > 0 && m.compareTo(MAX_MULTIPLIER) <= 0 && m.stripTrailingZeros().scale() <= MAX_MULTIPLIER_SCALE,
            path + ".multiplier", "must be above 0 and at most " + MAX_MULTIPLIER + ", with at most "
                + MAX_MULTIPLIER_SCALE + " decimal places", m);
      }
    } else if (mapping instanceof TierMapping.Custom custom) {
      v.check(custom.points() >= 0 && custom.points() <= ProgramValidator.MAX_POINTS, path + ".points",
          "must be from 0 to " + ProgramValidator.MAX_POINTS, custom.points());
    }
  }

  private static void policy(Violations v, TierPolicy policy) {
    String path = "loyalty_tiers_expiration";
    TierPolicy.ExpirationType type = policy.expiration().type();
    if (policy.qualification() == TierPolicy.Qualification.BALANCE) {
      v.check(policy.period() == null, path + ".qualification_period", "must be absent for BALANCE qualification",
          policy.period());
      v.check(policy.start() == TierPolicy.Start.IMMEDIATE, path + ".start_date.type",
          "must be IMMEDIATE for BALANCE qualification", policy.start());
      v.check(type == TierPolicy.ExpirationType.BALANCE_DROP || type == TierPolicy.ExpirationType.CUSTOM,
          path + ".expiration_date.type", "must be BALANCE_DROP or CUSTOM for BALANCE qualification", type);
    } else {
      v.check(policy.period() != null, path + ".qualification_period", "is required for POINTS_IN_PERIOD qualification",
          null);
      v.check(type != TierPolicy.ExpirationType.BALANCE_DROP, path + ".expiration_date.type",
          "BALANCE_DROP needs BALANCE qualification", type);
    }
    IsoDuration extend = policy.expiration().extend();
    if (type == TierPolicy.ExpirationType.CUSTOM && extend == null) {
      v.add(path + ".expiration_date.extend", "is required for CUSTOM expiration", null);
    } else if (type == TierPolicy.ExpirationType.CUSTOM && extend != null) {
      // a term lasts at least a day, so settling a card idle for years renews it a bounded number of times
      v.check(extend.period().toTotalMonths() > 0 || extend.period().getDays() > 0
              || extend.time().compareTo(java.time.Duration.ofDays(1)) >= 0, path + ".expiration_date.extend",
          "must be at least one day (P1D) for CUSTOM expiration", extend);
    }
    if (extend != null) {
      v.check(!extend.period().isNegative() && !extend.time().isNegative()
              && (!extend.period().isZero() || !extend.time().isZero()), path + ".expiration_date.extend",
          "must be a positive ISO 8601 duration such as P3M or P7D", extend);
    }
    TierPolicy.Rounding rounding = policy.expiration().rounding();
    if (rounding != null) {
      v.check(type == TierPolicy.ExpirationType.CUSTOM, path + ".expiration_date.rounding",
          "is allowed with CUSTOM expiration only", rounding);
      Integer month = rounding.month();
      if (rounding.period() == null) {
        v.check(month != null && month >= 0 && month <= 11, path + ".expiration_date.rounding.value",
            "must be a month from 0 (January) to 11 (December) for CUSTOM rounding", month);
      } else {
        v.check(month == null, path + ".expiration_date.rounding.value", "is allowed with CUSTOM rounding only", month);
      }
    }
  }
}
