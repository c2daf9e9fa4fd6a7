package io.loyalty.core;

import static org.assertj.core.api.Assertions.assertThat;

import io.loyalty.spi.CardCode;
import io.loyalty.spi.CustomerId;
import io.loyalty.spi.ProductId;
import io.loyalty.spi.RuleId;
import io.loyalty.spi.event.Order;
import io.loyalty.spi.event.OrderPaid;
import io.loyalty.spi.program.EarningRule;
import io.loyalty.spi.program.Measure;
import io.loyalty.spi.program.PendingPoints;
import io.loyalty.spi.program.PointsFormula;
import io.loyalty.spi.program.Trigger;
import io.loyalty.spi.reward.Redemption;
import io.loyalty.spi.reward.Reward;
import io.loyalty.spi.reward.RewardAssignment;
import io.loyalty.spi.reward.RewardKind;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Auto-redeem is a reaction of every write that makes points spendable, not only of an accrual or an addition. */
class AutoRedeemReactionTest {
  private final MutableClock clock = new MutableClock(Fixtures.T0);
  private final LoyaltyEngine engine = LoyaltyEngine.builder().clock(clock).random(Fixtures.seeded(3)).build();
  private final CardCode card;

  AutoRedeemReactionTest() {
    Reward mug = engine.defineReward(Reward.of("rew_mug", "Mug", new RewardKind.Material(ProductId.of("prod_mug"), null)));
    engine.define(Fixtures.program(EarningRule.builder(RuleId.of("per_dollar"), Trigger.ORDER_PAID,
            PointsFormula.proportional(new Measure.OrderAmount(), 100, 1)).pendingPoints(new PendingPoints(1)).build())
        .toBuilder().rewards(List.of(RewardAssignment.of("rewa_mug", mug.id(), 50).autoRedeemed())).build());
    card = engine.enrol(Fixtures.PROGRAM, CustomerId.of("alice")).code();
    engine.apply(OrderPaid.of("evt_1", clock.instant(), Fixtures.customer("alice"), Order.ofAmount("o1", "USD", 6_000)));
    assertThat(engine.pendingPoints(card, clock.instant())).isEqualTo(60);
    assertThat(engine.redemptions(card)).isEmpty();
  }

  private Redemption onlyRedemption() {
    List<Redemption> all = engine.redemptions(card);
    assertThat(all).hasSize(1);
    assertThat(all.get(0).automatic()).isTrue();
    assertThat(all.get(0).status()).isEqualTo(Redemption.Status.SUCCEEDED);
    return all.get(0);
  }

  @Test
  void regression_pending_points_activated_at_midnight_are_auto_redeemed_by_the_sweep() {
    clock.advance(Duration.ofDays(1));
    SweepReport report = engine.sweep(card, clock.instant());
    assertThat(report.activatedPoints()).isEqualTo(60);
    onlyRedemption();
    assertThat(engine.balance(card)).isEqualTo(10);
    // sweeping again records nothing and redeems nothing more
    engine.sweep(card, clock.instant());
    assertThat(engine.redemptions(card)).hasSize(1);
  }

  @Test
  void pending_points_activated_by_hand_are_auto_redeemed() {
    long lot = engine.lots(card, clock.instant()).get(0).id();
    engine.activatePendingPoints(card, lot);
    onlyRedemption();
    assertThat(engine.balance(card)).isEqualTo(10);
  }

  @Test
  void activations_an_unrelated_write_settles_are_auto_redeemed_with_it() {
    clock.advance(Duration.ofDays(2));
    engine.addPoints(card, 1, AddedPointsExpiry.never(), "goodwill", null);
    onlyRedemption();
    assertThat(engine.balance(card)).isEqualTo(11);
  }

  @Test
  void every_reach_of_the_price_redeems_once_and_a_balance_below_it_redeems_nothing() {
    long lot = engine.lots(card, clock.instant()).get(0).id();
    engine.activatePendingPoints(card, lot);
    engine.addPoints(card, 45, AddedPointsExpiry.never(), "goodwill", null);
    assertThat(engine.redemptions(card)).hasSize(2);
    assertThat(engine.balance(card)).isEqualTo(5);
    engine.addPoints(card, 5, AddedPointsExpiry.never(), "goodwill", null);
    assertThat(engine.redemptions(card)).hasSize(2);
    assertThat(engine.balance(card)).isEqualTo(10);
  }

  @Test
  void points_transferred_in_are_auto_redeemed_on_the_destination_card() {
    CardCode bob = engine.enrol(Fixtures.PROGRAM, CustomerId.of("bob")).code();
    engine.addPoints(bob, 40, AddedPointsExpiry.never(), "seed", null);
    engine.transfer(bob, card, 30, "gift", "tr_1");
    assertThat(engine.balance(card)).isEqualTo(30);
    assertThat(engine.redemptions(card)).isEmpty();
    engine.transfer(bob, card, 10, "gift", "tr_2");
    assertThat(engine.redemptions(card)).isEmpty();
    engine.addPoints(bob, 15, AddedPointsExpiry.never(), "seed", null);
    engine.transfer(bob, card, 15, "gift", "tr_3");
    onlyRedemption();
    assertThat(engine.balance(card)).isEqualTo(5);
    assertThat(engine.balance(bob)).isZero();
  }

  @Test
  void at_most_ten_automatic_redemptions_a_day_then_the_points_stay_until_the_next_day() {
    long lot = engine.lots(card, clock.instant()).get(0).id();
    engine.activatePendingPoints(card, lot); // the first: 60 -> 10
    for (int i = 0; i < 12; i++) {
      engine.addPoints(card, 50, AddedPointsExpiry.never(), "top-up", null);
    }
    assertThat(engine.redemptions(card).stream().filter(Redemption::succeeded)).hasSize(10);
    // the eleventh reach is recorded as skipped, with its reason, and takes nothing; the twelfth top-up is no reach
    assertThat(engine.redemptions(card).stream().filter(r -> !r.succeeded())).singleElement().satisfies(r -> {
      assertThat(r.automatic()).isTrue();
      assertThat(r.failureCode()).isEqualTo("auto_redeem_daily_limit");
      assertThat(r.points()).isZero();
      assertThat(r.draws()).isEmpty();
    });
    assertThat(engine.balance(card)).isEqualTo(10 + 50 * 12 - 50 * 9);
    assertThat(engine.card(card).redemptions()).isEqualTo(10);
    clock.advance(Duration.ofDays(1));
    engine.addPoints(card, 1, AddedPointsExpiry.never(), "next day", null);
    // a balance already above the price when last recorded is no reach: the next reach redeems again
    assertThat(engine.redemptions(card)).hasSize(11);
  }

  @Test
  void one_automatic_transaction_covers_as_many_rewards_as_the_balance_pays_for_up_to_25() {
    long lot = engine.lots(card, clock.instant()).get(0).id();
    engine.activatePendingPoints(card, lot); // 60 -> 10, one mug
    engine.addPoints(card, 150, AddedPointsExpiry.never(), "three mugs", null);
    assertThat(engine.redemptions(card)).hasSize(1 + 3);
    assertThat(engine.balance(card)).isEqualTo(10);
    engine.addPoints(card, 1_500, AddedPointsExpiry.never(), "thirty mugs' worth", null);
    List<Redemption> all = engine.redemptions(card);
    assertThat(all).hasSize(1 + 3 + 25).allMatch(r -> r.automatic() && r.succeeded());
    assertThat(all.stream().map(Redemption::id).distinct()).hasSize(all.size());
    assertThat(engine.balance(card)).as("25 at most: the rest stays").isEqualTo(10 + 1_500 - 25 * 50);
    assertThat(engine.card(card).redemptions()).isEqualTo(29);
    assertThat(engine.reward(io.loyalty.spi.RewardId.of("rew_mug")).redeemed()).isEqualTo(29);
  }

  @Test
  void the_daily_limit_counts_automatic_transactions_not_the_rewards_in_them() {
    long lot = engine.lots(card, clock.instant()).get(0).id();
    engine.activatePendingPoints(card, lot); // the first transaction: one mug
    for (int i = 0; i < 12; i++) {
      engine.addPoints(card, 100, AddedPointsExpiry.never(), "two mugs", null); // 10 -> 110: two mugs at once
    }
    assertThat(engine.redemptions(card).stream().filter(Redemption::succeeded))
        .as("ten transactions: one of one mug, nine of two").hasSize(1 + 9 * 2);
    assertThat(engine.redemptions(card).stream().filter(r -> !r.succeeded()).map(Redemption::failureCode))
        .containsExactly("auto_redeem_daily_limit");
    assertThat(engine.balance(card)).isEqualTo(10 + 3 * 100);
  }

  @Test
  void a_due_auto_redemption_that_cannot_be_made_is_recorded_failed_with_its_reason_and_takes_nothing() {
    Reward mug = engine.reward(io.loyalty.spi.RewardId.of("rew_mug"));
    engine.defineReward(mug.withStock(0L), mug.version());
    long lot = engine.lots(card, clock.instant()).get(0).id();
    engine.activatePendingPoints(card, lot);
    assertThat(engine.redemptions(card)).singleElement().satisfies(r -> {
      assertThat(r.automatic()).isTrue();
      assertThat(r.status()).isEqualTo(Redemption.Status.FAILED);
      assertThat(r.failureCode()).isEqualTo("reward_out_of_stock");
    });
    assertThat(engine.balance(card)).isEqualTo(60);
    assertThat(engine.card(card).redemptions()).isZero();
    assertThat(engine.reward(mug.id()).redeemed()).isZero();
  }

  @Test
  void an_auto_redeem_reward_deleted_since_is_recorded_as_missing() {
    engine.deleteReward(io.loyalty.spi.RewardId.of("rew_mug"));
    engine.activatePendingPoints(card, engine.lots(card, clock.instant()).get(0).id());
    assertThat(engine.redemptions(card)).singleElement().extracting(Redemption::failureCode).isEqualTo("missing_reward");
    assertThat(engine.balance(card)).isEqualTo(60);
  }
}
