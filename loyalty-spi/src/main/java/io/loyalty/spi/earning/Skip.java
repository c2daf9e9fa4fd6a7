package io.loyalty.spi.earning;

import io.loyalty.spi.RuleId;

/**
 * An earning rule that matched the event's trigger but gave no points, and why.
 *
 * @param rule the rule
 * @param reason the first reason found, in evaluation order
 * @param detail a human-readable detail: the failed condition, the missing property, ...
 */
public record Skip(RuleId rule, SkipReason reason, String detail) {}
