package io.loyalty.core;

import io.loyalty.spi.TierStructureId;
import io.loyalty.spi.tier.StructureTier;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A member's tier in a loyalty v2 tier structure at an instant ({@link LoyaltyEngine#structureTier}): the tier,
 * since when it has been held without a break, and when it ends as known then.
 *
 * @param structure the tier structure
 * @param tier the tier held
 * @param activatedAt when the member entered it (the start of the unbroken holding)
 * @param expiresAt when it ends unless the member qualifies again (a term's or grace period's end), {@code null} for
 *     no end (no retention, or a tier that is never moved down)
 */
public record MemberStructureTier(TierStructureId structure, StructureTier tier, Instant activatedAt,
    @Nullable Instant expiresAt) {}
