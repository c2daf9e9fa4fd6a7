package io.loyalty.core;

import io.loyalty.spi.tier.StructureTier;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * One stretch of a member's history in a loyalty v2 tier structure ({@link LoyaltyEngine#structureTierHistory}):
 * from {@code from} on, until the next span, the member held {@code tier} ({@code null}: none), which was then to end
 * at {@code expiresAt}.
 *
 * @param tier the tier held, {@code null} for none
 * @param from the first instant of the stretch
 * @param expiresAt when the tier was to end unless the member qualified again, as known during the stretch
 * @param grace whether the stretch is a grace period before a drop
 */
public record StructureTierSpan(@Nullable StructureTier tier, Instant from, @Nullable Instant expiresAt,
    boolean grace) {}
