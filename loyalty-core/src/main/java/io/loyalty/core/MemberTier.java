package io.loyalty.core;

import io.loyalty.spi.tier.Tier;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A member's tier at an instant with its term (Voucherify's member tier with its {@code expiration} block): the
 * tier, since when it has been held without a break, and when it ends as known at that instant.
 *
 * @param tier the tier held
 * @param since when the member entered it (the start of the unbroken holding)
 * @param expiresAt the first instant it no longer holds, {@code null} when it has no term ({@code BALANCE_DROP}, or
 *     the base tier that takes no points)
 */
public record MemberTier(Tier tier, Instant since, @Nullable Instant expiresAt) {}
