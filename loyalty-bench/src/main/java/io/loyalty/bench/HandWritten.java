package io.loyalty.bench;

import io.loyalty.spi.MetaValue;
import io.loyalty.spi.Metadata;
import io.loyalty.spi.ProductId;
import io.loyalty.spi.SkuId;
import io.loyalty.spi.event.Customer;
import io.loyalty.spi.event.Order;
import io.loyalty.spi.event.OrderItem;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Set;

/**
 * The floor: the 12 rules of {@link Workload} as one Java method, hard-coded, one pass over the lines, in
 * exact integer arithmetic. No engine can beat it; every other variant is measured as a multiple of it.
 */
public final class HandWritten {
  private static final ProductId PHONE = ProductId.of("prod_phone");
  private static final SkuId BLACK = SkuId.of("sku_black");
  private static final Set<String> ACCESSORIES = Set.of("prod_case", "prod_charger", "prod_cable");

  private HandWritten() {}

  /** What the order earns, rule by rule. */
  public static Tally earn(Order order, Customer customer) {
    Tally tally = new Tally();
    long phoneAmount = 0;
    long accessoriesSubtotal = 0;
    long blackQuantity = 0;
    long accessoriesQuantity = 0;
    int phoneLines = 0;
    int accessoryLines = 0;
    int blackLines = 0;
    List<OrderItem> items = order.items();
    for (int i = 0; i < items.size(); i++) {
      OrderItem line = items.get(i);
      if (PHONE.equals(line.product())) {
        phoneAmount = Math.addExact(phoneAmount, line.amount());
        phoneLines |= 1 << i;
      }
      if (BLACK.equals(line.sku())) {
        blackQuantity = Math.addExact(blackQuantity, line.quantity());
        blackLines |= 1 << i;
      }
      if (isAccessory(line)) {
        accessoriesSubtotal = Math.addExact(accessoriesSubtotal, line.subtotalAmount());
        accessoriesQuantity = Math.addExact(accessoriesQuantity, line.quantity());
        accessoryLines |= 1 << i;
      }
    }
    tally.add(0, 5, 0);
    tally.add(1, steps(order.amount(), 100, 1), 0);
    tally.add(2, steps(order.totalAmount(), 100, 1), 0);
    tally.add(3, metadataSteps(order.metadata(), "store_visits", 2, 1), 0);
    if (phoneLines != 0) {
      tally.add(4, steps(phoneAmount, 1_000, 2), phoneLines);
    }
    if (accessoryLines != 0) {
      tally.add(5, steps(accessoriesSubtotal, 100, 2), accessoryLines);
    }
    if (blackLines != 0) {
      tally.add(6, steps(blackQuantity, 1, 10), blackLines);
    }
    tally.add(7, metadataSteps(customer.metadata(), "ltv", 1, 1), 0);
    if (order.amount() >= 10_000) {
      tally.add(8, 50, 0);
    }
    tally.add(9, steps(order.amount(), 1_000, 3), 0);
    // pro rata, rounded half up: round(total x 7 / 1000) for a non-negative total
    tally.add(10, Math.floorDiv(Math.addExact(Math.multiplyExact(order.totalAmount(), 14), 1_000), 2_000), 0);
    if (accessoryLines != 0) {
      tally.add(11, steps(accessoriesQuantity, 2, 1), accessoryLines);
    }
    return tally;
  }

  static boolean isAccessory(OrderItem line) {
    ProductId product = line.product();
    SkuId sku = line.sku();
    return (product != null && ACCESSORIES.contains(product.value())) || (sku != null && ACCESSORIES.contains(sku.value()));
  }

  static long steps(long value, long every, long points) {
    return Math.multiplyExact(Math.floorDiv(value, every), points);
  }

  static long metadataSteps(Metadata metadata, String key, long every, long points) {
    if (!(metadata.get(key) instanceof MetaValue.Num n)) {
      return 0;
    }
    BigDecimal value = n.value();
    if (value.scale() == 0) { // an integral number: stays in long arithmetic, no allocation
      return steps(value.longValueExact(), every, points);
    }
    return Math.multiplyExact(value.divide(BigDecimal.valueOf(every), 0, RoundingMode.FLOOR).longValueExact(), points);
  }
}
