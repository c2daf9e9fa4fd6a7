package io.loyalty.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import io.loyalty.core.LifecycleWorkloads.PaidOrder;
import io.loyalty.core.LifecycleWorkloads.RuleSpec;
import io.loyalty.core.LifecycleWorkloads.Setup;
import io.loyalty.core.LifecycleWorkloads.Step;
import io.loyalty.core.LifecycleWorkloads.World;
import io.loyalty.spi.CardCode;
import io.loyalty.spi.EventId;
import io.loyalty.spi.card.LedgerEntry;
import io.loyalty.spi.earning.EventOutcome;
import io.loyalty.spi.earning.Reversal;
import io.loyalty.spi.event.OrderRefunded;
import io.loyalty.spi.event.RefundLine;
import io.loyalty.spi.program.RefundPolicy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Refunds over random programs and orders: a whole refund undoes the earning, and refunds by parts add up to it. */
class RefundProperties {

  /** What a card holds, as far as a refund can tell: its balance, pending points, ledger sums and debt. */
  record Counters(long balance, long pending, long ledgerPoints, long ledgerPending, long debt) {
    static Counters of(World w, CardCode card) {
      List<LedgerEntry> ledger = w.engine.ledger(card);
      return new Counters(w.engine.balance(card, w.now()), w.engine.pendingPoints(card, w.now()),
          ledger.stream().mapToLong(LedgerEntry::points).sum(), ledger.stream().mapToLong(LedgerEntry::pending).sum(),
          w.engine.card(card).debt());
    }
  }

  static OrderRefunded whole(World w, PaidOrder order) {
    return new OrderRefunded(EventId.of(w.id("refund")), w.now(), w.members.get(0), order.event.order().id(), List.of(), null);
  }

  @Test
  void a_whole_refund_right_after_the_payment_returns_every_counter_to_where_it_was() {
    qt().withFixedSeed(7_2026L).withExamples(300)
        .forAll(LifecycleWorkloads.setups(), LifecycleWorkloads.stepLists(0, 6), integers().between(0, 1_000),
            integers().between(0, 1_000))
        .checkAssert((setup, history, a, b) -> {
          World w = new World(setup);
          CardCode card = w.card(0);
          for (Step s : history) {
            w.clock.advance(s.waitOf());
            w.pay(0, s.a(), s.b());
          }
          w.engine.sweep(card, w.now()); // so the payment's own settling adds no entry of its own
          Counters before = Counters.of(w, card);
          EventOutcome paid = w.pay(0, a, b);
          EventOutcome refunded = w.engine.apply(whole(w, w.orders.get(w.orders.size() - 1)));
          Counters after = Counters.of(w, card);
          long shortfall = 0;
          for (Reversal r : refunded.programs().isEmpty() ? List.<Reversal>of() : refunded.programs().get(0).reversals()) {
            assertThat(r.debt()).as("nothing was spent, so no debt: %s", r).isZero();
            shortfall += r.shortfall();
          }
          if (setup.policy() == RefundPolicy.ONLY_PENDING) {
            assertThat(after.pending()).isEqualTo(before.pending());
            assertThat(after.balance()).as("only the order's usable points stay").isEqualTo(before.balance() + shortfall);
          } else {
            assertThat(shortfall).as("nothing was spent, so nothing is short").isZero();
            assertThat(after).as("counters after earning %s and refunding it", paid.points()).isEqualTo(before);
          }
        });
  }

  @Test
  void refunds_by_parts_end_exactly_where_one_whole_refund_ends() {
    qt().withFixedSeed(8_2026L).withExamples(300)
        .forAll(LifecycleWorkloads.setups(), integers().between(0, 1_000), lists().of(integers().between(0, 1_000))
            .ofSizeBetween(1, 4), integers().between(0, 1_000))
        .checkAssert((setup, a, parts, spend) -> {
          World byParts = spendAfterPaying(setup, a, spend);
          World atOnce = spendAfterPaying(setup, a, spend);
          PaidOrder order = byParts.orders.get(0);
          long owedByParts = 0;
          for (int p : parts) {
            List<RefundLine> lines = order.pick(p, p / 3);
            if (!lines.isEmpty()) {
              owedByParts += owed(byParts.engine.apply(new OrderRefunded(EventId.of(byParts.id("part")), byParts.now(),
                  byParts.members.get(0), order.event.order().id(), lines, null)));
              order.refund(lines);
            }
          }
          List<RefundLine> rest = new ArrayList<>();
          for (int i = 0; i < order.refunded.length; i++) {
            if (order.left(i) > 0) {
              rest.add(new RefundLine(i, order.left(i)));
            }
          }
          if (!rest.isEmpty()) {
            owedByParts += owed(byParts.engine.apply(new OrderRefunded(EventId.of(byParts.id("rest")), byParts.now(),
                byParts.members.get(0), order.event.order().id(), rest, null)));
          }
          long owedAtOnce = owed(atOnce.engine.apply(whole(atOnce, atOnce.orders.get(0))));
          assertThat(owedByParts).as("points owed by the parts").isEqualTo(owedAtOnce);
          assertThat(Counters.of(byParts, byParts.card(0))).as("refunded by parts %s", parts)
              .isEqualTo(Counters.of(atOnce, atOnce.card(0)));
        });
  }

  /** A world where one order was paid and then up to all of the balance was spent, at one instant. */
  static World spendAfterPaying(Setup setup, int a, int spend) {
    World w = new World(setup);
    w.pay(0, a, a / 7);
    long balance = w.engine.balance(w.card(0), w.now());
    if (spend % 2 == 1 && balance > 0) {
      w.engine.removePoints(w.card(0), 1 + spend % balance, "spent", null);
    }
    return w;
  }

  static long owed(EventOutcome outcome) {
    return outcome.programs().stream().flatMap(p -> p.reversals().stream()).mapToLong(Reversal::owed).sum();
  }

  @Test
  void a_refund_after_the_orders_pending_points_were_canceled_takes_nothing_more() {
    World w = new World(new Setup(List.of(new RuleSpec(1, 25, 5, 0)), 0, RefundPolicy.WITHIN_BALANCE, 1, 0, false));
    CardCode card = w.card(0);
    w.engine.addPoints(card, 100, AddedPointsExpiry.never(), "welcome", null);
    w.pay(0, 1, 0); // 30 points pending for 5 days
    long lot = w.pendingLots(card).get(0).id();
    w.clock.advance(Duration.ofHours(1));
    w.engine.cancelPendingPoints(card, lot, "order returned");
    EventOutcome refunded = w.engine.apply(whole(w, w.orders.get(0)));
    assertThat(w.engine.balance(card, w.now())).as("reversals %s", refunded.programs().get(0).reversals()).isEqualTo(100);
    CardSummary summary = w.engine.summary(card, w.now());
    assertThat(summary.canceled() + summary.reversed()).as("the order earned 30, taken back once").isEqualTo(30);
  }
}
