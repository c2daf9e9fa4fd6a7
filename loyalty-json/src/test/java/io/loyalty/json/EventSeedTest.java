package io.loyalty.json;

import static io.loyalty.json.Bodies.WIRE;
import static io.loyalty.json.Bodies.seed;
import static org.assertj.core.api.Assertions.assertThat;

import io.loyalty.spi.CustomerId;
import io.loyalty.spi.EventId;
import io.loyalty.spi.MetaValue;
import io.loyalty.spi.OrderId;
import io.loyalty.spi.ProductId;
import io.loyalty.spi.SkuId;
import io.loyalty.spi.event.OrderItem;
import io.loyalty.spi.event.OrderPaid;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Currency;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Order and custom event bodies read as the engine's events. */
class EventSeedTest {
  private static final Instant NOW = Instant.parse("2022-11-07T13:20:00Z");

  @Test
  @DisplayName("seed 000's tracked event is a custom event of the customer with exact metadata")
  void customEventOfSeed000() {
    var event = WIRE.readCustomEvent(seed("000-custom-event.json"), EventId.of("evcus_1"), NOW);

    assertThat(event.eventName()).isEqualTo("submit_review");
    assertThat(event.customer().id()).isEqualTo(CustomerId.of("alice@morgan.com"));
    assertThat(event.metadata().get("rank")).isEqualTo(new MetaValue.Num(BigDecimal.valueOf(5)));
    assertThat(event.metadata().get("url")).isEqualTo(new MetaValue.Text("http://example.com/reviews/ACM3"));
    assertThat(event.card()).isNull();
  }

  @Test
  @DisplayName("a PAID order is an order.paid event named after the order, in the project's currency")
  void paidOrder() {
    String body = """
        {"source_id": "ord_1001", "status": "PAID", "customer": {"source_id": "alice@morgan.com",
         "metadata": {"customer_life_time_value": 14}},
         "discount_amount": 1000, "metadata": {"number_of_store_visits": 5},
         "items": [
           {"product_id": "prod_phone", "sku_id": "sku_brand", "quantity": 1, "price": 49900},
           {"product_id": "prod_case", "quantity": 2, "price": 1500, "amount": 3000, "applied_discount_amount": 500}
         ]}""";

    OrderPaid paid = WIRE.readOrderPaid(body, NOW);

    assertThat(paid.id()).isEqualTo(EventId.of("order.paid:ord_1001"));
    assertThat(paid.occurredAt()).isEqualTo(NOW);
    assertThat(paid.customer().metadata().number("customer_life_time_value")).contains(BigDecimal.valueOf(14));
    var order = paid.order();
    assertThat(order.id()).isEqualTo(OrderId.of("ord_1001"));
    assertThat(order.currency()).isEqualTo(Currency.getInstance("USD"));
    assertThat(order.items()).containsExactly(
        new OrderItem(ProductId.of("prod_phone"), SkuId.of("sku_brand"), 1, 49_900, 49_900, 49_900, io.loyalty.spi.Metadata.EMPTY),
        new OrderItem(ProductId.of("prod_case"), null, 2, 1_500, 3_000, 2_500, io.loyalty.spi.Metadata.EMPTY));
    assertThat(order.amount()).isEqualTo(52_900);
    assertThat(order.totalAmount()).isEqualTo(52_900 - 500 - 1_000);
  }

  @Test
  @DisplayName("an order's given total amount wins over the one derived from its lines")
  void givenTotalWins() {
    var paid = WIRE.readOrderPaid("""
        {"id": "ord_1", "status": "PAID", "customer_id": "cust_1", "amount": 10000, "total_amount": 9000}""", NOW);

    assertThat(paid.order().amount()).isEqualTo(10_000);
    assertThat(paid.order().totalAmount()).isEqualTo(9_000);
    assertThat(paid.customer().id()).isEqualTo(CustomerId.of("cust_1"));
  }
}
