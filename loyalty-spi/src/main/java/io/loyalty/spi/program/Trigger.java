package io.loyalty.spi.program;

import io.loyalty.spi.SchemaId;
import io.loyalty.spi.SegmentId;

/** What fires an earning rule: Voucherify's {@code event} with its required companion object. */
public sealed interface Trigger
    permits Trigger.OrderPaid, Trigger.SegmentEntered, Trigger.CustomEvent, Trigger.TierChange {

  /** {@code order.paid}: an order of the customer reached status PAID. */
  Trigger ORDER_PAID = new OrderPaid();

  /** Voucherify's event name for this trigger ({@code order.paid}, a custom event's name, ...). */
  String eventName();

  /** {@code order.paid}. */
  record OrderPaid() implements Trigger {
    @Override
    public String eventName() {
      return "order.paid";
    }
  }

  /** {@code customer.segment.entered} for one segment. */
  record SegmentEntered(SegmentId segment) implements Trigger {
    @Override
    public String eventName() {
      return "customer.segment.entered";
    }
  }

  /**
   * A custom event by name (such as {@code page_view}), whose metadata is checked against the schema.
   *
   * @param name the custom event's name, 1 to 300 characters
   * @param schema the event schema that declares the event's metadata
   */
  record CustomEvent(String name, SchemaId schema) implements Trigger {
    @Override
    public String eventName() {
      return name;
    }
  }

  /**
   * A tier change ({@code customer.loyalty.tier.joined|left|upgraded|downgraded|prolonged}) for one tier
   * or {@value #ANY_TIER}: the engine applies each move of a card as a {@link io.loyalty.spi.event.TierMoved} event
   * from its outbox, and the rules it names fire on it.
   */
  record TierChange(TierEvent event, String tierId) implements Trigger {
    /** Voucherify's literal for "any tier of the program". */
    public static final String ANY_TIER = "__ANY__";

    @Override
    public String eventName() {
      return "customer.loyalty.tier." + event.name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  /** The tier changes a {@link TierChange} trigger can name. */
  enum TierEvent {
    JOINED,
    LEFT,
    UPGRADED,
    DOWNGRADED,
    PROLONGED
  }
}
