package io.loyalty.spring;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The {@code loyalty.*} properties of the starter. Immutable.
 *
 * @param store which store to build when the application defines none: {@code auto} (PostgreSQL through
 *     {@code loyalty-jdbc} when there is a {@code DataSource}, else in memory), {@code memory} or {@code jdbc}
 * @param metrics the Micrometer binder and its outbox relay
 * @param webhooks Voucherify-style webhooks
 */
@ConfigurationProperties("loyalty")
public record LoyaltyProperties(@DefaultValue("auto") Store store, @DefaultValue Metrics metrics,
    @DefaultValue Webhooks webhooks) {
  /** Which store the starter builds. */
  public enum Store {
    /** PostgreSQL when a {@code DataSource} and {@code loyalty-jdbc} are present, else in memory. */
    AUTO,
    /** {@code InMemoryLoyaltyStore}, whatever else is present. */
    MEMORY,
    /** {@code JdbcLoyaltyStore} on the application's {@code DataSource} (migrated at start). */
    JDBC
  }

  /**
   * The metrics binder, built when Micrometer and {@code loyalty-micrometer} are present.
   *
   * @param enabled whether to build it
   * @param consumer the outbox consumer of the binder's relay
   * @param programs the programs whose points liability is a gauge
   * @param liabilityRefresh how long a liability read is reused
   */
  public record Metrics(@DefaultValue("true") boolean enabled, @DefaultValue("metrics") String consumer,
      @DefaultValue List<String> programs, @DefaultValue("1m") Duration liabilityRefresh) {
    /** Copies the programs. */
    public Metrics {
      programs = List.copyOf(programs);
    }
  }

  /**
   * Webhooks, built when enabled and {@code loyalty-webhooks} is present.
   *
   * @param enabled whether to send webhooks
   * @param projectId the envelope's {@code project_id}
   * @param zone the project's time zone (IANA id) for the wire
   * @param currency the project's currency (ISO 4217) for the wire
   * @param timeout how long a request may take
   * @param endpoints the endpoints
   */
  public record Webhooks(@DefaultValue("false") boolean enabled, @DefaultValue("proj_loyalty") String projectId,
      @DefaultValue("UTC") String zone, @DefaultValue("EUR") String currency, @DefaultValue("10s") Duration timeout,
      @DefaultValue List<Endpoint> endpoints) {
    /** Copies the endpoints. */
    public Webhooks {
      endpoints = List.copyOf(endpoints);
    }
  }

  /**
   * One webhook endpoint.
   *
   * @param id the endpoint's id (its outbox consumer is {@code webhook.<id>})
   * @param url where to send
   * @param secret the HMAC key of {@code X-Voucherify-Signature}
   * @param events the Voucherify event names it wants; none for all
   */
  public record Endpoint(String id, URI url, String secret, @DefaultValue List<String> events) {
    /** Checks the required parts and defaults the events to all. */
    public Endpoint {
      Objects.requireNonNull(id, "loyalty.webhooks.endpoints[].id");
      Objects.requireNonNull(url, "loyalty.webhooks.endpoints[].url");
      Objects.requireNonNull(secret, "loyalty.webhooks.endpoints[].secret");
      events = List.copyOf(events);
    }
  }
}
