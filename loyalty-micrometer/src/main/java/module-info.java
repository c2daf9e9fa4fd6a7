/**
 * Micrometer metrics for the loyalty engine: {@code io.loyalty.micrometer.LoyaltyMetrics} is a {@code MeterBinder}
 * fed by the engine's commit observer, an outbox listener and the webhook delivery log.
 */
// Micrometer is an automatic module, under the stable name its manifest declares
@SuppressWarnings("requires-automatic")
module io.loyalty.micrometer {
  requires transitive io.loyalty.core;
  requires transitive micrometer.core;
  // only LoyaltyMetrics.deliveryLog() needs the webhooks module
  requires static io.loyalty.webhooks;
  requires org.slf4j;
  requires static org.jspecify;

  exports io.loyalty.micrometer;
}
