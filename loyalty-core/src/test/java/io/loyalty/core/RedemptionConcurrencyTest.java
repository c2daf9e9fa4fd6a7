package io.loyalty.core;

import static org.assertj.core.api.Assertions.assertThat;

import io.loyalty.spi.AssignmentId;
import io.loyalty.spi.CustomerId;
import io.loyalty.spi.ProductId;
import io.loyalty.spi.card.Card;
import io.loyalty.spi.card.LedgerEntry;
import io.loyalty.spi.program.CardPool;
import io.loyalty.spi.program.Program;
import io.loyalty.spi.reward.RedeemRequest;
import io.loyalty.spi.reward.Redemption;
import io.loyalty.spi.reward.Reward;
import io.loyalty.spi.reward.RewardAssignment;
import io.loyalty.spi.reward.RewardKind;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Real threads racing redemptions: no overdrawn card, no oversold stock, every request ends clearly. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class RedemptionConcurrencyTest {
  final ExecutorService pool = Executors.newFixedThreadPool(8);
  final MutableClock clock = new MutableClock(Instant.parse("2026-04-01T10:00:00Z"));
  final Reward gift = Reward.of("rew_gift", "Gift", new RewardKind.Material(ProductId.of("prod_gift"), null));
  final Reward limited = Reward.of("rew_limited", "Limited", new RewardKind.Material(ProductId.of("prod_limited"), null))
      .withStock(25L);
  LoyaltyEngine engine;

  @AfterEach
  void shutDown() throws InterruptedException {
    pool.shutdownNow();
    assertThat(pool.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
  }

  void setUp() {
    engine = LoyaltyEngine.builder().clock(clock).random(Fixtures.seeded(13)).build();
    engine.defineReward(gift);
    engine.defineReward(limited);
    engine.define(Program.builder(Fixtures.PROGRAM, "p").pool(CardPool.growing(50))
        .reward(RewardAssignment.of("rewa_gift", gift.id(), 30))
        .reward(RewardAssignment.of("rewa_limited", limited.id(), 10)).build());
  }

  List<Redemption> race(List<Callable<Redemption>> tasks) throws Exception {
    CountDownLatch gate = new CountDownLatch(1);
    List<Future<Redemption>> futures = new ArrayList<>();
    for (Callable<Redemption> task : tasks) {
      futures.add(pool.submit(() -> {
        gate.await();
        return task.call();
      }));
    }
    gate.countDown();
    List<Redemption> results = new ArrayList<>();
    for (Future<Redemption> f : futures) {
      results.add(f.get(50, TimeUnit.SECONDS));
    }
    return results;
  }

  @Test
  void many_redemptions_on_one_card_never_overdraw_it() throws Exception {
    setUp();
    Card card = engine.enrol(Fixtures.PROGRAM, CustomerId.of("alice"));
    engine.addPoints(card.code(), 1_000, AddedPointsExpiry.never(), "seed", null);
    List<Callable<Redemption>> tasks = new ArrayList<>();
    for (int i = 0; i < 200; i++) {
      String key = "r" + i;
      tasks.add(() -> engine.redeem(RedeemRequest.of(key, card.code(), AssignmentId.of("rewa_gift"))));
    }
    List<Redemption> results = race(tasks);
    long succeeded = results.stream().filter(Redemption::succeeded).count();
    assertThat(succeeded).isEqualTo(33); // floor(1 000 / 30)
    assertThat(results).filteredOn(r -> !r.succeeded())
        .allSatisfy(r -> assertThat(r.failureCode()).isEqualTo("loyalty_card_points_exceeded"));
    assertThat(engine.balance(card.code())).isEqualTo(1_000 - 33 * 30);
    assertThat(engine.card(card.code()).redemptions()).isEqualTo(33);
    assertThat(engine.ledger(card.code()).stream().mapToLong(LedgerEntry::points).sum()).isEqualTo(10);
    assertThat(engine.redemptions(card.code())).hasSize(200);
  }

  @Test
  void many_members_racing_for_a_limited_reward_never_oversell_it() throws Exception {
    setUp();
    List<Card> cards = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      Card card = engine.enrol(Fixtures.PROGRAM, CustomerId.of("c" + i));
      engine.addPoints(card.code(), 25, AddedPointsExpiry.never(), "seed", null);
      cards.add(card);
    }
    List<Callable<Redemption>> tasks = new ArrayList<>();
    for (int round = 0; round < 2; round++) {
      for (Card card : cards) {
        String key = card.code() + "-" + round;
        tasks.add(() -> engine.redeem(RedeemRequest.of(key, card.code(), AssignmentId.of("rewa_limited"))));
      }
    }
    List<Redemption> results = race(tasks);
    assertThat(results.stream().filter(Redemption::succeeded).count()).isEqualTo(25);
    assertThat(engine.reward(limited.id()).redeemed()).isEqualTo(25);
    assertThat(results).filteredOn(r -> !r.succeeded()).extracting(Redemption::failureCode)
        .isSubsetOf("reward_out_of_stock", "loyalty_card_points_exceeded");
    for (Card card : cards) {
      long balance = engine.balance(card.code());
      assertThat(balance).isGreaterThanOrEqualTo(0);
      long held = engine.redemptions(card.code()).stream().filter(Redemption::succeeded).count();
      assertThat(balance).isEqualTo(25 - 10 * held);
    }
  }

  @Test
  void the_same_request_sent_by_many_threads_redeems_once() throws Exception {
    setUp();
    Card card = engine.enrol(Fixtures.PROGRAM, CustomerId.of("alice"));
    engine.addPoints(card.code(), 100, AddedPointsExpiry.never(), "seed", null);
    List<Callable<Redemption>> tasks = new ArrayList<>();
    for (int i = 0; i < 16; i++) {
      tasks.add(() -> engine.redeem(RedeemRequest.of("same", card.code(), AssignmentId.of("rewa_gift"))));
    }
    List<Redemption> results = race(tasks);
    assertThat(results).allSatisfy(r -> assertThat(r).isEqualTo(results.get(0)));
    assertThat(engine.balance(card.code())).isEqualTo(70);
  }

  @Test
  void racing_rollbacks_of_one_redemption_give_back_once() throws Exception {
    setUp();
    Card card = engine.enrol(Fixtures.PROGRAM, CustomerId.of("alice"));
    engine.addPoints(card.code(), 100, AddedPointsExpiry.never(), "seed", null);
    Redemption r = engine.redeem(RedeemRequest.of("one", card.code(), AssignmentId.of("rewa_gift")));
    List<Callable<Redemption>> tasks = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      tasks.add(() -> {
        try {
          return engine.rollback(r.id(), "undo");
        } catch (AlreadyRolledBackException e) {
          return null;
        }
      });
    }
    List<Redemption> results = race(tasks);
    assertThat(results.stream().filter(java.util.Objects::nonNull)).hasSize(1);
    assertThat(engine.balance(card.code())).isEqualTo(100);
    assertThat(engine.reward(gift.id()).redeemed()).isZero();
  }
}
