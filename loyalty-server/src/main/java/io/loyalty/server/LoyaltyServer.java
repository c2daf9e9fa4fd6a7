package io.loyalty.server;

import io.loyalty.server.internal.ServerApp;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Currency;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * An HTTP server that answers Voucherify's v1 loyalty endpoints with the engine, on the in-memory store or on
 * PostgreSQL, and hosts the customers, segments, product collections, custom event schemas and orders the engine
 * asks its host for. Start one with {@link #start(Config)}, or from the command line with {@link #main(String[])}.
 */
public final class LoyaltyServer {
  private LoyaltyServer() {}

  /**
   * Starts a server with the configuration and returns once it listens. Missing API keys are made at random and
   * logged once: the server never runs open.
   *
   * @throws IllegalStateException when the port cannot be bound or the database cannot be reached
   */
  public static Running start(Config config) {
    return ServerApp.start(Objects.requireNonNull(config, "config"));
  }

  /**
   * Starts a server configured by environment variables ({@code LOYALTY_PORT}, {@code LOYALTY_APP_ID},
   * {@code LOYALTY_APP_TOKEN}, {@code LOYALTY_JDBC_URL}, {@code LOYALTY_JDBC_USER}, {@code LOYALTY_JDBC_PASSWORD},
   * {@code LOYALTY_TIME_ZONE}, {@code LOYALTY_CURRENCY}, {@code LOYALTY_TEST_CLOCK}), each also a flag such as
   * {@code --port=8081} or {@code --port 8081}, and stops it gracefully when the JVM is asked to exit.
   */
  public static void main(String[] args) {
    Config config;
    try {
      config = Config.from(System.getenv(), args);
    } catch (IllegalArgumentException e) {
      System.err.println("loyalty-server: " + e.getMessage());
      System.exit(2);
      return;
    }
    Running running = start(config);
    Runtime.getRuntime().addShutdownHook(new Thread(running::stop, "loyalty-server-shutdown"));
  }

  /** A started server: its port, its API keys, and a graceful stop. Thread-safe. */
  public interface Running {
    /** The port the server listens on (the chosen one when configured with 0). */
    int port();

    /** The application id clients send as {@code X-App-Id}. */
    String appId();

    /** The application token clients send as {@code X-App-Token}. */
    String appToken();

    /** Stops accepting requests, lets those in flight finish (up to ten seconds), and releases the port. Idempotent. */
    void stop();
  }

  /**
   * The server's configuration, immutable. Build one with {@link #builder()} or read it from the environment and the
   * command line with {@link #from(Map, String...)}.
   *
   * @param port the port, 0 for any free one
   * @param appId the {@code X-App-Id} key, or {@code null} to make one at start
   * @param appToken the {@code X-App-Token} key, or {@code null} to make one at start
   * @param jdbcUrl a PostgreSQL JDBC URL, or {@code null} for the in-memory store
   * @param jdbcUser the database user, or {@code null} (then it may be in the URL)
   * @param jdbcPassword the database password, or {@code null}
   * @param zone the project's time zone (Voucherify keeps it in the project settings)
   * @param currency the project's currency, for orders (v1 orders carry none)
   * @param testClock the simulated clock's start, or {@code null} for the system clock
   * @param maxBodyBytes the largest request body accepted; larger ones are answered 413
   */
  public record Config(int port, @Nullable String appId, @Nullable String appToken, @Nullable String jdbcUrl,
      @Nullable String jdbcUser, @Nullable String jdbcPassword, ZoneId zone, Currency currency,
      @Nullable Instant testClock, long maxBodyBytes) {

    /** The default largest body: 1 MiB. */
    public static final long DEFAULT_MAX_BODY_BYTES = 1024 * 1024;

    /** Checks the values: a port from 0 to 65535, both keys or neither, a positive body limit. */
    public Config {
      Objects.requireNonNull(zone, "zone");
      Objects.requireNonNull(currency, "currency");
      if (port < 0 || port > 65_535) {
        throw new IllegalArgumentException("port must be from 0 to 65535, was " + port);
      }
      if ((appId == null) != (appToken == null)) {
        throw new IllegalArgumentException("LOYALTY_APP_ID and LOYALTY_APP_TOKEN must be given together");
      }
      if (appId != null && (appId.isEmpty() || appToken.isEmpty())) {
        throw new IllegalArgumentException("LOYALTY_APP_ID and LOYALTY_APP_TOKEN must not be empty");
      }
      if (maxBodyBytes < 1) {
        throw new IllegalArgumentException("maxBodyBytes must be at least 1, was " + maxBodyBytes);
      }
    }

    /** A builder with the defaults: port 8080, random keys, in memory, UTC, USD, the system clock, 1 MiB bodies. */
    public static Builder builder() {
      return new Builder();
    }

    /**
     * Reads the configuration from environment variables, each overridden by its flag: {@code LOYALTY_PORT} is
     * {@code --port}, {@code LOYALTY_JDBC_URL} is {@code --jdbc-url}, and so on. {@code LOYALTY_TEST_CLOCK} is an ISO
     * instant or {@code now} ({@code clock} reads "now" as the system clock's instant at start).
     *
     * @throws IllegalArgumentException naming the variable and its bad value, or an unknown flag
     */
    public static Config from(Map<String, String> environment, String... args) {
      Map<String, String> values = new HashMap<>();
      environment.forEach((k, v) -> {
        if (k.startsWith("LOYALTY_") && v != null && !v.isEmpty()) {
          values.put(k, v);
        }
      });
      for (int i = 0; i < args.length; i++) {
        String arg = args[i];
        if (!arg.startsWith("--")) {
          throw new IllegalArgumentException("unexpected argument: " + arg);
        }
        String name = arg.substring(2);
        String value;
        int eq = name.indexOf('=');
        if (eq >= 0) {
          value = name.substring(eq + 1);
          name = name.substring(0, eq);
        } else if (i + 1 < args.length) {
          value = args[++i];
        } else {
          throw new IllegalArgumentException("flag --" + name + " needs a value");
        }
        String key = "LOYALTY_" + name.toUpperCase(Locale.ROOT).replace('-', '_');
        if (!KNOWN.contains(key)) {
          throw new IllegalArgumentException("unknown flag --" + name + "; known: " + String.join(", ", FLAGS));
        }
        values.put(key, value);
      }
      Builder b = builder();
      if (values.containsKey("LOYALTY_PORT")) {
        try {
          b.port(Integer.parseInt(values.get("LOYALTY_PORT")));
        } catch (NumberFormatException e) {
          throw new IllegalArgumentException("LOYALTY_PORT must be a number from 0 to 65535, was " + values.get("LOYALTY_PORT"));
        }
      }
      if (values.containsKey("LOYALTY_APP_ID") || values.containsKey("LOYALTY_APP_TOKEN")) {
        b.keys(values.get("LOYALTY_APP_ID"), values.get("LOYALTY_APP_TOKEN"));
      }
      b.jdbc(values.get("LOYALTY_JDBC_URL"), values.get("LOYALTY_JDBC_USER"), values.get("LOYALTY_JDBC_PASSWORD"));
      if (values.containsKey("LOYALTY_TIME_ZONE")) {
        try {
          b.zone(ZoneId.of(values.get("LOYALTY_TIME_ZONE")));
        } catch (java.time.DateTimeException e) {
          throw new IllegalArgumentException("LOYALTY_TIME_ZONE must be an IANA zone such as Europe/Warsaw, was "
              + values.get("LOYALTY_TIME_ZONE"));
        }
      }
      if (values.containsKey("LOYALTY_CURRENCY")) {
        try {
          b.currency(Currency.getInstance(values.get("LOYALTY_CURRENCY")));
        } catch (IllegalArgumentException e) {
          throw new IllegalArgumentException("LOYALTY_CURRENCY must be an ISO 4217 code such as EUR, was "
              + values.get("LOYALTY_CURRENCY"));
        }
      }
      String clock = values.get("LOYALTY_TEST_CLOCK");
      if (clock != null && !clock.equalsIgnoreCase("off")) {
        try {
          b.testClock(clock.equalsIgnoreCase("now") ? Instant.now() : Instant.parse(clock));
        } catch (DateTimeParseException e) {
          throw new IllegalArgumentException("LOYALTY_TEST_CLOCK must be an ISO instant such as 2024-01-01T00:00:00Z, "
              + "or now, was " + clock);
        }
      }
      return b.build();
    }

    private static final java.util.List<String> FLAGS = java.util.List.of("--port", "--app-id", "--app-token",
        "--jdbc-url", "--jdbc-user", "--jdbc-password", "--time-zone", "--currency", "--test-clock");
    private static final java.util.Set<String> KNOWN = java.util.Set.of("LOYALTY_PORT", "LOYALTY_APP_ID",
        "LOYALTY_APP_TOKEN", "LOYALTY_JDBC_URL", "LOYALTY_JDBC_USER", "LOYALTY_JDBC_PASSWORD", "LOYALTY_TIME_ZONE",
        "LOYALTY_CURRENCY", "LOYALTY_TEST_CLOCK");

    /** Builds a {@link Config}; not thread-safe. */
    public static final class Builder {
      private int port = 8080;
      private @Nullable String appId;
      private @Nullable String appToken;
      private @Nullable String jdbcUrl;
      private @Nullable String jdbcUser;
      private @Nullable String jdbcPassword;
      private ZoneId zone = ZoneId.of("UTC");
      private Currency currency = Currency.getInstance("USD");
      private @Nullable Instant testClock;
      private long maxBodyBytes = DEFAULT_MAX_BODY_BYTES;

      private Builder() {}

      /** The port, 0 for any free one. */
      public Builder port(int port) {
        this.port = port;
        return this;
      }

      /** The API keys; both {@code null} to make a random pair at start. */
      public Builder keys(@Nullable String appId, @Nullable String appToken) {
        this.appId = appId;
        this.appToken = appToken;
        return this;
      }

      /** PostgreSQL by JDBC URL (user and password may be in the URL instead); a {@code null} URL is in memory. */
      public Builder jdbc(@Nullable String url, @Nullable String user, @Nullable String password) {
        this.jdbcUrl = url;
        this.jdbcUser = user;
        this.jdbcPassword = password;
        return this;
      }

      /** The project's time zone. */
      public Builder zone(ZoneId zone) {
        this.zone = Objects.requireNonNull(zone, "zone");
        return this;
      }

      /** The project's currency. */
      public Builder currency(Currency currency) {
        this.currency = Objects.requireNonNull(currency, "currency");
        return this;
      }

      /** Simulates the clock from this instant ({@code GET|POST /v1/test-clock}); {@code null} for the system clock. */
      public Builder testClock(@Nullable Instant start) {
        this.testClock = start;
        return this;
      }

      /** The largest request body accepted, in bytes. */
      public Builder maxBodyBytes(long maxBodyBytes) {
        this.maxBodyBytes = maxBodyBytes;
        return this;
      }

      /** The configuration. */
      public Config build() {
        return new Config(port, appId, appToken, jdbcUrl, jdbcUser, jdbcPassword, zone, currency, testClock,
            maxBodyBytes);
      }
    }
  }
}
