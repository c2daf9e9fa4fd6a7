package io.loyalty.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.loyalty.spi.AssignmentId;
import io.loyalty.spi.CardCode;
import io.loyalty.spi.CustomerId;
import io.loyalty.spi.InvalidInputException;
import io.loyalty.spi.LoyaltyException;
import io.loyalty.spi.event.Order;
import io.loyalty.spi.event.OrderPaid;
import io.loyalty.spi.host.RewardFulfilment;
import io.loyalty.spi.reward.RedeemRequest;
import io.loyalty.spi.reward.Redemption;
import io.loyalty.spi.reward.Reward;
import io.loyalty.spi.reward.RewardAssignment;
import io.loyalty.spi.reward.RewardKind;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Customer identifiers (emails, here) never reach an exception message, a recorded failure or a log line. */
class NoCustomerIdsTest {
  private static final String EMAIL = "alice.smith@example.com";
  private static final String OTHER = "bob.jones@example.com";

  private final LoyaltyEngine engine;
  private final CardCode card;

  NoCustomerIdsTest() {
    RewardFulfilment leaky = new RewardFulfilment() {
      @Override
      public String fulfil(Request request) {
        throw new IllegalStateException("coupon service refused " + request.customer().value());
      }
    };
    engine = Fixtures.engine().rewardFulfilment(leaky).build();
    Reward coupon = Reward.of("rew_coupon", "5 off", RewardKind.Campaign.coupon("camp_coupons"));
    engine.defineReward(coupon);
    engine.define(Fixtures.program(Fixtures.perAmount("per_dollar", 100, 1)).toBuilder()
        .rewards(java.util.List.of(RewardAssignment.of("rewa_coupon", coupon.id(), 10))).build());
    card = engine.enrol(Fixtures.PROGRAM, CustomerId.of(EMAIL)).code();
    engine.addPoints(card, 100, AddedPointsExpiry.never(), "seed", null);
  }

  @Test
  void regression_joining_twice_names_the_card_not_the_customer() {
    LoyaltyException e = catchThrowableOfType(LoyaltyException.class,
        () -> engine.enrol(Fixtures.PROGRAM, CustomerId.of(EMAIL)));
    assertThat(e).isInstanceOf(MemberAlreadyExistsException.class);
    assertThat(e.getMessage()).doesNotContain(EMAIL).contains(card.value());
  }

  @Test
  void an_event_naming_a_card_of_another_customer_names_neither_customer() {
    InvalidInputException e = catchThrowableOfType(InvalidInputException.class, () -> engine.apply(
        OrderPaid.of("e1", Fixtures.T0, Fixtures.customer(OTHER), Order.ofAmount("o1", "USD", 100)).forCard(card)));
    assertThat(e.getMessage()).doesNotContain(EMAIL).doesNotContain(OTHER);
  }

  @Test
  void a_host_failure_that_names_the_customer_is_recorded_and_logged_by_its_type_only() {
    PrintStream err = System.err;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    Redemption r;
    System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
    try {
      r = engine.redeem(RedeemRequest.of("red_1", card, AssignmentId.of("rewa_coupon")));
    } finally {
      System.setErr(err);
    }
    assertThat(r.status()).isEqualTo(Redemption.Status.FAILED);
    assertThat(r.failureCode()).isEqualTo("reward_fulfilment_failed");
    assertThat(r.failureMessage()).doesNotContain(EMAIL).contains("IllegalStateException");
    String log = captured.toString(StandardCharsets.UTF_8);
    assertThat(log).contains("fulfilment of redemption red_1 failed").doesNotContain(EMAIL);
    assertThat(engine.balance(card)).isEqualTo(100);
  }

  @Test
  void the_outcome_for_a_customer_in_no_program_lists_no_program_and_does_not_name_them() {
    var outcome = engine.quote(OrderPaid.of("e2", Fixtures.T0, Fixtures.customer(OTHER), Order.ofAmount("o2", "USD", 500)));
    assertThat(outcome.programs()).isEmpty();
    assertThat(outcome.toString()).doesNotContain(OTHER);
  }
}
