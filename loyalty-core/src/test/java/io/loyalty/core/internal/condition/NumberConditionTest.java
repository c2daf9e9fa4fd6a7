package io.loyalty.core.internal.condition;

import static io.loyalty.core.internal.condition.Events.cart;
import static io.loyalty.core.internal.condition.Events.compile;
import static io.loyalty.core.internal.condition.Events.noOrder;
import static io.loyalty.core.internal.condition.Events.paid;
import static org.assertj.core.api.Assertions.assertThat;

import io.loyalty.core.internal.eval.EvaluationContext;
import io.loyalty.spi.event.Order;
import io.loyalty.spi.event.OrderItem;
import io.loyalty.spi.program.Comparison;
import io.loyalty.spi.program.Condition;
import io.loyalty.spi.program.Operator;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Order amounts and counts against every operator that applies to whole numbers. */
class NumberConditionTest {
  private static final EvaluationContext AMOUNT_5000 = paid(5000);

  private static String amountFailure(Operator operator, Object... operands) {
    return compile(new Condition.OrderAmount(Comparison.of(operator, operands))).failure(AMOUNT_5000);
  }

  @Test
  @DisplayName("$is holds for the same amount")
  void isHolds() {
    assertThat(amountFailure(Operator.IS, 5000)).isNull();
  }

  @Test
  @DisplayName("$is fails for another amount and shows the actual one")
  void isFails() {
    assertThat(amountFailure(Operator.IS, 4999)).isEqualTo("order.amount $is 4999 (was 5000)");
  }

  @Test
  @DisplayName("$is_not holds for another amount")
  void isNotHolds() {
    assertThat(amountFailure(Operator.IS_NOT, 4999)).isNull();
  }

  @Test
  @DisplayName("$is_not fails for the same amount")
  void isNotFails() {
    assertThat(amountFailure(Operator.IS_NOT, 5000)).isEqualTo("order.amount $is_not 5000 (was 5000)");
  }

  @Test
  @DisplayName("$in holds when the amount is listed")
  void inHolds() {
    assertThat(amountFailure(Operator.IN, 9000, 5000, 1000)).isNull();
  }

  @Test
  @DisplayName("$in fails when the amount is not listed")
  void inFails() {
    assertThat(amountFailure(Operator.IN, 9000, 1000)).isEqualTo("order.amount $in [9000, 1000] (was 5000)");
  }

  @Test
  @DisplayName("$not_in holds when the amount is not listed")
  void notInHolds() {
    assertThat(amountFailure(Operator.NOT_IN, 9000, 1000)).isNull();
  }

  @Test
  @DisplayName("$not_in fails when the amount is listed")
  void notInFails() {
    assertThat(amountFailure(Operator.NOT_IN, 5000)).isEqualTo("order.amount $not_in [5000] (was 5000)");
  }

  @Test
  @DisplayName("$less_than holds below the bound")
  void lessThanHolds() {
    assertThat(amountFailure(Operator.LESS_THAN, 5001)).isNull();
  }

  @Test
  @DisplayName("$less_than fails at the bound")
  void lessThanFailsAtBound() {
    assertThat(amountFailure(Operator.LESS_THAN, 5000)).isEqualTo("order.amount $less_than 5000 (was 5000)");
  }

  @Test
  @DisplayName("$less_than_or_equal holds at the bound")
  void lessThanOrEqualHoldsAtBound() {
    assertThat(amountFailure(Operator.LESS_THAN_OR_EQUAL, 5000)).isNull();
  }

  @Test
  @DisplayName("$less_than_or_equal fails above the bound")
  void lessThanOrEqualFails() {
    assertThat(amountFailure(Operator.LESS_THAN_OR_EQUAL, 4999)).isNotNull();
  }

  @Test
  @DisplayName("$more_than fails below the bound, as in order.amount $more_than 10000 (was 5000)")
  void moreThanFails() {
    assertThat(amountFailure(Operator.MORE_THAN, 10000)).isEqualTo("order.amount $more_than 10000 (was 5000)");
  }

  @Test
  @DisplayName("$more_than fails at the bound")
  void moreThanFailsAtBound() {
    assertThat(amountFailure(Operator.MORE_THAN, 5000)).isNotNull();
  }

  @Test
  @DisplayName("$more_than holds above the bound")
  void moreThanHolds() {
    assertThat(amountFailure(Operator.MORE_THAN, 4999)).isNull();
  }

  @Test
  @DisplayName("$more_than_or_equal holds at the bound")
  void moreThanOrEqualHoldsAtBound() {
    assertThat(amountFailure(Operator.MORE_THAN_OR_EQUAL, 5000)).isNull();
  }

  @Test
  @DisplayName("$more_than_or_equal fails below the bound")
  void moreThanOrEqualFails() {
    assertThat(amountFailure(Operator.MORE_THAN_OR_EQUAL, 5001)).isNotNull();
  }

  @Test
  @DisplayName("$exists holds for the amount of any order")
  void existsHolds() {
    assertThat(amountFailure(Operator.IS_DEFINED)).isNull();
  }

  @Test
  @DisplayName("amounts are compared exactly near the largest long, where a double would round")
  void exactAtLongRange() {
    EvaluationContext huge = paid(Long.MAX_VALUE);
    assertThat(compile(new Condition.OrderAmount(Comparison.moreThan(Long.MAX_VALUE - 1))).test(huge)).isTrue();
  }

  @Test
  @DisplayName("order.total_amount compares the amount after discounts")
  void totalAmountAfterDiscounts() {
    EvaluationContext discounted = paid(Order.ofAmount("ord_1", "EUR", 5000).withDiscount(1500));
    assertThat(compile(new Condition.OrderTotalAmount(Comparison.is(3500))).failure(discounted)).isNull();
  }

  @Test
  @DisplayName("order.total_amount fails with the total, not the amount, in its description")
  void totalAmountFailure() {
    EvaluationContext discounted = paid(Order.ofAmount("ord_1", "EUR", 5000).withDiscount(1500));
    assertThat(compile(new Condition.OrderTotalAmount(Comparison.atLeast(5000))).failure(discounted))
        .isEqualTo("order.total_amount $more_than_or_equal 5000 (was 3500)");
  }

  @Test
  @DisplayName("order.items.count counts order lines, not units")
  void itemsCountCountsLines() {
    EvaluationContext twoLines = cart(OrderItem.product("prod_1", 5, 100), OrderItem.product("prod_2", 1, 100));
    assertThat(compile(new Condition.OrderItemsCount(Comparison.is(2))).test(twoLines)).isTrue();
  }

  @Test
  @DisplayName("order.items.count of an order with no items is zero")
  void itemsCountOfEmptyOrder() {
    assertThat(compile(new Condition.OrderItemsCount(Comparison.atLeast(1))).failure(AMOUNT_5000))
        .isEqualTo("order.items.count $more_than_or_equal 1 (was 0)");
  }

  @Test
  @DisplayName("order.amount fails on an event without an order, saying so")
  void amountWithoutOrder() {
    assertThat(compile(new Condition.OrderAmount(Comparison.atLeast(0))).failure(noOrder()))
        .isEqualTo("order.amount $more_than_or_equal 0 (the event has no order)");
  }

  @Test
  @DisplayName("order.amount $is_not fails too on an event without an order")
  void isNotWithoutOrder() {
    assertThat(compile(new Condition.OrderAmount(Comparison.of(Operator.IS_NOT, 1))).test(noOrder())).isFalse();
  }

  @Test
  @DisplayName("order.items.count fails on an event without an order")
  void countWithoutOrder() {
    assertThat(compile(new Condition.OrderItemsCount(Comparison.atLeast(0))).test(noOrder())).isFalse();
  }

  @Test
  @DisplayName("order.total_amount fails on an event without an order")
  void totalWithoutOrder() {
    assertThat(compile(new Condition.OrderTotalAmount(Comparison.atLeast(0))).test(noOrder())).isFalse();
  }
}
