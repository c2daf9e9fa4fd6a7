package io.loyalty.spi.tier;

import io.loyalty.spi.SegmentId;
import io.loyalty.spi.TierId;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * What a card's tiers remember under a policy that keeps a tier for a term ({@code CUSTOM}, {@code END_OF_PERIOD},
 * {@code END_OF_NEXT_PERIOD}): the terms granted so far and the points earned in the current qualification period.
 * The member's tier at an instant is the highest tier among the grants whose term holds it; grants are kept (one per
 * uninterrupted holding of a tier), so "which tier on 3 March" is read from them exactly. Under {@code BALANCE_DROP}
 * a card keeps no state: its tier follows its balance.
 *
 * @param asOf the instant up to which the state is settled (the card's last write that changed it)
 * @param periodStart the start of the qualification period {@code periodPoints} counts in, {@code null} for none
 *     (BALANCE qualification, or nothing earned yet)
 * @param periodPoints the points earned from {@code periodStart} (POINTS_IN_PERIOD qualification); 0 otherwise
 * @param grants the terms granted, in the order they were granted
 * @param overrides the host's overrides, in the order they were set (each kept, so the history shows them)
 * @param structure what a loyalty v2 tier structure keeps on the card, {@code null} for a v1 program's tiers
 */
public record TierState(Instant asOf, @Nullable Instant periodStart, long periodPoints, List<Grant> grants,
    List<Override> overrides, @Nullable Structure structure) {
  /** Checks the parts and copies the lists. */
  public TierState {
    Objects.requireNonNull(asOf, "asOf");
    if (periodPoints < 0) {
      throw new IllegalArgumentException("periodPoints must be at least 0, not " + periodPoints);
    }
    grants = List.copyOf(grants);
    overrides = List.copyOf(overrides);
  }

  /** A state with no overrides. */
  public TierState(Instant asOf, @Nullable Instant periodStart, long periodPoints, List<Grant> grants) {
    this(asOf, periodStart, periodPoints, grants, List.of(), null);
  }

  /** A v1 state (no tier structure). */
  public TierState(Instant asOf, @Nullable Instant periodStart, long periodPoints, List<Grant> grants,
      List<Override> overrides) {
    this(asOf, periodStart, periodPoints, grants, overrides, null);
  }

  /** The same state with other grants (and settled instant, period count), its overrides kept. */
  public TierState with(Instant asOf, @Nullable Instant periodStart, long periodPoints, List<Grant> grants) {
    return new TierState(asOf, periodStart, periodPoints, grants, overrides, structure);
  }

  /** A loyalty v2 structure's state settled to {@code asOf}, counting {@code periodPoints} from {@code periodStart}. */
  public static TierState ofStructure(Instant asOf, @Nullable Instant periodStart, long periodPoints,
      Structure structure) {
    return new TierState(asOf, periodStart, periodPoints, List.of(), List.of(), structure);
  }

  /**
   * What a card keeps under a loyalty v2 tier structure: the standings decided so far, in the order they took
   * effect (the tier held at an instant is the last standing from at or before it), the points the tracking period
   * before the current one earned ({@code POINT_EARNED}), and the segments the member was last known to be in.
   *
   * @param previousPoints the points earned in the tracking period just before {@code periodStart}'s; 0 for none
   * @param standings the standings, oldest first; empty before the first evaluation
   * @param segments the structure's segments the member was in by the last host view of the customer, sorted
   */
  public record Structure(long previousPoints, List<Standing> standings, List<SegmentId> segments) {
    /** An empty state: no standing yet, no segments known. */
    public static final Structure EMPTY = new Structure(0, List.of(), List.of());

    /** Checks the count and copies the lists. */
    public Structure {
      if (previousPoints < 0) {
        throw new IllegalArgumentException("previousPoints must be at least 0, not " + previousPoints);
      }
      standings = standings == null ? List.of() : List.copyOf(standings);
      segments = segments == null ? List.of() : List.copyOf(segments);
    }

    /** The standing in force at {@code at}: the last one from at or before it; {@code null} before the first. */
    public @Nullable Standing at(Instant at) {
      Standing found = null;
      for (Standing s : standings) {
        if (s.from().isAfter(at)) {
          break;
        }
        found = s;
      }
      return found;
    }
  }

  /**
   * One decision of a v2 structure: from {@code from} the card holds {@code tier} (none when {@code null}) until the
   * next standing; {@code until} is when it ends unless the member qualifies again (a term's end, or a grace
   * period's), {@code null} when nothing is due.
   *
   * @param tier the tier held, {@code null} for none (the member left the structure's tiers)
   * @param from when it took effect
   * @param until when it falls due, after {@code from}; {@code null} for no end known
   * @param grace whether it is a grace period before a drop (the tier kept although the member no longer qualifies)
   */
  public record Standing(@Nullable TierId tier, Instant from, @Nullable Instant until, boolean grace) {
    /** Checks {@code from < until}. */
    public Standing {
      Objects.requireNonNull(from, "from");
      if (until != null && !from.isBefore(until)) {
        throw new IllegalArgumentException("a standing runs from < until: " + from + ", " + until);
      }
    }
  }

  /**
   * A tier the host set by hand, which the card holds from {@code from} whatever its points say, until {@code until}
   * or the next override; an override with no tier ends the one before it.
   *
   * @param tier the tier held, {@code null} for an override that ends the previous one (the card's own tier again)
   * @param from when it takes effect (the instant it was set)
   * @param until the first instant it no longer holds, {@code null} for until the next override
   * @param reason the host's reason, possibly empty
   */
  public record Override(@Nullable TierId tier, Instant from, @Nullable Instant until, String reason) {
    /** Checks the parts: {@code from < until}. */
    public Override {
      Objects.requireNonNull(from, "from");
      Objects.requireNonNull(reason, "reason");
      if (until != null && !from.isBefore(until)) {
        throw new IllegalArgumentException("an override runs from < until: " + from + ", " + until);
      }
    }

    /** Whether it sets a tier at {@code at}. */
    public boolean holds(Instant at) {
      return tier != null && !at.isBefore(from) && (until == null || at.isBefore(until));
    }
  }

  /** The override in force at {@code at} (the last set at or before it, if it still holds), {@code null} for none. */
  public @Nullable Override overrideAt(Instant at) {
    Override last = null;
    for (Override o : overrides) {
      if (!o.from().isAfter(at)) {
        last = o;
      }
    }
    return last != null && last.holds(at) ? last : null;
  }

  /**
   * One term of a tier: the member holds {@code tier} from {@code start} (inclusive) to {@code end} (exclusive).
   *
   * @param tier the tier
   * @param start when the term begins (the instant the member qualified, or the next period's first instant)
   * @param end the first instant the term no longer holds (00:00 of the day after the expiration date, in the
   *     program's zone)
   * @param grantedAt when the member qualified for it (at or before {@code start})
   */
  public record Grant(TierId tier, Instant start, Instant end, Instant grantedAt) {
    /** Checks the parts: {@code grantedAt <= start < end}. */
    public Grant {
      Objects.requireNonNull(tier, "tier");
      Objects.requireNonNull(start, "start");
      Objects.requireNonNull(end, "end");
      Objects.requireNonNull(grantedAt, "grantedAt");
      if (grantedAt.isAfter(start) || !start.isBefore(end)) {
        throw new IllegalArgumentException("a grant runs grantedAt <= start < end: " + grantedAt + ", " + start + ", " + end);
      }
    }

    /** Whether the term holds at {@code at}. */
    public boolean holds(Instant at) {
      return !at.isBefore(start) && at.isBefore(end);
    }
  }
}
