package io.loyalty.core.internal.validation;

import io.loyalty.spi.Limits;
import io.loyalty.spi.MetaValue;
import io.loyalty.spi.Metadata;
import io.loyalty.spi.Violation;
import io.loyalty.spi.event.CustomEvent;
import io.loyalty.spi.event.Customer;
import io.loyalty.spi.event.LoyaltyEvent;
import io.loyalty.spi.event.Order;
import io.loyalty.spi.event.OrderItem;
import io.loyalty.spi.event.OrderPaid;
import io.loyalty.spi.event.OrderRefunded;
import io.loyalty.spi.event.RefundLine;
import io.loyalty.spi.event.SegmentEntered;
import io.loyalty.spi.host.EventSchemas;
import io.loyalty.spi.program.EventSchema;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Validates an event whole before it is evaluated: ids and instant present, order amounts consistent and
 * in range, custom event metadata matching its schema. Collects every offending field with its path.
 */
public final class EventValidator {
  /**
   * The largest amount, price or quantity accepted, in minor units: ten quadrillion, far beyond any real
   * order and far enough from {@code Long.MAX_VALUE} that sums over 500 lines cannot wrap.
   */
  public static final long MAX_AMOUNT = 10_000_000_000_000_000L;

  private final EventSchemas schemas;

  /** A validator checking custom events against the host's schemas. */
  public EventValidator(EventSchemas schemas) {
    this.schemas = schemas;
  }

  /** Every violation of the event; empty when it is valid. */
  public List<Violation> validate(LoyaltyEvent event) {
    Violations v = new Violations();
    if (!v.present(event, "event")) {
      return v.list();
    }
    v.present(event.id(), "id");
    v.present(event.occurredAt(), "created_at");
    Customer customer = event.customer();
    if (v.present(customer, "customer")) {
      v.present(customer.id(), "customer.id");
    }
    if (event instanceof OrderPaid paid) {
      checkOrder(v, paid.order());
    } else if (event instanceof SegmentEntered entered) {
      v.present(entered.segment(), "segment.id");
    } else if (event instanceof CustomEvent custom) {
      checkCustom(v, custom);
    } else if (event instanceof io.loyalty.spi.event.TierMoved moved) {
      v.present(moved.card(), "loyalty.code");
      v.present(moved.move(), "event");
      v.present(moved.tier(), "loyalty_tier.id");
    } else if (event instanceof OrderRefunded refund) {
      v.present(refund.order(), "order.id");
      java.util.Set<Integer> seen = new java.util.HashSet<>();
      for (int i = 0; i < refund.lines().size(); i++) {
        RefundLine line = refund.lines().get(i);
        if (v.present(line, "lines[" + i + "]")) {
          v.check(line.line() >= 0 && seen.add(line.line()), "lines[" + i + "].line",
              "must be a line index, each at most once", line.line());
          v.check(line.quantity() >= 1 && line.quantity() <= MAX_AMOUNT, "lines[" + i + "].quantity",
              "must be from 1 to " + MAX_AMOUNT, line.quantity());
        }
      }
    }
    return v.list();
  }

  /**
   * Checks an order whole (id, currency, amounts from 0 to {@link #MAX_AMOUNT}, total at most amount, lines
   * consistent, metadata) under the path {@code order}; shared by events and redemption requests.
   */
  // The hot path of every order: checks build paths, messages and boxed values only when something fails.
  static void checkOrder(Violations v, Order order) {
    if (order == null) {
      v.add("order", "is required", null);
      return;
    }
    if (order.id() == null) {
      v.add("order.id", "is required", null);
    }
    if (order.currency() == null) {
      v.add("order.currency", "is required", null);
    }
    boolean amountOk = inRange(v, "order.amount", order.amount());
    if (inRange(v, "order.total_amount", order.totalAmount()) && amountOk && order.totalAmount() > order.amount()) {
      v.add("order.total_amount", "must not exceed order.amount " + order.amount(), order.totalAmount());
    }
    List<OrderItem> items = order.items();
    if (items.size() > 500) {
      v.add("order.items", "must have at most 500 lines", items.size());
    }
    long sum = 0;
    boolean sumOk = true;
    for (int i = 0; i < items.size(); i++) {
      OrderItem item = items.get(i);
      if (item == null) {
        v.add(line(i), "is required", null);
        sumOk = false;
        continue;
      }
      if (item.product() == null && item.sku() == null) {
        v.add(line(i), "must name a product_id or a sku_id", null);
      }
      boolean ok = true;
      if (item.quantity() < 1 || item.quantity() > MAX_AMOUNT) {
        v.add(line(i) + ".quantity", "must be from 1 to " + MAX_AMOUNT, item.quantity());
        ok = false;
      }
      ok &= inRange(v, i, ".price", item.price());
      ok &= inRange(v, i, ".amount", item.amount());
      ok &= inRange(v, i, ".subtotal_amount", item.subtotalAmount());
      if (ok) {
        long expected;
        try {
          expected = Math.multiplyExact(item.price(), item.quantity());
        } catch (ArithmeticException e) {
          expected = -1;
        }
        if (expected != item.amount()) {
          v.add(line(i) + ".amount", "must equal price × quantity ("
              + (expected < 0 ? "out of range" : String.valueOf(expected)) + ")", item.amount());
        }
        if (item.subtotalAmount() > item.amount()) {
          v.add(line(i) + ".subtotal_amount", "must not exceed the line's amount " + item.amount(), item.subtotalAmount());
        }
        sum += item.amount(); // cannot wrap: at most 500 lines of at most MAX_AMOUNT each
      } else {
        sumOk = false;
      }
    }
    if (!items.isEmpty() && sumOk && amountOk && sum != order.amount()) {
      v.add("order.amount", "must equal the sum of the items' amounts (" + sum + ")", order.amount());
    }
  }

  private static String line(int i) {
    return "order.items[" + i + "]";
  }

  private static boolean inRange(Violations v, int line, String field, long value) {
    if (value >= 0 && value <= MAX_AMOUNT) {
      return true;
    }
    v.add(line(line) + field, "must be from 0 to " + MAX_AMOUNT, value);
    return false;
  }

  private void checkCustom(Violations v, CustomEvent custom) {
    String name = custom.eventName();
    if (!v.name(name, "event", Limits.MAX_NAME_LENGTH)) {
      return;
    }
    Optional<EventSchema> found = schemas.byEventName(name);
    if (!v.check(found.isPresent(), "event", "has no event schema; define the custom event first", name)) {
      return;
    }
    EventSchema schema = found.get();
    Metadata metadata = custom.metadata();
    for (Map.Entry<String, EventSchema.PropertySpec> e : schema.properties().entrySet()) {
      MetaValue value = metadata.get(e.getKey());
      String path = "metadata." + e.getKey();
      if (value == null) {
        v.check(e.getValue().optional(), path, "is required by event schema " + schema.id(), null);
      } else {
        v.check(matches(e.getValue().type(), value), path, "must be a " + e.getValue().type(), value);
      }
    }
    if (schema.allowDefinedOnly()) {
      for (String key : metadata.values().keySet()) {
        v.check(schema.properties().containsKey(key), "metadata." + key, "is not defined by event schema " + schema.id(),
            metadata.get(key));
      }
    }
  }

  private static boolean matches(EventSchema.PropertyType type, MetaValue value) {
    return switch (type) {
      case STRING -> value instanceof MetaValue.Text;
      case NUMBER -> value instanceof MetaValue.Num;
      case BOOLEAN -> value instanceof MetaValue.Flag;
    };
  }

  private static boolean inRange(Violations v, String path, long value) {
    if (value >= 0 && value <= MAX_AMOUNT) {
      return true;
    }
    v.add(path, "must be from 0 to " + MAX_AMOUNT, value);
    return false;
  }
}
