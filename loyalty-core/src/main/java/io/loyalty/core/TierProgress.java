package io.loyalty.core;

import io.loyalty.spi.tier.StructureTier;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * What a member sees next in a loyalty v2 tier structure (Voucherify's member tier progress,
 * {@link LoyaltyEngine#tierProgress}): the tier held with its points, the drops that come if nothing else happens,
 * and the higher tiers with the points each still takes.
 *
 * @param current the tier held, {@code null} for none
 * @param deferred a higher tier this period's points already give from the next tracking period's start
 *     ({@code POINT_EARNED} with {@code NEXT_TRACKING_PERIOD}), {@code null} for none
 * @param risks the drops that come with no new points, no spending and no new segments, soonest first (at most ten)
 * @param opportunities the higher tiers the member can reach, lowest first (the deferred tier and those below it
 *     left out)
 */
public record TierProgress(@Nullable Current current, @Nullable Deferred deferred, List<Risk> risks,
    List<Opportunity> opportunities) {
  /** Copies the lists. */
  public TierProgress {
    risks = List.copyOf(risks);
    opportunities = List.copyOf(opportunities);
  }

  /**
   * The tier held.
   *
   * @param tier the tier
   * @param activatedAt since when it has been held without a break
   * @param expiresAt when it ends unless the member qualifies again, {@code null} for no end
   * @param points the points that count and the tier's range
   */
  public record Current(StructureTier tier, Instant activatedAt, @Nullable Instant expiresAt, Points points) {}

  /**
   * A tier assignment deferred to the next tracking period (Voucherify's {@code deferred}).
   *
   * @param tier the tier the member will hold
   * @param startAt when it starts (the next tracking period's first instant)
   * @param expiresAt when it would end unless the member qualifies again, {@code null} for no end
   */
  public record Deferred(StructureTier tier, Instant startAt, @Nullable Instant expiresAt) {}

  /**
   * The member's points within a tier's range.
   *
   * @param current the points the structure counts now (the balance, or the points earned in the period)
   * @param min the tier's least qualifying points
   * @param max the tier's most points, {@code null} for the unbounded top tier
   */
  public record Points(long current, long min, @Nullable Long max) {}

  /** Voucherify's risk types. */
  public enum RiskType {
    /** The member falls to a lower tier. */
    TIER_DOWNGRADE,
    /** The member leaves every tier. */
    TIER_LEFT
  }

  /**
   * A drop that comes if nothing else happens.
   *
   * @param type a downgrade or leaving the tiers
   * @param date when it takes effect
   * @param tier the tier the member falls to, {@code null} for {@code TIER_LEFT}
   */
  public record Risk(RiskType type, Instant date, @Nullable StructureTier tier) {
    /** Requires the type and date. */
    public Risk {
      Objects.requireNonNull(type, "type");
      Objects.requireNonNull(date, "date");
    }
  }

  /**
   * A higher tier and what it takes.
   *
   * @param tier the tier
   * @param points the points still missing: more balance ({@code POINT_BALANCE}), or more points earned in the
   *     current tracking period ({@code POINT_EARNED})
   * @param validUntil until when the points must come (the end of the tracking period), {@code null} for no deadline
   */
  public record Opportunity(StructureTier tier, long points, @Nullable Instant validUntil) {}
}
