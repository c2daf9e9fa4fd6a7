package io.loyalty.spring;

import io.loyalty.core.CommitObserver;
import io.loyalty.core.LoyaltyEngine;
import io.loyalty.core.OutboxRelay;
import io.loyalty.micrometer.LoyaltyMetrics;
import io.loyalty.spi.ProgramId;
import io.loyalty.spi.store.LoyaltyStore;
import io.loyalty.webhooks.DeliveryLog;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The Micrometer binder, the relay that feeds it, and its commit observer; when Micrometer is present. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnClass(name = {"io.micrometer.core.instrument.MeterRegistry", "io.loyalty.micrometer.LoyaltyMetrics"})
@ConditionalOnProperty(prefix = "loyalty.metrics", name = "enabled", havingValue = "true", matchIfMissing = true)
class MetricsConfiguration {
  @Bean
  @ConditionalOnMissingBean
  LoyaltyMetrics loyaltyMetrics(Clock clock, LoyaltyStore store, LoyaltyProperties properties) {
    LoyaltyMetrics metrics = LoyaltyMetrics.create(clock, properties.metrics().liabilityRefresh());
    metrics.watchOutbox(store, properties.metrics().consumer());
    for (var endpoint : properties.webhooks().endpoints()) {
      if (properties.webhooks().enabled()) {
        metrics.watchOutbox(store, "webhook." + endpoint.id());
      }
    }
    return metrics;
  }

  @Bean
  @ConditionalOnMissingBean(CommitObserver.class)
  CommitObserver loyaltyCommitObserver(LoyaltyMetrics metrics) {
    return metrics.commitObserver();
  }

  /** The relay of the binder's own consumer, started with the context and stopped with it. */
  @Bean(initMethod = "start", destroyMethod = "close")
  @ConditionalOnMissingBean(name = "loyaltyMetricsRelay")
  OutboxRelay loyaltyMetricsRelay(LoyaltyStore store, Clock clock, LoyaltyMetrics metrics,
      LoyaltyProperties properties) {
    return OutboxRelay.builder(store, properties.metrics().consumer()).clock(clock).listener(metrics.listener())
        .build();
  }

  /** Watches the configured programs' liability once the engine exists. */
  @Bean
  SmartInitializingSingleton loyaltyLiabilityGauges(LoyaltyMetrics metrics, ObjectProvider<LoyaltyEngine> engine,
      LoyaltyProperties properties) {
    return () -> {
      LoyaltyEngine e = engine.getIfAvailable();
      if (e != null) {
        properties.metrics().programs().forEach(p -> metrics.watchLiability(e, ProgramId.of(p)));
      }
    };
  }

  /** Without Spring Boot's actuator (which binds every {@code MeterBinder}), binds the metrics to the registry. */
  @Bean
  @ConditionalOnBean(MeterRegistry.class)
  @ConditionalOnMissingClass("org.springframework.boot.actuate.autoconfigure.metrics.MetricsAutoConfiguration")
  SmartInitializingSingleton loyaltyMetricsBinding(LoyaltyMetrics metrics, ObjectProvider<MeterRegistry> registries) {
    return () -> registries.orderedStream().forEach(metrics::bindTo);
  }

  /** The webhook meters, when the webhooks module is present too. */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnClass(name = {"io.micrometer.core.instrument.MeterRegistry", "io.loyalty.micrometer.LoyaltyMetrics",
      "io.loyalty.webhooks.DeliveryLog"})
  @ConditionalOnBean(LoyaltyMetrics.class)
  static class WebhookMeters {
    @Bean
    DeliveryLog loyaltyWebhookMeters(LoyaltyMetrics metrics) {
      return metrics.deliveryLog();
    }
  }
}
