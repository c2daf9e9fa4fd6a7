package io.loyalty.core.internal.ledger;

import io.loyalty.spi.card.LedgerKey;
import io.loyalty.core.OverflowException;
import io.loyalty.spi.EventId;
import io.loyalty.spi.OrderId;
import io.loyalty.spi.RuleId;
import io.loyalty.spi.card.Card;
import io.loyalty.spi.card.EntryType;
import io.loyalty.spi.card.LedgerEntry;
import io.loyalty.spi.card.Lot;
import io.loyalty.spi.card.LotList;
import io.loyalty.spi.card.LotDraw;
import io.loyalty.spi.card.LotSource;
import io.loyalty.spi.card.LotState;
import java.time.Instant;
import java.util.Objects;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import io.loyalty.core.internal.util.Buffer;
import org.jspecify.annotations.Nullable;

/**
 * Pure transitions of one card's points. A ledger is opened on a card, takes any number of operations, and
 * {@link #finish()} returns the card one version on with the entries that explain every change. Nothing here
 * reads a clock or a store. Not thread-safe: one ledger per transition.
 *
 * <p>Accounting: an entry's {@code points} change the usable balance and its {@code pending} the pending
 * points; {@code balanceAfter} is the running sum of {@code points}, which is {@link Card#ledgerBalance()}.
 *
 * <p>Sign conventions are invariants, checked here whatever the caller validated: a credit grants and a debit takes
 * a positive number of points, a reversal owes zero or more, a restored draw is positive, a pending adjustment is
 * non-zero and leaves the lot positive, and only a pending lot is activated, adjusted or canceled. A breach throws
 * {@link IllegalStateException} before anything changes; a validated request never reaches one.
 */
public final class CardLedger {
  /** Consumption order: soonest expiry first, non-expiring last, ties oldest first. */
  public static final Comparator<Lot> CONSUMPTION_ORDER = Lot.CONSUMPTION_ORDER;

  private final Card card;
  private final WorkingLots lots;
  private final Buffer<LedgerEntry> entries;
  private long debt;
  private long seq;
  private long running;

  private CardLedger(Card card, int expected) {
    this.card = card;
    // The lots are a shared tree that keeps its sums: opening costs the same whatever the card holds.
    this.lots = new WorkingLots(LotList.of(card.lots()));
    this.entries = new Buffer<>(expected);
    this.debt = card.debt();
    this.seq = card.lastSeq();
    try {
      this.running = card.ledgerBalance();
    } catch (ArithmeticException e) {
      throw new OverflowException("card " + card.code() + ": the points would exceed the range of exact points ("
          + Long.MAX_VALUE + ")");
    }
  }

  /**
   * The card's lots as a ledger changes them: each change makes a new version of the shared tree, and lots granted
   * one after another are appended together when something next reads the lots (one copy per leaf, not per lot).
   */
  private static final class WorkingLots {
    private LotList list;
    private final List<Lot> granted = new ArrayList<>(4);

    WorkingLots(LotList list) {
      this.list = list;
    }

    private LotList tree() {
      if (!granted.isEmpty()) {
        list = list.plusAll(granted);
        granted.clear();
      }
      return list;
    }

    int size() {
      return list.size() + granted.size();
    }

    Lot get(int i) {
      return tree().get(i);
    }

    void set(int i, Lot lot) {
      list = tree().with(i, lot);
    }

    void add(Lot lot) {
      granted.add(lot);
    }

    LotList toList() {
      return tree();
    }

    @Nullable Instant firstDue() {
      return tree().firstDue();
    }
  }

  /** Opens a ledger on the card's current state. */
  public static CardLedger open(Card card) {
    return new CardLedger(card, 4);
  }

  /**
   * Opens a ledger on the card's current state, sized for {@code expected} new lots and entries (a hint: when it is
   * exact, {@link #finish()} copies the lots and the entries once each).
   */
  public static CardLedger open(Card card, int expected) {
    return new CardLedger(card, expected);
  }

  /** Shortcut: the card one version on with the credits granted at {@code at} (due expirations recorded first). */
  public static CardTransition credit(Card card, List<Credit> credits, Instant at) {
    CardLedger ledger = open(card, credits.size()).settle(at);
    credits.forEach(c -> ledger.credit(c, at));
    return ledger.finish();
  }

  /** The points usable at {@code at} in the working state, less the debt. */
  public long balanceAt(Instant at) {
    if (lots.toList().settledAt(at)) {
      // every lot is granted by then and nothing activates or expires: the usable lots are the active ones, whose
      // sum the tree keeps (the working state's, which may run ahead of the entries appended so far)
      try {
        return add(lots.toList().activeSum(), -debt);
      } catch (ArithmeticException e) {
        return add(Long.MAX_VALUE, 1); // the sum itself is past exact points: the typed error
      }
    }
    long sum = -debt;
    for (int i = 0; i < lots.size(); i++) {
      Lot lot = lots.get(i);
      if (lot.isActiveAt(at)) {
        sum = add(sum, lot.remaining());
      }
    }
    return sum;
  }

  /** The working state's lot with this id, or {@code null}. */
  public @Nullable Lot lot(long id) {
    int i = indexOf(id);
    return i < 0 ? null : lots.get(i);
  }

  /** The entries appended since the ledger was opened (including what {@link #settle} recorded). */
  public List<LedgerEntry> appended() {
    return entries.toList();
  }

  /** The working state's lots. */
  public List<Lot> lots() {
    return lots.toList();
  }

  /**
   * Records every activation and expiration due by {@code asOf}, in the order they happened, each exactly once:
   * an activation turns a pending lot active, an expiration takes what is left of a lot past its expiry.
   */
  public CardLedger settle(Instant asOf) {
    Instant firstDue = lots.firstDue();
    if (firstDue == null || asOf.isBefore(firstDue)) {
      return this; // nothing falls due by asOf
    }
    // only the lots the tree says have something due by asOf: settling pays for what falls due, not for the card
    int[] candidates = lots.toList().dueBy(asOf);
    boolean any = false;
    for (int i : candidates) {
      Lot lot = lots.get(i);
      if ((lot.state() == LotState.PENDING && lot.activatesAt() != null && !asOf.isBefore(lot.activatesAt()))
          || lot.hasExpiredAt(asOf)) {
        any = true;
        break;
      }
    }
    if (!any) {
      return this;
    }
    List<long[]> due = new ArrayList<>(); // {instant seconds, nanos, lot id, kind 0 = activation, 1 = expiration}
    for (int i : candidates) {
      Lot lot = lots.get(i);
      Instant activates = lot.activatesAt();
      Instant expires = lot.expiresAt();
      if (lot.state() == LotState.PENDING && activates != null && !asOf.isBefore(activates)) {
        due.add(new long[] {activates.getEpochSecond(), activates.getNano(), lot.id(), 0});
      }
      if (expires != null && lot.hasExpiredAt(asOf) && (lot.state() == LotState.ACTIVE || activates == null
          || activates.isBefore(expires))) {
        due.add(new long[] {expires.getEpochSecond(), expires.getNano(), lot.id(), 1});
      }
    }
    due.sort(Comparator.<long[]>comparingLong(d -> d[0]).thenComparingLong(d -> d[1]).thenComparingLong(d -> d[3])
        .thenComparingLong(d -> d[2]));
    for (long[] d : due) {
      int i = indexOf(d[2]);
      Lot lot = lots.get(i);
      if (d[3] == 0) {
        activate(i, Objects.requireNonNull(lot.activatesAt(), "due: it activates"), lot.expiresAt(), new LedgerKey.OnCard(LedgerKey.OnCard.Kind.ACTIVATION, card.code(), lot.id()),
            "pending points activated");
      } else if (lot.remaining() > 0) {
        lots.set(i, lot.withRemaining(0));
        append(EntryType.POINTS_EXPIRATION, -lot.remaining(), 0, Objects.requireNonNull(lot.expiresAt(), "due: it expires"),
            new LedgerKey.OnCard(LedgerKey.OnCard.Kind.EXPIRATION, card.code(), lot.id()), null, lot.source().rule(), lot.source().programVersion(),
            lot.source().order(), "points expired", List.of(new LotDraw(lot.id(), lot.remaining())), null);
      }
    }
    return this;
  }

  /**
   * Grants the credit as a new lot (its id is its entry's seq): pending when it activates after {@code at},
   * otherwise usable at once, and then it repays any debt first (recorded as a draw on the new lot).
   */
  public LedgerEntry credit(Credit credit, Instant at) {
    return credit(credit.type(), credit.points(), credit.key(), credit.source(), credit.reason(), credit.activatesAt(),
        credit.expiresAt(), credit.related(), at);
  }

  /** As {@link #credit(Credit, Instant)}, with the credit's parts (no {@link Credit} to build on the hot path). */
  public LedgerEntry credit(EntryType creditType, long points, LedgerKey key, LotSource source, String reason,
      @Nullable Instant activatesAt, @Nullable Instant expiresAt, @Nullable LedgerKey related, Instant at) {
    if (points <= 0) {
      throw new IllegalStateException("a credit grants a positive number of points, not " + points + " (" + key + ")");
    }
    long id = seq + 1;
    boolean pending = activatesAt != null && at.isBefore(activatesAt);
    long repay = pending ? 0 : Math.min(debt, points);
    debt -= repay;
    lots.add(new Lot(id, points, points - repay, at, activatesAt, expiresAt, pending ? LotState.PENDING : LotState.ACTIVE,
        source));
    EntryType type = pending && creditType == EntryType.POINTS_ACCRUAL ? EntryType.PENDING_POINTS_ADDED : creditType;
    return append(type, pending ? 0 : points, pending ? points : 0, at, key, source.event(), source.rule(),
        source.programVersion(), source.order(), reason, repay > 0 ? List.of(new LotDraw(id, repay)) : List.of(), related);
  }

  /**
   * Takes the debit's points from the lots usable at {@code at}, soonest-expiring first, and records the lots
   * drawn.
   *
   * @throws IllegalStateException when the points are not positive, or the balance at {@code at} is smaller (callers
   *     check first)
   */
  public LedgerEntry debit(Debit debit, Instant at) {
    if (debit.points() <= 0) {
      throw new IllegalStateException("a debit takes a positive number of points, not " + debit.points() + " ("
          + debit.key() + ")");
    }
    long balance = balanceAt(at);
    if (debit.points() > balance) {
      throw new IllegalStateException("debit of " + debit.points() + " exceeds the balance " + balance);
    }
    List<LotDraw> draws = draw(debit.points(), at);
    return append(debit.type(), -debit.points(), 0, at, debit.key(), debit.event(), null, debit.programVersion(),
        debit.order(), debit.reason(), draws, debit.related());
  }

  /** Activates a pending lot at {@code at} with its new expiry (the expiry clock starts at activation). */
  public LedgerEntry activate(long lotId, Instant at, @Nullable Instant expiresAt, LedgerKey key) {
    return activate(pendingIndex(lotId, "activated"), at, expiresAt, key, "pending points activated by hand");
  }

  /** Turns lot {@code i} active at {@code at}; like a credit, it repays any debt first. */
  private LedgerEntry activate(int i, Instant at, @Nullable Instant expiresAt, LedgerKey key, String reason) {
    Lot lot = lots.get(i);
    long repay = Math.min(debt, lot.remaining());
    debt -= repay;
    lots.set(i, lot.withRemaining(lot.remaining() - repay).with(LotState.ACTIVE, at, expiresAt));
    return append(EntryType.PENDING_POINTS_ACTIVATION, lot.remaining(), -lot.remaining(), at, key,
        lot.source().event(), lot.source().rule(), lot.source().programVersion(), lot.source().order(), reason,
        repay > 0 ? List.of(new LotDraw(lot.id(), repay)) : List.of(), null);
  }

  /** Cancels a pending lot: its points are never usable. */
  public LedgerEntry cancel(long lotId, Instant at, LedgerKey key, String reason) {
    int i = pendingIndex(lotId, "canceled");
    Lot lot = lots.get(i);
    lots.set(i, lot.withRemaining(0).with(LotState.CANCELED, lot.activatesAt(), lot.expiresAt()));
    return append(EntryType.PENDING_POINTS_CANCELED, 0, -lot.remaining(), at, key, lot.source().event(),
        lot.source().rule(), lot.source().programVersion(), lot.source().order(), reason,
        List.of(new LotDraw(lot.id(), lot.remaining())), null);
  }

  /** Changes a pending lot's points by {@code delta}, non-zero; the result must stay positive (callers check). */
  public LedgerEntry adjustPending(long lotId, long delta, Instant at, LedgerKey key, String reason) {
    int i = pendingIndex(lotId, "adjusted");
    Lot lot = lots.get(i);
    if (delta == 0 || add(lot.remaining(), delta) <= 0) {
      throw new IllegalStateException("a pending adjustment of " + delta + " would leave lot " + lotId + " with "
          + (delta == 0 ? "no change" : String.valueOf(lot.remaining() + delta)) + " points; it must stay positive");
    }
    lots.set(i, new Lot(lot.id(), add(lot.initial(), delta), add(lot.remaining(), delta), lot.grantedAt(),
        lot.activatesAt(), lot.expiresAt(), lot.state(), lot.source()));
    return append(EntryType.PENDING_POINTS_ADJUSTED, 0, delta, at, key, lot.source().event(), lot.source().rule(),
        lot.source().programVersion(), lot.source().order(), reason, List.of(), null);
  }

  /**
   * Takes back up to {@code owed} points an order earned with a rule: first the order's pending lots of that
   * rule, then (unless {@code pendingOnly}) its usable lots, then other usable lots soonest-expiring first; what
   * is still owed becomes debt when {@code intoDebt}, otherwise a shortfall. Always records one entry, even
   * of zero points, so the refund is on the card's ledger.
   */
  public Taken reverse(
      OrderId order, RuleId rule, long owed, boolean pendingOnly, boolean intoDebt, Instant at, LedgerKey key,
      EventId refund, long programVersion) {
    if (owed < 0) {
      throw new IllegalStateException("a reversal owes zero or more points, not " + owed + " (" + key + ")");
    }
    List<LotDraw> draws = new ArrayList<>();
    long pendingTaken = 0;
    long left = owed;
    List<Lot> own = new ArrayList<>();
    for (int i = 0; i < lots.size(); i++) {
      Lot lot = lots.get(i);
      if (order.equals(lot.source().order()) && rule.equals(lot.source().rule())) {
        own.add(lot);
      }
    }
    own.sort(CONSUMPTION_ORDER);
    for (Lot lot : own) {
      if (left > 0 && lot.isPendingAt(at) && lot.remaining() > 0) {
        long take = Math.min(left, lot.remaining());
        int i = indexOf(lot.id());
        Lot after = lot.withRemaining(lot.remaining() - take);
        lots.set(i, after.remaining() == 0 ? after.with(LotState.CANCELED, lot.activatesAt(), lot.expiresAt()) : after);
        draws.add(new LotDraw(lot.id(), take));
        pendingTaken += take;
        left -= take;
      }
    }
    long activeTaken = 0;
    if (!pendingOnly && left > 0) {
      for (Lot lot : own) {
        Lot current = lots.get(indexOf(lot.id()));
        if (left > 0 && current.isActiveAt(at) && current.remaining() > 0) {
          long take = Math.min(left, current.remaining());
          lots.set(indexOf(lot.id()), current.withRemaining(current.remaining() - take));
          draws.add(new LotDraw(lot.id(), take));
          activeTaken += take;
          left -= take;
        }
      }
      long available = Math.max(0, balanceAt(at));
      long more = Math.min(left, available);
      if (more > 0) {
        draws.addAll(draw(more, at));
        activeTaken += more;
        left -= more;
      }
    }
    long newDebt = !pendingOnly && intoDebt ? left : 0;
    debt = add(debt, newDebt);
    long shortfall = left - newDebt;
    String reason = "order " + order + " refunded" + (shortfall > 0 ? "; " + shortfall + " points already spent" : "");
    append(EntryType.POINTS_REVERSAL, -(activeTaken + newDebt), -pendingTaken, at, key, refund, rule, programVersion,
        order, reason, draws, null);
    return new Taken(pendingTaken, activeTaken, newDebt, shortfall);
  }

  /**
   * Gives drawn points back (a redemption rollback): each draw returns to its lot if that lot is still usable at
   * {@code at}; what came from lots that expired or are gone meanwhile comes back as one new lot expiring at
   * {@code freshExpiry}. Records one POINTS_REFUND entry listing where the points went.
   */
  public LedgerEntry restore(List<LotDraw> draws, Instant at, @Nullable Instant freshExpiry, LotSource freshSource,
      LedgerKey key, String reason) {
    for (LotDraw d : draws) {
      if (d.points() <= 0) {
        throw new IllegalStateException("a restored draw gives back a positive number of points, not " + d.points()
            + " (" + key + ")");
      }
    }
    List<LotDraw> restored = new ArrayList<>();
    long total = 0;
    long fresh = 0;
    for (LotDraw d : draws) {
      total = add(total, d.points());
      int i = indexOf(d.lot());
      Lot lot = i < 0 ? null : lots.get(i);
      if (lot != null && lot.state() == LotState.ACTIVE && lot.isActiveAt(at) && lot.remaining() + d.points() <= lot.initial()) {
        lots.set(i, lot.withRemaining(lot.remaining() + d.points()));
        restored.add(d);
      } else {
        fresh = add(fresh, d.points());
      }
    }
    if (fresh > 0) {
      long id = seq + 1;
      lots.add(new Lot(id, fresh, fresh, at, null, freshExpiry, LotState.ACTIVE, freshSource));
      restored.add(new LotDraw(id, fresh));
    }
    return append(EntryType.POINTS_REFUND, total, 0, at, key, null, null, freshSource.programVersion(), null, reason,
        restored, null);
  }

  /** What a reversal took back. */
  public record Taken(long pending, long active, long debt, long shortfall) {}

  /** The card one version on, with the entries appended since it was opened. */
  public CardTransition finish() {
    Card next = card.next(lots.toList(), debt, seq);
    return new CardTransition(next, entries.toList());
  }

  /** Draws {@code points} from usable lots in consumption order; the caller has checked they suffice. */
  private List<LotDraw> draw(long points, Instant at) {
    if (lots.toList().settledAt(at)) {
      // every lot is granted by then and nothing is due: the usable lots are the active ones with points left, and
      // the tree hands them out in consumption order, so the debit pays for the lots it draws
      List<LotDraw> draws = new ArrayList<>();
      long left = points;
      while (left > 0) {
        int i = lots.toList().firstUsable();
        if (i < 0) {
          break; // the caller checked the points suffice
        }
        Lot current = lots.get(i);
        long take = Math.min(left, current.remaining());
        lots.set(i, current.withRemaining(current.remaining() - take));
        draws.add(new LotDraw(current.id(), take));
        left -= take;
      }
      return draws;
    }
    List<Lot> usable = new ArrayList<>();
    for (int i = 0; i < lots.size(); i++) {
      Lot lot = lots.get(i);
      if (lot.isActiveAt(at) && lot.remaining() > 0) {
        usable.add(lot);
      }
    }
    usable.sort(CONSUMPTION_ORDER);
    List<LotDraw> draws = new ArrayList<>();
    long left = points;
    for (Lot lot : usable) {
      if (left == 0) {
        break;
      }
      long take = Math.min(left, lot.remaining());
      int i = indexOf(lot.id());
      Lot current = lots.get(i);
      if (current.state() == LotState.PENDING) {
        // lazily active: its activation is recorded before it is drawn from
        throw new IllegalStateException("settle the card before drawing from lot " + lot.id());
      }
      lots.set(i, current.withRemaining(current.remaining() - take));
      draws.add(new LotDraw(lot.id(), take));
      left -= take;
    }
    return draws;
  }

  private LedgerEntry append(
      EntryType type, long points, long pending, Instant at, LedgerKey key, @Nullable EventId event,
      @Nullable RuleId rule, long programVersion, @Nullable OrderId order, String reason, List<LotDraw> draws,
      @Nullable LedgerKey related) {
    seq++;
    running = add(running, points);
    long balanceAfter = running;
    // the canonical constructor, not the builder: this is the one place the engine makes entries, once per entry
    LedgerEntry entry = new LedgerEntry(card.code(), seq, type, points, pending, balanceAfter, at, key, event, rule,
        programVersion, order, reason, draws, related);
    entries.add(entry);
    return entry;
  }

  /** The index of a lot that is pending in the working state; anything else is a caller's bug. */
  private int pendingIndex(long lotId, String what) {
    int i = indexOf(lotId);
    if (i < 0 || lots.get(i).state() != LotState.PENDING) {
      throw new IllegalStateException("only a pending lot can be " + what + "; lot " + lotId + " is "
          + (i < 0 ? "not on the card" : lots.get(i).state()));
    }
    return i;
  }

  private int indexOf(long lotId) {
    // lots are in grant order and a lot's id is its entry's seq, so ids increase along the list
    int lo = 0;
    int hi = lots.size() - 1;
    while (lo <= hi) {
      int mid = (lo + hi) >>> 1;
      long id = lots.get(mid).id();
      if (id == lotId) {
        return mid;
      }
      if (id < lotId) {
        lo = mid + 1;
      } else {
        hi = mid - 1;
      }
    }
    for (int i = 0; i < lots.size(); i++) { // a list not in id order (written by an older engine): scan
      if (lots.get(i).id() == lotId) {
        return i;
      }
    }
    return -1;
  }

  private long add(long a, long b) {
    try {
      return Math.addExact(a, b);
    } catch (ArithmeticException e) {
      throw new OverflowException("card " + card.code() + ": the points would exceed the range of exact points ("
          + Long.MAX_VALUE + ")");
    }
  }
}
