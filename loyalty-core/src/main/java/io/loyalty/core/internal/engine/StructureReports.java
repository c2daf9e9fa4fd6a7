package io.loyalty.core.internal.engine;

import io.loyalty.core.MemberStructureTier;
import io.loyalty.core.StructureTierSpan;
import io.loyalty.core.TierProgress;
import io.loyalty.core.internal.eval.StructureTimeline;
import io.loyalty.spi.card.Card;
import io.loyalty.spi.program.Program;
import io.loyalty.spi.tier.StructureTier;
import io.loyalty.spi.tier.TierState;
import io.loyalty.spi.tier.TierState.Standing;
import io.loyalty.spi.tier.TierStructure;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The reads of a loyalty v2 tier structure on a member's card of its wallet: the tier as of an instant, the history
 * and the progress. Every read settles the card lazily to its instant ({@link StructureTimeline#settled}), so it
 * answers what a read at that instant answered, with no sweep.
 */
public final class StructureReports {
  /** How far ahead the risks are looked for. */
  private static final int RISK_YEARS = 10;
  /** The most risks listed. */
  private static final int MAX_RISKS = 10;

  private StructureReports() {}

  /** The structure the card's tiers follow, if its program has one on the card's wallet. */
  static @Nullable TierStructure structureOf(Program program, Card card) {
    TierStructure s = program.tierStructure();
    return s != null && s.tracking().wallet().equals(card.wallet()) ? s : null;
  }

  /** The member's tier at {@code at}, with since when and until when; empty for none or no structure. */
  public static Optional<MemberStructureTier> tier(Program program, Card card, Instant at) {
    TierStructure s = structureOf(program, card);
    if (s == null) {
      return Optional.empty();
    }
    TierState state = StructureTimeline.settled(s, program.zone(), card, at);
    Standing standing = StructureTimeline.standingAt(state, at);
    StructureTier tier = standing == null ? null : s.tier(standing.tier()).orElse(null);
    if (tier == null || standing == null || state == null || state.structure() == null) {
      return Optional.empty();
    }
    return Optional.of(new MemberStructureTier(s.id(), tier, since(state.structure().standings(), standing),
        standing.until()));
  }

  /** The start of the unbroken run of {@code standing}'s tier that it belongs to. */
  private static Instant since(List<Standing> standings, Standing standing) {
    int i = standings.indexOf(standing);
    Instant since = standing.from();
    for (int j = i - 1; j >= 0 && java.util.Objects.equals(standings.get(j).tier(), standing.tier()); j--) {
      since = standings.get(j).from();
    }
    return since;
  }

  /** One span per standing up to {@code until}, oldest first; empty for no structure. */
  public static List<StructureTierSpan> history(Program program, Card card, Instant until) {
    TierStructure s = structureOf(program, card);
    if (s == null) {
      return List.of();
    }
    TierState state = StructureTimeline.settled(s, program.zone(), card, until);
    if (state == null || state.structure() == null) {
      return List.of();
    }
    List<StructureTierSpan> spans = new ArrayList<>();
    for (Standing standing : state.structure().standings()) {
      if (standing.from().isAfter(until)) {
        break;
      }
      spans.add(new StructureTierSpan(s.tier(standing.tier()).orElse(null), standing.from(), standing.until(),
          standing.grace()));
    }
    return spans;
  }

  /**
   * The member's progress at {@code at}: the tier held with its points; the drops that come if nothing else happens
   * (the card's tiers read forward for ten years: terms and grace periods ending, points expiring, tracking periods
   * passing); and each higher tier whose segment the member is in, with the points it still takes.
   */
  public static TierProgress progress(Program program, Card card, Instant at) {
    TierStructure s = structureOf(program, card);
    if (s == null) {
      return new TierProgress(null, null, List.of(), List.of());
    }
    ZoneId zone = program.zone();
    TierState state = StructureTimeline.settled(s, zone, card, at);
    Standing standing = StructureTimeline.standingAt(state, at);
    int held = standing == null ? -1 : s.indexOf(standing.tier());
    long counted = StructureTimeline.pointsAt(s, zone, state, card, at);
    TierProgress.Current current = null;
    if (held >= 0 && standing != null && state != null && state.structure() != null) {
      StructureTier tier = s.tiers().get(held);
      current = new TierProgress.Current(tier, since(state.structure().standings(), standing), standing.until(),
          new TierProgress.Points(counted, tier.min(), tier.max()));
    }
    List<TierProgress.Risk> risks = new ArrayList<>();
    if (held >= 0 && state != null && state.structure() != null && !at.isBefore(state.asOf())) {
      Instant horizon = at.atZone(zone).plusYears(RISK_YEARS).toInstant();
      TierState ahead = StructureTimeline.advance(s, zone, state, horizon,
          StructureTimeline.lotChanges(card, at, horizon), card::balanceAt, null);
      List<Standing> later = ahead.structure() == null ? List.of() : ahead.structure().standings();
      int level = held;
      for (int i = state.structure().standings().size(); i < later.size() && risks.size() < MAX_RISKS; i++) {
        Standing next = later.get(i);
        int index = s.indexOf(next.tier());
        if (index < level) {
          risks.add(new TierProgress.Risk(index < 0 ? TierProgress.RiskType.TIER_LEFT
              : TierProgress.RiskType.TIER_DOWNGRADE, next.from(), index < 0 ? null : s.tiers().get(index)));
        }
        level = index;
        if (index < 0) {
          break;
        }
      }
    }
    boolean earned = s.tracking().type() == TierStructure.Type.POINT_EARNED;
    long toward = earned ? StructureTimeline.periodPointsAt(s, zone, state, at) : counted;
    Instant deadline = earned ? StructureTimeline.nextPeriodStart(s, zone, at) : null;
    List<io.loyalty.spi.SegmentId> segments = state == null || state.structure() == null ? List.of()
        : state.structure().segments();
    TierProgress.Deferred deferred = null;
    int from = held + 1;
    if (earned && s.tracking().start() == TierStructure.Start.NEXT_TRACKING_PERIOD && deadline != null) {
      int next = StructureTimeline.qualified(s, toward, segments);
      if (next > held) { // this period's points give a higher tier from the next period
        deferred = new TierProgress.Deferred(s.tiers().get(next), deadline,
            StructureTimeline.termEnd(s, zone, next, deadline));
        from = next + 1;
      }
    }
    List<TierProgress.Opportunity> opportunities = new ArrayList<>();
    for (int i = from; i < s.tiers().size(); i++) {
      StructureTier tier = s.tiers().get(i);
      if (tier.segment() == null || segments.contains(tier.segment())) {
        opportunities.add(new TierProgress.Opportunity(tier, Math.max(0, tier.min() - toward), deadline));
      }
    }
    return new TierProgress(current, deferred, risks, opportunities);
  }
}
