package io.loyalty.testkit;

import static io.loyalty.testkit.Changes.changes;
import static io.loyalty.testkit.PortWorld.assertRejectedAndUnchanged;
import static io.loyalty.testkit.StoreValues.T0;
import static io.loyalty.testkit.StoreValues.advanced;
import static io.loyalty.testkit.StoreValues.code;
import static io.loyalty.testkit.StoreValues.cust;
import static io.loyalty.testkit.StoreValues.entry;
import static io.loyalty.testkit.StoreValues.pid;
import static io.loyalty.testkit.StoreValues.redemption;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.loyalty.core.AddedPointsExpiry;
import io.loyalty.core.LoyaltyEngine;
import io.loyalty.spi.AssignmentId;
import io.loyalty.spi.CustomerId;
import io.loyalty.spi.ProgramId;
import io.loyalty.spi.RedemptionId;
import io.loyalty.spi.RuleId;
import io.loyalty.spi.card.Card;
import io.loyalty.spi.card.LedgerEntry;
import io.loyalty.spi.event.Customer;
import io.loyalty.spi.event.Order;
import io.loyalty.spi.event.OrderPaid;
import io.loyalty.spi.host.RewardFulfilment;
import io.loyalty.spi.program.CardPool;
import io.loyalty.spi.program.EarningRule;
import io.loyalty.spi.program.Measure;
import io.loyalty.spi.program.PointsFormula;
import io.loyalty.spi.program.Program;
import io.loyalty.spi.program.Trigger;
import io.loyalty.spi.reward.RedeemRequest;
import io.loyalty.spi.reward.Redemption;
import io.loyalty.spi.reward.Reward;
import io.loyalty.spi.reward.RewardAssignment;
import io.loyalty.spi.reward.RewardKind;
import io.loyalty.spi.store.CommitResult;
import io.loyalty.spi.store.LoyaltyStore;
import io.loyalty.spi.store.OutboxEvent;
import io.loyalty.spi.store.OutboxEvent.Type;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The outbox: a change set's events are committed with it or not at all, unique by id, read back as written, handed
 * to each consumer in commit order until that consumer acknowledges them, and the engine drives reward deliveries and
 * revocations from them so that none is lost by a crash or a refusal.
 */
@DisplayName("outbox: events committed if and only if their change is, in per-card order, acknowledged durably")
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
public abstract class OutboxContract extends StoreContract {
  private static final Set<Type> ALL = Set.of();
  /** The store of the current test, created by {@link #newStore()} before each test. */
  protected LoyaltyStore store;

  @BeforeEach
  void createStore() {
    store = newStore();
  }

  private static OutboxEvent added(String id, LedgerEntry entry) {
    return new OutboxEvent(id, Type.POINTS_ADDED, entry.card(), pid("P1"), T0, new OutboxEvent.Transaction(entry));
  }

  private static OutboxEvent joined(String id, String card) {
    return new OutboxEvent(id, Type.MEMBER_JOINED, code(card), pid("P1"), T0, new OutboxEvent.Membership(cust("cust1")));
  }

  /** Seeds the port world, then commits two changes of card A with an event each; returns those two events. */
  private List<OutboxEvent> twoCommits(Card a) {
    LedgerEntry k3 = entry("A", 3, "k3", null);
    LedgerEntry k4 = entry("A", 4, "k4", "ord1");
    OutboxEvent first = added("e1", k3);
    OutboxEvent second = added("e2", k4);
    Card a3 = advanced(a, 3);
    changes().write(a3).entry(k3).event(first).applyTo(store);
    changes().write(advanced(a3, 4)).entry(k4).event(second).event(joined("e3", "A")).applyTo(store);
    return List.of(first, second, joined("e3", "A"));
  }

  @Nested
  @DisplayName("writes")
  class Writes {
    @Test
    void events_are_pending_for_every_consumer_in_commit_order_and_read_back_as_written() {
      List<OutboxEvent> events = twoCommits(PortWorld.seed(store));
      assertThat(store.pending("relay", ALL, 10)).isEqualTo(events);
      assertThat(store.pending("other-consumer", ALL, 10)).isEqualTo(events);
    }

    @Test
    void a_redemption_payload_reads_back_as_written() {
      Card a = PortWorld.seed(store);
      Redemption r2 = redemption("r2", 1, "A", 5);
      OutboxEvent event = new OutboxEvent("redemption:r2:1", Type.REWARD_REDEEMED, a.code(), pid("P1"), T0,
          new OutboxEvent.RedemptionChange(r2));
      changes().write(StoreValues.next(a)).redemption(r2, 0).event(event).applyTo(store);
      assertThat(store.pending("relay", ALL, 10)).containsExactly(event);
    }

    @Test
    void tier_moves_read_back_as_written_with_their_tiers_or_none_and_their_instants() {
      Card a = PortWorld.seed(store);
      OutboxEvent joined = new OutboxEvent("tier:A#0", Type.TIER_JOINED, a.code(), pid("P1"), T0,
          new OutboxEvent.TierChange(cust("cust1"), null, io.loyalty.spi.TierId.of("ltr_b\u00e1sic"), 0));
      OutboxEvent up = new OutboxEvent("tier:A#3", Type.TIER_UPGRADED, a.code(), pid("P1"), T0,
          new OutboxEvent.TierChange(cust("cust1"), io.loyalty.spi.TierId.of("ltr_b\u00e1sic"),
              io.loyalty.spi.TierId.of("ltr_gold"), Long.MAX_VALUE));
      OutboxEvent left = new OutboxEvent("tier:A#4", Type.TIER_LEFT, a.code(), pid("P1"), T0,
          new OutboxEvent.TierChange(cust("cust1"), io.loyalty.spi.TierId.of("ltr_gold"), null, -5));
      java.time.Instant midnight = java.time.Instant.parse("2024-07-01T00:00:00.000000001Z");
      OutboxEvent prolonged = new OutboxEvent("tier:A@7.1", Type.TIER_PROLONGED, a.code(), pid("P1"), T0,
          new OutboxEvent.TierChange(cust("cust1"), io.loyalty.spi.TierId.of("ltr_gold"),
              io.loyalty.spi.TierId.of("ltr_gold"), 7, midnight, midnight.plusSeconds(86_400 * 92L)));
      OutboxEvent expiry = new OutboxEvent("tier:A@7.2", Type.TIER_EXPIRATION_CHANGED, a.code(), pid("P1"), T0,
          new OutboxEvent.TierChange(cust("cust1"), io.loyalty.spi.TierId.of("ltr_gold"),
              io.loyalty.spi.TierId.of("ltr_gold"), 7, null, midnight.plusSeconds(86_400 * 92L)));
      changes().write(StoreValues.next(a)).event(joined).event(up).event(left).event(prolonged).event(expiry)
          .applyTo(store);
      assertThat(store.pending("relay", ALL, 10)).containsExactly(joined, up, left, prolonged, expiry);
    }

    @Test
    void a_rejected_change_set_writes_none_of_its_events() {
      Card a = PortWorld.seed(store);
      // stale: card A is stored at version 2
      assertRejectedAndUnchanged(store, changes().write(advanced(a, 3), 1).entry(entry("A", 3, "k3", null))
          .event(added("e1", entry("A", 3, "k3", null))).build(), Answers.staleCard("A"));
      assertThat(store.pending("relay", ALL, 10)).isEmpty();
    }

    @Test
    void an_event_id_already_stored_is_a_duplicate_outbox_key_and_nothing_is_written() {
      Card a = PortWorld.seed(store);
      List<OutboxEvent> events = twoCommits(a);
      Card stored = store.card(a.code()).orElseThrow();
      assertRejectedAndUnchanged(store, changes().write(StoreValues.next(stored)).event(joined("e1", "A")).build(),
          Answers.outboxTaken("e1"));
      assertThat(store.pending("relay", ALL, 10)).isEqualTo(events);
    }

    @Test
    void one_event_id_twice_in_a_change_set_is_a_duplicate_outbox_key() {
      Card a = PortWorld.seed(store);
      assertRejectedAndUnchanged(store, changes().write(StoreValues.next(a)).event(joined("e9", "A"))
          .event(joined("e9", "A")).build(), Answers.outboxTaken("e9"));
    }
  }

  @Nested
  @DisplayName("consumers")
  class Consumers {
    @Test
    void an_acknowledged_event_is_no_longer_pending_for_that_consumer_only() {
      List<OutboxEvent> events = twoCommits(PortWorld.seed(store));
      store.acknowledge("relay", List.of("e1"));
      assertThat(store.pending("relay", ALL, 10)).isEqualTo(events.subList(1, 3));
      assertThat(store.pending("other-consumer", ALL, 10)).isEqualTo(events);
    }

    @Test
    void acknowledging_is_idempotent_and_ignores_unknown_ids() {
      List<OutboxEvent> events = twoCommits(PortWorld.seed(store));
      store.acknowledge("relay", List.of("e2", "no-such-event"));
      store.acknowledge("relay", List.of("e2"));
      store.acknowledge("relay", List.of());
      assertThat(store.pending("relay", ALL, 10)).containsExactly(events.get(0), events.get(2));
    }

    @Test
    void pending_keeps_to_the_types_asked_and_the_limit() {
      List<OutboxEvent> events = twoCommits(PortWorld.seed(store));
      assertThat(store.pending("relay", EnumSet.of(Type.MEMBER_JOINED), 10)).containsExactly(events.get(2));
      assertThat(store.pending("relay", EnumSet.of(Type.POINTS_ADDED, Type.POINTS_EXPIRED), 10))
          .isEqualTo(events.subList(0, 2));
      assertThat(store.pending("relay", ALL, 2)).isEqualTo(events.subList(0, 2));
      assertThat(store.pending("relay", EnumSet.of(Type.REWARD_DELIVERED), 10)).isEmpty();
    }

    @Test
    void an_acknowledgement_is_not_undone_by_later_commits() {
      Card a = PortWorld.seed(store);
      List<OutboxEvent> events = twoCommits(a);
      store.acknowledge("relay", List.of("e1", "e2", "e3"));
      Card stored = store.card(a.code()).orElseThrow();
      OutboxEvent later = joined("e4", "A");
      changes().write(StoreValues.next(stored)).event(later).applyTo(store);
      assertThat(store.pending("relay", ALL, 10)).containsExactly(later);
      assertThat(store.pending("audit", ALL, 10)).hasSize(events.size() + 1);
    }

    @Test
    void a_consumer_name_outside_the_documented_form_is_refused() {
      assertThrows(IllegalArgumentException.class, () -> store.pending("", ALL, 1));
      assertThrows(IllegalArgumentException.class, () -> store.pending("a b", ALL, 1));
      assertThrows(IllegalArgumentException.class, () -> store.acknowledge("x".repeat(101), List.of("e1")));
    }
  }

  @Nested
  @DisplayName("the engine's events")
  class EngineEvents {
    private static final ProgramId PROGRAM = ProgramId.of("camp_outbox");
    private static final AssignmentId COUPON_OFFER = AssignmentId.of("rewa_coupon");
    private final Reward coupon = Reward.of("rew_coupon", "Coupon", RewardKind.Campaign.coupon("camp_coupons"));

    private LoyaltyEngine engine(RewardFulfilment host) {
      return LoyaltyEngine.builder().store(store).clock(Clock.fixed(WorkloadPrograms.START, ZoneOffset.UTC))
          .random(WorkloadPrograms.seeded(3)).rewardFulfilment(host).build();
    }

    private void define(LoyaltyEngine engine) {
      engine.defineReward(coupon);
      engine.define(Program.builder(PROGRAM, "Outbox").pool(CardPool.growing(2)).autoJoin(true)
          .earningRule(EarningRule.builder(RuleId.of("per_euro"), Trigger.ORDER_PAID,
              PointsFormula.proportional(new Measure.OrderAmount(), 100, 1)).build())
          .reward(RewardAssignment.of(COUPON_OFFER.value(), coupon.id(), 5)).build());
    }

    private Card earn(LoyaltyEngine engine, String event, String customer, long cents) {
      engine.apply(OrderPaid.of(event, WorkloadPrograms.START, Customer.of(customer),
          Order.ofAmount("ord-" + event, "EUR", cents)));
      return engine.cardOf(PROGRAM, CustomerId.of(customer)).orElseThrow();
    }

    private RedeemRequest redeemCoupon(Card card, String id) {
      return RedeemRequest.of(id, card.code(), COUPON_OFFER);
    }

    @Test
    void an_order_a_redemption_and_its_rollback_leave_their_events_in_order() {
      LoyaltyEngine engine = engine(request -> "CPN-" + request.redemption());
      define(engine);
      Card card = earn(engine, "evt1", "cust_a", 2_000);
      Redemption r = engine.redeem(redeemCoupon(card, "red1"));
      engine.rollback(r.id(), "changed their mind");
      List<Type> types = store.pending("audit", ALL, 100).stream().filter(e -> e.card().equals(card.code()))
          .map(OutboxEvent::type).toList();
      assertThat(types).containsExactly(Type.MEMBER_JOINED, Type.POINTS_ADDED, Type.POINTS_REDEEMED,
          Type.REWARD_REDEEMED, Type.REWARD_DELIVERED, Type.POINTS_ADDED, Type.REWARD_ROLLED_BACK);
      OutboxInvariants.check(store, List.of(engine.card(card.code())), engine.redemptions(card.code()), "after a rollback");
      assertThat(store.pending("loyalty.fulfilment", EnumSet.of(Type.REWARD_REDEEMED, Type.REWARD_ROLLED_BACK), 10))
          .as("the engine's own consumer settled both").isEmpty();
    }

    @Test
    void a_delivery_cut_off_by_a_crash_is_made_once_by_recovery_on_another_engine() {
      LoyaltyEngine crashing = engine(request -> {
        throw new SimulatedCrash();
      });
      define(crashing);
      Card card = earn(crashing, "evt1", "cust_a", 2_000);
      assertThrows(SimulatedCrash.class, () -> crashing.redeem(redeemCoupon(card, "red1")));
      Redemption committed = store.redemption(RedemptionId.of("red1")).orElseThrow();
      assertThat(committed.fulfilment().status()).isEqualTo(Redemption.FulfilmentStatus.PENDING);

      List<RedemptionId> delivered = Collections.synchronizedList(new ArrayList<>());
      LoyaltyEngine restarted = engine(request -> {
        delivered.add(request.redemption());
        return "CPN-" + request.redemption();
      });
      assertThat(restarted.recoverOutbox(100)).isEqualTo(1);
      assertThat(restarted.recoverOutbox(100)).isZero();
      assertThat(delivered).containsExactly(RedemptionId.of("red1"));
      Redemption now = store.redemption(RedemptionId.of("red1")).orElseThrow();
      assertThat(now.fulfilment()).isEqualTo(new Redemption.Fulfilment(Redemption.FulfilmentStatus.COMPLETE, "CPN-red1"));
    }

    @Test
    void a_revocation_the_host_refuses_stays_pending_until_it_accepts() {
      AtomicInteger refusals = new AtomicInteger(2);
      List<String> revoked = Collections.synchronizedList(new ArrayList<>());
      RewardFulfilment host = new RewardFulfilment() {
        @Override
        public String fulfil(Request request) {
          return "CPN-" + request.redemption();
        }

        @Override
        public void revoke(Request request, String reference) {
          if (refusals.getAndDecrement() > 0) {
            throw new IllegalStateException("the coupon service is down");
          }
          revoked.add(reference);
        }
      };
      LoyaltyEngine engine = engine(host);
      define(engine);
      Card card = earn(engine, "evt1", "cust_a", 2_000);
      Redemption r = engine.redeem(redeemCoupon(card, "red1"));
      Redemption back = engine.rollback(r.id(), "changed their mind");
      assertThat(back.status()).isEqualTo(Redemption.Status.ROLLED_BACK);
      assertThat(revoked).isEmpty();
      assertThat(engine.recoverOutbox(100)).as("the host still refuses").isZero();
      assertThat(engine.recoverOutbox(100)).isEqualTo(1);
      assertThat(engine.recoverOutbox(100)).isZero();
      assertThat(revoked).containsExactly("CPN-red1");
    }

    @Test
    void racing_engines_leave_one_event_per_entry_in_each_cards_ledger_order() throws Exception {
      assumeTrue(supportsConcurrency(), "the adapter declares it does not support concurrent callers");
      LoyaltyEngine first = engine(request -> "CPN-" + request.redemption());
      LoyaltyEngine second = engine(request -> "CPN-" + request.redemption());
      define(first);
      Card card = first.enrol(PROGRAM, CustomerId.of("cust_a"));
      int perThread = Math.max(8, budget().opsPerThread() / 4);
      List<java.util.concurrent.Callable<Integer>> tasks = new ArrayList<>();
      for (int t = 0; t < budget().threads(); t++) {
        int thread = t;
        LoyaltyEngine engine = thread % 2 == 0 ? first : second;
        tasks.add(() -> {
          for (int i = 0; i < perThread; i++) {
            engine.addPoints(card.code(), 3, AddedPointsExpiry.never(), "race", "src-" + thread + "-" + i);
            if (i % 4 == 3) {
              engine.redeem(redeemCoupon(card, "red-" + thread + "-" + i));
            }
          }
          return thread;
        });
      }
      Race.run(tasks.size(), tasks);
      OutboxInvariants.check(store, List.of(first.card(card.code())), first.redemptions(card.code()), "after the race");
    }
  }

  /** Stands for the process dying inside the host call: not an exception the engine handles. */
  static final class SimulatedCrash extends Error {
    private static final long serialVersionUID = 1L;

    SimulatedCrash() {
      super("the process died while the host was delivering", null, false, false);
    }
  }
}
