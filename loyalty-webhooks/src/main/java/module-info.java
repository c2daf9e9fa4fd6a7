/**
 * The engine's committed outbox events as Voucherify's signed webhooks: {@code io.loyalty.webhooks.WebhookPublisher}
 * runs one outbox relay per endpoint over the JDK's HTTP client. Only {@code io.loyalty.webhooks} is API.
 */
module io.loyalty.webhooks {
  requires transitive io.loyalty.core;
  requires transitive java.net.http;
  requires io.loyalty.json;
  requires com.fasterxml.jackson.databind;
  requires org.slf4j;
  requires static org.jspecify;

  exports io.loyalty.webhooks;
}
