package io.loyalty.core;

import static io.loyalty.core.Fixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.loyalty.spi.card.Card;
import io.loyalty.spi.card.EntryType;
import io.loyalty.spi.card.LedgerEntry;
import io.loyalty.spi.earning.EventOutcome;
import io.loyalty.spi.earning.Reversal;
import io.loyalty.spi.event.Customer;
import io.loyalty.spi.event.Order;
import io.loyalty.spi.event.OrderItem;
import io.loyalty.spi.event.OrderPaid;
import io.loyalty.spi.event.OrderRefunded;
import io.loyalty.spi.event.RefundLine;
import io.loyalty.spi.program.EarningRule;
import io.loyalty.spi.program.ItemTarget;
import io.loyalty.spi.program.Measure;
import io.loyalty.spi.program.PendingPoints;
import io.loyalty.spi.program.PointsFormula;
import io.loyalty.spi.program.Program;
import io.loyalty.spi.program.RefundPolicy;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Refunds take back what the refunded lines earned, with the rules that granted them. The order: line 0 =
 * 2 × prod_a at 50.00, line 1 = 1 × prod_b at 30.00; 13 000 cents; one point per whole euro, plus a 50-point
 * bonus for orders of at least 100.00.
 */
class RefundTest {
  final Customer alice = Fixtures.customer("alice");
  final Order order = Order.of("ord_1", "EUR", OrderItem.product("prod_a", 2, 5_000), OrderItem.product("prod_b", 1, 3_000));
  final Instant later = T0.plus(Duration.ofDays(1));

  static EarningRule perEuro() {
    return Fixtures.perAmount("per_euro", 100, 1);
  }

  static EarningRule bigOrderBonus() {
    return Fixtures.orderRule("bonus", PointsFormula.fixed(50)).toBuilder()
        .condition(new io.loyalty.spi.program.Condition.OrderAmount(io.loyalty.spi.program.Comparison.atLeast(10_000)))
        .build();
  }

  record World(LoyaltyEngine engine, Card card) {}

  /** The order is paid at T0; then the clock moves on a day, to when the refunds happen. */
  World world(Program program) {
    MutableClock clock = new MutableClock(T0);
    LoyaltyEngine engine = Fixtures.engine().clock(clock).build();
    engine.define(program);
    Card card = engine.enrol(program.id(), alice.id());
    engine.apply(OrderPaid.of("paid_1", T0, alice, order));
    clock.set(later);
    return new World(engine, card);
  }

  @Test
  void a_whole_refund_takes_back_everything_the_order_earned_and_restores_every_counter() {
    World w = world(Fixtures.program(perEuro(), bigOrderBonus()));
    assertThat(w.engine.balance(w.card.code())).isEqualTo(180);
    EventOutcome outcome = w.engine.apply(OrderRefunded.whole("refund_1", later, alice, "ord_1"));
    assertThat(outcome.points()).isEqualTo(-180);
    assertThat(w.engine.balance(w.card.code(), later)).isZero();
    CardSummary summary = w.engine.summary(w.card.code(), later);
    assertThat(summary.earned()).isEqualTo(180);
    assertThat(summary.reversed()).isEqualTo(180);
  }

  @Test
  void a_partial_refund_takes_back_what_the_refunded_units_earned_recomputed_with_the_granting_rules() {
    World w = world(Fixtures.program(perEuro(), bigOrderBonus()));
    // one prod_a back: 8 000 left → 80 points, and the bonus no longer applies → owed 50 + 50
    EventOutcome outcome = w.engine.apply(OrderRefunded.lines("refund_1", later, alice, "ord_1", new RefundLine(0, 1)));
    assertThat(outcome.programs().get(0).reversals()).containsExactly(
        new Reversal(perEuro().id(), 50, 0, 50, 0, 0), new Reversal(bigOrderBonus().id(), 50, 0, 50, 0, 0));
    assertThat(w.engine.balance(w.card.code(), later)).isEqualTo(80);
    // the rest of the order back: 80 more
    w.engine.apply(OrderRefunded.lines("refund_2", later, alice, "ord_1", new RefundLine(0, 1), new RefundLine(1, 1)));
    assertThat(w.engine.balance(w.card.code(), later)).isZero();
    assertThatThrownBy(() -> w.engine.apply(OrderRefunded.lines("refund_3", later, alice, "ord_1", new RefundLine(1, 1))))
        .isInstanceOf(io.loyalty.spi.InvalidInputException.class).hasMessageContaining("lines[0].quantity");
  }

  @Test
  void a_refund_is_idempotent_by_its_id() {
    World w = world(Fixtures.program(perEuro()));
    OrderRefunded refund = OrderRefunded.lines("refund_1", later, alice, "ord_1", new RefundLine(1, 1));
    EventOutcome first = w.engine.apply(refund);
    assertThat(w.engine.apply(refund)).isEqualTo(first);
    assertThat(w.engine.balance(w.card.code(), later)).isEqualTo(100);
  }

  @Test
  void a_refund_uses_the_rules_that_granted_the_points_not_todays() {
    World w = world(Fixtures.program(perEuro()));
    w.engine.define(Fixtures.program(Fixtures.perAmount("per_euro", 100, 10))); // ten times richer now
    w.engine.apply(OrderRefunded.lines("refund_1", later, alice, "ord_1", new RefundLine(1, 1)));
    assertThat(w.engine.balance(w.card.code(), later)).isEqualTo(100);
  }

  @Test
  void a_refund_of_an_order_that_never_earned_is_a_no_op() {
    World w = world(Fixtures.program(perEuro()));
    EventOutcome outcome = w.engine.apply(OrderRefunded.whole("refund_x", later, alice, "ord_unknown"));
    assertThat(outcome.programs()).isEmpty();
    assertThat(w.engine.balance(w.card.code(), later)).isEqualTo(130);
  }

  @Test
  void pending_points_are_taken_back_first() {
    EarningRule pending = Fixtures.perAmount("pending", 100, 1).toBuilder().pendingPoints(new PendingPoints(30)).build();
    World w = world(Fixtures.program(pending, Fixtures.perAmount("instant", 100, 1)));
    w.engine.apply(OrderRefunded.whole("refund_1", later, alice, "ord_1"));
    assertThat(w.engine.pendingPoints(w.card.code(), later)).isZero();
    assertThat(w.engine.balance(w.card.code(), later)).isZero();
    LedgerEntry reversal = w.engine.ledger(w.card.code()).stream()
        .filter(e -> e.type() == EntryType.POINTS_REVERSAL && e.rule().value().equals("pending")).findFirst().orElseThrow();
    assertThat(reversal.pending()).isEqualTo(-130);
    assertThat(reversal.points()).isZero();
  }

  World spentWorld(RefundPolicy policy) {
    World w = world(Fixtures.program(perEuro()).toBuilder().refundPolicy(policy).build());
    w.engine.removePoints(w.card.code(), 100, "spent elsewhere", null);
    return w;
  }

  @Test
  void within_balance_takes_what_is_left_and_records_the_shortfall() {
    World w = spentWorld(RefundPolicy.WITHIN_BALANCE);
    EventOutcome outcome = w.engine.apply(OrderRefunded.whole("refund_1", later, alice, "ord_1"));
    assertThat(outcome.programs().get(0).reversals()).containsExactly(new Reversal(perEuro().id(), 130, 0, 30, 0, 100));
    assertThat(w.engine.balance(w.card.code(), later)).isZero();
  }

  @Test
  void only_pending_leaves_spent_and_usable_points_alone() {
    World w = spentWorld(RefundPolicy.ONLY_PENDING);
    EventOutcome outcome = w.engine.apply(OrderRefunded.whole("refund_1", later, alice, "ord_1"));
    assertThat(outcome.programs().get(0).reversals()).containsExactly(new Reversal(perEuro().id(), 130, 0, 0, 0, 130));
    assertThat(w.engine.balance(w.card.code(), later)).isEqualTo(30);
  }

  @Test
  void unlimited_leaves_a_debt_that_future_earning_repays_first() {
    World w = spentWorld(RefundPolicy.UNLIMITED);
    w.engine.apply(OrderRefunded.whole("refund_1", later, alice, "ord_1"));
    assertThat(w.engine.balance(w.card.code(), later)).isEqualTo(-100);
    assertThat(w.engine.card(w.card.code()).debt()).isEqualTo(100);
    w.engine.apply(OrderPaid.of("paid_2", later, alice, Order.ofAmount("ord_2", "EUR", 15_000)));
    assertThat(w.engine.balance(w.card.code(), later)).isEqualTo(50);
    assertThat(w.engine.card(w.card.code()).debt()).isZero();
    assertThat(w.engine.ledger(w.card.code()).stream().mapToLong(LedgerEntry::points).sum()).isEqualTo(50);
  }

  @Test
  void an_item_rule_reverses_only_the_refunded_lines_share() {
    EarningRule aOnly = Fixtures.orderRule("a_only", PointsFormula.proportional(
        new Measure.OrderItems(Measure.ItemMeasure.QUANTITY, List.of(ItemTarget.product("prod_a"))), 1, 10));
    World w = world(Fixtures.program(aOnly));
    assertThat(w.engine.balance(w.card.code())).isEqualTo(20);
    w.engine.apply(OrderRefunded.lines("refund_1", later, alice, "ord_1", new RefundLine(1, 1)));
    assertThat(w.engine.balance(w.card.code(), later)).isEqualTo(20);
    w.engine.apply(OrderRefunded.lines("refund_2", later, alice, "ord_1", new RefundLine(0, 1)));
    assertThat(w.engine.balance(w.card.code(), later)).isEqualTo(10);
  }
}
