package io.loyalty.core;

import static io.loyalty.core.Fixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.loyalty.spi.AssignmentId;
import io.loyalty.spi.InvalidInputException;
import io.loyalty.spi.ProductId;
import io.loyalty.spi.Violation;
import io.loyalty.spi.card.Card;
import io.loyalty.spi.card.Lot;
import io.loyalty.spi.card.LotSource;
import io.loyalty.spi.card.LotState;
import io.loyalty.spi.event.Customer;
import io.loyalty.spi.event.Order;
import io.loyalty.spi.event.OrderPaid;
import io.loyalty.spi.program.CardTemplate;
import io.loyalty.spi.program.DailyHours;
import io.loyalty.spi.program.ExpirationRule;
import io.loyalty.spi.program.IsoDuration;
import io.loyalty.spi.program.Program;
import io.loyalty.spi.program.Validity;
import io.loyalty.spi.reward.RedeemRequest;
import io.loyalty.spi.reward.Redemption;
import io.loyalty.spi.reward.Reward;
import io.loyalty.spi.reward.RewardAssignment;
import io.loyalty.spi.reward.RewardKind;
import io.loyalty.spi.store.CardWrite;
import io.loyalty.spi.store.ChangeSet;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Extreme instants, dates, durations and sums once escaped the public entries as DateTimeException,
 * ArithmeticException or IllegalStateException; each is now a typed error naming the field and its limit, and
 * nothing is written.
 */
class TypedErrorsTest {
  final Customer alice = Fixtures.customer("alice");

  static List<String> paths(InvalidInputException e) {
    return e.violations().stream().map(Violation::path).toList();
  }

  LoyaltyEngine monthly() {
    LoyaltyEngine engine = Fixtures.engine().build();
    engine.define(Fixtures.program(Fixtures.perAmount("r", 100, 1)).toBuilder()
        .card(CardTemplate.DEFAULT.withExpiration(ExpirationRule.months(1))).build());
    return engine;
  }

  @Test
  void an_order_paid_at_instant_max_was_a_date_time_exception_and_is_now_refused_on_created_at() {
    LoyaltyEngine engine = monthly();
    Card card = engine.enrol(Fixtures.PROGRAM, alice.id());
    OrderPaid paid = OrderPaid.of("e", Instant.MAX, alice, Order.ofAmount("o", "EUR", 1_000));

    assertThat(paths(catchThrowableOfType(InvalidInputException.class, () -> engine.quote(paid)))).containsExactly("created_at");
    assertThat(paths(catchThrowableOfType(InvalidInputException.class, () -> engine.apply(paid)))).containsExactly("created_at");
    assertThat(engine.ledger(card.code())).isEmpty();
  }

  @Test
  void points_added_through_local_date_max_were_a_date_time_exception_and_are_now_refused_on_expiration_date() {
    LoyaltyEngine engine = monthly();
    Card card = engine.enrol(Fixtures.PROGRAM, alice.id());

    InvalidInputException e = catchThrowableOfType(InvalidInputException.class,
        () -> engine.addPoints(card.code(), 10, AddedPointsExpiry.on(LocalDate.MAX), "forever and a day", null));

    assertThat(paths(e)).containsExactly("expiration_date");
    assertThat(e.getMessage()).contains("9999-12-31");
    assertThat(engine.ledger(card.code())).isEmpty();
  }

  @Test
  void a_program_starting_at_instant_max_once_broke_every_event_and_is_now_refused_on_start_date() {
    LoyaltyEngine engine = Fixtures.engine().build();
    Program program = Fixtures.program(Fixtures.perAmount("r", 100, 1)).toBuilder()
        .validity(Validity.between(Instant.MAX, null)).build();

    assertThat(paths(catchThrowableOfType(InvalidInputException.class, () -> engine.define(program))))
        .containsExactly("start_date");
  }

  @Test
  void an_activity_duration_of_a_billion_years_once_broke_enrolment_and_is_now_refused_naming_the_limit() {
    LoyaltyEngine engine = Fixtures.engine().build();
    Program program = Fixtures.program().toBuilder()
        .card(CardTemplate.DEFAULT.withActivityDuration(IsoDuration.parse("P999999999Y"))).build();

    InvalidInputException e = catchThrowableOfType(InvalidInputException.class, () -> engine.define(program));

    assertThat(paths(e)).containsExactly("activity_duration_after_publishing");
    assertThat(e.getMessage()).contains("100 years");
  }

  @Test
  void a_rollback_window_of_two_billion_years_is_refused_when_the_engine_is_built() {
    InvalidInputException e = catchThrowableOfType(InvalidInputException.class,
        () -> LoyaltyEngine.builder().rollbackWindow(Period.ofYears(Integer.MAX_VALUE)));

    assertThat(paths(e)).containsExactly("rollback_window");
  }

  @Test
  void a_rollback_within_the_longest_window_still_works() {
    LoyaltyEngine engine = Fixtures.engine().rollbackWindow(Period.ofYears(100)).build();
    Reward mug = engine.defineReward(Reward.of("rew_mug", "Mug", new RewardKind.Material(ProductId.of("prod_mug"), null)));
    engine.define(Fixtures.program().toBuilder().reward(RewardAssignment.of("rewa_mug", mug.id(), 10)).build());
    Card card = engine.enrol(Fixtures.PROGRAM, alice.id());
    engine.addPoints(card.code(), 10, AddedPointsExpiry.never(), "gift", null);
    Redemption r = engine.redeem(RedeemRequest.of("red_1", card.code(), AssignmentId.of("rewa_mug")));

    assertThat(engine.rollback(r.id(), "changed my mind").status()).isEqualTo(Redemption.Status.ROLLED_BACK);
  }

  @Test
  void a_builder_without_a_clock_is_refused_naming_the_clock() {
    InvalidInputException e = catchThrowableOfType(InvalidInputException.class, () -> LoyaltyEngine.builder().build());

    assertThat(paths(e)).containsExactly("clock");
  }

  @Test
  void liability_over_cards_whose_points_sum_past_the_range_of_long_is_an_overflow_error_not_an_arithmetic_exception() {
    InMemoryLoyaltyStore store = InMemoryLoyaltyStore.create();
    LoyaltyEngine engine = Fixtures.engine().store(store).build();
    engine.define(Fixtures.program());
    for (String customer : List.of("alice", "bob")) {
      Card card = engine.enrol(Fixtures.PROGRAM, Fixtures.customer(customer).id());
      long half = Long.MAX_VALUE / 2 + 1;
      Card rich = card.next(List.of(new Lot(1, half, half, T0, null, null, LotState.ACTIVE,
          new LotSource(null, null, 1, null))), 0, card.lastSeq());
      assertThat(store.commit(new ChangeSet(List.of(), List.of(new CardWrite(rich, card.version())), List.of(), null))
          .applied()).isTrue();
    }

    OverflowException e = catchThrowableOfType(OverflowException.class, () -> engine.liability(Fixtures.PROGRAM, T0));

    assertThat(e.code()).isEqualTo("value_out_of_range");
  }

  @Test
  void the_points_expiring_by_local_date_max_are_all_the_expiring_points() {
    LoyaltyEngine engine = monthly();
    Card card = engine.enrol(Fixtures.PROGRAM, alice.id());
    engine.apply(Fixtures.paid("e", alice, "o", 1_000));

    assertThat(engine.expirySchedule(card.code(), T0).expiringBy(LocalDate.MAX)).isEqualTo(10);
  }

  @Test
  void a_duration_negated_past_the_range_of_int_is_refused_as_a_duration() {
    assertThat(catchThrowable(() -> IsoDuration.parse("-P-2147483648D"))).isInstanceOf(InvalidInputException.class);
    assertThat(catchThrowable(() -> IsoDuration.parse("-".repeat(100_000) + "P1D"))).isInstanceOf(InvalidInputException.class);
  }

  @Test
  void daily_hours_that_are_no_time_of_day_are_refused_naming_the_field() {
    InvalidInputException e = catchThrowableOfType(InvalidInputException.class,
        () -> DailyHours.of("09:00", "25:00", DayOfWeek.MONDAY));

    assertThat(paths(e)).containsExactly("expiration_time");
  }
}
