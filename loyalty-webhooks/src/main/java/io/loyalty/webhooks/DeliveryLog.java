package io.loyalty.webhooks;

/**
 * Receives every webhook request's {@link DeliveryAttempt} as it completes, on the publisher's thread: keep it quick
 * and do not throw (a log that throws is logged and ignored, the delivery stands). {@link RecentDeliveries} keeps the
 * latest in memory; a metrics binder counts them.
 */
@FunctionalInterface
public interface DeliveryLog {
  /** Records one attempt. */
  void record(DeliveryAttempt attempt);
}
