package io.loyalty.core.internal.engine;

import io.loyalty.core.internal.decide.CreditTerms;
import io.loyalty.core.CardSummary;
import io.loyalty.core.ExpirySchedule;
import io.loyalty.core.OverflowException;
import io.loyalty.core.SweepReport;
import io.loyalty.core.internal.expiry.ExpiryCalendar;
import io.loyalty.core.internal.ledger.CardHistory;
import io.loyalty.core.internal.ledger.CardLedger;
import io.loyalty.core.internal.ledger.CardTransition;
import io.loyalty.core.internal.eval.TierTimeline;
import io.loyalty.spi.CardCode;
import io.loyalty.spi.NotFoundException;
import io.loyalty.spi.ProgramId;
import io.loyalty.spi.card.Card;
import io.loyalty.spi.card.LedgerEntry;
import io.loyalty.spi.card.Lot;
import io.loyalty.spi.program.EarningRule;
import io.loyalty.spi.program.Program;
import io.loyalty.spi.store.CardWrite;
import io.loyalty.spi.store.ChangeSet;
import io.loyalty.spi.store.LoyaltyStore;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * Sweeps that record due activations and expirations, and the read models over a card's points: its counters
 * and its expiry schedule, per card and per program. Reads need no sweep: they settle a copy of the card as of
 * the instant, rebuilt from the ledger up to the instant when it is before the card's latest entry. Thread-safe.
 */
public final class CardReports {
  private static final int PAGE = 500;

  private final LoyaltyStore store;
  private final EngineClock clock;
  private final Retry retry;
  private final Reactions reactions;

  CardReports(LoyaltyStore store, EngineClock clock, Retry retry, Reactions reactions) {
    this.reactions = reactions;
    this.store = store;
    this.clock = clock;
    this.retry = retry;
  }

  /**
   * Records the card's activations and expirations due by {@code asOf}, each exactly once. Only what has
   * happened can be recorded: {@code asOf} after the engine's clock is refused.
   */
  public SweepReport sweep(CardCode code, Instant asOf) {
    notInTheFuture(asOf);
    return retry.run("sweep card " + code, () -> {
      Card card = store.card(code).orElseThrow(() -> new NotFoundException("card", code));
      CardLedger ledger = CardLedger.open(card).settle(asOf);
      List<LedgerEntry> recorded = List.copyOf(ledger.appended());
      if (recorded.isEmpty() && card.tiers() == null) {
        return SweepReport.NOTHING;
      }
      Program program = store.program(card.program()).orElseThrow(() -> new NotFoundException("program", card.program()));
      if (recorded.isEmpty()) {
        // nothing fell due but a tier term may have started or ended: a write records the moves once
        if (!TierTimeline.termsDueBy(program, card, asOf)) {
          return SweepReport.NOTHING;
        }
        return reactions.commit(program, card, ledger, asOf) ? SweepReport.NOTHING : null;
      }
      // what the sweep activated may reach the auto-redeem price: it is redeemed as of the sweep's instant
      return reactions.commit(program, card, ledger, asOf) ? report(recorded) : null;
    });
  }

  /**
   * The card's usable points ({@code [0]}) and pending points ({@code [1]}) as of {@code asOf}, as a read made at
   * that instant answered. Every write records what fell due before it at its due instant and then its own entries
   * at the engine's now, so the ledger is in time order: before the card's latest entry the answer is the running
   * sums after the last entry at or before {@code asOf}, which later spending, expiries or grants cannot change;
   * from the latest entry on, nothing was written since and the lots answer lazily.
   */
  public long[] balanceAndPending(Card card, Instant asOf) {
    // no entry is ever dated after the engine's now: a read as of now or later needs no ledger
    if (card.lastSeq() > 0 && asOf.isBefore(clock.now())) {
      List<LedgerEntry> last = store.ledger(card.code(), card.lastSeq() - 1, 1);
      if (!last.isEmpty() && asOf.isBefore(last.get(0).at())) {
        long balance = 0;
        long pending = 0;
        long after = 0;
        while (true) {
          List<LedgerEntry> page = store.ledger(card.code(), after, PAGE);
          for (LedgerEntry e : page) {
            if (e.at().isAfter(asOf)) {
              return new long[] {balance, pending};
            }
            balance = e.balanceAfter();
            pending = Math.addExact(pending, e.pending());
          }
          if (page.size() < PAGE) {
            return new long[] {balance, pending};
          }
          after = page.get(page.size() - 1).seq();
        }
      }
    }
    return new long[] {card.balanceAt(asOf), card.pendingAt(asOf)};
  }

  /**
   * Refreshes the tiers of every member of the program (digest section 6.4, Voucherify's "Refresh tiers" after a
   * qualification change): each card qualifies again under the current policy on its balance or its period's points
   * now, and a tier above the one it holds starts its term; no member is moved down. Under {@code BALANCE_DROP}
   * there is nothing to refresh (the tier follows the balance). One commit per card that moves.
   *
   * @return how many cards moved up
   */
  public int refreshTiers(ProgramId id) {
    Program program = store.program(id).orElseThrow(() -> new NotFoundException("program", id));
    if (!TierTimeline.keepsTerms(program)) {
      return 0;
    }
    int moved = 0;
    String after = "";
    while (true) {
      List<Card> page = store.cards(id, after, PAGE);
      for (Card listed : page) {
        if (listed.holder() != null && Boolean.TRUE.equals(retry.run("refresh the tier of " + listed.code(),
            () -> refresh(listed.code())))) {
          moved++;
        }
      }
      if (page.size() < PAGE) {
        return moved;
      }
      after = page.get(page.size() - 1).code().value();
    }
  }

  /** One card's refresh: {@code true} when it moved up, {@code false} when not, {@code null} on a conflict. */
  private @Nullable Boolean refresh(CardCode code) {
    Card card = store.card(code).orElseThrow(() -> new NotFoundException("card", code));
    Program program = store.program(card.program()).orElseThrow(() -> new NotFoundException("program", card.program()));
    Instant now = clock.now();
    long balance = card.balanceAt(now);
    io.loyalty.spi.tier.Tier before = TierTimeline.tierAt(program, card, balance, now);
    io.loyalty.spi.tier.TierState state = card.tiers() == null
        ? TierTimeline.seeded(program, new io.loyalty.spi.tier.TierState(now, null, 0, List.of()), balance, now)
        : card.tiers();
    io.loyalty.spi.tier.TierState next = TierTimeline.refreshed(program, state, balance, now, null);
    io.loyalty.spi.tier.Tier after = TierTimeline.heldAt(program, next, balance, now);
    if (after == null || after == before || (before != null
        && program.tiers().indexOf(after) <= program.tiers().indexOf(before))) {
      return false;
    }
    CardLedger ledger = CardLedger.open(card.withTiers(next)).settle(now);
    return reactions.commit(program, card, ledger, now) ? Boolean.TRUE : null;
  }

  /** Sweeps every card of the program, one commit per card that has something to record. */
  public SweepReport sweep(ProgramId program, Instant asOf) {
    notInTheFuture(asOf);
    SweepReport total = SweepReport.NOTHING;
    String after = "";
    while (true) {
      List<Card> page = store.cards(program, after, PAGE);
      for (Card card : page) {
        total = total.plus(sweep(card.code(), asOf));
      }
      if (page.size() < PAGE) {
        return total;
      }
      after = page.get(page.size() - 1).code().value();
    }
  }

  /**
   * The card's counters as of any instant {@code asOf}.
   *
   * @throws OverflowException when a counter exceeds the range of exact points
   */
  public CardSummary summary(CardCode code, Instant asOf) {
    Card card = store.card(code).orElseThrow(() -> new NotFoundException("card", code));
    try {
      return summaryOf(card, asOf);
    } catch (ArithmeticException e) {
      throw new OverflowException("card " + code + ": a counter of its points exceeds the range of exact points");
    }
  }

  private CardSummary summaryOf(Card card, Instant asOf) {
    CardCode code = card.code();
    AsOf past = asOf(card, asOf);
    CardTransition settled = past.settled();
    long[] c = new long[9];
    for (List<LedgerEntry> entries : List.of(past.recorded() == null ? ledger(code) : past.recorded(), settled.entries())) {
      for (LedgerEntry e : entries) {
        switch (e.type()) {
          case POINTS_ACCRUAL -> c[0] = Math.addExact(c[0], e.points());
          case PENDING_POINTS_ADDED, PENDING_POINTS_ADJUSTED -> c[0] = Math.addExact(c[0], e.pending());
          case POINTS_ADDITION -> c[1] = Math.addExact(c[1], e.points());
          case POINTS_TRANSFER_IN -> c[2] = Math.addExact(c[2], e.points());
          case POINTS_REDEMPTION, POINTS_REFUND -> c[3] = Math.subtractExact(c[3], e.points());
          case POINTS_REMOVAL -> c[4] = Math.subtractExact(c[4], e.points());
          case POINTS_EXPIRATION -> c[5] = Math.subtractExact(c[5], e.points());
          case POINTS_TRANSFER_OUT -> c[6] = Math.subtractExact(c[6], e.points());
          case POINTS_REVERSAL -> c[7] = Math.subtractExact(c[7], Math.addExact(e.points(), e.pending()));
          case PENDING_POINTS_CANCELED -> c[8] = Math.subtractExact(c[8], e.pending());
          case PENDING_POINTS_ACTIVATION -> { }
        }
      }
    }
    Card now = settled.card();
    ZoneId zone = zoneOf(card);
    TreeMap<LocalDate, Long> schedule = new TreeMap<>();
    collect(now, asOf, zone, schedule);
    LocalDate next = schedule.isEmpty() ? null : schedule.firstKey();
    return new CardSummary(code, asOf, now.balanceAt(asOf), now.pendingAt(asOf), now.debt(), c[0], c[1], c[2], c[3],
        c[4], c[5], c[6], c[7], c[8], next, next == null ? 0 : schedule.firstEntry().getValue());
  }

  /**
   * The card's outstanding points and when they expire, as of any instant {@code asOf}.
   *
   * @throws OverflowException when a sum exceeds the range of exact points
   */
  public ExpirySchedule schedule(CardCode code, Instant asOf) {
    Card card = store.card(code).orElseThrow(() -> new NotFoundException("card", code));
    Accumulator acc = new Accumulator("card " + code);
    acc.add(settled(card, asOf), asOf, zoneOf(card));
    return acc.result(asOf);
  }

  /**
   * The program's outstanding points and when they expire, over all its cards, as of any instant {@code asOf}. It
   * reads every card of the program; for an instant before now, also the ledger up to {@code asOf} of each card
   * written since: a read of the past costs the program's entries up to then.
   *
   * @throws OverflowException when a sum over the cards exceeds the range of exact points
   */
  public ExpirySchedule schedule(ProgramId program, Instant asOf) {
    ZoneId zone = store.program(program).map(Program::zone).orElseThrow(() -> new NotFoundException("program", program));
    Accumulator acc = new Accumulator("program " + program);
    String after = "";
    while (true) {
      List<Card> page = store.cards(program, after, PAGE);
      for (Card card : page) {
        if (!card.createdAt().isAfter(asOf)) { // a card generated later was not there to count
          acc.add(settled(card, asOf), asOf, zone);
        }
      }
      if (page.size() < PAGE) {
        return acc.result(asOf);
      }
      after = page.get(page.size() - 1).code().value();
    }
  }

  /**
   * The tiers the card held from its publication up to {@code until}, one span per change of the tier or of its
   * expiration, as reads at those instants answered: under {@code BALANCE_DROP} the tier of the balance after each
   * ledger entry (and each activation or expiration due by {@code until}, recorded or not); under a policy with terms,
   * its terms ({@link TierTimeline#history}). Empty for an unpublished card or a program without tiers.
   */
  public List<TierTimeline.Span> tierHistory(Card card, Program program, Instant until) {
    Instant since = card.publishedAt();
    if (since == null || program.tiers().isEmpty() || until.isBefore(since)) {
      return List.of();
    }
    if (TierTimeline.keepsTerms(program)) {
      return TierTimeline.history(program, card, since, until, card::balanceAt, List.of());
    }
    List<LedgerEntry> entries = new java.util.ArrayList<>(entriesUpTo(card.code(), until));
    AsOf then = asOf(card, until);
    if (then.recorded() == null) {
      entries.addAll(then.settled().entries()); // what fell due after the last entry, as a write then records it
    }
    List<Instant> changes = entries.stream().map(LedgerEntry::at).toList();
    return TierTimeline.history(program, card, since, until, t -> {
      int lo = 0; // the entries are in time order: the last one at or before t, by halving
      int hi = entries.size();
      while (lo < hi) {
        int mid = (lo + hi) >>> 1;
        if (entries.get(mid).at().isAfter(t)) {
          hi = mid;
        } else {
          lo = mid + 1;
        }
      }
      return lo == 0 ? 0 : entries.get(lo - 1).balanceAfter();
    }, changes);
  }

  /**
   * The card's tier outlook from {@code asOf} (a read now or later): the tier held and its end, the next tier and the
   * points it takes, and the first drop that comes with nothing else happening, found by reading the card's tiers
   * forward (terms ending and renewing on the balance then, points expiring) over ten years.
   */
  public io.loyalty.core.TierOutlook tierOutlook(Card card, Program program, Instant asOf) {
    long balance = card.balanceAt(asOf);
    io.loyalty.spi.tier.Tier current = TierTimeline.tierAt(program, card, balance, asOf);
    io.loyalty.spi.tier.TierState state = card.tiers();
    if (state != null && TierTimeline.keepsTerms(program) && asOf.isAfter(state.asOf())) {
      state = TierTimeline.settle(program, state, asOf, card::balanceAt,
          TierTimeline.activations(card, state.asOf(), asOf), null);
    }
    Instant endsAt = TierTimeline.expiresAt(program, state, asOf);
    List<io.loyalty.spi.tier.Tier> ladder = program.tiers();
    int index = current == null ? -1 : ladder.indexOf(current);
    io.loyalty.spi.tier.Tier next = index + 1 < ladder.size() ? ladder.get(index + 1) : null;
    long toNext = 0;
    Instant periodEnds = null;
    if (next != null) {
      if (program.tierPolicy().qualification() == io.loyalty.spi.tier.TierPolicy.Qualification.POINTS_IN_PERIOD) {
        io.loyalty.spi.tier.TierPolicy.CalendarPeriod period = java.util.Objects.requireNonNull(
            program.tierPolicy().period(), "validated");
        Instant start = TierTimeline.periodStart(period, program.zone(), asOf);
        long counted = state != null && start.equals(state.periodStart()) ? state.periodPoints() : 0;
        toNext = Math.max(0, next.from() - counted);
        periodEnds = start.atZone(program.zone()).toLocalDate().plusMonths(switch (period) {
          case MONTH -> 1;
          case QUARTER -> 3;
          case HALF_YEAR -> 6;
          case YEAR -> 12;
        }).atStartOfDay(program.zone()).toInstant();
      } else {
        toNext = Math.max(0, next.from() - balance);
      }
    }
    // read forward with nothing else happening: the first span below the tier held is the drop
    Instant horizon = asOf.atZone(program.zone()).plusYears(10).toInstant();
    List<Instant> changes = new java.util.ArrayList<>();
    for (Lot lot : card.lots()) {
      if (lot.expiresAt() != null && lot.expiresAt().isAfter(asOf)) {
        changes.add(lot.expiresAt());
      }
      if (lot.activatesAt() != null && lot.activatesAt().isAfter(asOf)) {
        changes.add(lot.activatesAt());
      }
    }
    Instant dropAt = null;
    io.loyalty.spi.tier.Tier dropsTo = null;
    for (TierTimeline.Span span : TierTimeline.history(program, card, asOf, horizon, card::balanceAt, changes)) {
      int at = span.tier() == null ? -1 : ladder.indexOf(span.tier());
      if (span.from().isAfter(asOf) && at < index) {
        dropAt = span.from();
        dropsTo = span.tier();
        break;
      }
    }
    return new io.loyalty.core.TierOutlook(current, endsAt, next, toNext, periodEnds, dropAt, dropsTo);
  }

  /**
   * The program's members per tier at {@code asOf}, in the ladder's order (every tier, 0 for none), as reads at that
   * instant answered; members in no tier are not counted. It reads every card of the program, and for an instant
   * before now under {@code BALANCE_DROP} the ledger of each card written since.
   */
  public java.util.Map<io.loyalty.spi.TierId, Long> membersPerTier(ProgramId id, Instant asOf) {
    Program program = store.program(id).orElseThrow(() -> new NotFoundException("program", id));
    java.util.Map<io.loyalty.spi.TierId, Long> counts = new java.util.LinkedHashMap<>();
    for (io.loyalty.spi.tier.Tier tier : program.tiers()) {
      counts.put(tier.id(), 0L);
    }
    String after = "";
    while (true) {
      List<Card> page = store.cards(id, after, PAGE);
      for (Card card : page) {
        if (card.publishedAt() != null && !card.publishedAt().isAfter(asOf)) {
          long balance = TierTimeline.keepsTerms(program) && card.tiers() != null ? 0 : balanceAndPending(card, asOf)[0];
          io.loyalty.spi.tier.Tier tier = TierTimeline.tierAt(program, card, balance, asOf);
          if (tier != null) {
            counts.merge(tier.id(), 1L, Long::sum);
          }
        }
      }
      if (page.size() < PAGE) {
        return counts;
      }
      after = page.get(page.size() - 1).code().value();
    }
  }

  /** The card's lots usable or pending at {@code asOf}, as a read at that instant answered, soonest-expiring first. */
  public List<Lot> lots(CardCode code, Instant asOf) {
    Card card = store.card(code).orElseThrow(() -> new NotFoundException("card", code));
    return settled(card, asOf).lots().stream()
        .filter(l -> l.remaining() > 0 && (l.isActiveAt(asOf) || l.isPendingAt(asOf)))
        .sorted(CardLedger.CONSUMPTION_ORDER)
        .toList();
  }

  /** The card as a read at {@code asOf} saw it, with what fell due by then recorded. */
  private Card settled(Card card, Instant asOf) {
    return asOf(card, asOf).settled().card();
  }

  /**
   * The card as a read at {@code asOf} saw it, settled to {@code asOf}, and the entries recorded by then when they
   * had to be read. As for {@link #balanceAndPending}: before the card's latest entry its lots are rebuilt from the
   * ledger up to {@code asOf} ({@link CardHistory}); from the latest entry on, today's lots answer.
   */
  private AsOf asOf(Card card, Instant asOf) {
    if (card.lastSeq() > 0 && asOf.isBefore(clock.now())) {
      List<LedgerEntry> last = store.ledger(card.code(), card.lastSeq() - 1, 1);
      if (!last.isEmpty() && asOf.isBefore(last.get(0).at())) {
        List<LedgerEntry> recorded = entriesUpTo(card.code(), asOf);
        Card then = CardHistory.replay(card, recorded, lot -> asGranted(card, lot));
        return new AsOf(CardLedger.open(then).settle(asOf).finish(), recorded);
      }
    }
    return new AsOf(CardLedger.open(card).settle(asOf).finish(), null);
  }

  /** The card settled to an instant, and the entries recorded by then ({@code null}: all of them). */
  private record AsOf(CardTransition settled, @Nullable List<LedgerEntry> recorded) {}

  /** A pending lot with the activation and expiry it was granted with, under the program version that granted it. */
  private Lot asGranted(Card card, Lot lot) {
    Program granting = store.program(card.program(), lot.source().programVersion())
        .or(() -> store.program(card.program()))
        .orElseThrow(() -> new NotFoundException("program", card.program()));
    EarningRule rule = lot.source().rule() == null ? null : granting.rule(lot.source().rule()).orElse(null);
    CreditTerms terms = CreditTerms.forRule(granting, rule, lot.grantedAt());
    return terms.activatesAt() == null ? lot : lot.with(lot.state(), terms.activatesAt(), terms.expiresAt());
  }

  /** The card's entries at or before {@code asOf}, oldest first. */
  private List<LedgerEntry> entriesUpTo(CardCode code, Instant asOf) {
    List<LedgerEntry> upTo = new java.util.ArrayList<>();
    long after = 0;
    while (true) {
      List<LedgerEntry> page = store.ledger(code, after, PAGE);
      for (LedgerEntry e : page) {
        if (e.at().isAfter(asOf)) {
          return upTo;
        }
        upTo.add(e);
      }
      if (page.size() < PAGE) {
        return upTo;
      }
      after = page.get(page.size() - 1).seq();
    }
  }

  private void notInTheFuture(Instant asOf) {
    Instant now = clock.now();
    if (asOf.isAfter(now)) {
      throw io.loyalty.spi.InvalidInputException.of("as_of", "must not be after the engine's clock (" + now + "): a sweep "
          + "records what has happened; balances as of a later instant need no sweep", asOf);
    }
  }

  private List<LedgerEntry> ledger(CardCode code) {
    List<LedgerEntry> all = new java.util.ArrayList<>();
    long after = 0;
    while (true) {
      List<LedgerEntry> page = store.ledger(code, after, 1000);
      all.addAll(page);
      if (page.size() < 1000) {
        return all;
      }
      after = page.get(page.size() - 1).seq();
    }
  }

  private ZoneId zoneOf(Card card) {
    return store.program(card.program()).map(Program::zone).orElse(ZoneId.of("UTC"));
  }

  /** Adds the card's usable points by last usable day; returns the non-expiring points. */
  private static long collect(Card card, Instant asOf, ZoneId zone, TreeMap<LocalDate, Long> byDay) {
    long never = 0;
    for (Lot lot : card.lots()) {
      if (lot.remaining() > 0 && lot.isActiveAt(asOf)) {
        if (lot.expiresAt() == null) {
          never += lot.remaining();
        } else {
          byDay.merge(ExpiryCalendar.lastUsableDay(lot.expiresAt(), zone), lot.remaining(), Math::addExact);
        }
      }
    }
    return never;
  }

  private static SweepReport report(List<LedgerEntry> entries) {
    int activated = 0;
    long activatedPoints = 0;
    int expired = 0;
    long expiredPoints = 0;
    for (LedgerEntry e : entries) {
      switch (e.type()) {
        case PENDING_POINTS_ACTIVATION -> {
          activated++;
          activatedPoints += e.points();
        }
        case POINTS_EXPIRATION -> {
          expired++;
          expiredPoints -= e.points();
        }
        default -> { }
      }
    }
    return new SweepReport(1, activated, activatedPoints, expired, expiredPoints);
  }

  /** Sums cards into one schedule, exactly: an overflow is the typed {@link OverflowException}. */
  private static final class Accumulator {
    private final String what;
    private final TreeMap<LocalDate, Long> byDay = new TreeMap<>();
    private int cards;
    private long outstanding;
    private long pending;
    private long debt;
    private long never;

    Accumulator(String what) {
      this.what = what;
    }

    void add(Card card, Instant asOf, ZoneId zone) {
      try {
        outstanding = Math.addExact(outstanding, Math.max(0, card.balanceAt(asOf)));
        pending = Math.addExact(pending, card.pendingAt(asOf));
        debt = Math.addExact(debt, card.debt());
        never = Math.addExact(never, collect(card, asOf, zone, byDay));
        cards = Math.addExact(cards, 1);
      } catch (ArithmeticException e) {
        throw new OverflowException(what + ": the points outstanding over its cards exceed the range of exact points");
      }
    }

    ExpirySchedule result(Instant asOf) {
      return new ExpirySchedule(asOf, cards, outstanding, pending, debt, byDay, never);
    }
  }
}
