package io.loyalty.webhooks;

import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Where a {@link WebhookPublisher} records each endpoint's switch (disabled by hand or after a dead letter, enabled by
 * hand or by a replay), so that a publisher started later reads it back. Implement it over the host's database to keep
 * switches set by hand across a restart; without one, a restarted publisher disables exactly the endpoints that have a
 * dead letter in the outbox (see {@code docs/webhooks.md}). Implementations are thread-safe.
 */
public interface EndpointSwitches {
  /** The switch last recorded for the endpoint: {@code true} enabled, {@code false} disabled, empty when none was. */
  Optional<Boolean> enabled(String endpoint);

  /** Records the endpoint's switch; the latest record wins. */
  void record(String endpoint, boolean enabled);

  /** Switches kept in memory: a publisher's own, gone with the process. */
  static EndpointSwitches inMemory() {
    ConcurrentHashMap<String, Boolean> switches = new ConcurrentHashMap<>();
    return new EndpointSwitches() {
      @Override
      public Optional<Boolean> enabled(String endpoint) {
        return Optional.ofNullable(switches.get(Objects.requireNonNull(endpoint, "endpoint")));
      }

      @Override
      public void record(String endpoint, boolean enabled) {
        switches.put(Objects.requireNonNull(endpoint, "endpoint"), enabled);
      }
    };
  }
}
