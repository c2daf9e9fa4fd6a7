package io.loyalty.examples;

import io.loyalty.core.AddedPointsExpiry;
import io.loyalty.core.CardSummary;
import io.loyalty.core.LoyaltyEngine;
import io.loyalty.core.MemberReward;
import io.loyalty.spi.AssignmentId;
import io.loyalty.spi.CustomerId;
import io.loyalty.spi.ProductId;
import io.loyalty.spi.card.Card;
import io.loyalty.spi.event.Order;
import io.loyalty.spi.program.CardPool;
import io.loyalty.spi.program.CardTemplate;
import io.loyalty.spi.program.CodeConfig;
import io.loyalty.spi.program.Program;
import io.loyalty.spi.reward.RedeemRequest;
import io.loyalty.spi.reward.Redemption;
import io.loyalty.spi.reward.Reward;
import io.loyalty.spi.reward.RewardAssignment;
import io.loyalty.spi.reward.RewardKind;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

/**
 * The tutorial's rewards: a catalog ("5$ discount" coupon, a mug with limited stock, pay with points "100 =
 * $20"), the tutorial's redemption (2000 points, a 50-point reward: 1950 left), a failed redemption, a
 * pay-with-points order and a rollback.
 */
public final class RewardsTour {
  private final PrintStream out;

  RewardsTour(PrintStream out) {
    this.out = out;
  }

  /** Runs the tour, printing to standard output. */
  public static void main(String[] args) {
    new RewardsTour(System.out).run();
  }

  void run() {
    Clock clock = Clock.fixed(Instant.parse("2019-04-19T13:17:04Z"), ZoneOffset.UTC);
    int[] coupons = {0};
    LoyaltyEngine engine = LoyaltyEngine.builder().clock(clock)
        .rewardFulfilment(request -> "5OFF-" + (1000 + ++coupons[0])) // the host's coupon campaign issues a code
        .build();
    Reward fiveOff = engine.defineReward(Reward.of("rew_2yGflHThU2yJwFECEFKrXBI2", "5$ discount",
        RewardKind.Campaign.coupon("camp_gtNM5oQJybruzANwYv1mgHk6")));
    Reward mug = engine.defineReward(Reward.of("rew_mug", "ACME mug",
        new RewardKind.Material(ProductId.of("prod_mug"), null)).withStock(1L));
    Reward coin = engine.defineReward(Reward.of("rew_coin", "100 = $20", new RewardKind.Coin(new BigDecimal("20"), 100)));
    Program program = engine.define(Program.builder(SeedProgram.ACME, "ACME Loyalty Program").pool(CardPool.growing(10))
        .card(CardTemplate.DEFAULT.withCodeConfig(CodeConfig.pattern("ACME-CARD-#######")))
        .reward(RewardAssignment.of("rewa_ilF45izuc5BS1mp6ydyivfXs", fiveOff.id(), 50))
        .reward(RewardAssignment.of("rewa_mug", mug.id(), 300))
        .reward(RewardAssignment.payWithPoints("rewa_coin", coin.id()))
        .build());
    Card card = engine.enrol(program.id(), CustomerId.of("test-user@voucherify.io"));
    engine.addPoints(card.code(), 2_000, AddedPointsExpiry.programRules(), "tutorial: set the balance", null);
    out.printf("%nCatalog of %s for %s (balance %d):%n", program.id(), card.code(), engine.balance(card.code()));
    for (MemberReward r : engine.rewards(card.code(), false)) {
      out.printf("  %-30s %-8s %s%n", r.assignment().id(), r.points() == null ? "any" : r.points() + " pts", r.reward().name());
    }

    Redemption tutorial = engine.redeem(RedeemRequest.of("req-tutorial", card.code(),
        AssignmentId.of("rewa_ilF45izuc5BS1mp6ydyivfXs")));
    CardSummary s = engine.summary(card.code());
    out.printf("Redeemed \"%s\": %s, %d points, coupon %s -> points %d, balance %d, redeemed quantity %d, redeemed points %d%n",
        fiveOff.name(), tutorial.status(), tutorial.points(), tutorial.fulfilment().reference(), s.points(), s.balance(),
        engine.card(card.code()).redemptions(), s.redeemed());
    out.printf("The same request again returns the first result: %s%n",
        engine.redeem(RedeemRequest.of("req-tutorial", card.code(), AssignmentId.of("rewa_ilF45izuc5BS1mp6ydyivfXs")))
            .equals(tutorial));

    Redemption mug1 = engine.redeem(RedeemRequest.of("req-mug-1", card.code(), AssignmentId.of("rewa_mug")));
    Redemption mug2 = engine.redeem(RedeemRequest.of("req-mug-2", card.code(), AssignmentId.of("rewa_mug")));
    out.printf("Mug: first %s (delivery %s), second %s: %s%n", mug1.status(), mug1.fulfilment().status(), mug2.status(),
        mug2.failureCode());

    Order order = Order.ofAmount("ord_450", "USD", 45_000);
    Redemption paid = engine.redeem(RedeemRequest.payWithPoints("req-pay", card.code(), AssignmentId.of("rewa_coin"), order, 100L));
    long left = java.util.Objects.requireNonNull(paid.order(), "a payment keeps its order").totalAmount();
    out.printf("Pay with points on a $450.00 order: %d points -> $%d.%02d off, $%d.%02d left to pay; balance %d%n",
        paid.points(), paid.discount() / 100, paid.discount() % 100, left / 100, left % 100, engine.balance(card.code()));

    Redemption back = engine.rollback(mug1.id(), "customer returned the mug");
    out.printf("Rolled back the mug: %s, balance %d, mug stock in use %d; the second mug request can now be retried under a new key: %s%n",
        back.status(), engine.balance(card.code()), engine.reward(mug.id()).redeemed(),
        engine.redeem(RedeemRequest.of("req-mug-3", card.code(), AssignmentId.of("rewa_mug"))).status());
  }
}
