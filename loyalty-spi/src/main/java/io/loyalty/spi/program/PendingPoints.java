package io.loyalty.spi.program;

/**
 * Voucherify's {@code pending_points} of an {@code order.paid} rule: the points are credited as pending and
 * become usable at 00:00 (program time zone) of the earn day plus {@code days}.
 *
 * @param days 1 to 90
 */
public record PendingPoints(int days) {
  /** The largest period Voucherify accepts. */
  public static final int MAX_DAYS = 90;
}
