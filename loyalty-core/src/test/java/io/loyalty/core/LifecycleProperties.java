package io.loyalty.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;

import io.loyalty.core.LifecycleWorkloads.Delivered;
import io.loyalty.core.LifecycleWorkloads.PaidOrder;
import io.loyalty.core.LifecycleWorkloads.Setup;
import io.loyalty.core.LifecycleWorkloads.Step;
import io.loyalty.core.LifecycleWorkloads.World;
import io.loyalty.spi.CardCode;
import io.loyalty.spi.EventId;
import io.loyalty.spi.InvalidInputException;
import io.loyalty.spi.card.Card;
import io.loyalty.spi.card.EntryType;
import io.loyalty.spi.card.LedgerEntry;
import io.loyalty.spi.card.Lot;
import io.loyalty.spi.card.LotDraw;
import io.loyalty.spi.card.LotState;
import io.loyalty.spi.earning.EventOutcome;
import io.loyalty.spi.earning.Reversal;
import io.loyalty.spi.event.OrderRefunded;
import io.loyalty.spi.event.RefundLine;
import io.loyalty.spi.program.RefundPolicy;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Invariants of the points lifecycle over random programs and random histories of payments, refunds, manual
 * additions and removals, transfers, pending points handled by hand and sweeps, checked after every step.
 */
class LifecycleProperties {

  @Test
  void every_step_of_a_random_history_keeps_every_lifecycle_invariant_and_balances_never_depend_on_the_sweep() {
    qt().withFixedSeed(20260105L).withExamples(400)
        .forAll(LifecycleWorkloads.setups(), LifecycleWorkloads.stepLists(5, 30))
        .checkAssert((setup, steps) -> run(setup, steps, true));
  }

  @Test
  void a_debt_repaid_by_pending_points_that_later_expired_reads_the_same_before_and_after_the_sweep() {
    World w = new World(new Setup(List.of(new LifecycleWorkloads.RuleSpec(1, 5, 1, 1)), 0, RefundPolicy.UNLIMITED, 1, 0,
        false));
    CardCode card = w.card(0);
    w.pay(0, 1, 0); // 10 points, pending until tomorrow 00:00, gone at the end of that day
    w.clock.advance(Duration.ofDays(2));
    w.pay(0, 1, 0); // 10 more, pending until tomorrow
    w.engine.apply(new OrderRefunded(EventId.of("refund_first"), w.now(), w.members.get(0),
        w.orders.get(0).event.order().id(), List.of(), null)); // its points expired: a debt of 10
    Instant later = w.now().plus(Duration.ofDays(30));
    long before = w.engine.balance(card, later);
    w.clock.set(later);
    w.engine.sweep(card, later); // records the second lot's activation, which repays the debt, then its expiry
    assertThat(w.engine.balance(card, later)).isEqualTo(before);
  }

  /** Runs the steps, checking each step's own contract and then every invariant; {@code strict} also with a debt. */
  static void run(Setup setup, List<Step> steps, boolean strict) {
    World w = new World(setup);
    checkInvariants(w, new Step(0, 0, 1, 0, 0), strict);
    for (Step step : steps) {
      w.clock.advance(step.waitOf());
      switch (step.kind()) {
        case 0, 1, 2 -> pay(w, step);
        case 3, 4 -> refund(w, step);
        case 5 -> add(w, step);
        case 6 -> remove(w, step);
        case 7 -> transfer(w, step);
        case 8 -> pendingByHand(w, step);
        default -> sweep(w, step, strict);
      }
      checkInvariants(w, step, strict);
    }
  }

  static void pay(World w, Step step) {
    CardCode card = w.card(step.a());
    CardSummary before = w.engine.summary(card, w.now());
    EventOutcome outcome = w.pay(step.a(), step.a(), step.b());
    CardSummary after = w.engine.summary(card, w.now());
    assertThat(after.earned() - before.earned()).as("earned by %s", step).isEqualTo(outcome.points());
    assertThat(after.balance() + after.pending()).as("balance + pending after %s", step)
        .isEqualTo(before.balance() + before.pending() + outcome.points());
  }

  static void refund(World w, Step step) {
    int member = step.a() % w.members.size();
    List<PaidOrder> mine = w.ordersOf(member);
    if (mine.isEmpty()) {
      return;
    }
    PaidOrder order = mine.get(step.b() % mine.size());
    boolean whole = step.a() % 3 == 0;
    List<RefundLine> picked = whole ? List.of() : order.pick(step.a(), step.b());
    boolean nothingLeft = order.whole || (!whole && picked.isEmpty());
    List<RefundLine> lines = !whole && picked.isEmpty() ? List.of(new RefundLine(0, 1)) : picked;
    OrderRefunded refund = new OrderRefunded(EventId.of(w.id("refund")), w.now(), w.members.get(member),
        order.event.order().id(), lines, null);
    CardCode card = w.card(member);
    if (nothingLeft) {
      Card untouched = w.engine.card(card);
      if (order.earned) {
        assertThatThrownBy(() -> w.engine.apply(refund)).as("refund of nothing left: %s", step)
            .isInstanceOf(InvalidInputException.class);
      } else { // the order earned nothing here, so the engine may accept or refuse it: only "no write" matters
        catchThrowable(() -> w.engine.apply(refund));
      }
      assertThat(w.engine.card(card)).as("a refused refund writes nothing").isEqualTo(untouched);
      return;
    }
    CardSummary before = w.engine.summary(card, w.now());
    EventOutcome outcome = w.engine.apply(refund);
    order.refund(lines);
    w.delivered.add(new Delivered(refund, outcome));
    CardSummary after = w.engine.summary(card, w.now());
    long pending = 0;
    long usable = 0;
    for (Reversal r : outcome.programs().isEmpty() ? List.<Reversal>of() : outcome.programs().get(0).reversals()) {
      assertThat(r.owed()).as("owed splits into taken and shortfall: %s", r)
          .isEqualTo(r.pending() + r.active() + r.debt() + r.shortfall());
      RefundPolicy policy = w.setup.policy();
      if (policy == RefundPolicy.ONLY_PENDING) {
        assertThat(r.active() + r.debt()).as("ONLY_PENDING takes only pending points: %s", r).isZero();
      } else if (policy == RefundPolicy.WITHIN_BALANCE) {
        assertThat(r.debt()).as("WITHIN_BALANCE leaves no debt: %s", r).isZero();
      } else {
        assertThat(r.shortfall()).as("UNLIMITED has no shortfall: %s", r).isZero();
      }
      pending += r.pending();
      usable += r.active() + r.debt();
    }
    assertThat(before.pending() - after.pending()).as("pending taken by %s", step).isEqualTo(pending);
    assertThat(before.balance() - after.balance()).as("balance taken by %s", step).isEqualTo(usable);
    assertThat(after.reversed() - before.reversed()).as("reversed by %s", step).isEqualTo(pending + usable);
  }

  static void add(World w, Step step) {
    CardCode card = w.card(step.a());
    long points = 1 + step.a() % 200;
    AddedPointsExpiry expiry = w.addedExpiry(step.a(), step.b());
    String source = step.b() % 2 == 0 ? w.id("crm") : null;
    CardSummary before = w.engine.summary(card, w.now());
    LedgerEntry entry = w.engine.addPoints(card, points, expiry, "goodwill", source);
    assertThat(entry.type()).isEqualTo(EntryType.POINTS_ADDITION);
    assertThat(entry.points()).isEqualTo(points);
    CardSummary after = w.engine.summary(card, w.now());
    assertThat(after.added() - before.added()).isEqualTo(points);
    assertThat(after.balance() - before.balance()).as("added now: %s", step).isEqualTo(points);
    if (source != null) {
      Card once = w.engine.card(card);
      assertThat(w.engine.addPoints(card, points, expiry, "goodwill", source)).isEqualTo(entry);
      assertThat(w.engine.card(card)).as("a re-sent addition").isEqualTo(once);
    }
  }

  static void remove(World w, Step step) {
    CardCode card = w.card(step.a());
    CardSummary before = w.engine.summary(card, w.now());
    long balance = before.balance();
    if (balance <= 0 || step.b() % 6 == 0) {
      long points = Math.max(1, balance + 1 + step.a() % 5);
      Card untouched = w.engine.card(card);
      assertThatThrownBy(() -> w.engine.removePoints(card, points, "too much", null))
          .isInstanceOf(InsufficientPointsException.class);
      assertThat(w.engine.card(card)).as("a refused removal writes nothing").isEqualTo(untouched);
      return;
    }
    long points = 1 + step.a() % balance;
    LedgerEntry entry = w.engine.removePoints(card, points, "correction", null);
    assertThat(entry.points()).isEqualTo(-points);
    assertThat(entry.draws().stream().mapToLong(LotDraw::points).sum()).as("draws of %s", entry).isEqualTo(points);
    CardSummary after = w.engine.summary(card, w.now());
    assertThat(after.subtracted() - before.subtracted()).isEqualTo(points);
    assertThat(before.balance() - after.balance()).isEqualTo(points);
  }

  static void transfer(World w, Step step) {
    if (w.cards.size() < 2) {
      return;
    }
    CardCode from = w.card(step.a());
    CardCode to = w.card(step.a() + 1);
    long balance = w.engine.summary(from, w.now()).balance();
    long sumBefore = balance + w.engine.summary(to, w.now()).balance();
    String source = w.id("transfer");
    if (balance <= 0) {
      assertThatThrownBy(() -> w.engine.transfer(from, to, 1, "move", source)).isInstanceOf(InsufficientPointsException.class);
      return;
    }
    long points = 1 + step.b() % balance;
    Transfer t = w.engine.transfer(from, to, points, "move", source);
    assertThat(t.out().points()).isEqualTo(-points);
    assertThat(t.in().points()).isEqualTo(points);
    assertThat(t.out().related()).isEqualTo(t.in().key());
    long sumAfter = w.engine.summary(from, w.now()).balance() + w.engine.summary(to, w.now()).balance();
    assertThat(sumAfter).as("both balances after %s", step).isEqualTo(sumBefore);
    Card fromOnce = w.engine.card(from);
    Card toOnce = w.engine.card(to);
    assertThat(w.engine.transfer(from, to, points, "move", source)).as("a re-sent transfer").isEqualTo(t);
    assertThat(w.engine.card(from)).isEqualTo(fromOnce);
    assertThat(w.engine.card(to)).isEqualTo(toOnce);
  }

  static void pendingByHand(World w, Step step) {
    CardCode card = w.card(step.a());
    List<Lot> pending = w.pendingLots(card);
    if (pending.isEmpty()) {
      return;
    }
    Lot lot = pending.get(step.b() % pending.size());
    CardSummary before = w.engine.summary(card, w.now());
    long balanceChange;
    long pendingChange;
    switch (step.a() % 3) {
      case 0 -> {
        w.engine.activatePendingPoints(card, lot.id());
        balanceChange = lot.remaining();
        pendingChange = -lot.remaining();
      }
      case 1 -> {
        w.engine.cancelPendingPoints(card, lot.id(), "order returned");
        balanceChange = 0;
        pendingChange = -lot.remaining();
      }
      default -> {
        long delta = lot.remaining() == 1 || step.b() % 2 == 0 ? 1 + step.b() % 50 : -(1 + step.b() % (lot.remaining() - 1));
        w.engine.adjustPendingPoints(card, lot.id(), delta, "recount");
        balanceChange = 0;
        pendingChange = delta;
      }
    }
    CardSummary after = w.engine.summary(card, w.now());
    assertThat(after.balance() - before.balance()).as("balance change of %s on lot %s", step, lot).isEqualTo(balanceChange);
    assertThat(after.pending() - before.pending()).as("pending change of %s on lot %s", step, lot).isEqualTo(pendingChange);
  }

  /** Sweeps to an instant from now on and then moves the clock there, so no later step happens before it. */
  static void sweep(World w, Step step, boolean strict) {
    Instant t = w.now().plus(switch (step.a() % 4) {
      case 0 -> Duration.ZERO;
      case 1 -> Duration.ofHours(step.b() % 24);
      case 2 -> Duration.ofDays(step.b() % 45);
      default -> Duration.ofDays(7L * (step.b() % 20));
    });
    List<Long> balances = new ArrayList<>();
    List<Long> pendings = new ArrayList<>();
    List<Integer> sizes = new ArrayList<>();
    for (CardCode card : w.cards) {
      boolean lazy = strict || w.engine.card(card).debt() == 0; // the strict run reads lazily even with a debt
      balances.add(lazy ? w.engine.balance(card, t) : w.engine.summary(card, t).balance());
      pendings.add(w.engine.pendingPoints(card, t));
      sizes.add(w.engine.ledger(card).size());
    }
    w.clock.set(t); // a sweep records only the past
    SweepReport report = step.b() % 2 == 0 ? w.engine.sweep(Fixtures.PROGRAM, t) : w.cards.stream()
        .map(c -> w.engine.sweep(c, t)).reduce(SweepReport.NOTHING, SweepReport::plus);
    long activated = 0;
    long expired = 0;
    for (int i = 0; i < w.cards.size(); i++) {
      CardCode card = w.cards.get(i);
      List<LedgerEntry> ledger = w.engine.ledger(card);
      for (LedgerEntry e : ledger.subList(sizes.get(i), ledger.size())) {
        assertThat(e.type()).isIn(EntryType.PENDING_POINTS_ACTIVATION, EntryType.POINTS_EXPIRATION);
        activated += e.type() == EntryType.PENDING_POINTS_ACTIVATION ? e.points() : 0;
        expired -= e.type() == EntryType.POINTS_EXPIRATION ? e.points() : 0;
      }
      assertThat(w.engine.balance(card, t)).as("balance at %s of %s after the sweep", t, card).isEqualTo(balances.get(i));
      assertThat(w.engine.pendingPoints(card, t)).as("pending at %s after the sweep", t).isEqualTo(pendings.get(i));
      assertThat(w.engine.sweep(card, t)).as("a second sweep").isEqualTo(SweepReport.NOTHING);
      assertThat(w.engine.ledger(card)).as("ledger after a second sweep").isEqualTo(ledger);
      assertThat(ledger.stream().mapToLong(LedgerEntry::points).sum()).as("ledger points after a sweep to %s", t)
          .isEqualTo(w.engine.balance(card, t));
      assertThat(ledger.stream().mapToLong(LedgerEntry::pending).sum()).as("ledger pending after a sweep to %s", t)
          .isEqualTo(w.engine.pendingPoints(card, t));
      if (!ledger.isEmpty()) {
        assertThat(ledger.get(ledger.size() - 1).balanceAfter()).isEqualTo(w.engine.balance(card, t));
      }
    }
    assertThat(report.activatedPoints()).as("activated points reported").isEqualTo(activated);
    assertThat(report.expiredPoints()).as("expired points reported").isEqualTo(expired);
    w.clock.set(t);
  }

  /** Conservation, lots, ledger accounting, reads as of future instants, and idempotent redelivery. */
  static void checkInvariants(World w, Step step, boolean strict) {
    Instant now = w.now();
    for (CardCode code : w.cards) {
      Card card = w.engine.card(code);
      for (Lot lot : card.lots()) {
        assertThat(lot.remaining()).as("after %s: lot %s", step, lot).isBetween(0L, lot.initial());
        assertThat(lot.initial()).as("after %s: lot %s", step, lot).isPositive();
        if (lot.state() == LotState.CANCELED) {
          assertThat(lot.remaining()).as("after %s: canceled lot %s", step, lot).isZero();
        }
      }
      List<LedgerEntry> ledger = w.engine.ledger(code);
      long running = 0;
      for (int i = 0; i < ledger.size(); i++) {
        running += ledger.get(i).points();
        assertThat(ledger.get(i).seq()).as("after %s: seq", step).isEqualTo(i + 1L);
        assertThat(ledger.get(i).balanceAfter()).as("after %s: running balance of %s", step, ledger.get(i)).isEqualTo(running);
      }
      assertThat(card.lastSeq()).isEqualTo(ledger.size());
      assertThat(card.ledgerBalance()).as("after %s: ledger balance", step).isEqualTo(running);
      assertThat(card.ledgerPending()).as("after %s: ledger pending", step)
          .isEqualTo(ledger.stream().mapToLong(LedgerEntry::pending).sum());
      for (Instant t : List.of(now, now.plus(Duration.ofDays(1)), now.plus(Duration.ofDays(step.b() % 90)),
          now.plus(Duration.ofDays(400)))) {
        CardSummary settled = w.engine.summary(code, t);
        LifecycleWorkloads.assertConserved(settled, step);
        if (strict || card.debt() == 0) {
          assertThat(w.engine.balance(code, t)).as("after %s: balance at %s with or without a sweep", step, t)
              .isEqualTo(settled.balance());
        }
        assertThat(w.engine.pendingPoints(code, t)).as("after %s: pending at %s with or without a sweep", step, t)
            .isEqualTo(settled.pending());
      }
    }
    if (!w.delivered.isEmpty()) {
      Delivered again = w.delivered.get((step.a() * 7 + step.b()) % w.delivered.size());
      List<Card> before = w.cards.stream().map(w.engine::card).toList();
      assertThat(w.engine.apply(again.event())).as("redelivery of %s", again.event().id()).isEqualTo(again.outcome());
      assertThat(w.cards.stream().map(w.engine::card).toList()).as("cards after a redelivery").isEqualTo(before);
    }
  }

  /** The documented consumption order: soonest expiry first, non-expiring last, ties oldest first, then by id. */
  static final Comparator<Lot> DOCUMENTED_ORDER = Comparator.comparing(Lot::expiresAt,
      Comparator.nullsLast(Comparator.naturalOrder())).thenComparing(Lot::grantedAt).thenComparingLong(Lot::id);

  @Test
  void a_removal_draws_the_usable_lots_in_the_documented_order() {
    qt().withFixedSeed(99L).withExamples(200)
        .forAll(LifecycleWorkloads.setups(), LifecycleWorkloads.stepLists(1, 12), integers().between(0, 10_000))
        .checkAssert((setup, grants, pick) -> {
          World w = new World(setup);
          CardCode card = w.card(0);
          for (Step g : grants) {
            w.clock.advance(g.waitOf());
            if (g.kind() % 2 == 0) {
              w.pay(0, g.a(), g.b());
            } else {
              w.engine.addPoints(card, 1 + g.a() % 100, w.addedExpiry(g.a(), g.b()), "grant", null);
            }
          }
          w.clock.advance(Duration.ofHours(pick % 200));
          Instant now = w.now();
          long balance = w.engine.balance(card, now);
          if (balance <= 0) {
            return;
          }
          long points = 1 + pick % balance;
          List<Lot> usable = w.engine.card(card).lots().stream().filter(l -> l.isActiveAt(now) && l.remaining() > 0)
              .sorted(DOCUMENTED_ORDER).toList();
          List<LotDraw> expected = new ArrayList<>();
          long left = points;
          for (Lot lot : usable) {
            if (left > 0) {
              expected.add(new LotDraw(lot.id(), Math.min(left, lot.remaining())));
              left -= Math.min(left, lot.remaining());
            }
          }
          assertThat(w.engine.removePoints(card, points, "spend", null).draws()).as("lots %s", usable)
              .containsExactlyElementsOf(expected);
        });
  }

  @Test
  void a_sweep_to_a_later_instant_is_refused_and_changes_nothing_as_of_now() {
    // regression: a sweep ahead of the clock once recorded activations and expirations early
    World w = new World(new Setup(List.of(new LifecycleWorkloads.RuleSpec(1, 5, 5, 0)), 0, RefundPolicy.WITHIN_BALANCE,
        1, 0, false));
    CardCode card = w.card(0);
    w.pay(0, 1, 0); // 10 points on 5 January, pending until 10 January 00:00, never expiring
    w.engine.addPoints(card, 7, AddedPointsExpiry.on(LocalDate.of(2026, 1, 10)), "short-lived", null); // gone 11 Jan
    Instant now = w.now();
    long balance = w.engine.balance(card, now);
    long pending = w.engine.pendingPoints(card, now);
    assertThatThrownBy(() -> w.engine.sweep(card, now.plus(Duration.ofDays(60))))
        .isInstanceOf(io.loyalty.spi.InvalidInputException.class);
    LifecycleWorkloads.assertConserved(w.engine.summary(card, now), "a refused sweep 60 days ahead");
    assertThat(w.engine.pendingPoints(card, now)).isEqualTo(pending).isEqualTo(10);
    assertThat(w.engine.balance(card, now)).isEqualTo(balance).isEqualTo(7);
  }
}
