package io.loyalty.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.longs;

import io.loyalty.spi.CardCode;
import io.loyalty.spi.CustomerId;
import io.loyalty.spi.EventId;
import io.loyalty.spi.LoyaltyException;
import io.loyalty.spi.Metadata;
import io.loyalty.spi.OrderId;
import io.loyalty.spi.RedemptionId;
import io.loyalty.spi.SegmentId;
import io.loyalty.spi.card.LedgerEntry;
import io.loyalty.spi.event.Customer;
import io.loyalty.spi.event.Order;
import io.loyalty.spi.event.OrderItem;
import io.loyalty.spi.event.OrderPaid;
import io.loyalty.spi.program.Condition;
import io.loyalty.spi.reward.RedeemRequest;
import io.loyalty.spi.reward.Redemption;
import io.loyalty.spi.reward.Reward;
import io.loyalty.spi.reward.RewardAssignment;
import io.loyalty.spi.reward.RewardKind;
import io.loyalty.spi.AssignmentId;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Currency;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/**
 * Hostile values at every public write entry of the engine, in random sequences: each call either succeeds or
 * throws one of the library's typed errors, a refused call changes nothing, and no sequence of calls creates
 * points that no earning, addition or rollback accounts for.
 */
class HostileEntryProperties {
  private static final Reward COIN = Reward.of("rew_coin", "100 = $1", new RewardKind.Coin(new BigDecimal("1"), 100));
  private static final Reward GIFT = Reward.of("rew_gift", "Gift", new RewardKind.Material(
      io.loyalty.spi.ProductId.of("prod_gift"), null));
  private static final SegmentId VIP = SegmentId.of("seg_vip");

  /** One call of the public API, described for a failure report. */
  record Call(String description, Function<World, Object> action) {
    @Override
    public String toString() {
      return description;
    }
  }

  /** The engine and the two members' cards a sequence works on. */
  record World(LoyaltyEngine engine, MutableClock clock, CardCode alice, CardCode bob) {}

  private static World world() {
    MutableClock clock = new MutableClock(Fixtures.T0);
    LoyaltyEngine engine = LoyaltyEngine.builder().clock(clock).random(Fixtures.seeded(5)).build();
    engine.defineReward(COIN);
    engine.defineReward(GIFT);
    engine.define(Fixtures.program(Fixtures.perAmount("per_dollar", 100, 1)).toBuilder()
        .rewards(List.of(RewardAssignment.payWithPoints("rewa_coin", COIN.id()),
            RewardAssignment.of("rewa_vip", GIFT.id(), 10).when(new Condition.InSegment(Set.of(VIP)))))
        .build());
    CardCode alice = engine.enrol(Fixtures.PROGRAM, CustomerId.of("alice")).code();
    CardCode bob = engine.enrol(Fixtures.PROGRAM, CustomerId.of("bob")).code();
    engine.addPoints(alice, 1_000, AddedPointsExpiry.never(), "seed", null);
    engine.addPoints(bob, 1_000, AddedPointsExpiry.never(), "seed", null);
    return new World(engine, clock, alice, bob);
  }

  private static Gen<Long> points() {
    return Generate.pick(List.of(Long.MIN_VALUE, -1_000_000L, -500L, -1L, 0L, 1L, 7L, 100L, 999L, 1_000L, 5_000L,
        Long.MAX_VALUE / 2, Long.MAX_VALUE)).mix(longs().between(-2_000, 2_000), 40);
  }

  private static Gen<String> texts() {
    return Generate.pick(List.of("", "ok", "a\u0000b", "\uD800", "evil\u202E", "line\nbreak", "\uD83D\uDE00",
        "r".repeat(1_000), "r".repeat(1_001), "x".repeat(100_000)));
  }

  private static Gen<String> ids() {
    return Generate.pick(List.of("src_1", "src_2", "A:1", "accrual:x", "auto:evt", "s\u200B", "s\uDC00",
        "i".repeat(200), "i".repeat(201)));
  }

  private static Gen<Instant> instants() {
    return Generate.pick(List.of(Instant.MIN, Instant.MAX, Instant.EPOCH, Fixtures.T0,
        Fixtures.T0.plus(Duration.ofMinutes(1)), Fixtures.T0.plus(Duration.ofDays(1)),
        Fixtures.T0.plus(Duration.ofDays(400)), Fixtures.T0.minus(Duration.ofDays(30)),
        Fixtures.T0.minus(Duration.ofDays(4_000)), Instant.parse("+100000-01-01T00:00:00Z")));
  }

  private static Gen<Call> calls() {
    Gen<Boolean> which = Generate.booleans();
    Gen<Call> add = which.zip(points(), texts(), (a, p, r) -> new Call("addPoints(" + p + ", reason of "
        + r.length() + ")", w -> w.engine().addPoints(a ? w.alice() : w.bob(), p, AddedPointsExpiry.never(), r, null)));
    Gen<Call> addSourced = points().zip(ids(), (p, s) -> new Call("addPoints(" + p + ", source " + s.length() + ")",
        w -> w.engine().addPoints(w.alice(), p, AddedPointsExpiry.programRules(), "r", s)));
    Gen<Call> addUntil = points().zip(Generate.pick(List.of(LocalDate.MIN, LocalDate.MAX, LocalDate.EPOCH,
        LocalDate.of(2024, 3, 10), LocalDate.of(9999, 12, 31))), (p, d) -> new Call("addPoints(" + p + ", until " + d
        + ")", w -> w.engine().addPoints(w.bob(), p, AddedPointsExpiry.on(d), "r", null)));
    Gen<Call> remove = points().zip(ids(), (p, s) -> new Call("removePoints(" + p + ")",
        w -> w.engine().removePoints(w.alice(), p, "r", s)));
    Gen<Call> transfer = points().zip(ids(), (p, s) -> new Call("transfer(" + p + ", source " + s.length() + ")",
        w -> w.engine().transfer(w.alice(), w.bob(), p, "r", s)));
    Gen<Call> pending = longs().between(-3, 10).zip(points(), (lot, d) -> new Call("adjustPending(" + lot + ", " + d
        + ")", w -> w.engine().adjustPendingPoints(w.alice(), lot, d, "r")));
    Gen<Call> activate = longs().between(-3, 10).map(lot -> new Call("activatePending(" + lot + ")",
        w -> w.engine().activatePendingPoints(w.bob(), lot)));
    Gen<Call> pay = points().zip(longs().between(-5_000, 50_000), integers().between(0, 99), (p, total, n) ->
        new Call("payWithPoints(" + p + ", order total " + total + ")", w -> w.engine().redeem(
            new RedeemRequest(RedemptionId.of("red_" + n), w.alice(), AssignmentId.of("rewa_coin"), p,
                new Order(OrderId.of("ord_pay_" + n), Currency.getInstance("USD"), Math.max(total, 0), total,
                    List.of(), Metadata.EMPTY), Metadata.EMPTY, null))));
    Gen<Call> payNullCurrency = integers().between(0, 9).map(n -> new Call("payWithPoints(no currency)",
        w -> w.engine().redeem(new RedeemRequest(RedemptionId.of("nc_" + n), w.alice(), AssignmentId.of("rewa_coin"),
            10L, new Order(OrderId.of("ord_nc"), null, 100, 100, List.of(), Metadata.EMPTY), Metadata.EMPTY, null))));
    Gen<Call> byOther = integers().between(0, 9).map(n -> new Call("redeem segment reward as another customer",
        w -> w.engine().redeem(RedeemRequest.of("vip_" + n, w.bob(), AssignmentId.of("rewa_vip"))
            .by(Customer.of("alice").inSegments(VIP)))));
    Gen<Call> paid = instants().zip(longs().between(-100, 1_000_000), integers().between(0, 99), (at, amount, n) ->
        new Call("apply order paid at " + at + " of " + amount, w -> w.engine().apply(new OrderPaid(
            EventId.of("evt_" + n), at, Customer.of("alice"), new Order(OrderId.of("ord_" + n),
            Currency.getInstance("USD"), amount, amount, List.of(OrderItem.product("prod_1", 1, Math.max(amount, 0))),
            Metadata.EMPTY), null))));
    Gen<Call> reads = instants().map(at -> new Call("reads as of " + at, w -> {
      w.engine().balance(w.alice(), at);
      w.engine().summary(w.alice(), at);
      w.engine().lots(w.alice(), at);
      w.engine().expirySchedule(w.alice(), at);
      return w.engine().liability(Fixtures.PROGRAM, at);
    }));
    Gen<Call> sweep = instants().map(at -> new Call("sweep as of " + at, w -> w.engine().sweep(w.bob(), at)));
    Gen<Call> tick = integers().between(0, 40).map(days -> new Call("clock +" + days + " days", w -> {
      w.clock().advance(Duration.ofDays(days));
      return days;
    }));
    return Generate.oneOf(add, addSourced, addUntil, remove, transfer, pending, activate, pay, payNullCurrency, byOther,
        paid, reads, sweep, tick);
  }

  private record Snapshot(long alice, long bob, List<LedgerEntry> aliceLedger, List<LedgerEntry> bobLedger,
      List<Redemption> redemptions) {
    static Snapshot of(World w) {
      return new Snapshot(w.engine().balance(w.alice()), w.engine().balance(w.bob()), w.engine().ledger(w.alice()),
          w.engine().ledger(w.bob()), w.engine().redemptions(w.alice()));
    }
  }

  @Test
  void hostile_calls_either_succeed_or_throw_a_typed_error_and_a_refused_call_changes_nothing() {
    qt().withFixedSeed(20261202L).withExamples(300).forAll(lists().of(calls()).ofSizeBetween(1, 12))
        .checkAssert(sequence -> {
          World w = world();
          for (Call call : sequence) {
            Snapshot before = Snapshot.of(w);
            try {
              call.action().apply(w);
            } catch (LoyaltyException refused) {
              assertThat(refused.getMessage()).as(call.description()).hasSizeLessThan(1_000).doesNotContain("alice");
              assertThat(Snapshot.of(w)).as(call.description()).isEqualTo(before);
            } catch (RuntimeException | Error untyped) {
              throw new AssertionError(call.description() + " threw " + untyped, untyped);
            }
          }
        });
  }

  @Test
  void no_sequence_of_hostile_calls_creates_points_that_nothing_accounts_for() {
    qt().withFixedSeed(7_20261202L).withExamples(300).forAll(lists().of(calls()).ofSizeBetween(1, 12))
        .checkAssert(sequence -> {
          World w = world();
          long granted = 2_000;
          for (Call call : sequence) {
            Object result;
            try {
              result = call.action().apply(w);
            } catch (LoyaltyException refused) {
              continue;
            }
            if (result instanceof LedgerEntry entry && call.description().startsWith("addPoints")) {
              granted += entry.points();
              assertThat(entry.points()).as(call.description()).isPositive();
            } else if (result instanceof io.loyalty.spi.earning.EventOutcome outcome) {
              granted += outcome.points();
              assertThat(outcome.points()).as(call.description()).isNotNegative();
            }
          }
          long now = w.engine().balance(w.alice()) + w.engine().balance(w.bob());
          assertThat(now).as("%s", sequence).isLessThanOrEqualTo(granted);
          for (Redemption r : w.engine().redemptions(w.alice())) {
            assertThat(r.points()).as("%s", sequence).isNotNegative();
            assertThat(r.discount()).as("%s", sequence).isNotNegative();
            if (r.failureCode() != null) {
              assertThat(io.loyalty.spi.ErrorCode.ofKey(r.failureCode())).as(r.failureCode()).isPresent();
            }
          }
        });
  }
}
