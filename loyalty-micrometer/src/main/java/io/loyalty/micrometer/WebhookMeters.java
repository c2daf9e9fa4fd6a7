package io.loyalty.micrometer;

import io.loyalty.webhooks.DeliveryAttempt;
import io.loyalty.webhooks.DeliveryLog;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.List;

/** Webhook deliveries as meters of the registries the binder is bound to. Thread-safe. */
final class WebhookMeters implements DeliveryLog {
  private final List<MeterRegistry> registries;

  WebhookMeters(List<MeterRegistry> registries) {
    this.registries = registries;
  }

  @Override
  public void record(DeliveryAttempt attempt) {
    String outcome = attempt.delivered() ? "delivered" : "failed";
    for (MeterRegistry registry : registries) {
      Timer.builder("loyalty.webhook.requests").description("webhook requests, by endpoint and outcome")
          .tags("endpoint", attempt.endpoint(), "outcome", outcome).register(registry).record(attempt.elapsed());
      if (!attempt.delivered()) {
        String error = attempt.error() == null ? "unknown" : attempt.error().substring(attempt.error().lastIndexOf('.') + 1);
        Counter.builder("loyalty.webhook.failures").description("failed webhook requests, by endpoint and error")
            .tags("endpoint", attempt.endpoint(), "error", error).register(registry).increment();
      }
    }
  }
}
