package io.loyalty.core.internal.eval;

import io.loyalty.spi.TierId;
import io.loyalty.spi.card.Card;
import io.loyalty.spi.card.LedgerEntry;
import io.loyalty.spi.program.IsoDuration;
import io.loyalty.spi.program.Program;
import io.loyalty.spi.tier.Tier;
import io.loyalty.spi.tier.TierPolicy;
import io.loyalty.spi.tier.TierPolicy.CalendarPeriod;
import io.loyalty.spi.tier.TierState;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.function.ToLongFunction;
import org.jspecify.annotations.Nullable;

/**
 * A card's tiers over time under its program's {@link TierPolicy} (digest section 6.2): the tier held at an instant,
 * and how a card's tier state moves with its ledger entries and the clock. Pure: the instants and balances come in.
 *
 * <p>The rules, in one place (docs/tiers.md explains them):
 *
 * <ul>
 *   <li>{@code BALANCE_DROP}: the tier is the one whose range holds the balance; no state.
 *   <li>A term is a {@link TierState.Grant}; the tier held is the highest tier among the terms that hold at the
 *       instant. A tier whose {@code points.from} is 0 is held by every member with no term above it (it takes no
 *       points to qualify), so it needs no term of its own.
 *   <li>{@code BALANCE} with {@code CUSTOM}: a member whose balance reaches a higher tier than the one held gets a
 *       term of that tier from then, for {@code extend} (rounded as configured); a drop of the balance does not end
 *       it. When the term ends, the balance then decides: the tier it holds starts a new term (the same tier: the
 *       term is prolonged; a lower one: a downgrade; none: the member leaves the tiers).
 *   <li>{@code POINTS_IN_PERIOD}: points earned (accruals, pending points when earned, and additions by hand) count
 *       in the calendar period they were earned in; spending, expiry, refunds and transfers never move the count.
 *       Reaching a tier's {@code points.from} in a period grants a term of the highest tier reached, starting at once
 *       or on the next period's first day, and lasting to the end of that period or the next ({@code extend}
 *       added), or for {@code extend} ({@code CUSTOM}). Qualifying again for the tier held before its term ends
 *       prolongs it.
 *   <li>An expiration date D ends the term at 00:00 of D + 1 in the program's zone.
 * </ul>
 */
public final class TierTimeline {
  /** The most terms one settling step may start before it gives up (terms last at least a day). */
  private static final int MAX_RENEWALS = 100_000;

  private TierTimeline() {}

  /** Whether the policy keeps state on the card (terms), rather than following the balance. */
  public static boolean keepsTerms(Program program) {
    return !program.tiers().isEmpty()
        && program.tierPolicy().expiration().type() != TierPolicy.ExpirationType.BALANCE_DROP;
  }

  /**
   * The tier the card holds at {@code at}, with {@code balance} its balance then (used by {@code BALANCE_DROP}):
   * its terms settled lazily up to {@code at}, so no sweep is needed.
   */
  public static @Nullable Tier tierAt(Program program, Card card, long balance, Instant at) {
    if (program.tiers().isEmpty()) {
      return null;
    }
    TierState state = card.tiers();
    if (keepsTerms(program) && state != null && at.isAfter(state.asOf())) {
      state = settle(program, state, at, card::balanceAt, activations(card, state.asOf(), at), null);
    }
    return heldAt(program, state, balance, at);
  }

  /**
   * The tier held at {@code at} under the state as it stands (settled to {@code at} or later): the host's override
   * in force then (unless it names a tier the program no longer has), else under {@code BALANCE_DROP} the tier of
   * {@code balance}, else the highest term.
   */
  public static @Nullable Tier heldAt(Program program, @Nullable TierState state, long balance, Instant at) {
    TierState.Override override = state == null ? null : state.overrideAt(at);
    Tier set = override == null ? null : Tiers.byId(program, override.tier());
    if (set != null) {
      return set;
    }
    if (!keepsTerms(program) || state == null) {
      // BALANCE_DROP, or a card no write has settled under the policy with terms yet (it was defined before the
      // policy kept terms): the tier of its balance, as it was (section 6.4: a policy change leaves tiers unchanged)
      return Tiers.at(program, balance);
    }
    return held(program, state.grants(), at);
  }

  /**
   * The state of a card that meets a policy with terms for the first time (its program's policy changed): it keeps
   * the tier its balance holds, as a term from {@code at} (section 6.4: without a refresh, tiers are unchanged).
   */
  public static TierState seeded(Program program, TierState state, long balance, Instant at) {
    Tier was = Tiers.at(program, balance);
    if (was == null || isBase(program, was)) {
      return state;
    }
    List<TierState.Grant> grants = new ArrayList<>(state.grants());
    grants.add(new TierState.Grant(was.id(), at, termEnd(program, at), at));
    return state.with(state.asOf(), state.periodStart(), state.periodPoints(), grants);
  }

  /**
   * The state after a refresh at {@code at} (section 6.4): the card qualifies again under the current policy, on its
   * balance or its period's points then, and a tier above the one it holds starts its term; nothing is lowered.
   */
  public static TierState refreshed(Program program, TierState state, long balance, Instant at,
      @Nullable List<Prolonged> prolonged) {
    if (program.tierPolicy().qualification() == TierPolicy.Qualification.BALANCE) {
      return qualifyOnBalance(program, state, balance, at, prolonged);
    }
    CalendarPeriod period = java.util.Objects.requireNonNull(program.tierPolicy().period(), "validated");
    Instant periodStart = periodStart(period, program.zone(), at);
    long counted = periodStart.equals(state.periodStart()) ? state.periodPoints() : 0;
    return qualifyOnPeriod(program, state.with(state.asOf(), periodStart, counted, state.grants()), at, prolonged);
  }

  /** The end of a term of the program's policy that starts at {@code start}. */
  private static Instant termEnd(Program program, Instant start) {
    return program.tierPolicy().qualification() == TierPolicy.Qualification.BALANCE
        ? customEnd(program.tierPolicy(), program.zone(), start) : periodEnd(program.tierPolicy(), program.zone(), start);
  }

  /** Whether the card's tiers go through the state: a policy with terms, or a host's override on the card. */
  public static boolean stateful(Program program, @Nullable TierState state) {
    return keepsTerms(program) || (state != null && !state.overrides().isEmpty());
  }

  /**
   * When the tier held at {@code at} ends, as known at {@code at}: the end of the run of its terms that holds then,
   * each term granted by then and starting before the run's end (a term granted later, that prolonged it, is not
   * yet known); {@code null} for the base tier or none.
   */
  public static @Nullable Instant expiresAt(Program program, @Nullable TierState state, Instant at) {
    if (state == null) {
      return null;
    }
    TierState.Override override = state.overrideAt(at);
    if (override != null && Tiers.byId(program, override.tier()) != null) {
      return override.until();
    }
    if (!keepsTerms(program)) {
      return null;
    }
    TierId tier = null;
    int best = -1;
    for (TierState.Grant g : state.grants()) {
      int index = indexOf(program, g.tier());
      if (index > best && g.holds(at)) {
        best = index;
        tier = g.tier();
      }
    }
    if (tier == null) {
      return null;
    }
    Instant end = null;
    for (TierState.Grant g : state.grants()) {
      if (g.tier().equals(tier) && g.holds(at) && (end == null || g.end().isAfter(end))) {
        end = g.end();
      }
    }
    return chainEnd(state.grants(), tier, java.util.Objects.requireNonNull(end, "a term holds"), at);
  }

  /** The end of a run of {@code tier}'s terms reaching {@code end}, over the terms granted by {@code knownAt}. */
  private static Instant chainEnd(List<TierState.Grant> grants, TierId tier, Instant end, Instant knownAt) {
    for (boolean grew = true; grew; ) {
      grew = false;
      for (TierState.Grant g : grants) {
        if (g.tier().equals(tier) && !g.grantedAt().isAfter(knownAt) && !g.start().isAfter(end)
            && g.end().isAfter(end)) {
          end = g.end();
          grew = true;
        }
      }
    }
    return end;
  }

  /** The tier the grants give at {@code at}: the highest held, else the base tier (from 0), else none. */
  public static @Nullable Tier held(Program program, List<TierState.Grant> grants, Instant at) {
    int best = -1;
    for (TierState.Grant g : grants) {
      int index = indexOf(program, g.tier());
      if (index > best && g.holds(at)) {
        best = index;
      }
    }
    if (best >= 0) {
      return program.tiers().get(best);
    }
    Tier lowest = program.tiers().get(0);
    return lowest.from() == 0 ? lowest : null;
  }

  /**
   * Whether a write of the card at {@code until} would record a tier move or a new term that nothing else records:
   * a term that starts or ends, or pending points that become usable, after the card's last settled instant. A sweep
   * writes such a card, so the moves reach the outbox without waiting for the card's next write.
   */
  public static boolean termsDueBy(Program program, Card card, Instant until) {
    io.loyalty.spi.tier.TierStructure structure = program.tierStructure();
    if (structure != null) { // a v2 structure: whether settling the card to until decides anything new
      TierState kept = card.tiers();
      if (kept == null || kept.structure() == null || !structure.tracking().wallet().equals(card.wallet())
          || !until.isAfter(kept.asOf())) {
        return false;
      }
      TierState later = StructureTimeline.settled(structure, program.zone(), card, until);
      return later != null && later.structure() != null
          && later.structure().standings().size() > kept.structure().standings().size();
    }
    TierState state = card.tiers();
    if (!keepsTerms(program) || state == null || !until.isAfter(state.asOf())) {
      return false;
    }
    for (TierState.Grant g : state.grants()) {
      if (within(g.start(), state.asOf(), until) || within(g.end(), state.asOf(), until)) {
        return true;
      }
    }
    return program.tierPolicy().qualification() == TierPolicy.Qualification.BALANCE
        && !activations(card, state.asOf(), until).isEmpty();
  }

  private static boolean within(Instant instant, Instant after, Instant upTo) {
    return instant.isAfter(after) && !instant.isAfter(upTo);
  }

  /**
   * One stretch of a card's tier history: the tier held from {@code from} (inclusive; {@code null} for none) and
   * when it was to end as known then ({@code null}: no term).
   */
  public record Span(@Nullable Tier tier, Instant from, @Nullable Instant expiresAt) {}

  /**
   * The tiers a card held from {@code since} to {@code until}, one span per change of the tier or its expiration
   * (terms settled to {@code until} first, as a read then would settle them); {@code balanceAt} gives the balance at
   * an instant and {@code changes} the instants it changed at ({@code BALANCE_DROP}).
   */
  public static List<Span> history(Program program, Card card, Instant since, Instant until,
      ToLongFunction<Instant> balanceAt, List<Instant> changes) {
    TierState state = card.tiers();
    if (keepsTerms(program) && state != null && until.isAfter(state.asOf())) {
      state = settle(program, state, until, card::balanceAt, activations(card, state.asOf(), until), null);
    }
    java.util.TreeSet<Instant> marks = new java.util.TreeSet<>();
    marks.add(since);
    for (Instant change : changes) {
      if (within(change, since, until)) {
        marks.add(change);
      }
    }
    if (state != null) {
      for (TierState.Override o : state.overrides()) {
        if (within(o.from(), since, until)) {
          marks.add(o.from());
        }
        if (o.until() != null && within(o.until(), since, until)) {
          marks.add(o.until());
        }
      }
      for (TierState.Grant g : state.grants()) {
        if (within(g.grantedAt(), since, until)) {
          marks.add(g.grantedAt()); // a prolonging term changes the expiration known from then on
        }
        if (within(g.start(), since, until)) {
          marks.add(g.start());
        }
        if (within(g.end(), since, until)) {
          marks.add(g.end());
        }
      }
    }
    List<Span> spans = new ArrayList<>();
    for (Instant mark : marks) {
      Tier tier = heldAt(program, state, balanceAt.applyAsLong(mark), mark);
      Instant expires = expiresAt(program, state, mark);
      Span last = spans.isEmpty() ? null : spans.get(spans.size() - 1);
      if (last == null || last.tier() != tier || !java.util.Objects.equals(last.expiresAt(), expires)) {
        spans.add(new Span(tier, mark, expires));
      }
    }
    return spans;
  }

  /** Something a step of the timeline noticed that the tiers held do not show: a term prolonged. */
  public record Prolonged(TierId tier, Instant at, Instant newEnd) {}

  /**
   * The instants in {@code (from, to]} at which pending points of the card become usable without a write: its
   * balance may rise there. Walks only the lots the card's tree says fall due by {@code to}.
   */
  public static List<Instant> activations(Card card, Instant from, Instant to) {
    io.loyalty.spi.card.LotList lots = (io.loyalty.spi.card.LotList) card.lots();
    Instant first = lots.firstDue();
    if (first == null || first.isAfter(to)) {
      return List.of();
    }
    List<Instant> rises = new ArrayList<>();
    for (int i : lots.dueBy(to)) {
      io.loyalty.spi.card.Lot lot = lots.get(i);
      Instant activates = lot.activatesAt();
      if (lot.state() == io.loyalty.spi.card.LotState.PENDING && activates != null && activates.isAfter(from)
          && !activates.isAfter(to)) {
        rises.add(activates);
      }
    }
    return rises;
  }

  /**
   * The state settled up to {@code until}: under {@code BALANCE} with {@code CUSTOM}, every term that ended by then
   * is followed by a new term of the tier the balance held at its end, and at each instant of {@code rises} (pending
   * points becoming usable with no entry recorded yet) a balance that reached a higher tier starts its term.
   * Prolonged terms are reported to {@code prolonged} when it is not {@code null}.
   */
  public static TierState settle(Program program, TierState state, Instant until, ToLongFunction<Instant> balanceAt,
      List<Instant> rises, @Nullable List<Prolonged> prolonged) {
    if (!until.isAfter(state.asOf())) {
      return state;
    }
    TierPolicy policy = program.tierPolicy();
    if (policy.qualification() != TierPolicy.Qualification.BALANCE) {
      return state.with(until, state.periodStart(), state.periodPoints(), state.grants());
    }
    List<TierState.Grant> grants = new ArrayList<>(state.grants());
    Instant from = state.asOf();
    for (int step = 0; ; step++) {
      if (step > MAX_RENEWALS) {
        throw new IllegalStateException("a card's tier terms cannot be settled: more than " + MAX_RENEWALS + " renewals");
      }
      Instant end = null; // the next term end or rise after from, up to until
      for (TierState.Grant g : grants) {
        if (g.end().isAfter(from) && !g.end().isAfter(until) && (end == null || g.end().isBefore(end))) {
          end = g.end();
        }
      }
      for (Instant rise : rises) {
        if (rise.isAfter(from) && !rise.isAfter(until) && (end == null || rise.isBefore(end))) {
          end = rise;
        }
      }
      if (end == null) {
        break;
      }
      Tier reached = Tiers.at(program, balanceAt.applyAsLong(end));
      if (reached != null && !isBase(program, reached) && !coveredAtOrAbove(program, grants, reached, end)) {
        TierState.Grant term = new TierState.Grant(reached.id(), end, customEnd(policy, program.zone(), end), end);
        if (prolonged != null && endingAt(grants, reached.id(), end) != null) {
          prolonged.add(new Prolonged(reached.id(), end, term.end())); // the same tier again, from its term's end
        }
        grants.add(term);
      }
      from = end;
    }
    return state.with(until, state.periodStart(), state.periodPoints(), grants);
  }

  /**
   * The state after a ledger entry (settled to the entry's instant first): the points it earned counted in their
   * period, and the term it qualified the card for granted.
   */
  public static TierState record(Program program, TierState state, LedgerEntry entry,
      ToLongFunction<Instant> balanceAt, @Nullable List<Prolonged> prolonged) {
    Instant at = entry.at().isBefore(state.asOf()) ? state.asOf() : entry.at();
    TierState s = settle(program, state, at, balanceAt, List.of(), prolonged);
    TierPolicy policy = program.tierPolicy();
    ZoneId zone = program.zone();
    if (policy.qualification() == TierPolicy.Qualification.BALANCE) {
      return qualifyOnBalance(program, s, entry.balanceAfter(), at, prolonged);
    }
    CalendarPeriod period = java.util.Objects.requireNonNull(policy.period(), "validated: POINTS_IN_PERIOD has a period");
    long earned = earned(entry);
    if (earned == 0) {
      return s;
    }
    Instant periodStart = periodStart(period, zone, at);
    long counted = periodStart.equals(s.periodStart()) ? Math.addExact(s.periodPoints(), earned) : earned;
    return qualifyOnPeriod(program, s.with(s.asOf(), periodStart, counted, s.grants()), at, prolonged);
  }

  /** A balance that reaches a tier above the terms held starts that tier's term at {@code at}. */
  private static TierState qualifyOnBalance(Program program, TierState s, long balance, Instant at,
      @Nullable List<Prolonged> prolonged) {
    Tier reached = Tiers.at(program, balance);
    if (reached == null || isBase(program, reached) || coveredAtOrAbove(program, s.grants(), reached, at)) {
      return s;
    }
    return grant(program, s, new TierState.Grant(reached.id(), at, customEnd(program.tierPolicy(), program.zone(), at),
        at), at, prolonged);
  }

  /** The period's count (already in {@code counting}) that reaches a tier not yet granted this period grants it. */
  private static TierState qualifyOnPeriod(Program program, TierState counting, Instant at,
      @Nullable List<Prolonged> prolonged) {
    TierPolicy policy = program.tierPolicy();
    ZoneId zone = program.zone();
    CalendarPeriod period = java.util.Objects.requireNonNull(policy.period(), "validated: POINTS_IN_PERIOD has a period");
    Instant periodStart = java.util.Objects.requireNonNull(counting.periodStart(), "counted in a period");
    long counted = counting.periodPoints();
    Tier reached = null;
    for (Tier tier : program.tiers()) {
      if (tier.from() <= counted) {
        reached = tier;
      }
    }
    if (reached == null || isBase(program, reached)) {
      return counting;
    }
    int index = program.tiers().indexOf(reached);
    for (TierState.Grant g : counting.grants()) {
      if (!g.grantedAt().isBefore(periodStart) && indexOf(program, g.tier()) >= index) {
        return counting; // this period already qualified the card for this tier or a higher one
      }
    }
    Instant start = policy.start() == TierPolicy.Start.IMMEDIATE ? at : next(period, zone, periodStart);
    return grant(program, counting, new TierState.Grant(reached.id(), start, periodEnd(policy, zone, start), at), at, prolonged);
  }

  /** The points an entry earned, as POINTS_IN_PERIOD counts them. */
  public static long earned(LedgerEntry entry) {
    return switch (entry.type()) {
      case POINTS_ACCRUAL, POINTS_ADDITION -> Math.max(0, entry.points());
      case PENDING_POINTS_ADDED -> Math.max(0, entry.pending());
      default -> 0;
    };
  }

  /**
   * Adds a term. Terms are kept as granted, never merged, so an expiration read as of an instant is the one known then
   * ({@link #expiresAt}). A term that continues the run of the tier held at {@code at} and lasts beyond it prolongs
   * it (a lower tier's run that lasts longer under a higher one is no news); one that adds nothing to a run of its
   * tier is not kept.
   */
  private static TierState grant(Program program, TierState s, TierState.Grant term, Instant at,
      @Nullable List<Prolonged> prolonged) {
    List<TierState.Grant> grants = s.grants();
    Instant run = null; // the end of the run of the term's tier that the term starts within or at
    for (TierState.Grant g : grants) {
      if (g.tier().equals(term.tier()) && !g.start().isAfter(term.start()) && !g.end().isBefore(term.start())) {
        Instant end = chainEnd(grants, g.tier(), g.end(), at);
        run = run == null || end.isAfter(run) ? end : run;
      }
    }
    if (run != null && !term.end().isAfter(run)) {
      return s; // the run it continues already lasts as long
    }
    if (run != null && run.isAfter(at) && prolonged != null) {
      Tier held = held(program, grants, at);
      if (held != null && held.id().equals(term.tier())) {
        prolonged.add(new Prolonged(term.tier(), at, term.end()));
      }
    }
    List<TierState.Grant> more = new ArrayList<>(grants.size() + 1);
    more.addAll(grants);
    more.add(term);
    return s.with(s.asOf(), s.periodStart(), s.periodPoints(), more);
  }

  private static boolean isBase(Program program, Tier tier) {
    return tier.from() == 0 && program.tiers().get(0) == tier;
  }

  /** Whether a term of {@code tier} or a higher tier holds at {@code at}. */
  private static boolean coveredAtOrAbove(Program program, List<TierState.Grant> grants, Tier tier, Instant at) {
    int index = program.tiers().indexOf(tier);
    for (TierState.Grant g : grants) {
      if (g.holds(at) && indexOf(program, g.tier()) >= index) {
        return true;
      }
    }
    return false;
  }

  private static TierState.@Nullable Grant endingAt(List<TierState.Grant> grants, TierId tier, Instant end) {
    for (TierState.Grant g : grants) {
      if (g.tier().equals(tier) && g.end().equals(end)) {
        return g;
      }
    }
    return null;
  }

  /** The tier's position in the program's ladder; -1 for a tier the program no longer has (lost at once, 6.4). */
  static int indexOf(Program program, TierId tier) {
    List<Tier> tiers = program.tiers();
    for (int i = 0; i < tiers.size(); i++) {
      if (tiers.get(i).id().equals(tier)) {
        return i;
      }
    }
    return -1;
  }

  // ---- calendar ------------------------------------------------------------------------------------------------

  /** The end of a {@code CUSTOM} term that starts at {@code start}: {@code extend} later, rounded, to 00:00 after. */
  static Instant customEnd(TierPolicy policy, ZoneId zone, Instant start) {
    IsoDuration extend = java.util.Objects.requireNonNull(policy.expiration().extend(), "validated: CUSTOM has extend");
    LocalDate date = extend.addTo(start.atZone(zone)).toLocalDate();
    TierPolicy.Rounding rounding = policy.expiration().rounding();
    if (rounding != null) {
      LocalDate first;
      int months;
      if (rounding.period() == null) {
        int month = java.util.Objects.requireNonNull(rounding.month(), "validated: CUSTOM rounding has a month") + 1;
        first = date.withDayOfMonth(1);
        while (first.getMonthValue() != month) {
          first = first.plusMonths(1);
        }
        months = 1;
      } else {
        first = periodFirstDay(rounding.period(), date);
        months = months(rounding.period());
      }
      date = rounding.strategy() == TierPolicy.Strategy.START ? first : first.plusMonths(months).minusDays(1);
    }
    return dayAfter(date, zone);
  }

  /** The end of a term under {@code END_OF_PERIOD}, {@code END_OF_NEXT_PERIOD} or {@code CUSTOM} starting at start. */
  static Instant periodEnd(TierPolicy policy, ZoneId zone, Instant start) {
    if (policy.expiration().type() == TierPolicy.ExpirationType.CUSTOM) {
      return customEnd(policy, zone, start);
    }
    CalendarPeriod period = java.util.Objects.requireNonNull(policy.period(), "validated: POINTS_IN_PERIOD has a period");
    LocalDate first = periodFirstDay(period, start.atZone(zone).toLocalDate());
    int periods = policy.expiration().type() == TierPolicy.ExpirationType.END_OF_NEXT_PERIOD ? 2 : 1;
    LocalDate last = first.plusMonths((long) months(period) * periods).minusDays(1);
    IsoDuration extend = policy.expiration().extend();
    if (extend != null) {
      last = extend.addTo(last.atStartOfDay(zone)).toLocalDate();
    }
    return dayAfter(last, zone);
  }

  /** The first instant of the calendar period that holds {@code at}, in the zone. */
  public static Instant periodStart(CalendarPeriod period, ZoneId zone, Instant at) {
    return periodFirstDay(period, at.atZone(zone).toLocalDate()).atStartOfDay(zone).toInstant();
  }

  private static Instant next(CalendarPeriod period, ZoneId zone, Instant periodStart) {
    return periodStart.atZone(zone).toLocalDate().plusMonths(months(period)).atStartOfDay(zone).toInstant();
  }

  private static LocalDate periodFirstDay(CalendarPeriod period, LocalDate date) {
    int months = months(period);
    int month = (date.getMonthValue() - 1) / months * months + 1;
    return LocalDate.of(date.getYear(), month, 1);
  }

  private static int months(CalendarPeriod period) {
    return switch (period) {
      case MONTH -> 1;
      case QUARTER -> 3;
      case HALF_YEAR -> 6;
      case YEAR -> 12;
    };
  }

  private static Instant dayAfter(LocalDate date, ZoneId zone) {
    return date.plusDays(1).atStartOfDay(zone).toInstant();
  }
}
