package io.loyalty.spring;

import io.loyalty.core.InMemoryLoyaltyStore;
import io.loyalty.jdbc.JdbcLoyaltyStore;
import io.loyalty.spi.store.LoyaltyStore;
import javax.sql.DataSource;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The store: PostgreSQL first (when chosen or automatic and possible), the in-memory store otherwise. */
final class StoreConfigurations {
  private StoreConfigurations() {}

  /** {@code JdbcLoyaltyStore} on the application's {@code DataSource}, migrated at start. */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnClass(name = "io.loyalty.jdbc.JdbcLoyaltyStore")
  @ConditionalOnBean(DataSource.class)
  @ConditionalOnExpression("'${loyalty.store:auto}'.toLowerCase() != 'memory'")
  static class Jdbc {
    @Bean
    @ConditionalOnMissingBean(LoyaltyStore.class)
    LoyaltyStore loyaltyStore(DataSource dataSource) {
      return JdbcLoyaltyStore.create(dataSource);
    }
  }

  /** The in-memory store, unless PostgreSQL was asked for. */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnExpression("'${loyalty.store:auto}'.toLowerCase() != 'jdbc'")
  static class Memory {
    @Bean
    @ConditionalOnMissingBean(LoyaltyStore.class)
    LoyaltyStore loyaltyStore() {
      return InMemoryLoyaltyStore.create();
    }
  }
}
