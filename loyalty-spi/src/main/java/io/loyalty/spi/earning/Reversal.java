package io.loyalty.spi.earning;

import io.loyalty.spi.RuleId;

/**
 * Points a refund took back for one earning rule of the refunded order.
 *
 * @param rule the rule that granted them
 * @param owed how many points the refunded part had earned: the rule's points on the whole order less its
 *     points on what is left, computed with the definition that granted them
 * @param pending taken from the order's pending points (canceled)
 * @param active taken from the usable balance
 * @param debt left owed as a negative balance (UNLIMITED policy)
 * @param shortfall not taken back because the points were already spent (the other policies)
 */
public record Reversal(RuleId rule, long owed, long pending, long active, long debt, long shortfall) {}
