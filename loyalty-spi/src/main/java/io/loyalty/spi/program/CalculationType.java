package io.loyalty.spi.program;

/** Voucherify's {@code calculation_type} of a proportional earning rule. */
public enum CalculationType {
  ORDER_AMOUNT,
  ORDER_TOTAL_AMOUNT,
  ORDER_METADATA,
  ORDER_ITEMS_QUANTITY,
  ORDER_ITEMS_AMOUNT,
  ORDER_ITEMS_SUBTOTAL_AMOUNT,
  CUSTOMER_METADATA,
  CUSTOM_EVENT_METADATA
}
