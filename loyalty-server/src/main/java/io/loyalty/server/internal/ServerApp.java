package io.loyalty.server.internal;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.loyalty.core.InMemoryLoyaltyStore;
import io.loyalty.core.LoyaltyEngine;
import io.loyalty.jdbc.JdbcLoyaltyStore;
import io.loyalty.json.VoucherifyJson;
import io.loyalty.json.VoucherifyV2Json;
import io.loyalty.json.WireError;
import io.loyalty.server.LoyaltyServer.Config;
import io.loyalty.server.LoyaltyServer.Running;
import io.loyalty.spi.store.LoyaltyStore;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.postgresql.ds.PGSimpleDataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Wires a server: the store, the clock, the host catalog, the engine, and Javalin with authentication, request ids,
 * the body limit, error objects and access logs around the routes.
 */
public final class ServerApp {
  private static final Logger LOG = LoggerFactory.getLogger("io.loyalty.server");
  private static final Logger ACCESS = LoggerFactory.getLogger("io.loyalty.server.access");
  private static final String REQUEST_ID = "loyalty.requestId";
  private static final Pattern SAFE_REQUEST_ID = Pattern.compile("[A-Za-z0-9._-]{1,64}");
  static final String JSON = "application/json; charset=utf-8";

  private ServerApp() {}

  /** Starts a server and returns once it listens. */
  public static Running start(Config config) {
    Ids ids = new Ids();
    String appId = config.appId();
    String appToken = config.appToken();
    if (appId == null || appToken == null) {
      appId = "app_" + ids.random(16);
      appToken = "tok_" + ids.random(32);
      // printed once, so the operator can call the server; never kept in a log file of the server's own
      System.out.println("loyalty-server: no LOYALTY_APP_ID / LOYALTY_APP_TOKEN given; made a random pair for this run:");
      System.out.println("  X-App-Id: " + appId);
      System.out.println("  X-App-Token: " + appToken);
    }
    Clock clock;
    SimulatedClock simulated = null;
    if (config.testClock() != null) {
      simulated = new SimulatedClock(config.testClock());
      clock = simulated;
      LOG.warn("*** TEST CLOCK: the server's clock is SIMULATED, starting at {}; move it with POST /v1/test-clock ***",
          config.testClock());
    } else {
      clock = Clock.systemUTC();
    }
    LoyaltyStore store = store(config);
    HostCatalog host = new HostCatalog();
    LoyaltyEngine engine = LoyaltyEngine.builder().store(store).clock(clock).eventSchemas(host).validationRules(host)
        .productCollections(host)
        // the server has no coupon or gift campaigns of its own: a campaign reward is "issued" as a reference
        .rewardFulfilment(request -> "issued:" + request.redemption().value())
        .build();
    VoucherifyJson wire = VoucherifyJson.forProject(config.zone(), config.currency());
    HostRoutes hosting = new HostRoutes(engine, host, wire, clock, simulated, ids);
    LoyaltyRoutes loyalty = new LoyaltyRoutes(engine, store, wire, ids, hosting);
    ListRoutes lists = new ListRoutes(engine, store, wire, clock, host, loyalty);
    V2Routes v2 = new V2Routes(engine, store, VoucherifyV2Json.forProject(config.zone()), ids, host, clock);

    byte[] expectedId = appId.getBytes(StandardCharsets.UTF_8);
    byte[] expectedToken = appToken.getBytes(StandardCharsets.UTF_8);
    Javalin app = Javalin.create(c -> {
      c.startup.showJavalinBanner = false;
      c.startup.showOldJavalinVersionWarning = false;
      c.http.maxRequestSize = config.maxBodyBytes();
      c.http.defaultContentType = JSON;
      c.jetty.port = config.port();
      c.jetty.modifyServer(server -> server.setStopTimeout(10_000));
      c.requestLogger.http((ctx, ms) -> ACCESS.info("method={} path={} status={} duration_ms={} request_id={}",
          ctx.method(), template(ctx), ctx.statusCode(), Math.round(ms), requestId(ctx)));
      c.routes.before(ctx -> {
        String given = ctx.header("X-Request-Id");
        String id = given != null && SAFE_REQUEST_ID.matcher(given).matches() ? given : "v-" + ids.random(20);
        ctx.attribute(REQUEST_ID, id);
        ctx.header("X-Request-Id", id);
        if (ctx.path().equals("/health")) {
          return;
        }
        String gotId = ctx.header("X-App-Id");
        String gotToken = ctx.header("X-App-Token");
        // both compared in constant time, and both always compared
        boolean idOk = MessageDigest.isEqual(expectedId, bytes(gotId));
        boolean tokenOk = MessageDigest.isEqual(expectedToken, bytes(gotToken));
        if (!(idOk & tokenOk)) {
          throw new Refused(401, "unauthorized", gotId == null || gotToken == null
              ? "the X-App-Id and X-App-Token headers are required" : "the X-App-Id / X-App-Token pair is not valid");
        }
        long length = ctx.contentLength();
        if (length > config.maxBodyBytes()) {
          throw new Refused(413, "request_entity_too_large",
              "the body has " + length + " bytes; at most " + config.maxBodyBytes() + " are accepted");
        }
      });
      c.routes.get("/health", ctx -> ctx.contentType(JSON).result("{\"status\":\"ok\"}"));
      loyalty.register(c.routes);
      lists.register(c.routes);
      hosting.register(c.routes);
      v2.register(c.routes);
      c.routes.exception(Refused.class, (e, ctx) -> answer(ctx, wire.error(e.status, e.key, e.details, requestId(ctx))));
      c.routes.exception(HostRoutes.Refusal.class,
          (e, ctx) -> answer(ctx, wire.error(e.status, e.key, e.details, requestId(ctx))));
      c.routes.exception(HttpResponseException.class, (e, ctx) -> answer(ctx, http(wire, e, ctx)));
      c.routes.exception(Exception.class, (e, ctx) -> {
        WireError error = wire.error(e, requestId(ctx));
        if (error.status() >= 500) {
          LOG.error("request_id={} failed: {}", requestId(ctx), e.getClass().getName());
          LOG.debug("request_id={} failure", requestId(ctx), e);
        }
        answer(ctx, error);
      });
      c.routes.error(404, ctx -> {
        if (ctx.attribute("loyalty.answered") == null) {
          answer(ctx, wire.error(404, "not_found", "no endpoint " + ctx.method() + " " + ctx.path(), requestId(ctx)));
        }
      });
    });
    try {
      app.start();
    } catch (RuntimeException e) {
      throw new IllegalStateException("cannot start the server on port " + config.port(), e);
    }
    int port = app.port();
    LOG.info("loyalty-server listening on port {} ({} store, time zone {}, currency {}{})", port,
        config.jdbcUrl() == null ? "in-memory" : "PostgreSQL", config.zone(), config.currency(),
        simulated == null ? "" : ", SIMULATED clock");
    String finalId = appId;
    String finalToken = appToken;
    AtomicBoolean stopped = new AtomicBoolean();
    return new Running() {
      @Override
      public int port() {
        return port;
      }

      @Override
      public String appId() {
        return finalId;
      }

      @Override
      public String appToken() {
        return finalToken;
      }

      @Override
      public void stop() {
        if (stopped.compareAndSet(false, true)) {
          app.stop();
          LOG.info("loyalty-server stopped");
        }
      }
    };
  }

  private static LoyaltyStore store(Config config) {
    String url = config.jdbcUrl();
    if (url == null) {
      return InMemoryLoyaltyStore.create();
    }
    PGSimpleDataSource ds = new PGSimpleDataSource();
    ds.setURL(url);
    if (config.jdbcUser() != null) {
      ds.setUser(config.jdbcUser());
    }
    if (config.jdbcPassword() != null) {
      ds.setPassword(config.jdbcPassword());
    }
    return JdbcLoyaltyStore.create(ds);
  }

  private static WireError http(VoucherifyJson wire, HttpResponseException e, Context ctx) {
    int status = e.getStatus();
    String key = switch (status) {
      case 404 -> "not_found";
      case 405 -> "method_not_allowed";
      case 413 -> "request_entity_too_large";
      case 415 -> "unsupported_media_type";
      default -> status >= 500 ? "internal_error" : "invalid_request";
    };
    String details = status == 404 ? "no endpoint " + ctx.method() + " " + ctx.path()
        : status == 413 ? "the body is larger than the server accepts" : key.replace('_', ' ');
    return wire.error(status, key, details, requestId(ctx));
  }

  static void answer(Context ctx, WireError error) {
    ctx.attribute("loyalty.answered", Boolean.TRUE);
    ctx.status(error.status()).contentType(JSON).result(error.body());
  }

  static @Nullable String requestId(Context ctx) {
    return ctx.attribute(REQUEST_ID);
  }

  private static String template(Context ctx) {
    try {
      return ctx.endpoint().path;
    } catch (RuntimeException e) {
      return "(unmatched)";
    }
  }

  private static byte[] bytes(@Nullable String header) {
    return header == null ? new byte[0] : header.getBytes(StandardCharsets.UTF_8);
  }

  /**
   * A request refused before anything was read or written: by the checks before any route (keys, size), or by a
   * list's query parameters ({@link ListQuery}).
   */
  static final class Refused extends RuntimeException {
    private static final long serialVersionUID = 1L;
    final int status;
    final String key;
    final String details;

    Refused(int status, String key, String details) {
      super(details, null, false, false);
      this.status = status;
      this.key = key;
      this.details = details;
    }
  }
}
