package io.loyalty.spi.card;

import io.loyalty.spi.EventId;
import io.loyalty.spi.OrderId;
import io.loyalty.spi.RuleId;
import org.jspecify.annotations.Nullable;

/**
 * Where a lot's points came from: the event, the earning rule and the program version that granted them,
 * and the order when there was one (so a refund can be computed with the rules that granted the points).
 *
 * @param event the event, {@code null} for manual additions
 * @param rule the earning rule, {@code null} for manual additions and initial points
 * @param programVersion the program definition version in force when the points were granted
 * @param order the order, {@code null} when the event was not an order
 */
public record LotSource(@Nullable EventId event, @Nullable RuleId rule, long programVersion, @Nullable OrderId order) {}
