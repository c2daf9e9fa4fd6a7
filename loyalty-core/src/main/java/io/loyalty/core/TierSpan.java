package io.loyalty.core;

import io.loyalty.spi.tier.Tier;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * One stretch of a member's tier history ({@link LoyaltyEngine#tierHistory}): from {@code from} on, until the next
 * span, the member held {@code tier} ({@code null}: none), which was then to end at {@code expiresAt} ({@code null}:
 * no term, as under {@code BALANCE_DROP} or for the base tier).
 *
 * @param tier the tier held, {@code null} for none
 * @param from the first instant of the stretch
 * @param expiresAt when the tier was to end, as known during the stretch
 */
public record TierSpan(@Nullable Tier tier, Instant from, @Nullable Instant expiresAt) {}
