package io.loyalty.core;

import io.loyalty.spi.tier.Tier;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * What a member's tiers look like from an instant ({@link LoyaltyEngine#tierOutlook}): the tier held and its end, the
 * next tier up and the points it takes, and the first drop that comes if nothing else happens (a term ending, points
 * expiring) — the questions a member's loyalty page answers.
 *
 * @param current the tier held, {@code null} for none
 * @param currentEndsAt when its term ends, {@code null} for no term
 * @param next the tier above the one held, {@code null} at the top
 * @param pointsToNext the points it takes to reach {@code next}: more balance ({@code BALANCE}) or more points earned
 *     this period ({@code POINTS_IN_PERIOD}); 0 when there is no next tier
 * @param periodEndsAt for {@code POINTS_IN_PERIOD}, when this period's count ends (the points must be earned by
 *     then); {@code null} otherwise
 * @param dropAt the first instant the member falls to a lower tier if nothing else happens, {@code null} for none in
 *     the next ten years
 * @param dropsTo the tier it falls to then, {@code null} for none
 */
public record TierOutlook(@Nullable Tier current, @Nullable Instant currentEndsAt, @Nullable Tier next,
    long pointsToNext, @Nullable Instant periodEndsAt, @Nullable Instant dropAt, @Nullable Tier dropsTo) {}
