package io.loyalty.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.longs;

import io.loyalty.spi.AssignmentId;
import io.loyalty.spi.CustomerId;
import io.loyalty.spi.ProductId;
import io.loyalty.spi.card.Card;
import io.loyalty.spi.card.Lot;
import io.loyalty.spi.event.Order;
import io.loyalty.spi.program.CardPool;
import io.loyalty.spi.program.Program;
import io.loyalty.spi.reward.RedeemRequest;
import io.loyalty.spi.reward.Redemption;
import io.loyalty.spi.reward.Reward;
import io.loyalty.spi.reward.RewardAssignment;
import io.loyalty.spi.reward.RewardKind;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Redemption invariants over random balances, lots and prices (QuickTheories, fixed seeds). */
class RewardProperties {
  static final Instant START = Instant.parse("2026-04-01T10:00:00Z");

  record World(LoyaltyEngine engine, Card card, MutableClock clock) {}

  /** A card with lots of the given sizes, expiring on different days (or never), and rewards of the given price. */
  static World world(List<Long> lots, long price) {
    MutableClock clock = new MutableClock(START);
    LoyaltyEngine engine = LoyaltyEngine.builder().clock(clock).random(Fixtures.seeded(21)).build();
    Reward gift = Reward.of("rew_gift", "Gift", new RewardKind.Material(ProductId.of("prod_gift"), null)).withStock(3L);
    Reward coin = Reward.of("rew_coin", "Coin", new RewardKind.Coin(new BigDecimal("1.5"), 7));
    engine.defineReward(gift);
    engine.defineReward(coin);
    engine.define(Program.builder(Fixtures.PROGRAM, "p").pool(CardPool.growing(5))
        .reward(RewardAssignment.of("rewa_gift", gift.id(), price))
        .reward(RewardAssignment.payWithPoints("rewa_coin", coin.id())).build());
    Card card = engine.enrol(Fixtures.PROGRAM, CustomerId.of("alice"));
    for (int i = 0; i < lots.size(); i++) {
      AddedPointsExpiry expiry = i % 3 == 0 ? AddedPointsExpiry.never() : AddedPointsExpiry.on(LocalDate.of(2026, 5, 1 + i % 27));
      engine.addPoints(card.code(), lots.get(i), expiry, "lot " + i, null);
    }
    return new World(engine, card, clock);
  }

  record Snapshot(long balance, CardSummaryCounts counts, List<Lot> lots, long redemptions, long stock) {}

  record CardSummaryCounts(long redeemed, long points, long pending) {}

  static Snapshot snapshot(World w) {
    CardSummary s = w.engine.summary(w.card.code());
    return new Snapshot(w.engine.balance(w.card.code()), new CardSummaryCounts(s.redeemed(), s.points(), s.pending()),
        w.engine.card(w.card.code()).lots(), w.engine.card(w.card.code()).redemptions(),
        w.engine.reward(io.loyalty.spi.RewardId.of("rew_gift")).redeemed());
  }

  @Test
  void redeem_then_rollback_restores_every_counter_and_lot() {
    qt().withFixedSeed(41L).withExamples(150)
        .forAll(lists().of(longs().between(1, 500)).ofSizeBetween(1, 8), longs().between(1, 1_500))
        .checkAssert((lots, price) -> {
          World w = world(lots, price);
          Snapshot before = snapshot(w);
          Redemption r = w.engine.redeem(RedeemRequest.of("r1", w.card.code(), AssignmentId.of("rewa_gift")));
          long total = lots.stream().mapToLong(Long::longValue).sum();
          assertThat(r.succeeded()).isEqualTo(price <= total);
          if (r.succeeded()) {
            assertThat(w.engine.balance(w.card.code())).isEqualTo(total - price);
            assertThat(r.draws().stream().mapToLong(d -> d.points()).sum()).isEqualTo(price);
            w.engine.rollback(r.id(), "property");
          }
          assertThat(snapshot(w)).isEqualTo(before);
        });
  }

  @Test
  void the_same_idempotency_key_twice_is_once() {
    qt().withFixedSeed(43L).withExamples(100)
        .forAll(lists().of(longs().between(1, 500)).ofSizeBetween(1, 5), longs().between(1, 800), integers().between(2, 4))
        .checkAssert((lots, price, times) -> {
          World w = world(lots, price);
          Redemption first = w.engine.redeem(RedeemRequest.of("k", w.card.code(), AssignmentId.of("rewa_gift")));
          Snapshot after = snapshot(w);
          for (int i = 1; i < times; i++) {
            assertThat(w.engine.redeem(RedeemRequest.of("k", w.card.code(), AssignmentId.of("rewa_gift")))).isEqualTo(first);
          }
          assertThat(snapshot(w)).isEqualTo(after);
        });
  }

  @Test
  void pay_with_points_never_discounts_more_than_the_order_nor_spends_more_than_the_balance() {
    qt().withFixedSeed(47L).withExamples(200)
        .forAll(lists().of(longs().between(1, 5_000)).ofSizeBetween(1, 4), longs().between(1, 200_000))
        .checkAssert((lots, amount) -> {
          World w = world(lots, 10);
          long balance = w.engine.balance(w.card.code());
          Redemption r = w.engine.redeem(RedeemRequest.payWithPoints("c", w.card.code(), AssignmentId.of("rewa_coin"),
              Order.ofAmount("o", "USD", amount), null));
          assertThat(r.succeeded()).isTrue();
          assertThat(r.points()).isBetween(1L, balance);
          assertThat(r.discount()).isBetween(0L, amount);
          // 7 points are worth 1.50: the discount is the points' value, rounded down, capped by the order
          long value = r.points() * 150 / 7;
          assertThat(r.discount()).isEqualTo(Math.min(amount, value));
          assertThat(r.order().totalAmount()).isEqualTo(amount - r.discount());
          assertThat(w.engine.balance(w.card.code())).isEqualTo(balance - r.points());
        });
  }

  @Test
  void a_rollback_after_expiry_never_gives_back_more_than_was_taken() {
    qt().withFixedSeed(53L).withExamples(100)
        .forAll(lists().of(longs().between(1, 500)).ofSizeBetween(2, 8), longs().between(1, 400), integers().between(0, 60))
        .checkAssert((lots, price, days) -> {
          World w = world(lots, price);
          Redemption r = w.engine.redeem(RedeemRequest.of("r", w.card.code(), AssignmentId.of("rewa_gift")));
          if (!r.succeeded()) {
            return;
          }
          w.clock.advance(Duration.ofDays(days));
          long before = w.engine.balance(w.card.code());
          w.engine.rollback(r.id(), "later");
          assertThat(w.engine.balance(w.card.code())).isEqualTo(before + price);
          assertThat(w.engine.card(w.card.code()).lots()).allSatisfy(l -> assertThat(l.remaining()).isBetween(0L, l.initial()));
        });
  }
}
