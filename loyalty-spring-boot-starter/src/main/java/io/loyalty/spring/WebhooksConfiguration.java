package io.loyalty.spring;

import io.loyalty.json.VoucherifyJson;
import io.loyalty.spi.store.LoyaltyStore;
import io.loyalty.webhooks.DeliveryLog;
import io.loyalty.webhooks.EndpointSwitches;
import io.loyalty.webhooks.WebhookEndpoint;
import io.loyalty.webhooks.WebhookPublisher;
import java.time.Clock;
import java.time.ZoneId;
import java.util.Currency;
import java.util.Set;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The webhook publisher from {@code loyalty.webhooks.*}, started with the context; when enabled. Every
 * {@link DeliveryLog} bean gets the attempts, and an {@link EndpointSwitches} bean, if there is one, keeps the
 * endpoints' switches.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnClass(name = "io.loyalty.webhooks.WebhookPublisher")
@ConditionalOnProperty(prefix = "loyalty.webhooks", name = "enabled", havingValue = "true")
class WebhooksConfiguration {
  @Bean(initMethod = "start", destroyMethod = "close")
  @ConditionalOnMissingBean
  WebhookPublisher loyaltyWebhooks(LoyaltyStore store, Clock clock, LoyaltyProperties properties,
      ObjectProvider<DeliveryLog> logs, ObjectProvider<EndpointSwitches> switches) {
    var config = properties.webhooks();
    if (config.endpoints().isEmpty()) {
      throw new IllegalStateException("loyalty.webhooks.enabled is true but loyalty.webhooks.endpoints is empty");
    }
    var json = VoucherifyJson.forProject(ZoneId.of(config.zone()), Currency.getInstance(config.currency()));
    var builder = WebhookPublisher.builder(store, json).clock(clock).projectId(config.projectId())
        .timeout(config.timeout());
    for (var e : config.endpoints()) {
      builder.endpoint(new WebhookEndpoint(e.id(), e.url(), e.secret(), Set.copyOf(e.events())));
    }
    logs.orderedStream().forEach(builder::deliveryLog);
    switches.ifAvailable(builder::switches);
    return builder.build();
  }
}
