package io.loyalty.core.internal.condition;

import static io.loyalty.core.internal.condition.Events.cart;
import static io.loyalty.core.internal.condition.Events.compile;
import static io.loyalty.core.internal.condition.Events.noOrder;
import static org.assertj.core.api.Assertions.assertThat;

import io.loyalty.core.internal.eval.EvaluationContext;
import io.loyalty.spi.CollectionId;
import io.loyalty.spi.Metadata;
import io.loyalty.spi.event.OrderItem;
import io.loyalty.spi.host.ProductCollections;
import io.loyalty.spi.host.ValidationRules;
import io.loyalty.spi.program.Comparison;
import io.loyalty.spi.program.Condition;
import io.loyalty.spi.program.Condition.Quantifier;
import io.loyalty.spi.program.ItemTarget;
import io.loyalty.spi.program.Operator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * order.items any/every/none over one hand-worked cart: [0] 2 shoes at 5000 (red), [1] 5 blue socks
 * (a SKU) at 300 (blue), [2] 1 hat at 2000 (no metadata).
 */
class ItemsConditionTest {
  private static final EvaluationContext CART = cart(
      OrderItem.product("prod_shoe", 2, 5000).withMetadata(Metadata.of("color", "red")),
      OrderItem.sku("prod_sock", "sku_sock_blue", 5, 300).withMetadata(Metadata.of("color", "blue")),
      OrderItem.product("prod_hat", 1, 2000));

  private static Condition items(Quantifier quantifier, List<ItemTarget> targets, @Nullable Condition each) {
    return new Condition.Items(quantifier, targets, each);
  }

  private static Condition quantity(Comparison comparison) {
    return new Condition.ItemQuantity(comparison);
  }

  private static Condition price(Comparison comparison) {
    return new Condition.ItemPrice(comparison);
  }

  @Test
  @DisplayName("any holds when a product target matches a line")
  void anyProduct() {
    assertThat(compile(items(Quantifier.ANY, List.of(ItemTarget.product("prod_sock")), null)).test(CART)).isTrue();
  }

  @Test
  @DisplayName("any holds when a SKU target matches a line")
  void anySku() {
    assertThat(compile(items(Quantifier.ANY, List.of(ItemTarget.sku("sku_sock_blue")), null)).test(CART)).isTrue();
  }

  @Test
  @DisplayName("any fails when no line is a target")
  void anyNoTarget() {
    assertThat(compile(items(Quantifier.ANY, List.of(ItemTarget.product("prod_bag")), null)).failure(CART))
        .isEqualTo("order.items.any(product prod_bag) (no such line)");
  }

  @Test
  @DisplayName("any with no targets and a quantity check holds through the socks")
  void anyQuantity() {
    assertThat(compile(items(Quantifier.ANY, List.of(), quantity(Comparison.moreThan(4)))).test(CART)).isTrue();
  }

  @Test
  @DisplayName("any fails when the target line does not satisfy each")
  void anyTargetFailsEach() {
    Condition condition =
        items(Quantifier.ANY, List.of(ItemTarget.product("prod_shoe")), quantity(Comparison.moreThan(2)));
    assertThat(compile(condition).failure(CART))
        .isEqualTo("order.items.any(product prod_shoe) where order.items.quantity $more_than 2 (no such line)");
  }

  @Test
  @DisplayName("any with a collection target asks the host's catalog")
  void anyCollection() {
    ProductCollections catalog =
        ProductCollections.of(Map.of(CollectionId.of("col_apparel"), Set.of("prod_sock", "prod_hat")));
    Condition condition =
        items(Quantifier.ANY, List.of(ItemTarget.collection("col_apparel")), price(Comparison.atLeast(2000)));
    assertThat(new ConditionCompiler().compile(condition)
        .test(CART.withAnswers(io.loyalty.core.internal.engine.HostAnswering.recording(ValidationRules.none(), catalog))))
        .isTrue();
  }

  @Test
  @DisplayName("every holds when every line satisfies each")
  void everyHolds() {
    assertThat(compile(items(Quantifier.EVERY, List.of(), price(Comparison.atLeast(300)))).test(CART)).isTrue();
  }

  @Test
  @DisplayName("every fails naming the first line that does not satisfy each")
  void everyFailsOnLine() {
    assertThat(compile(items(Quantifier.EVERY, List.of(), price(Comparison.atLeast(1000)))).failure(CART)).isEqualTo(
        "order.items.every where order.items.price $more_than_or_equal 1000"
            + " (order.items[1]: order.items.price $more_than_or_equal 1000 (was 300))");
  }

  @Test
  @DisplayName("every fails when a line is not a target")
  void everyFailsOnNonTarget() {
    assertThat(compile(items(Quantifier.EVERY, List.of(ItemTarget.product("prod_shoe")), null)).failure(CART))
        .isEqualTo("order.items.every(product prod_shoe) (order.items[1] is not a target)");
  }

  @Test
  @DisplayName("every fails on an empty cart")
  void everyEmptyCart() {
    assertThat(compile(items(Quantifier.EVERY, List.of(), null)).failure(cart()))
        .isEqualTo("order.items.every (the cart is empty)");
  }

  @Test
  @DisplayName("every with a metadata check fails on the line without that property")
  void everyMetadataMissing() {
    Condition each = new Condition.ItemMetadata("color", Comparison.of(Operator.IS_DEFINED));
    assertThat(compile(items(Quantifier.EVERY, List.of(), each)).failure(CART)).isEqualTo(
        "order.items.every where order.items.metadata.color $exists"
            + " (order.items[2]: order.items.metadata.color $exists (was missing))");
  }

  @Test
  @DisplayName("every with an any-of each holds when each line satisfies one alternative")
  void everyWithAlternatives() {
    Condition each = Condition.any(quantity(Comparison.moreThan(4)), price(Comparison.moreThan(1000)));
    assertThat(compile(items(Quantifier.EVERY, List.of(), each)).test(CART)).isTrue();
  }

  @Test
  @DisplayName("none holds when no line is a target")
  void noneHolds() {
    assertThat(compile(items(Quantifier.NONE, List.of(ItemTarget.product("prod_bag")), null)).test(CART)).isTrue();
  }

  @Test
  @DisplayName("none fails naming a line that is a target and satisfies each")
  void noneFails() {
    Condition each = new Condition.ItemMetadata("color", Comparison.is("blue"));
    assertThat(compile(items(Quantifier.NONE, List.of(), each)).failure(CART))
        .isEqualTo("order.items.none where order.items.metadata.color $is \"blue\" (order.items[1] is one)");
  }

  @Test
  @DisplayName("none holds when the target line does not satisfy each")
  void noneTargetFailsEach() {
    Condition condition =
        items(Quantifier.NONE, List.of(ItemTarget.product("prod_hat")), quantity(Comparison.moreThan(1)));
    assertThat(compile(condition).test(CART)).isTrue();
  }

  @Test
  @DisplayName("none holds on an empty cart")
  void noneEmptyCart() {
    assertThat(compile(items(Quantifier.NONE, List.of(), null)).test(cart())).isTrue();
  }

  @Test
  @DisplayName("not inside each inverts the line check")
  void notInsideEach() {
    Condition each = new Condition.Not(new Condition.ItemMetadata("color", Comparison.is("red")));
    assertThat(compile(items(Quantifier.ANY, List.of(ItemTarget.product("prod_shoe")), each)).test(CART)).isFalse();
  }

  @Test
  @DisplayName("items fail on an event without an order")
  void itemsWithoutOrder() {
    assertThat(compile(items(Quantifier.NONE, List.of(), null)).failure(noOrder()))
        .isEqualTo("order.items.none (the event has no order)");
  }
}
