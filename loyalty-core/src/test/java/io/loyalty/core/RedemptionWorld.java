package io.loyalty.core;

import io.loyalty.spi.AssignmentId;
import io.loyalty.spi.CustomerId;
import io.loyalty.spi.ProductId;
import io.loyalty.spi.SegmentId;
import io.loyalty.spi.card.Card;
import io.loyalty.spi.card.LedgerEntry;
import io.loyalty.spi.card.Lot;
import io.loyalty.spi.program.CardPool;
import io.loyalty.spi.program.Condition;
import io.loyalty.spi.program.Program;
import io.loyalty.spi.reward.Redemption;
import io.loyalty.spi.reward.Reward;
import io.loyalty.spi.reward.RewardAssignment;
import io.loyalty.spi.reward.RewardKind;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * A program with a pay-with-points reward ("100 = $20"), a material reward at 50 points and a reward only the
 * VIP segment may redeem, and two members: alice (the card under test, 2,000 points, not a VIP) and bob (a VIP).
 */
record RedemptionWorld(LoyaltyEngine engine, Card card, Card other) {
  static final Instant NOW = Instant.parse("2026-04-01T10:00:00Z");
  static final AssignmentId COIN = AssignmentId.of("rewa_coin");
  static final AssignmentId MUG = AssignmentId.of("rewa_mug");
  static final AssignmentId VIP_ONLY = AssignmentId.of("rewa_vip");
  static final SegmentId VIPS = SegmentId.of("seg_vip");
  static final CustomerId ALICE = CustomerId.of("cust_alice");
  static final CustomerId BOB = CustomerId.of("cust_bob");

  static RedemptionWorld create() {
    LoyaltyEngine engine = LoyaltyEngine.builder().clock(new MutableClock(NOW)).random(Fixtures.seeded(5)).build();
    Reward coin = Reward.of("rew_coin", "100 = $20", new RewardKind.Coin(new BigDecimal("20"), 100));
    Reward mug = Reward.of("rew_mug", "Mug", new RewardKind.Material(ProductId.of("prod_mug"), null));
    engine.defineReward(coin);
    engine.defineReward(mug);
    engine.define(Program.builder(Fixtures.PROGRAM, "Loyalty").pool(CardPool.growing(4))
        .reward(RewardAssignment.payWithPoints(COIN.value(), coin.id()))
        .reward(RewardAssignment.of(MUG.value(), mug.id(), 50))
        .reward(RewardAssignment.of(VIP_ONLY.value(), mug.id(), 10).when(new Condition.InSegment(Set.of(VIPS))))
        .build());
    Card alice = engine.enrol(Fixtures.PROGRAM, ALICE);
    Card bob = engine.enrol(Fixtures.PROGRAM, BOB);
    engine.addPoints(alice.code(), 2_000, AddedPointsExpiry.never(), "balance", null);
    engine.addPoints(bob.code(), 2_000, AddedPointsExpiry.never(), "balance", null);
    return new RedemptionWorld(engine, alice, bob);
  }

  /** Everything a rejected request must leave as it was, on both cards. */
  State state() {
    return new State(engine.balance(card.code()), engine.ledger(card.code()), engine.card(card.code()).lots(),
        engine.redemptions(card.code()), engine.balance(other.code()), engine.ledger(other.code()));
  }

  record State(long balance, List<LedgerEntry> ledger, List<Lot> lots, List<Redemption> redemptions, long otherBalance,
      List<LedgerEntry> otherLedger) {}
}
