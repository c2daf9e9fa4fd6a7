package io.loyalty.core;

import io.loyalty.spi.Metadata;
import io.loyalty.spi.event.Customer;
import io.loyalty.spi.event.Order;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * What to examine in {@link LoyaltyEngine#examineEarningRules} (Voucherify v2's examine of earning rules): which
 * triggers, for a customer as the host describes them now, with the order and custom event to imagine.
 *
 * @param trigger which triggers to examine
 * @param customer the customer, with the metadata and segments the rules' conditions read
 * @param order the order to imagine paid, {@code null} for none (then order rules are not examined)
 * @param customEvent the custom event's name for {@link Trigger#CUSTOM_EVENT}, {@code null} for every custom event a
 *     member's rule names
 * @param customEventMetadata the imagined custom event's metadata
 */
public record EarningProbe(Trigger trigger, Customer customer, @Nullable Order order, @Nullable String customEvent,
    Metadata customEventMetadata) {

  /** Voucherify's {@code trigger.type} {@code ALL}, or {@code SPECIFIC} with one event. */
  public enum Trigger {
    /** Every trigger: the order (if given), every segment and every custom event the member's rules name. */
    ALL,
    /** {@code customer.order.paid}. */
    ORDER_PAID,
    /** {@code customer.segment.entered}: every segment the member's rules name, as if entered now. */
    SEGMENT_ENTERED,
    /** {@code customer.custom_event}. */
    CUSTOM_EVENT
  }

  /** Checks the parts. */
  public EarningProbe {
    Objects.requireNonNull(trigger, "trigger");
    Objects.requireNonNull(customer, "customer");
    customEventMetadata = customEventMetadata == null ? Metadata.EMPTY : customEventMetadata;
  }

  /** Examines the order as if paid now. */
  public static EarningProbe order(Customer customer, Order order) {
    return new EarningProbe(Trigger.ORDER_PAID, customer, Objects.requireNonNull(order, "order"), null, Metadata.EMPTY);
  }

  /** Examines every trigger, with the order if given. */
  public static EarningProbe all(Customer customer, @Nullable Order order, Metadata customEventMetadata) {
    return new EarningProbe(Trigger.ALL, customer, order, null, customEventMetadata);
  }
}
