package io.loyalty.core.internal.eval;

import io.loyalty.spi.SegmentId;
import io.loyalty.spi.TierId;
import io.loyalty.spi.card.Card;
import io.loyalty.spi.card.Lot;
import io.loyalty.spi.card.LotList;
import io.loyalty.spi.card.LotState;
import io.loyalty.spi.program.ExpirationRule.FixedDayOfYear;
import io.loyalty.spi.tier.StructureTier;
import io.loyalty.spi.tier.TierState;
import io.loyalty.spi.tier.TierState.Standing;
import io.loyalty.spi.tier.TierStructure;
import io.loyalty.spi.tier.TierStructure.Period;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.NavigableMap;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.ToLongFunction;
import org.jspecify.annotations.Nullable;

/**
 * A card's tiers over time under its program's loyalty v2 {@link TierStructure} (digest section 12.7). Pure: the
 * balances, the points earned and the segments come in. The rules, in one place (docs/tiers.md, "v2 tier
 * structures", explains them):
 *
 * <ul>
 *   <li>The points that qualify: the wallet's usable balance ({@code POINT_BALANCE}), or the points earned into it
 *       in the current tracking period ({@code POINT_EARNED IMMEDIATELY}) or in the one before
 *       ({@code NEXT_TRACKING_PERIOD}: a period's points decide the tier of the period after it). Tracking periods are
 *       consecutive runs of {@code value} units counted from 1970-01-01 (weeks from Monday 1969-12-29) in the zone.
 *   <li>The tier qualified for: the highest tier whose {@code min_value} the points reach and whose segment, if
 *       any, the member is in (a point count in a gap between ranges keeps the tier below it).
 *   <li>The member is evaluated whenever the counted points change, at the end of a term or grace period, when it
 *       joins, and when a host's view of its segments changes. A higher tier is entered at once; a term
 *       ({@code FIXED_DURATION}, {@code CALENDAR_EXPIRATION}) keeps a tier until its end whatever the points, and
 *       at its end the member qualifies again (the same tier: prolonged). A member below its tier with no term
 *       running moves down: {@code MULTI_LEVEL} to the tier it qualifies for, {@code SINGLE_LEVEL} one tier (and
 *       the next evaluation decides again), after the grace period if there is one (qualifying again during it
 *       keeps the tier). {@code NO_DOWNGRADE}, of the structure or of the tier held, never moves a member down or
 *       out, and its tier has no end.
 *   <li>An end date D means 00:00 of D + 1 in the program's zone.
 * </ul>
 */
public final class StructureTimeline {
  /** The most evaluations one settling may make before it gives up (terms and periods last at least a day). */
  private static final int MAX_STEPS = 200_000;
  private static final LocalDate MONDAY_BEFORE_EPOCH = LocalDate.of(1969, 12, 29);

  private StructureTimeline() {}

  /** An empty state for a card first evaluated at {@code at}. */
  public static TierState fresh(Instant at) {
    return TierState.ofStructure(at, null, 0, TierState.Structure.EMPTY);
  }

  /**
   * The state carried from its {@code asOf} to {@code until}: at each instant of {@code changes} (its value: the
   * points earned then, as {@code POINT_EARNED} counts them; 0 where only the balance moves) and at each term's or
   * grace period's end and tracking period's start in between, the card is evaluated; at {@code force} (a join, a
   * new view of the segments), it is evaluated even when its points did not change.
   */
  public static TierState advance(TierStructure s, ZoneId zone, TierState state, Instant until,
      NavigableMap<Instant, Long> changes, ToLongFunction<Instant> balanceAt, @Nullable Instant force) {
    return advance(s, zone, state, until, changes, balanceAt, force, null);
  }

  /**
   * As {@link #advance(TierStructure, ZoneId, TierState, Instant, NavigableMap, ToLongFunction, Instant)}, with the
   * member's segments as a host's view gives them from {@code until} on ({@code null}: as kept); a changed view
   * evaluates the card at {@code until}.
   */
  public static TierState advance(TierStructure s, ZoneId zone, TierState state, Instant until,
      NavigableMap<Instant, Long> changes, ToLongFunction<Instant> balanceAt, @Nullable Instant force,
      @Nullable List<SegmentId> segmentsFromUntil) {
    TierState.Structure kept = state.structure() == null ? TierState.Structure.EMPTY : state.structure();
    List<SegmentId> later = segmentsFromUntil == null ? kept.segments() : segmentsFromUntil;
    if (!later.equals(kept.segments()) && until.isAfter(state.asOf())) {
      force = until;
    }
    Counter counter = new Counter(s, zone, state.periodStart(), state.periodPoints(), kept.previousPoints());
    List<Standing> standings = new ArrayList<>(kept.standings());
    int firstNew = standings.size();
    Instant cursor = state.asOf();
    Long atCursor = changes.get(cursor); // a write at the instant the state was settled to (one clock tick)
    if (atCursor != null && atCursor > 0) {
      counter.add(cursor, atCursor);
    }
    long last = metric(s, counter, balanceAt, cursor);
    if ((force != null && !force.isAfter(cursor)) || atCursor != null) {
      evaluate(s, zone, standings, firstNew, cursor, last, cursor.equals(until) ? later : kept.segments());
    }
    for (int step = 0; ; step++) {
      if (step > MAX_STEPS) {
        throw new IllegalStateException("a card's tiers cannot be settled: more than " + MAX_STEPS + " evaluations");
      }
      counter.roll(cursor);
      Instant next = changes.higherKey(cursor);
      Standing current = standings.isEmpty() ? null : standings.get(standings.size() - 1);
      Instant due = current == null ? null : current.until();
      next = earliest(next, due != null && due.isAfter(cursor) ? due : null);
      next = earliest(next, counter.boundaryAfter(cursor));
      next = earliest(next, force != null && force.isAfter(cursor) ? force : null);
      if (next == null || next.isAfter(until)) {
        break;
      }
      Long earned = changes.get(next);
      if (earned != null && earned > 0) {
        counter.add(next, earned);
      }
      long m = metric(s, counter, balanceAt, next);
      if (m != last || next.equals(due) || next.equals(force)) {
        evaluate(s, zone, standings, firstNew, next, m, next.equals(until) ? later : kept.segments());
      }
      last = m;
      cursor = next;
    }
    counter.roll(until.isAfter(state.asOf()) ? until : state.asOf());
    Instant asOf = until.isAfter(state.asOf()) ? until : state.asOf();
    return TierState.ofStructure(asOf, counter.periodStart, counter.points,
        new TierState.Structure(counter.previous, standings, until.isAfter(state.asOf()) ? later : kept.segments()));
  }

  /** The structure's segments among {@code segments}, sorted: what a card keeps of a host's view of the member. */
  public static List<SegmentId> named(TierStructure s, java.util.Set<SegmentId> segments) {
    java.util.TreeSet<SegmentId> named = new java.util.TreeSet<>();
    for (StructureTier t : s.tiers()) {
      if (t.segment() != null && segments.contains(t.segment())) {
        named.add(t.segment());
      }
    }
    return List.copyOf(named);
  }

  /** The card's state settled lazily to {@code at} (no write): its lots' activations and expirations count. */
  public static @Nullable TierState settled(TierStructure s, ZoneId zone, Card card, Instant at) {
    TierState state = card.tiers();
    if (state == null || state.structure() == null || !at.isAfter(state.asOf())) {
      return state;
    }
    return advance(s, zone, state, at, lotChanges(card, state.asOf(), at), card::balanceAt, null);
  }

  /** The tier held at {@code at} under a state settled to {@code at} or later; {@code null} for none. */
  public static @Nullable StructureTier heldAt(TierStructure s, @Nullable TierState state, Instant at) {
    Standing standing = standingAt(state, at);
    return standing == null ? null : s.tier(standing.tier()).orElse(null);
  }

  /** The standing in force at {@code at}; {@code null} before the first. */
  public static @Nullable Standing standingAt(@Nullable TierState state, Instant at) {
    return state == null || state.structure() == null ? null : state.structure().at(at);
  }

  /** The points the structure counts at {@code at} under a state settled to {@code at} or later. */
  public static long pointsAt(TierStructure s, ZoneId zone, @Nullable TierState state, Card card, Instant at) {
    if (s.tracking().type() == TierStructure.Type.POINT_BALANCE) {
      return card.balanceAt(at);
    }
    if (state == null) {
      return 0;
    }
    long previous = state.structure() == null ? 0 : state.structure().previousPoints();
    Counter counter = new Counter(s, zone, state.periodStart(), state.periodPoints(), previous);
    return counter.counted(at);
  }

  /** The points earned in the tracking period that holds {@code at} ({@code POINT_EARNED}; 0 otherwise). */
  public static long periodPointsAt(TierStructure s, ZoneId zone, @Nullable TierState state, Instant at) {
    if (s.tracking().type() != TierStructure.Type.POINT_EARNED || state == null) {
      return 0;
    }
    long previous = state.structure() == null ? 0 : state.structure().previousPoints();
    Counter counter = new Counter(s, zone, state.periodStart(), state.periodPoints(), previous);
    counter.roll(at);
    return counter.points;
  }

  /** The first instant of the tracking period after the one that holds {@code at} ({@code POINT_EARNED}). */
  public static Instant nextPeriodStart(TierStructure s, ZoneId zone, Instant at) {
    Counter counter = new Counter(s, zone, null, 0, 0);
    return counter.next(counter.startOf(at));
  }

  /**
   * The instants in {@code (from, to]} at which the card's balance changes with no write: pending points becoming
   * usable, points expiring (each with 0 earned points: they do not count as earned).
   */
  public static NavigableMap<Instant, Long> lotChanges(Card card, Instant from, Instant to) {
    NavigableMap<Instant, Long> changes = new TreeMap<>();
    LotList lots = (LotList) card.lots();
    Instant first = lots.firstDue();
    if (first == null || first.isAfter(to)) {
      return changes;
    }
    for (int i : lots.dueBy(to)) {
      Lot lot = lots.get(i);
      if (lot.state() == LotState.CANCELED) {
        continue;
      }
      Instant activates = lot.activatesAt();
      if (lot.state() == LotState.PENDING && activates != null && within(activates, from, to)) {
        changes.put(activates, 0L);
      }
      Instant expires = lot.expiresAt();
      if (expires != null && lot.remaining() > 0 && within(expires, from, to)) {
        changes.put(expires, 0L);
      }
    }
    return changes;
  }

  private static boolean within(Instant at, Instant from, Instant to) {
    return at.isAfter(from) && !at.isAfter(to);
  }

  /** The points the structure qualifies on at {@code at}. */
  private static long metric(TierStructure s, Counter counter, ToLongFunction<Instant> balanceAt, Instant at) {
    return s.tracking().type() == TierStructure.Type.POINT_BALANCE ? balanceAt.applyAsLong(at) : counter.counted(at);
  }

  /** The highest tier {@code points} reach whose segment (if any) the member is in; -1 for none. */
  public static int qualified(TierStructure s, long points, List<SegmentId> segments) {
    int found = -1;
    for (int i = 0; i < s.tiers().size(); i++) {
      StructureTier t = s.tiers().get(i);
      if (t.min() <= points && (t.segment() == null || segments.contains(t.segment()))) {
        found = i;
      }
    }
    return found;
  }

  /** Whether a member in tier {@code index} can be moved down. */
  public static boolean noDowngrade(TierStructure s, int index) {
    return s.downgrade().type() == TierStructure.DowngradeType.NO_DOWNGRADE || s.tiers().get(index).noDowngrade();
  }

  /** One evaluation at {@code at} with {@code points} counted: at most one new standing per instant. */
  private static void evaluate(TierStructure s, ZoneId zone, List<Standing> standings, int firstNew, Instant at,
      long points, List<SegmentId> segments) {
    Standing current = standings.isEmpty() ? null : standings.get(standings.size() - 1);
    int held = current == null ? -1 : s.indexOf(current.tier());
    int q = qualified(s, points, segments);
    boolean due = current != null && current.until() != null && !at.isBefore(current.until());
    if (q > held) {
      put(standings, firstNew, new Standing(s.tiers().get(q).id(), at, termEnd(s, zone, q, at), false));
      return;
    }
    if (held < 0 || current == null) {
      return; // in no tier, and qualifying for none
    }
    TierId tier = s.tiers().get(held).id();
    if (q == held) {
      if (current.grace() || due) { // qualified again in a grace period, or at the end of a term: kept for a new term
        put(standings, firstNew, new Standing(tier, at, termEnd(s, zone, held, at), false));
      }
      return;
    }
    if (noDowngrade(s, held)) {
      return;
    }
    if (current.grace()) {
      if (due) {
        drop(s, zone, standings, firstNew, held, q, at);
      }
      return;
    }
    if ((current.until() != null && !due) || current.from().equals(at)) {
      return; // a term still keeps the tier; or the tier was decided at this very instant
    }
    TierStructure.Grace grace = s.downgrade().grace();
    if (grace != null) {
      put(standings, firstNew, new Standing(tier, at, graceEnd(grace, zone, at), true));
    } else {
      drop(s, zone, standings, firstNew, held, q, at);
    }
  }

  private static void drop(TierStructure s, ZoneId zone, List<Standing> standings, int firstNew, int held, int q,
      Instant at) {
    int target = s.downgrade().type() == TierStructure.DowngradeType.SINGLE_LEVEL ? Math.max(q, held - 1) : q;
    put(standings, firstNew, target < 0 ? new Standing(null, at, null, false)
        : new Standing(s.tiers().get(target).id(), at, termEnd(s, zone, target, at), false));
  }

  /** Appends a standing; one decided earlier at the same instant in this settling is replaced. */
  private static void put(List<Standing> standings, int firstNew, Standing standing) {
    int last = standings.size() - 1;
    if (last >= firstNew && standings.get(last).from().equals(standing.from())) {
      standings.set(last, standing);
    } else {
      standings.add(standing);
    }
  }

  /**
   * When a term of tier {@code index} that starts at {@code start} ends: {@code null} with no retention or for a tier
   * that is never moved down; else 00:00 after the duration's last day, or after the first listed date after the
   * start's day.
   */
  public static @Nullable Instant termEnd(TierStructure s, ZoneId zone, int index, Instant start) {
    if (noDowngrade(s, index)) {
      return null;
    }
    TierStructure.Expiration e = s.expiration();
    LocalDate day = start.atZone(zone).toLocalDate();
    return switch (e.type()) {
      case NO_RETENTION, SLIDING_EXPIRATION -> null;
      case FIXED_DURATION -> dayAfter(plus(day, Objects.requireNonNull(e.duration(), "validated")), zone);
      case CALENDAR_EXPIRATION -> dayAfter(nextDate(e.dates(), day), zone);
    };
  }

  /** The first of the dates strictly after {@code day} (29 February means 28 February in a common year). */
  static LocalDate nextDate(List<FixedDayOfYear> dates, LocalDate day) {
    LocalDate best = null;
    for (int year = day.getYear(); year <= day.getYear() + 1; year++) {
      for (FixedDayOfYear d : dates) {
        LocalDate candidate = LocalDate.of(year, d.month(), 1);
        candidate = candidate.withDayOfMonth(Math.min(d.day(), candidate.lengthOfMonth()));
        if (candidate.isAfter(day) && (best == null || candidate.isBefore(best))) {
          best = candidate;
        }
      }
    }
    return Objects.requireNonNull(best, "validated: at least one date");
  }

  private static Instant graceEnd(TierStructure.Grace grace, ZoneId zone, Instant at) {
    LocalDate last = plus(at.atZone(zone).toLocalDate(), grace.period());
    if (grace.roundUp()) {
      last = switch (grace.period().unit()) {
        case MONTH -> last.withDayOfMonth(last.lengthOfMonth());
        case YEAR -> last.withDayOfYear(last.lengthOfYear());
        default -> last;
      };
    }
    return dayAfter(last, zone);
  }

  private static LocalDate plus(LocalDate day, Period period) {
    return switch (period.unit()) {
      case DAY -> day.plusDays(period.value());
      case WEEK -> day.plusWeeks(period.value());
      case MONTH -> day.plusMonths(period.value());
      case YEAR -> day.plusYears(period.value());
    };
  }

  private static Instant dayAfter(LocalDate date, ZoneId zone) {
    return date.plusDays(1).atStartOfDay(zone).toInstant();
  }

  private static @Nullable Instant earliest(@Nullable Instant a, @Nullable Instant b) {
    return a == null ? b : b == null || a.isBefore(b) ? a : b;
  }

  /**
   * The points earned in the current and the previous tracking period ({@code POINT_EARNED}), moved on as time
   * passes: a period's start rolls the count into {@code previous}.
   */
  private static final class Counter {
    private final TierStructure s;
    private final ZoneId zone;
    private @Nullable Instant periodStart;
    private long points;
    private long previous;

    Counter(TierStructure s, ZoneId zone, @Nullable Instant periodStart, long points, long previous) {
      this.s = s;
      this.zone = zone;
      this.periodStart = periodStart;
      this.points = points;
      this.previous = previous;
    }

    private boolean earned() {
      return s.tracking().type() == TierStructure.Type.POINT_EARNED;
    }

    /** The points that qualify at {@code at}: this period's, or the previous period's under NEXT_TRACKING_PERIOD. */
    long counted(Instant at) {
      if (!earned() || periodStart == null) {
        return 0;
      }
      Instant start = startOf(at);
      boolean deferred = s.tracking().start() == TierStructure.Start.NEXT_TRACKING_PERIOD;
      if (start.equals(periodStart)) {
        return deferred ? previous : points;
      }
      if (start.equals(next(periodStart))) {
        return deferred ? points : 0;
      }
      return 0;
    }

    void roll(Instant at) {
      if (!earned() || periodStart == null) {
        return;
      }
      Instant start = startOf(at);
      if (start.equals(periodStart)) {
        return;
      }
      previous = start.equals(next(periodStart)) ? points : 0;
      points = 0;
      periodStart = start;
    }

    void add(Instant at, long earned) {
      if (!earned()) {
        return;
      }
      roll(at);
      if (periodStart == null) {
        periodStart = startOf(at);
        previous = 0;
        points = 0;
      }
      points = Math.addExact(points, earned);
    }

    /** The next tracking period's start after {@code cursor} at which the counted points change; {@code null} for none. */
    @Nullable Instant boundaryAfter(Instant cursor) {
      if (!earned() || periodStart == null || (points == 0 && previous == 0)) {
        return null;
      }
      Instant start = startOf(cursor);
      Instant next = next(start);
      return next.isAfter(cursor) ? next : null;
    }

    Instant startOf(Instant at) {
      Period p = Objects.requireNonNull(s.tracking().period(), "validated: POINT_EARNED has a period");
      LocalDate day = at.atZone(zone).toLocalDate();
      LocalDate first = switch (p.unit()) {
        case DAY -> LocalDate.ofEpochDay(Math.floorDiv(day.toEpochDay(), p.value()) * p.value());
        case WEEK -> MONDAY_BEFORE_EPOCH.plusDays(
            Math.floorDiv(ChronoUnit.DAYS.between(MONDAY_BEFORE_EPOCH, day), 7L * p.value()) * 7L * p.value());
        case MONTH -> {
          long months = (day.getYear() - 1970L) * 12 + day.getMonthValue() - 1;
          long k = Math.floorDiv(months, p.value()) * p.value();
          yield LocalDate.of(1970, 1, 1).plusMonths(k);
        }
        case YEAR -> LocalDate.of(1970 + (int) (Math.floorDiv(day.getYear() - 1970L, p.value()) * p.value()), 1, 1);
      };
      return first.atStartOfDay(zone).toInstant();
    }

    Instant next(Instant start) {
      Period p = Objects.requireNonNull(s.tracking().period(), "validated: POINT_EARNED has a period");
      return plus(start.atZone(zone).toLocalDate(), p).atStartOfDay(zone).toInstant();
    }
  }
}
