package io.loyalty.spi.program;

import java.util.List;

/**
 * The value a proportional rule measures: an order amount, matching items' quantity or amount, or a
 * numeric metadata property. Amounts are in minor units, quantities in item units, metadata in raw units.
 */
public sealed interface Measure
    permits Measure.OrderAmount,
        Measure.OrderTotalAmount,
        Measure.OrderMetadata,
        Measure.OrderItems,
        Measure.CustomerMetadata,
        Measure.CustomEventMetadata {

  /** The Voucherify calculation type this measure stands for. */
  CalculationType calculationType();

  /** {@code ORDER_AMOUNT}: the order amount before discounts. */
  record OrderAmount() implements Measure {
    @Override
    public CalculationType calculationType() {
      return CalculationType.ORDER_AMOUNT;
    }
  }

  /** {@code ORDER_TOTAL_AMOUNT}: the order amount after all discounts. */
  record OrderTotalAmount() implements Measure {
    @Override
    public CalculationType calculationType() {
      return CalculationType.ORDER_TOTAL_AMOUNT;
    }
  }

  /** {@code ORDER_METADATA}: a numeric property of the order's metadata. */
  record OrderMetadata(String property) implements Measure {
    @Override
    public CalculationType calculationType() {
      return CalculationType.ORDER_METADATA;
    }
  }

  /**
   * {@code ORDER_ITEMS_QUANTITY|AMOUNT|SUBTOTAL_AMOUNT}: the matching lines' quantity, pre-discount amount
   * or post-item-discount subtotal; a line matched by several targets counts once.
   */
  record OrderItems(ItemMeasure of, List<ItemTarget> targets) implements Measure {
    /** Copies the targets. */
    public OrderItems {
      targets = targets == null ? null : List.copyOf(targets);
    }

    @Override
    public CalculationType calculationType() {
      return switch (of) {
        case QUANTITY -> CalculationType.ORDER_ITEMS_QUANTITY;
        case AMOUNT -> CalculationType.ORDER_ITEMS_AMOUNT;
        case SUBTOTAL_AMOUNT -> CalculationType.ORDER_ITEMS_SUBTOTAL_AMOUNT;
      };
    }
  }

  /** {@code CUSTOMER_METADATA}: a numeric property of the customer's metadata. */
  record CustomerMetadata(String property) implements Measure {
    @Override
    public CalculationType calculationType() {
      return CalculationType.CUSTOMER_METADATA;
    }
  }

  /** {@code CUSTOM_EVENT_METADATA}: a numeric property of the custom event's metadata. */
  record CustomEventMetadata(String property) implements Measure {
    @Override
    public CalculationType calculationType() {
      return CalculationType.CUSTOM_EVENT_METADATA;
    }
  }

  /** What an {@link OrderItems} measure sums over the matching lines. */
  enum ItemMeasure {
    /** Units ({@code quantity}). */
    QUANTITY,
    /** Pre-discount amount ({@code amount} = price × quantity). */
    AMOUNT,
    /** Amount after item-level discounts ({@code subtotal_amount}). */
    SUBTOTAL_AMOUNT
  }
}
