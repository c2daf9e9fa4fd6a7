package io.loyalty.json.internal.read;

import static io.loyalty.json.internal.read.CommonReader.names;

import io.loyalty.json.WireInputException.Problem;
import io.loyalty.json.internal.wire.CustomEventWire;
import io.loyalty.json.internal.wire.CustomerWire;
import io.loyalty.json.internal.wire.OrderWire;
import io.loyalty.spi.CardCode;
import io.loyalty.spi.CustomerId;
import io.loyalty.spi.EventId;
import io.loyalty.spi.OrderId;
import io.loyalty.spi.ProductId;
import io.loyalty.spi.SkuId;
import io.loyalty.spi.event.CustomEvent;
import io.loyalty.spi.event.Customer;
import io.loyalty.spi.event.Order;
import io.loyalty.spi.event.OrderItem;
import io.loyalty.spi.event.OrderPaid;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/** Reads v1 order and custom event bodies into the engine's events. */
public final class EventReader {
  private EventReader() {}

  /** The most lines an order may have (Voucherify's limit). */
  public static final int MAX_ITEMS = 500;

  /**
   * An order with status PAID as an {@code order.paid} event. Its id is {@code order.paid:} and the order's id, so
   * the same order paid twice earns once.
   */
  public static OrderPaid orderPaid(OrderWire o, Instant occurredAt, Currency currency) {
    Problems p = new Problems();
    p.oneOf("status", o.status(), names("PAID"));
    Order order = order(p, "", o, currency);
    Customer customer = customer(p, "customer", o.customer(), o.customerId());
    p.done();
    Order paid = p.must(order);
    EventId id = p.engine("id", () -> EventId.of("order.paid:" + paid.id().value()));
    p.done();
    return new OrderPaid(p.must(id), occurredAt, p.must(customer), paid, null);
  }

  /** A tracked custom event; Voucherify gives events no id of their own, so the caller does. */
  public static CustomEvent customEvent(CustomEventWire e, EventId id, Instant occurredAt) {
    Problems p = new Problems();
    String name = p.text("event", e.event(), 300);
    Customer customer = customer(p, "customer", e.customer(), null);
    var metadata = p.metadata("metadata", e.metadata());
    var loyalty = e.loyalty();
    String code = loyalty == null ? null : loyalty.code();
    CardCode card = code == null ? null : p.engine("loyalty.code", () -> CardCode.of(code));
    p.done();
    return new CustomEvent(id, occurredAt, p.must(customer), p.must(name), metadata, card);
  }

  /** The customer of a body: {@code source_id} (the host's id) when given, else {@code id}, else {@code customer_id}. */
  static @Nullable Customer customer(Problems p, String at, @Nullable CustomerWire c, @Nullable String customerId) {
    String id = c == null ? customerId : c.sourceId() != null ? c.sourceId() : c.id();
    if (id == null) {
      p.add(Problem.MISSING_VALUE, at + ".source_id", "is required (or customer.id, or customer_id)", null);
      return null;
    }
    String path = c == null ? "customer_id" : c.sourceId() != null ? at + ".source_id" : at + ".id";
    // never quote a customer id
    CustomerId cid = p.engine(path, () -> CustomerId.of(id));
    var metadata = p.metadata(at + ".metadata", c == null ? null : c.metadata());
    return cid == null ? null : new Customer(cid, metadata, Set.of());
  }

  static @Nullable Order order(Problems p, String at0, OrderWire o, Currency currency) {
    String idText = o.sourceId() != null ? o.sourceId() : o.id();
    if (idText == null) {
      p.add(Problem.MISSING_VALUE, at0 + "source_id", "is required (or id)", null);
    }
    OrderId id = idText == null ? null : p.engine(o.sourceId() != null ? at0 + "source_id" : at0 + "id", () -> OrderId.of(idText));
    List<OrderItem> items = new ArrayList<>();
    var wireItems = o.items();
    if (wireItems != null && wireItems.size() > MAX_ITEMS) {
      p.add(Problem.LIMIT_EXCEEDED, at0 + "items", "must have at most " + MAX_ITEMS + " lines", (long) wireItems.size());
    } else if (wireItems != null) {
      for (int i = 0; i < wireItems.size(); i++) {
        OrderWire.Item item = wireItems.get(i);
        String at = at0 + "items[" + i + "]";
        OrderItem line = item == null ? p.required(at, null) : item(p, at, item);
        if (line != null) {
          items.add(line);
        }
      }
    }
    long itemsAmount = 0;
    long itemsSubtotal = 0;
    try {
      for (OrderItem item : items) {
        itemsAmount = Math.addExact(itemsAmount, item.amount());
        itemsSubtotal = Math.addExact(itemsSubtotal, item.subtotalAmount());
      }
    } catch (ArithmeticException e) {
      p.add(Problem.OUT_OF_RANGE, at0 + "items", "add up past the range of exact minor units", null);
    }
    Long amount = o.amount();
    if (amount == null && wireItems == null) {
      p.add(Problem.MISSING_VALUE, at0 + "amount", "is required when the order has no items", null);
    }
    long total = amount == null ? itemsAmount : p.range(at0 + "amount", amount, 0, Long.MAX_VALUE);
    Long discount = o.discountAmount();
    long off = discount == null ? 0 : p.range(at0 + "discount_amount", discount, 0, Long.MAX_VALUE);
    Long given = o.totalAmount();
    long after;
    if (given != null) {
      after = p.range(at0 + "total_amount", given, 0, Long.MAX_VALUE);
    } else {
      long base = items.isEmpty() ? total : itemsSubtotal;
      after = base - off;
      if (after < 0) {
        p.add(Problem.OUT_OF_RANGE, at0 + "discount_amount", "must not exceed the order's amount", off);
      }
    }
    var metadata = p.metadata(at0 + "metadata", o.metadata());
    if (id == null || !p.ok()) {
      return null;
    }
    return new Order(id, currency, total, after, items, metadata);
  }

  private static @Nullable OrderItem item(Problems p, String at, OrderWire.Item i) {
    var product = i.product();
    var sku = i.sku();
    String productText = i.productId() != null ? i.productId()
        : product == null ? null : product.id() != null ? product.id() : product.sourceId();
    String skuText = i.skuId() != null ? i.skuId() : sku == null ? null : sku.id() != null ? sku.id() : sku.sourceId();
    if (productText == null && skuText == null) {
      p.add(Problem.MISSING_VALUE, at + ".product_id", "is required (or sku_id)", null);
    }
    ProductId productId = productText == null ? null : p.engine(at + ".product_id", () -> ProductId.of(productText));
    SkuId skuId = skuText == null ? null : p.engine(at + ".sku_id", () -> SkuId.of(skuText));
    Long quantity = p.required(at + ".quantity", i.quantity());
    long units = quantity == null ? 1 : p.range(at + ".quantity", quantity, 1, Long.MAX_VALUE);
    Long price = i.price();
    Long amount = i.amount();
    if (price == null && amount == null) {
      p.add(Problem.MISSING_VALUE, at + ".price", "is required (or amount)", null);
      return null;
    }
    long unitPrice;
    if (price != null) {
      unitPrice = p.range(at + ".price", price, 0, Long.MAX_VALUE);
    } else if (amount != null && amount % units == 0) {
      unitPrice = amount / units;
    } else {
      p.add(Problem.MISSING_VALUE, at + ".price", "is required when amount is not a whole multiple of quantity", null);
      return null;
    }
    Long lineAmount = amount != null ? Long.valueOf(p.range(at + ".amount", amount, 0, Long.MAX_VALUE))
        : p.engine(at + ".amount", () -> Math.multiplyExact(unitPrice, units));
    if (lineAmount == null) {
      return null;
    }
    Long subtotal = i.subtotalAmount();
    Long applied = i.appliedDiscountAmount();
    long lineSubtotal = subtotal != null ? p.range(at + ".subtotal_amount", subtotal, 0, lineAmount)
        : applied != null ? lineAmount - p.range(at + ".applied_discount_amount", applied, 0, lineAmount) : lineAmount;
    var metadata = p.metadata(at + ".metadata", i.metadata());
    if (productId == null && skuId == null) {
      return null;
    }
    return new OrderItem(productId, skuId, units, unitPrice, lineAmount, lineSubtotal, metadata);
  }
}
