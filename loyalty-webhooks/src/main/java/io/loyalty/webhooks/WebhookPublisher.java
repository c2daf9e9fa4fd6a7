package io.loyalty.webhooks;

import io.loyalty.core.OutboxRelay;
import io.loyalty.core.RetryPolicy;
import io.loyalty.json.VoucherifyJson;
import io.loyalty.spi.store.DeadLetter;
import io.loyalty.spi.store.LoyaltyStore;
import io.loyalty.webhooks.internal.EndpointDelivery;
import io.loyalty.webhooks.internal.WebhookBodies;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends the engine's committed outbox events to webhook endpoints as Voucherify does: each endpoint has its own
 * {@link OutboxRelay} (consumer {@code webhook.<id>}), so deliveries are at least once per endpoint and in commit
 * order per card, and a slow or failing endpoint holds up no other. Each request is signed ({@link WebhookSignature}),
 * times out after 10 seconds, and a failed event is retried 12 times with doubling delays (20 seconds up to about
 * 11 hours, close to 23 hours in all); after its last attempt it is a dead letter, its card's later events wait, and
 * the endpoint is disabled until {@link #enable} or {@link #replay}. Every request is recorded in the delivery logs.
 *
 * <p>An endpoint's switch survives a restart: at its first use a publisher reads it from its {@link EndpointSwitches}
 * (a switch set before, by hand or after a dead letter, and recorded there), else from the outbox (disabled while the
 * endpoint has a dead letter, when {@link Builder#disableOnDeadLetter} holds).
 *
 * <p>Drive it with {@link #runOnce()} from the host's scheduler, or {@link #start()} one daemon thread per endpoint and
 * {@link #stop(Duration)} them. Several service instances may each run a publisher with the same endpoints: their
 * relays share each endpoint's consumer (disabling is per instance). Thread-safe.
 *
 * <pre>{@code
 * WebhookPublisher webhooks = WebhookPublisher.builder(store, VoucherifyJson.forProject(zone, currency))
 *     .clock(Clock.systemUTC()).projectId("proj_shop")
 *     .endpoint(WebhookEndpoint.of("crm", URI.create("https://crm.example/hooks"), secret,
 *         VoucherifyEvents.POINTS_ADDED, VoucherifyEvents.TIER_UPGRADED))
 *     .build();
 * webhooks.start();
 * }</pre>
 */
public final class WebhookPublisher implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(WebhookPublisher.class);

  /** Voucherify's request timeout. */
  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);

  /** 13 attempts (12 retries), from 20 seconds doubling up to 12 hours: about 22 h 45 min before a dead letter. */
  public static final RetryPolicy DEFAULT_RETRY = RetryPolicy.of(13, Duration.ofSeconds(20), Duration.ofHours(12));

  private final Map<String, Slot> slots;
  private final int batchSize;
  private final Duration pollInterval;
  private final boolean disableOnDeadLetter;
  private final EndpointSwitches switches;
  private final Object idle = new Object();
  private final Object lifecycle = new Object();
  private volatile boolean stopping;
  private final List<Thread> threads = new ArrayList<>();

  private WebhookPublisher(Builder b, Clock clock) {
    this.batchSize = b.batchSize;
    this.pollInterval = b.pollInterval;
    this.disableOnDeadLetter = b.disableOnDeadLetter;
    this.switches = b.switches != null ? b.switches : EndpointSwitches.inMemory();
    HttpClient client = b.client != null ? b.client
        : HttpClient.newBuilder().connectTimeout(b.timeout).followRedirects(HttpClient.Redirect.NEVER).build();
    WebhookBodies bodies = new WebhookBodies(b.projectId);
    Map<String, Slot> out = new LinkedHashMap<>();
    for (WebhookEndpoint e : b.endpoints.values()) {
      EndpointDelivery delivery = new EndpointDelivery(e, b.json, bodies, client, b.timeout, clock, b.logs,
          b.retry.maxAttempts());
      OutboxRelay.Builder relay = OutboxRelay.builder(b.store, e.consumer()).clock(clock).retry(b.retry)
          .batchSize(b.batchSize).lease(b.lease).listener(delivery);
      out.put(e.id(), new Slot(e, relay.build(), delivery));
    }
    this.slots = java.util.Collections.unmodifiableMap(out);
  }

  /** A builder of a publisher over the store's outbox, writing event data with the project's wire. */
  public static Builder builder(LoyaltyStore store, VoucherifyJson json) {
    return new Builder(Objects.requireNonNull(store, "store"), Objects.requireNonNull(json, "json"));
  }

  /** The endpoints, in the order added. */
  public List<WebhookEndpoint> endpoints() {
    return slots.values().stream().map(s -> s.endpoint).toList();
  }

  /** Runs one batch for every enabled endpoint, in order; what each did (a disabled endpoint is left out). */
  public Map<String, OutboxRelay.Run> runOnce() {
    Map<String, OutboxRelay.Run> out = new LinkedHashMap<>();
    for (Slot slot : slots.values()) {
      if (enabled(slot)) {
        out.put(slot.endpoint.id(), run(slot));
      }
    }
    return out;
  }

  /**
   * Runs one batch for the endpoint: claims its due events, sends them and settles them.
   *
   * @return what the batch did; nothing is claimed when the endpoint is disabled
   * @throws NoSuchElementException when there is no such endpoint
   */
  public OutboxRelay.Run runOnce(String endpoint) {
    Slot slot = slot(endpoint);
    return enabled(slot) ? run(slot) : new OutboxRelay.Run(0, 0, 0, 0);
  }

  private OutboxRelay.Run run(Slot slot) {
    OutboxRelay.Run run = slot.relay.runOnce();
    if (run.deadLettered() > 0 && disableOnDeadLetter && slot.enabled.compareAndSet(Boolean.TRUE, Boolean.FALSE)) {
      LOG.warn("webhook endpoint {} disabled: {} event(s) failed on every attempt; fix it, then replay",
          slot.endpoint.id(), run.deadLettered());
      switches.record(slot.endpoint.id(), false);
    }
    return run;
  }

  /**
   * The endpoint's switch, read at its first use: the one recorded in the switches, else disabled while it has a dead
   * letter (when dead letters disable), else enabled.
   */
  private boolean enabled(Slot slot) {
    Boolean known = slot.enabled.get();
    if (known != null) {
      return known;
    }
    boolean read = switches.enabled(slot.endpoint.id())
        .orElseGet(() -> !disableOnDeadLetter || slot.relay.deadLetters(1).isEmpty());
    slot.enabled.compareAndSet(null, read);
    return Objects.requireNonNull(slot.enabled.get());
  }

  private void set(Slot slot, boolean enabled) {
    slot.enabled.set(enabled);
    switches.record(slot.endpoint.id(), enabled);
  }

  /**
   * Whether the endpoint is enabled: until disabled by hand or after a dead letter; after a restart, as recorded in the
   * switches, else disabled exactly while it has a dead letter.
   */
  public boolean isEnabled(String endpoint) {
    return enabled(slot(endpoint));
  }

  /** Stops sending to the endpoint; its events wait in the outbox, in order, until it is enabled again. */
  public void disable(String endpoint) {
    set(slot(endpoint), false);
  }

  /** Sends to the endpoint again, from where it stopped; its dead letters stay until {@link #replay}. */
  public void enable(String endpoint) {
    set(slot(endpoint), true);
    synchronized (idle) {
      idle.notifyAll();
    }
  }

  /** Up to {@code limit} of the endpoint's failed deliveries (dead letters), oldest first. */
  public List<DeadLetter> deadLetters(String endpoint, int limit) {
    return slot(endpoint).relay.deadLetters(limit);
  }

  /**
   * Replays the endpoint's failed deliveries: every dead letter goes back on its card's line with its attempts counted
   * from zero, and the endpoint is enabled; they are sent on the next batch, in order.
   *
   * @return how many dead letters were requeued
   */
  public int replay(String endpoint) {
    Slot slot = slot(endpoint);
    int total = 0;
    while (true) {
      List<DeadLetter> dead = slot.relay.deadLetters(1000);
      if (dead.isEmpty()) {
        break;
      }
      int n = slot.relay.requeue(dead.stream().map(d -> d.event().id()).toList());
      total += n;
      if (n == 0) {
        break;
      }
    }
    enable(endpoint);
    return total;
  }

  private Slot slot(String endpoint) {
    Slot slot = slots.get(Objects.requireNonNull(endpoint, "endpoint"));
    if (slot == null) {
      throw new NoSuchElementException("no webhook endpoint " + endpoint);
    }
    return slot;
  }

  /**
   * Runs every endpoint's batches on a daemon thread of its own until {@link #stop}: after a full batch at once,
   * otherwise after the poll interval; a disabled endpoint waits. A store failure is logged (its type) and tried again.
   *
   * @throws IllegalStateException when the publisher was started or stopped before
   */
  public void start() {
    synchronized (lifecycle) {
      if (!threads.isEmpty() || stopping) {
        throw new IllegalStateException("the webhook publisher was started or stopped before");
      }
      for (Slot slot : slots.values()) {
        Thread t = new Thread(() -> loop(slot), "loyalty-webhooks-" + slot.endpoint.id());
        t.setDaemon(true);
        threads.add(t);
      }
      threads.forEach(Thread::start);
    }
  }

  private void loop(Slot slot) {
    while (!stopping) {
      boolean full = false;
      try {
        if (enabled(slot)) {
          full = run(slot).claimed() >= batchSize;
        }
      } catch (RuntimeException e) {
        LOG.warn("webhook endpoint {}: a batch failed ({}); trying again", slot.endpoint.id(), e.getClass().getName());
      }
      if (!full) {
        synchronized (idle) {
          if (stopping) {
            return;
          }
          try {
            idle.wait(Math.max(1, pollInterval.toMillis()));
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
          }
        }
      }
    }
  }

  /**
   * Stops the endpoint threads: each finishes the batch under way (its requests are bounded by the timeout) and ends.
   *
   * @return whether all ended within the timeout (true also when never started)
   */
  public boolean stop(Duration timeout) {
    stopping = true;
    synchronized (idle) {
      idle.notifyAll();
    }
    long deadline = System.nanoTime() + timeout.toNanos();
    List<Thread> running;
    synchronized (lifecycle) {
      running = List.copyOf(threads);
    }
    for (Thread t : running) {
      try {
        long left = deadline - System.nanoTime();
        if (left > 0) {
          t.join(Math.max(1, left / 1_000_000));
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return false;
      }
    }
    return running.stream().noneMatch(Thread::isAlive);
  }

  /** Stops the threads, waiting up to 30 seconds. */
  @Override
  public void close() {
    stop(Duration.ofSeconds(30));
  }

  private static final class Slot {
    final WebhookEndpoint endpoint;
    final OutboxRelay relay;
    final EndpointDelivery delivery;
    /** The switch; {@code null} until read at the endpoint's first use. */
    final AtomicReference<@Nullable Boolean> enabled = new AtomicReference<>();

    Slot(WebhookEndpoint endpoint, OutboxRelay relay, EndpointDelivery delivery) {
      this.endpoint = endpoint;
      this.relay = relay;
      this.delivery = delivery;
    }
  }

  /** Builds a publisher; every setter checks its value at once. Not thread-safe. */
  public static final class Builder {
    private final LoyaltyStore store;
    private final VoucherifyJson json;
    private @Nullable Clock clock;
    private String projectId = "proj_loyalty";
    private final Map<String, WebhookEndpoint> endpoints = new LinkedHashMap<>();
    private @Nullable HttpClient client;
    private Duration timeout = DEFAULT_TIMEOUT;
    private RetryPolicy retry = DEFAULT_RETRY;
    private boolean disableOnDeadLetter = true;
    private @Nullable EndpointSwitches switches;
    private final List<DeliveryLog> logs = new ArrayList<>();
    private int batchSize = 20;
    private Duration lease = Duration.ofMinutes(10);
    private Duration pollInterval = Duration.ofSeconds(1);

    private Builder(LoyaltyStore store, VoucherifyJson json) {
      this.store = store;
      this.json = json;
    }

    /** The time of claims, retries and the delivery log (required). */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /** The {@code project_id} of every webhook, 1 to 100 characters; defaults to {@code proj_loyalty}. */
    public Builder projectId(String projectId) {
      Objects.requireNonNull(projectId, "projectId");
      if (projectId.isEmpty() || projectId.length() > 100) {
        throw new IllegalArgumentException("projectId: 1 to 100 characters, got " + projectId.length());
      }
      this.projectId = projectId;
      return this;
    }

    /** Adds an endpoint; ids are unique. */
    public Builder endpoint(WebhookEndpoint endpoint) {
      Objects.requireNonNull(endpoint, "endpoint");
      if (endpoints.putIfAbsent(endpoint.id(), endpoint) != null) {
        throw new IllegalArgumentException("endpoint: the id " + endpoint.id() + " is added twice");
      }
      return this;
    }

    /** The HTTP client; defaults to a JDK client with the timeout as its connect timeout and no redirects. */
    public Builder httpClient(HttpClient client) {
      this.client = Objects.requireNonNull(client, "httpClient");
      return this;
    }

    /** How long a request may take, 1 ms to 5 minutes; defaults to {@link #DEFAULT_TIMEOUT} (10 seconds). */
    public Builder timeout(Duration timeout) {
      Objects.requireNonNull(timeout, "timeout");
      if (timeout.compareTo(Duration.ofMillis(1)) < 0 || timeout.compareTo(Duration.ofMinutes(5)) > 0) {
        throw new IllegalArgumentException("timeout: 1 ms to 5 minutes, got " + timeout);
      }
      this.timeout = timeout;
      return this;
    }

    /** Retries and dead letters; defaults to {@link #DEFAULT_RETRY}. */
    public Builder retry(RetryPolicy retry) {
      this.retry = Objects.requireNonNull(retry, "retry");
      return this;
    }

    /** Whether an endpoint is disabled once an event of it is dead-lettered; defaults to {@code true}. */
    public Builder disableOnDeadLetter(boolean disable) {
      this.disableOnDeadLetter = disable;
      return this;
    }

    /**
     * Where endpoints' switches are recorded and read back at their first use; defaults to switches in memory, so a
     * restarted publisher disables exactly the endpoints that have a dead letter.
     */
    public Builder switches(EndpointSwitches switches) {
      this.switches = Objects.requireNonNull(switches, "switches");
      return this;
    }

    /** Adds a delivery log; every request's attempt goes to each, in the order added. */
    public Builder deliveryLog(DeliveryLog log) {
      logs.add(Objects.requireNonNull(log, "deliveryLog"));
      return this;
    }

    /** Outbox events per batch and endpoint, 1 to 1,000; defaults to 20. */
    public Builder batchSize(int batchSize) {
      if (batchSize < 1 || batchSize > 1_000) {
        throw new IllegalArgumentException("batchSize: 1 to 1000, got " + batchSize);
      }
      this.batchSize = batchSize;
      return this;
    }

    /**
     * How long a batch's claim holds, 1 second to 1 day; defaults to 10 minutes. Make it longer than a batch can take
     * (batch size × webhooks per event × timeout), or another instance may send the rest again.
     */
    public Builder lease(Duration lease) {
      Objects.requireNonNull(lease, "lease");
      if (lease.compareTo(Duration.ofSeconds(1)) < 0 || lease.compareTo(Duration.ofDays(1)) > 0) {
        throw new IllegalArgumentException("lease: 1 second to 1 day, got " + lease);
      }
      this.lease = lease;
      return this;
    }

    /** How long an endpoint's thread waits after a batch that was not full, 1 ms to 1 hour; defaults to 1 second. */
    public Builder pollInterval(Duration pollInterval) {
      Objects.requireNonNull(pollInterval, "pollInterval");
      if (pollInterval.compareTo(Duration.ofMillis(1)) < 0 || pollInterval.compareTo(Duration.ofHours(1)) > 0) {
        throw new IllegalArgumentException("pollInterval: 1 ms to 1 hour, got " + pollInterval);
      }
      this.pollInterval = pollInterval;
      return this;
    }

    /**
     * The publisher.
     *
     * @throws IllegalStateException when no clock was set or no endpoint was added
     */
    public WebhookPublisher build() {
      if (clock == null) {
        throw new IllegalStateException("a webhook publisher needs a clock: .clock(Clock.systemUTC())");
      }
      if (endpoints.isEmpty()) {
        throw new IllegalStateException("a webhook publisher needs at least one endpoint");
      }
      return new WebhookPublisher(this, clock);
    }
  }
}
