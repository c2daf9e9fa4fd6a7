package io.loyalty.core;

import static io.loyalty.core.RedemptionWorld.ALICE;
import static io.loyalty.core.RedemptionWorld.BOB;
import static io.loyalty.core.RedemptionWorld.COIN;
import static io.loyalty.core.RedemptionWorld.MUG;
import static io.loyalty.core.RedemptionWorld.VIPS;
import static io.loyalty.core.RedemptionWorld.VIP_ONLY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.loyalty.core.internal.validation.ProgramValidator;
import io.loyalty.spi.InvalidInputException;
import io.loyalty.spi.Metadata;
import io.loyalty.spi.OrderId;
import io.loyalty.spi.Violation;
import io.loyalty.spi.event.Customer;
import io.loyalty.spi.event.Order;
import io.loyalty.spi.reward.RedeemRequest;
import io.loyalty.spi.reward.Redemption;
import java.util.Currency;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * A redemption request is validated whole before anything is read or written, and its conditions are checked
 * against the card's holder: hostile requests get a typed error naming the field, and the cards stay as they were.
 */
class RedemptionRequestTest {
  final RedemptionWorld world = RedemptionWorld.create();
  final LoyaltyEngine engine = world.engine();

  static List<String> paths(InvalidInputException e) {
    return e.violations().stream().map(Violation::path).toList();
  }

  InvalidInputException rejected(RedeemRequest request) {
    RedemptionWorld.State before = world.state();
    InvalidInputException e = catchThrowableOfType(InvalidInputException.class, () -> engine.redeem(request));
    assertThat(e).as("a typed rejection").isNotNull();
    assertThat(world.state()).as("nothing written").isEqualTo(before);
    return e;
  }

  RedeemRequest pay(Order order, Long points) {
    return RedeemRequest.payWithPoints("pay_1", world.card().code(), COIN, order, points);
  }

  @Test
  void paying_with_minus_500_points_is_rejected_instead_of_raising_the_balance() {
    InvalidInputException e = rejected(pay(Order.ofAmount("ord_1", "USD", 45_000), -500L));
    assertThat(paths(e)).containsExactly("reward.points");
    assertThat(e.violations().get(0).message()).contains("1").contains(String.valueOf(ProgramValidator.MAX_POINTS));
    assertThat(engine.balance(world.card().code())).isEqualTo(2_000);
  }

  @Test
  void paying_with_zero_points_is_rejected() {
    assertThat(paths(rejected(pay(Order.ofAmount("ord_1", "USD", 45_000), 0L)))).containsExactly("reward.points");
  }

  @Test
  void paying_with_more_points_than_the_documented_maximum_is_rejected() {
    assertThat(paths(rejected(pay(Order.ofAmount("ord_1", "USD", 45_000), ProgramValidator.MAX_POINTS + 1))))
        .containsExactly("reward.points");
  }

  @Test
  void an_order_with_a_negative_total_is_rejected_instead_of_raising_the_balance() {
    Order order = new Order(OrderId.of("ord_1"), Currency.getInstance("USD"), 1_000, -5_000, List.of(), Metadata.EMPTY);
    assertThat(paths(rejected(pay(order, null)))).containsExactly("order.total_amount");
    assertThat(engine.balance(world.card().code())).isEqualTo(2_000);
  }

  @Test
  void an_order_with_a_null_currency_is_a_typed_error_on_order_currency_not_a_null_pointer() {
    Order order = new Order(OrderId.of("ord_1"), null, 1_000, 1_000, List.of(), Metadata.EMPTY);
    assertThat(paths(rejected(pay(order, 10L)))).containsExactly("order.currency");
  }

  @Test
  void an_order_whose_total_exceeds_its_amount_is_rejected() {
    Order order = new Order(OrderId.of("ord_1"), Currency.getInstance("USD"), 1_000, 9_000, List.of(), Metadata.EMPTY);
    assertThat(paths(rejected(pay(order, null)))).containsExactly("order.total_amount");
  }

  @Test
  void an_order_in_a_currency_without_minor_units_is_rejected() {
    assertThat(paths(rejected(pay(Order.ofAmount("ord_1", "XXX", 1_000), null)))).containsExactly("order.currency");
  }

  @Test
  void an_order_on_a_reward_that_is_not_pay_with_points_is_validated_too() {
    Order order = new Order(OrderId.of("ord_1"), Currency.getInstance("USD"), -1, 0, List.of(), Metadata.EMPTY);
    RedeemRequest request = new RedeemRequest(RedeemRequest.of("m_1", world.card().code(), MUG).id(), world.card().code(),
        MUG, null, order, Metadata.EMPTY, null);
    assertThat(paths(rejected(request))).containsExactly("order.amount");
  }

  @Test
  void every_offending_field_of_a_request_is_listed_at_once() {
    Order order = new Order(OrderId.of("ord_1"), null, -1, 0, List.of(), Metadata.EMPTY);
    RedeemRequest request = new RedeemRequest(RedeemRequest.of("pay_1", world.card().code(), COIN).id(),
        world.card().code(), COIN, -1L, order, Metadata.EMPTY, new Customer(null, Metadata.EMPTY, java.util.Set.of()));
    assertThat(paths(rejected(request))).containsExactlyInAnyOrder("reward.points", "order.currency", "order.amount",
        "customer.id");
  }

  @Test
  void a_request_without_its_ids_is_a_typed_error_naming_each_missing_field() {
    RedeemRequest request = new RedeemRequest(null, null, MUG, null, null, null, null);
    assertThat(paths(rejected(request))).containsExactly("id", "member_id");
  }

  @Test
  void a_request_without_a_reward_is_missing_reward() {
    RedeemRequest request = new RedeemRequest(null, null, null, null, null, null, null);
    assertThatThrownBy(() -> world.engine().redeem(request)).isInstanceOf(MissingRewardException.class)
        .extracting(e -> ((MissingRewardException) e).errorCode()).isEqualTo(io.loyalty.spi.ErrorCode.MISSING_REWARD);
  }

  @Test
  void a_segment_only_reward_is_refused_when_the_request_names_another_customer_who_is_in_the_segment() {
    Customer bobTheVip = Customer.of(BOB.value()).inSegments(VIPS);
    InvalidInputException e = rejected(RedeemRequest.of("vip_1", world.card().code(), VIP_ONLY).by(bobTheVip));
    assertThat(paths(e)).containsExactly("customer.id");
    assertThat(e.getMessage()).doesNotContain(ALICE.value()).doesNotContain(BOB.value());
    assertThat(e.violations().get(0).value()).isNull();
  }

  @Test
  void a_request_naming_another_customer_is_refused_even_for_a_reward_without_conditions() {
    assertThat(paths(rejected(RedeemRequest.of("m_1", world.card().code(), MUG).by(Customer.of(BOB.value())))))
        .containsExactly("customer.id");
  }

  @Test
  void the_hosts_view_of_the_holder_still_carries_the_segments_conditions_check() {
    Customer aliceTheVip = Customer.of(ALICE.value()).inSegments(VIPS);
    Redemption r = engine.redeem(RedeemRequest.of("vip_1", world.card().code(), VIP_ONLY).by(aliceTheVip));
    assertThat(r.succeeded()).isTrue();
  }

  @Test
  void without_a_customer_a_condition_sees_the_holder_in_no_segment() {
    Redemption r = engine.redeem(RedeemRequest.of("vip_1", world.card().code(), VIP_ONLY));
    assertThat(r.failureCode()).isEqualTo("customer_rules_violated");
    assertThat(engine.balance(world.card().code())).isEqualTo(2_000);
  }

  @Test
  void a_valid_payment_with_points_still_pays() {
    Redemption r = engine.redeem(pay(Order.ofAmount("ord_1", "USD", 45_000), 100L));
    assertThat(r.points()).isEqualTo(100);
    assertThat(r.discount()).isEqualTo(2_000);
    assertThat(engine.balance(world.card().code())).isEqualTo(1_900);
  }

  @Test
  void adjusting_pending_points_by_long_min_value_is_rejected_on_the_range_before_anything_is_read() {
    Throwable e = catchThrowable(() -> engine.adjustPendingPoints(world.card().code(), 1, Long.MIN_VALUE, "hostile"));
    assertThat(e).isInstanceOf(InvalidInputException.class);
    assertThat(((InvalidInputException) e).violations()).singleElement().satisfies(v -> {
      assertThat(v.path()).isEqualTo("points");
      assertThat(v.message()).contains(String.valueOf(ProgramValidator.MAX_POINTS));
    });
  }

  @Test
  void a_customer_in_segments_is_kept_as_the_host_gave_it() {
    Customer aliceTheVip = new Customer(ALICE, Metadata.EMPTY, Set.of(VIPS));
    Redemption r = engine.redeem(RedeemRequest.of("vip_2", world.card().code(), VIP_ONLY).by(aliceTheVip));
    assertThat(r.request().customer()).isEqualTo(aliceTheVip);
  }
}
