package io.loyalty.spring;

import io.loyalty.core.CommitObserver;
import io.loyalty.core.LoyaltyEngine;
import io.loyalty.spi.store.LoyaltyStore;
import java.time.Clock;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

/**
 * Auto-configures the loyalty engine: a UTC system {@link Clock}, a {@link LoyaltyStore} (PostgreSQL from the
 * application's {@code DataSource} when {@code loyalty-jdbc} is present, else in memory; {@code loyalty.store}), the
 * {@link LoyaltyEngine}, the Micrometer binder with its outbox relay when Micrometer is present, and webhooks from
 * {@code loyalty.webhooks.*}. Every bean backs off when the application defines its own.
 */
@AutoConfiguration(afterName = "org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration")
@EnableConfigurationProperties(LoyaltyProperties.class)
@Import({StoreConfigurations.Jdbc.class, StoreConfigurations.Memory.class, MetricsConfiguration.class,
    MetricsConfiguration.WebhookMeters.class, WebhooksConfiguration.class})
public class LoyaltyAutoConfiguration {
  /** Creates the auto-configuration (Spring calls it). */
  public LoyaltyAutoConfiguration() {}

  /** The engine's clock: the system's, in UTC. */
  @Bean
  @ConditionalOnMissingBean
  public Clock loyaltyClock() {
    return Clock.systemUTC();
  }

  /** The engine over the store and clock, telling the metrics (when present) of every commit conflict. */
  @Bean
  @ConditionalOnMissingBean
  public LoyaltyEngine loyaltyEngine(LoyaltyStore store, Clock clock, ObjectProvider<CommitObserver> observer) {
    return LoyaltyEngine.builder().store(store).clock(clock)
        .commitObserver(observer.getIfAvailable(CommitObserver::none)).build();
  }

}
