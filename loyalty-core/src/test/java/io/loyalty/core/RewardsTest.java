package io.loyalty.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.loyalty.spi.AssignmentId;
import io.loyalty.spi.CustomerId;
import io.loyalty.spi.InvalidInputException;
import io.loyalty.spi.Metadata;
import io.loyalty.spi.ProgramId;
import io.loyalty.spi.RedemptionId;
import io.loyalty.spi.card.Card;
import io.loyalty.spi.card.EntryType;
import io.loyalty.spi.card.LedgerEntry;
import io.loyalty.spi.event.Customer;
import io.loyalty.spi.event.Order;
import io.loyalty.spi.host.RewardFulfilment;
import io.loyalty.spi.program.CardPool;
import io.loyalty.spi.program.CardTemplate;
import io.loyalty.spi.program.Comparison;
import io.loyalty.spi.program.Condition;
import io.loyalty.spi.program.ExpirationRule;
import io.loyalty.spi.program.Program;
import io.loyalty.spi.reward.RedeemRequest;
import io.loyalty.spi.reward.Redemption;
import io.loyalty.spi.reward.Redemption.FulfilmentStatus;
import io.loyalty.spi.reward.Reward;
import io.loyalty.spi.reward.RewardAssignment;
import io.loyalty.spi.reward.RewardKind;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Rewards and redemption, with the seed tutorial's numbers and Voucherify's failure keys. */
class RewardsTest {
  static final ProgramId PROGRAM = Fixtures.PROGRAM;
  static final ProgramId OTHER = ProgramId.of("camp_partner");
  final MutableClock clock = new MutableClock(Instant.parse("2026-04-01T10:00:00Z"));
  final List<String> issued = new ArrayList<>();
  final AtomicBoolean hostDown = new AtomicBoolean();
  LoyaltyEngine engine;
  Card card;

  final Reward discount = Reward.of("rew_5usd", "5$ discount", RewardKind.Campaign.coupon("camp_coupons"));
  final Reward mug = Reward.of("rew_mug", "Mug", new RewardKind.Material(io.loyalty.spi.ProductId.of("prod_mug"), null))
      .withStock(2L);
  final Reward coin = Reward.of("rew_coin", "100 = $20", new RewardKind.Coin(new BigDecimal("20"), 100));
  final Reward partnerPoints = Reward.of("rew_partner", "300 partner points", RewardKind.Campaign.points(OTHER, 300));

  @BeforeEach
  void setUp() {
    engine = LoyaltyEngine.builder().clock(clock).random(Fixtures.seeded(9))
        .rewardFulfilment(new RewardFulfilment() {
          @Override
          public String fulfil(Request request) {
            if (hostDown.get()) {
              throw new IllegalStateException("coupon service unavailable");
            }
            issued.add(request.redemption().value());
            return "COUPON-" + issued.size();
          }

          @Override
          public void revoke(Request request, String reference) {
            issued.remove(request.redemption().value());
          }
        })
        .build();
    engine.define(Program.builder(OTHER, "Partner").zone(ZoneOffset.UTC).pool(CardPool.growing(5)).build());
    for (Reward r : List.of(discount, mug, coin, partnerPoints)) {
      engine.defineReward(r); // the partner program first: a points reward must name a defined program
    }
    engine.define(Program.builder(PROGRAM, "Loyalty").zone(ZoneOffset.UTC).pool(CardPool.growing(5))
        .card(CardTemplate.DEFAULT.withExpiration(ExpirationRule.months(12)))
        .reward(RewardAssignment.of("rewa_discount", discount.id(), 50))
        .reward(RewardAssignment.of("rewa_mug", mug.id(), 500))
        .reward(RewardAssignment.payWithPoints("rewa_coin", coin.id()))
        .reward(RewardAssignment.of("rewa_partner", partnerPoints.id(), 100))
        .build());
    card = engine.enrol(PROGRAM, CustomerId.of("cust_alice"));
    engine.addPoints(card.code(), 2_000, AddedPointsExpiry.programRules(), "tutorial balance", null);
  }

  Redemption redeem(String key, String assignment) {
    return engine.redeem(RedeemRequest.of(key, card.code(), AssignmentId.of(assignment)));
  }

  @Test
  void the_tutorial_redemption_leaves_1950_points_one_redemption_and_50_redeemed_points() {
    Redemption r = redeem("req_1", "rewa_discount");
    assertThat(r.status()).isEqualTo(Redemption.Status.SUCCEEDED);
    assertThat(r.points()).isEqualTo(50);
    assertThat(engine.balance(card.code())).isEqualTo(1_950);
    assertThat(engine.card(card.code()).redemptions()).isEqualTo(1);
    assertThat(engine.summary(card.code()).redeemed()).isEqualTo(50);
    assertThat(engine.summary(card.code()).points()).isEqualTo(2_000);
    assertThat(r.fulfilment()).isEqualTo(new Redemption.Fulfilment(FulfilmentStatus.COMPLETE, "COUPON-1"));
    assertThat(engine.reward(discount.id()).redeemed()).isEqualTo(1);
  }

  @Test
  void a_retried_request_returns_the_first_result_and_another_request_under_its_id_is_an_error() {
    Redemption first = redeem("req_1", "rewa_discount");
    assertThat(redeem("req_1", "rewa_discount")).isEqualTo(first);
    assertThat(engine.balance(card.code())).isEqualTo(1_950);
    assertThat(issued).hasSize(1);
    assertThatThrownBy(() -> redeem("req_1", "rewa_mug")).isInstanceOf(RedemptionIdReusedException.class);
  }

  @Test
  void not_enough_points_is_a_recorded_failure_that_takes_nothing() {
    engine.removePoints(card.code(), 1_990, "spent", null);
    Redemption r = redeem("req_1", "rewa_discount");
    assertThat(r.status()).isEqualTo(Redemption.Status.FAILED);
    assertThat(r.failureCode()).isEqualTo("loyalty_card_points_exceeded");
    assertThat(r.points()).isZero();
    assertThat(engine.balance(card.code())).isEqualTo(10);
    assertThat(engine.redemptions(card.code())).containsExactly(r);
    assertThat(redeem("req_1", "rewa_discount")).isEqualTo(r);
  }

  @Test
  void stock_runs_out_and_the_card_quantity_limit_holds() {
    assertThat(redeem("m1", "rewa_mug").succeeded()).isTrue();
    assertThat(redeem("m2", "rewa_mug").succeeded()).isTrue();
    assertThat(redeem("m3", "rewa_mug").failureCode()).isEqualTo("reward_out_of_stock");
    assertThat(engine.balance(card.code())).isEqualTo(1_000);

    Program limited = engine.program(PROGRAM).toBuilder()
        .card(engine.program(PROGRAM).card().withRedemptionQuantity(2)).build();
    engine.define(limited);
    assertThat(redeem("d1", "rewa_discount").failureCode()).isEqualTo("quantity_exceeded");
  }

  @Test
  void a_condition_on_the_assignment_is_checked_with_the_customer_given() {
    engine.assignReward(PROGRAM, RewardAssignment.of("rewa_vip", discount.id(), 10)
        .when(new Condition.CustomerMetadata("vip", Comparison.is(true))));
    RedeemRequest request = RedeemRequest.of("v1", card.code(), AssignmentId.of("rewa_vip"));
    assertThat(engine.redeem(request).failureCode()).isEqualTo("customer_rules_violated");
    Customer vip = new Customer(CustomerId.of("cust_alice"), Metadata.of("vip", true), java.util.Set.of());
    assertThat(engine.redeem(RedeemRequest.of("v2", card.code(), AssignmentId.of("rewa_vip")).by(vip)).succeeded()).isTrue();
  }

  @Test
  void pay_with_points_100_points_are_worth_20_dollars() {
    Order order = Order.ofAmount("ord_1", "USD", 45_000);
    Redemption r = engine.redeem(RedeemRequest.payWithPoints("c1", card.code(), AssignmentId.of("rewa_coin"), order, 100L));
    assertThat(r.points()).isEqualTo(100);
    assertThat(r.discount()).isEqualTo(2_000);
    assertThat(r.order().totalAmount()).isEqualTo(43_000);
    assertThat(engine.balance(card.code())).isEqualTo(1_900);
  }

  @Test
  void pay_with_points_without_points_pays_the_remainder_rounding_the_points_up() {
    // 1 234 cents need ceil(1 234 × 100 / 2 000) = 62 points, worth floor(62 × 2 000 / 100) = 1 240 ≥ 1 234
    Order order = Order.ofAmount("ord_1", "USD", 1_234);
    Redemption r = engine.redeem(RedeemRequest.payWithPoints("c1", card.code(), AssignmentId.of("rewa_coin"), order, null));
    assertThat(r.points()).isEqualTo(62);
    assertThat(r.discount()).isEqualTo(1_234);
    assertThat(r.order().totalAmount()).isZero();
  }

  @Test
  void pay_with_points_is_capped_by_the_balance_and_needs_an_order() {
    engine.removePoints(card.code(), 1_950, "spent", null);
    Order order = Order.ofAmount("ord_1", "USD", 100_000);
    Redemption r = engine.redeem(RedeemRequest.payWithPoints("c1", card.code(), AssignmentId.of("rewa_coin"), order, null));
    assertThat(r.points()).isEqualTo(50);
    assertThat(r.discount()).isEqualTo(1_000);
    assertThat(redeem("c2", "rewa_coin").failureCode()).isEqualTo("missing_order");
    Redemption tooMany = engine.redeem(RedeemRequest.payWithPoints("c3", card.code(), AssignmentId.of("rewa_coin"), order, 10L));
    assertThat(tooMany.failureCode()).isEqualTo("loyalty_card_points_exceeded");
  }

  @Test
  void a_rollback_gives_back_the_exact_lots_stock_and_count_once() {
    Redemption r = redeem("m1", "rewa_mug");
    Card before = engine.card(card.code());
    Redemption back = engine.rollback(r.id(), "customer changed their mind");
    assertThat(back.status()).isEqualTo(Redemption.Status.ROLLED_BACK);
    assertThat(engine.balance(card.code())).isEqualTo(2_000);
    assertThat(engine.card(card.code()).lots()).extracting(l -> l.remaining()).containsExactly(2_000L);
    assertThat(engine.card(card.code()).redemptions()).isZero();
    assertThat(before.redemptions()).isEqualTo(1);
    assertThat(engine.reward(mug.id()).redeemed()).isZero();
    assertThat(engine.summary(card.code()).redeemed()).isZero();
    LedgerEntry refund = engine.ledger(card.code()).get(engine.ledger(card.code()).size() - 1);
    assertThat(refund.type()).isEqualTo(EntryType.POINTS_REFUND);
    assertThat(refund.draws()).isEqualTo(r.draws());
    assertThatThrownBy(() -> engine.rollback(r.id(), "again")).isInstanceOf(AlreadyRolledBackException.class)
        .extracting(e -> ((AlreadyRolledBackException) e).code()).isEqualTo("already_rolled_back");
  }

  @Test
  void a_rollback_of_points_whose_lot_expired_meanwhile_gives_them_back_as_a_fresh_lot() {
    engine.removePoints(card.code(), 2_000, "reset", null);
    engine.addPoints(card.code(), 600, AddedPointsExpiry.on(LocalDate.of(2026, 4, 10)), "short-lived", null);
    Redemption r = redeem("m1", "rewa_mug");
    clock.set(Instant.parse("2026-04-20T10:00:00Z"));
    engine.rollback(r.id(), "late return");
    assertThat(engine.balance(card.code())).isEqualTo(500); // the 100 left of the lot expired; the 500 come back fresh
    assertThat(engine.lots(card.code(), clock.instant())).singleElement()
        .satisfies(l -> assertThat(l.expiresAt()).isEqualTo(Instant.parse("2027-04-21T00:00:00Z")));
  }

  @Test
  void a_rollback_after_the_window_is_refused() {
    Redemption r = redeem("m1", "rewa_mug");
    clock.advance(Duration.ofDays(93));
    assertThatThrownBy(() -> engine.rollback(r.id(), "too late")).isInstanceOf(RollbackWindowPassedException.class);
  }

  @Test
  void when_the_host_cannot_deliver_everything_is_given_back_and_the_redemption_is_failed() {
    hostDown.set(true);
    Redemption r = redeem("req_1", "rewa_discount");
    assertThat(r.status()).isEqualTo(Redemption.Status.FAILED);
    assertThat(r.failureCode()).isEqualTo("reward_fulfilment_failed");
    assertThat(engine.balance(card.code())).isEqualTo(2_000);
    assertThat(engine.card(card.code()).redemptions()).isZero();
    assertThat(engine.reward(discount.id()).redeemed()).isZero();
    assertThat(redeem("req_1", "rewa_discount")).isEqualTo(r);
  }

  @Test
  void a_rollback_revokes_a_delivered_coupon() {
    Redemption r = redeem("req_1", "rewa_discount");
    assertThat(issued).containsExactly("req_1");
    assertThat(engine.rollback(r.id(), "undo").fulfilment().status()).isEqualTo(FulfilmentStatus.REVOKED);
    assertThat(issued).isEmpty();
  }

  @Test
  void a_material_reward_is_pending_until_delivered() {
    Redemption r = redeem("m1", "rewa_mug");
    assertThat(r.fulfilment().status()).isEqualTo(FulfilmentStatus.PENDING);
    assertThat(engine.completeFulfilment(r.id()).fulfilment().status()).isEqualTo(FulfilmentStatus.COMPLETE);
  }

  @Test
  void a_loyalty_program_reward_credits_the_member_card_in_the_other_program() {
    Redemption r = redeem("p1", "rewa_partner");
    Card partner = engine.cardOf(OTHER, CustomerId.of("cust_alice")).orElseThrow();
    assertThat(r.fulfilment()).isEqualTo(new Redemption.Fulfilment(FulfilmentStatus.COMPLETE, partner.code().value()));
    assertThat(engine.balance(partner.code())).isEqualTo(300);
    engine.rollback(r.id(), "undo");
    assertThat(engine.balance(partner.code())).isZero();
    assertThat(engine.balance(card.code())).isEqualTo(2_000);
  }

  @Test
  void auto_redeem_fires_once_when_the_balance_reaches_the_price() {
    engine.assignReward(PROGRAM, RewardAssignment.of("rewa_mug", mug.id(), 2_100).autoRedeemed());
    engine.define(engine.program(PROGRAM).toBuilder().earningRule(Fixtures.perAmount("per_dollar", 100, 1)).build());
    Customer alice = Fixtures.customer("cust_alice");
    var first = engine.apply(io.loyalty.spi.event.OrderPaid.of("e1", clock.instant(), alice, Order.ofAmount("o1", "USD", 5_000)));
    assertThat(engine.balance(card.code())).isEqualTo(2_050);
    assertThat(first.programs().get(0).autoRedemption()).isNull();
    var second = engine.apply(io.loyalty.spi.event.OrderPaid.of("e2", clock.instant(), alice, Order.ofAmount("o2", "USD", 5_000)));
    assertThat(second.programs().get(0).autoRedemption()).isNotNull();
    assertThat(engine.balance(card.code())).isEqualTo(2_100 - 2_100);
    assertThat(engine.redemptions(card.code())).singleElement().satisfies(r -> assertThat(r.automatic()).isTrue());
  }

  @Test
  void assignments_are_validated_with_the_program() {
    Program bad = engine.program(PROGRAM).toBuilder()
        .reward(RewardAssignment.of("rewa_discount", discount.id(), 0))
        .reward(new RewardAssignment(AssignmentId.of("rewa_coin2"), coin.id(), 10L, true, null))
        .reward(RewardAssignment.of("rewa_mug2", mug.id(), 10).autoRedeemed())
        .reward(RewardAssignment.of("rewa_missing", io.loyalty.spi.RewardId.of("rew_none"), 10))
        .build();
    InvalidInputException e = catchThrowableOfType(InvalidInputException.class, () -> engine.define(bad));
    assertThat(e.violations()).extracting(v -> v.path()).containsExactlyInAnyOrder(
        "rewards[4].id", "rewards[4].parameters.loyalty.points",
        "rewards[5].parameters.loyalty.points", "rewards[5].parameters.loyalty.auto_redeem",
        "rewards[6].parameters.loyalty.auto_redeem", "rewards[7].reward");
  }

  @Test
  void the_member_reward_list_can_keep_only_affordable_rewards() {
    engine.removePoints(card.code(), 1_900, "spent", null);
    assertThat(engine.rewards(card.code(), false)).hasSize(4);
    assertThat(engine.rewards(card.code(), true)).extracting(m -> m.assignment().id().value())
        .containsExactly("rewa_discount", "rewa_coin", "rewa_partner");
  }

  @Test
  void a_redemption_id_is_never_reused_across_rollback() {
    Redemption r = redeem("m1", "rewa_mug");
    engine.rollback(r.id(), "undo");
    assertThat(redeem("m1", "rewa_mug").status()).isEqualTo(Redemption.Status.ROLLED_BACK);
    assertThat(engine.redemptions(card.code())).extracting(Redemption::id).containsExactly(RedemptionId.of("m1"));
  }
}
