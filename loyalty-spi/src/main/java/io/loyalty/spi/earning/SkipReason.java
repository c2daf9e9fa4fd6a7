package io.loyalty.spi.earning;

/** Why an earning rule gave no points for an event. */
public enum SkipReason {
  /** The program's on/off switch is off. */
  PROGRAM_INACTIVE,
  /** The event is before the program's start date. */
  PROGRAM_NOT_STARTED,
  /** The event is at or after the program's expiration date. */
  PROGRAM_EXPIRED,
  /** The event is outside the program's recurring window (timeframe, days of week, hours). */
  PROGRAM_OUTSIDE_WINDOW,
  /** The card's on/off switch is off. */
  CARD_INACTIVE,
  /** The card is past its expiry. */
  CARD_EXPIRED,
  /** The rule's on/off switch is off. */
  RULE_INACTIVE,
  /** The event is before the rule's (or inherited) start date. */
  RULE_NOT_STARTED,
  /** The event is at or after the rule's (or inherited) expiration date. */
  RULE_EXPIRED,
  /** The event is outside the rule's validity timeframe. */
  OUTSIDE_TIMEFRAME,
  /** The event is on a day of the week the rule excludes. */
  OUTSIDE_DAYS_OF_WEEK,
  /** The event is outside the rule's daily hours. */
  OUTSIDE_HOURS,
  /** The rule's inline condition does not hold. */
  CONDITION_FAILED,
  /** The rule's named validation rule does not hold. */
  VALIDATION_RULE_FAILED,
  /** The rule's named validation rule is not known to the host. */
  VALIDATION_RULE_NOT_FOUND,
  /** No order line matches the rule's item targets. */
  NO_MATCHING_ITEMS,
  /** The metadata property the rule measures is absent. */
  METADATA_MISSING,
  /** The metadata property the rule measures is not a number. */
  METADATA_NOT_A_NUMBER,
  /** The measured value is negative. */
  NEGATIVE_VALUE,
  /** The measured value is less than one step ({@code every}), so it earns nothing. */
  BELOW_ONE_STEP,
  /** This card already earned with this rule for this order (through another event). */
  ALREADY_AWARDED,
  /** The trigger is accepted in definitions but does not fire yet (tier events). */
  TRIGGER_NOT_SUPPORTED,
  /** The member's tier maps the rule to no points ({@code CUSTOM} 0, or a multiplier that rounds to 0). */
  TIER_GIVES_NONE,
  /**
   * A loyalty v2 earning's {@code tier_rules} ({@code ANY_OF}) name tiers the member does not hold (before the event's
   * points); the rule's next earning is tried.
   */
  TIER_NOT_HELD,
  /**
   * The event is a tier move that tier-triggered earnings caused, past the engine's bound on such cascades: its
   * rules give nothing, so a cascade always ends.
   */
  TIER_CASCADE_LIMIT,
  /** A dynamic points formula gives 0 points or less, or cannot be computed and its fallback is 0. */
  FORMULA_GIVES_NONE,
  /**
   * A loyalty v2 earning rule's effect whose earning was not applied: an earlier earning of the same rule matched
   * first (only the first matching earning applies).
   */
  EARLIER_EARNING_MATCHED,
  /**
   * The event earns more into a loyalty v2 wallet than its per-transaction maximum: that wallet earns nothing from it
   * (Voucherify rejects such an earn in full).
   */
  TRANSACTION_EARNING_LIMIT,
  /**
   * A loyalty v2 wallet's balance cap or per-period cap leaves less room than the rule's points: its accrual is reduced
   * to what fits (an accrual of the same rule says how many), or it earns nothing.
   */
  EARNING_LIMIT_REACHED,
  /** A loyalty v2 rule that earned for the member within its cooldown: none of its earnings applies. */
  TRIGGER_COOLDOWN,
  /** A loyalty v2 rule that earned its most times for the member in the current period: none of its earnings applies. */
  TRIGGER_LIMIT_REACHED
}
