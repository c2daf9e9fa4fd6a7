package io.loyalty.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import io.loyalty.core.LifecycleWorkloads.PaidOrder;
import io.loyalty.core.internal.ledger.CardHistory;
import io.loyalty.core.LifecycleWorkloads.Step;
import io.loyalty.core.LifecycleWorkloads.World;
import io.loyalty.spi.CardCode;
import io.loyalty.spi.CustomerId;
import io.loyalty.spi.EventId;
import io.loyalty.spi.LoyaltyException;
import io.loyalty.spi.RedemptionId;
import io.loyalty.spi.RuleId;
import io.loyalty.spi.card.Card;
import io.loyalty.spi.card.Lot;
import io.loyalty.spi.event.Order;
import io.loyalty.spi.event.OrderPaid;
import io.loyalty.spi.event.OrderRefunded;
import io.loyalty.spi.event.RefundLine;
import io.loyalty.spi.program.CardTemplate;
import io.loyalty.spi.program.EarningRule;
import io.loyalty.spi.program.ExpirationRule;
import io.loyalty.spi.program.Measure;
import io.loyalty.spi.program.PendingPoints;
import io.loyalty.spi.program.PointsFormula;
import io.loyalty.spi.program.Trigger;
import io.loyalty.spi.reward.RedeemRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/** True history: a read "as of" an instant made later answers what the read made live at that instant answered. */
class HistoryProperties {
  private record Live(Instant at, long balance, long pending) {}

  /** Every read as of an instant: per card its balance, pending points, lots, summary and schedule; the liability. */
  private record Reads(Instant at, List<Long> balances, List<Long> pendings, List<List<Lot>> lots,
      List<CardSummary> summaries, List<ExpirySchedule> schedules, ExpirySchedule liability,
      List<java.util.Optional<io.loyalty.spi.tier.Tier>> tiers, List<java.util.Optional<MemberTier>> memberTiers) {}

  private static Reads read(World w, Instant at) {
    LoyaltyEngine e = w.engine;
    return new Reads(at, w.cards.stream().map(c -> e.balance(c, at)).toList(),
        w.cards.stream().map(c -> e.pendingPoints(c, at)).toList(), w.cards.stream().map(c -> e.lots(c, at)).toList(),
        w.cards.stream().map(c -> e.summary(c, at)).toList(), w.cards.stream().map(c -> e.expirySchedule(c, at)).toList(),
        e.liability(Fixtures.PROGRAM, at), w.cards.stream().map(c -> e.tier(c, at)).toList(),
        w.cards.stream().map(c -> e.memberTier(c, at)).toList());
  }

  /**
   * Steps of {@link LifecycleWorkloads}, kinds 0–11: pay, refund, add, remove, transfer, pending by hand, sweep,
   * redeem, roll back, a tier override.
   */
  private static Gen<List<Step>> steps() {
    return lists().of(integers().between(0, 11).zip(integers().between(0, 4), integers().between(1, 59),
        integers().between(0, 1_000), integers().between(0, 1_000), Step::new)).ofSizeBetween(4, 24);
  }

  @Test
  void lots_summaries_schedules_and_the_liability_read_as_of_an_instant_made_later_equal_the_live_reads_then() {
    qt().withFixedSeed(20261203L).withExamples(120)
        .forAll(LifecycleWorkloads.setups(), steps())
        .checkAssert((setup, steps) -> {
          World w = new World(setup);
          List<Reads> live = runReadingLive(w, steps);
          w.clock.advance(Duration.ofDays(200)); // everything lapses since: later writes must not rewrite the past
          w.engine.addPoints(w.card(0), 5, AddedPointsExpiry.never(), "later", null);
          w.engine.sweep(Fixtures.PROGRAM, w.now());
          for (CardCode code : w.cards) { // the whole ledger replayed is today's card
            Card today = w.engine.card(code);
            Card replayed = CardHistory.replay(today, w.engine.ledger(code), lot -> {
              throw new AssertionError("no lot is pending at the end of the ledger and active today: " + lot);
            });
            assertThat(replayed).as("the whole ledger of %s replayed after %s", code, steps).isEqualTo(today);
          }
          for (Reads then : live) {
            assertThat(read(w, then.at())).as("reads as of %s after %s", then.at(), steps).isEqualTo(then);
          }
        });
  }

  @Test
  void under_a_policy_with_terms_the_tier_events_replayed_up_to_an_instant_give_the_tier_read_live_then() {
    java.util.Set<io.loyalty.spi.store.OutboxEvent.Type> tierTypes = java.util.EnumSet.of(
        io.loyalty.spi.store.OutboxEvent.Type.TIER_JOINED, io.loyalty.spi.store.OutboxEvent.Type.TIER_LEFT,
        io.loyalty.spi.store.OutboxEvent.Type.TIER_UPGRADED, io.loyalty.spi.store.OutboxEvent.Type.TIER_DOWNGRADED,
        io.loyalty.spi.store.OutboxEvent.Type.TIER_PROLONGED);
    qt().withFixedSeed(20261204L).withExamples(100)
        .forAll(LifecycleWorkloads.setups().assuming(s -> s.tiers() >= 2), steps())
        .checkAssert((setup, steps) -> {
          World w = new World(setup);
          List<Reads> live = runReadingLive(w, steps);
          // one write per card just after the last read records every move up to it, each with when it took effect
          w.clock.advance(Duration.ofNanos(1));
          for (CardCode code : w.cards) {
            w.engine.addPoints(code, 1, AddedPointsExpiry.never(), "close", null);
          }
          List<io.loyalty.spi.store.OutboxEvent> events = w.store.pending("history", tierTypes, 100_000);
          for (Reads then : live) {
            for (int c = 0; c < w.cards.size(); c++) {
              CardCode code = w.cards.get(c);
              io.loyalty.spi.TierId held = null;
              for (io.loyalty.spi.store.OutboxEvent e : events) {
                io.loyalty.spi.store.OutboxEvent.TierChange change = (io.loyalty.spi.store.OutboxEvent.TierChange) e.payload();
                Instant effective = change.effective() == null ? e.at() : change.effective();
                if (e.card().equals(code) && !effective.isAfter(then.at())) {
                  held = change.to();
                }
              }
              assertThat(java.util.Optional.ofNullable(held))
                  .as("tier events of %s up to %s after %s in %s: %s; ledger %s", code, then.at(), steps, setup,
                      events.stream().filter(e -> e.card().equals(code)).toList(), w.engine.ledger(code))
                  .isEqualTo(then.tiers().get(c).map(io.loyalty.spi.tier.Tier::id));
            }
          }
        });
  }

  /**
   * Runs the steps, reading everything live after each: a refusal (not enough points, nothing left to refund, a
   * rollback twice) writes nothing, and a read as of T answers after everything at T, so only the last read of an
   * instant is kept.
   */
  private static List<Reads> runReadingLive(World w, List<Step> steps) {
    List<Reads> live = new ArrayList<>();
    List<RedemptionId> redemptions = new ArrayList<>();
    for (Step step : steps) {
      w.clock.advance(step.waitOf());
      try {
        apply(w, step, redemptions);
      } catch (LoyaltyException refused) {
        // writes nothing
      }
      if (!live.isEmpty() && live.get(live.size() - 1).at().equals(w.now())) {
        live.remove(live.size() - 1);
      }
      live.add(read(w, w.now()));
    }
    return live;
  }

  private static void apply(World w, Step step, List<RedemptionId> redemptions) {
    CardCode card = w.card(step.a());
    switch (step.kind()) {
      case 0, 1, 2 -> w.pay(step.a(), step.a(), step.b());
      case 3 -> {
        List<PaidOrder> mine = w.ordersOf(step.a() % w.members.size());
        if (!mine.isEmpty()) {
          PaidOrder order = mine.get(step.b() % mine.size());
          List<RefundLine> lines = step.a() % 3 == 0 || !order.anyLeft() ? List.of() : order.pick(step.a(), step.b());
          w.engine.apply(new OrderRefunded(EventId.of(w.id("refund")), w.now(), w.members.get(order.member),
              order.event.order().id(), lines, null));
          order.refund(lines);
        }
      }
      case 4 -> w.engine.addPoints(card, 1 + step.a() % 200, w.addedExpiry(step.a(), step.b()), "goodwill", null);
      case 5 -> w.engine.removePoints(card, 1 + step.b() % 60, "correction", null);
      case 6 -> w.engine.transfer(card, w.card(step.a() + 1), 1 + step.b() % 60, "move", w.id("transfer"));
      case 7 -> {
        List<Lot> pending = w.pendingLots(card);
        if (!pending.isEmpty()) {
          Lot lot = pending.get(step.b() % pending.size());
          switch (step.a() % 3) {
            case 0 -> w.engine.activatePendingPoints(card, lot.id());
            case 1 -> w.engine.cancelPendingPoints(card, lot.id(), "order returned");
            default -> w.engine.adjustPendingPoints(card, lot.id(),
                lot.remaining() == 1 || step.b() % 2 == 0 ? 1 + step.b() % 50 : -(1 + step.b() % (lot.remaining() - 1)),
                "recount");
          }
        }
      }
      case 8 -> w.engine.sweep(Fixtures.PROGRAM, w.now());
      case 9 -> redemptions.add(w.engine.redeem(RedeemRequest.of(w.id("red"), card, LifecycleWorkloads.MUG)).id());
      case 10 -> {
        if (!redemptions.isEmpty()) {
          w.engine.rollback(redemptions.get(step.b() % redemptions.size()), "returned");
        }
      }
      default -> { // a host's tier override, for a while, open, or ended
        if (w.setup.tiers() > 0) {
          if (step.b() % 4 == 0) {
            w.engine.endTierOverride(card, "over");
          } else {
            List<io.loyalty.spi.tier.Tier> tiers = w.engine.program(Fixtures.PROGRAM).tiers();
            w.engine.overrideTier(card, tiers.get(step.b() % tiers.size()).id(),
                step.b() % 4 == 1 ? null : w.now().plus(Duration.ofDays(1 + step.b() % 20)), "by hand");
          }
        }
      }
    }
  }

  @Test
  void a_balance_or_pending_read_as_of_an_instant_made_later_equals_the_live_read_then() {
    qt().withFixedSeed(20261202L).withExamples(150)
        .forAll(lists().of(integers().between(0, 99)).ofSizeBetween(1, 30))
        .checkAssert(ops -> {
          MutableClock clock = new MutableClock(Fixtures.T0);
          LoyaltyEngine engine = LoyaltyEngine.builder().clock(clock).random(Fixtures.seeded(2)).build();
          engine.define(Fixtures.program(EarningRule.builder(RuleId.of("per_dollar"), Trigger.ORDER_PAID,
                  PointsFormula.proportional(new Measure.OrderAmount(), 100, 1)).pendingPoints(new PendingPoints(2)).build())
              .toBuilder().card(CardTemplate.DEFAULT.withExpiration(ExpirationRule.months(1))).build());
          CardCode card = engine.enrol(Fixtures.PROGRAM, CustomerId.of("alice")).code();
          List<Live> live = new ArrayList<>();
          for (int i = 0; i < ops.size(); i++) {
            int op = ops.get(i);
            try {
              if (op < 25) {
                engine.addPoints(card, 1 + op, AddedPointsExpiry.programRules(), "r", null);
              } else if (op < 40) {
                engine.removePoints(card, op - 24, "r", null);
              } else if (op < 60) {
                engine.apply(OrderPaid.of("e" + i, clock.instant(), Fixtures.customer("alice"),
                    Order.ofAmount("o" + i, "USD", 100L * op)));
              } else if (op < 70) {
                engine.sweep(card, clock.instant());
              } else {
                clock.advance(Duration.ofHours(7L * (op - 69)));
              }
            } catch (LoyaltyException refused) {
              // not enough points: a refusal writes nothing, and history must not care
            }
            // a read as of T answers after everything at T: only the last live read of an instant is its answer
            if (!live.isEmpty() && live.get(live.size() - 1).at().equals(clock.instant())) {
              live.remove(live.size() - 1);
            }
            live.add(new Live(clock.instant(), engine.balance(card), engine.pendingPoints(card, clock.instant())));
          }
          clock.advance(Duration.ofDays(40)); // everything lapses since: later reads must not rewrite the past
          engine.addPoints(card, 5, AddedPointsExpiry.never(), "later", null);
          for (Live l : live) {
            assertThat(engine.balance(card, l.at())).as("balance as of %s in %s", l.at(), ops).isEqualTo(l.balance());
            assertThat(engine.pendingPoints(card, l.at())).as("pending as of %s in %s", l.at(), ops)
                .isEqualTo(l.pending());
          }
        });
  }
}
