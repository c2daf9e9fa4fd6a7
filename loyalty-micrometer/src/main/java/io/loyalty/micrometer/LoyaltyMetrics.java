package io.loyalty.micrometer;

import io.loyalty.core.CommitObserver;
import io.loyalty.core.LoyaltyEngine;
import io.loyalty.core.LoyaltyListener;
import io.loyalty.spi.ProgramId;
import io.loyalty.spi.store.OutboxEvent;
import io.loyalty.spi.store.OutboxStore;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.LongAdder;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The engine's metrics as a Micrometer {@link MeterBinder}. It counts from three hooks the host wires once: the
 * {@link #commitObserver()} of the engine's builder (commit conflicts and retries), the {@link #listener()} on an
 * {@link io.loyalty.core.OutboxRelay} of its own consumer (events, points issued, spent and expired, redemptions by
 * outcome, and the commit-to-listener lag as a timer), and the {@link #deliveryLog()} of a webhook publisher (webhook
 * deliveries and failures). Gauges read on scrape: the outbox lag of watched consumers (the age of their oldest
 * unacknowledged event) and the points liability of watched programs (cached for the refresh interval).
 *
 * <p>Counters count from the moment the hooks are wired, whether or not the binder is bound yet; bind it to any number
 * of registries. Thread-safe. See {@code docs/metrics.md} for every meter.
 */
public final class LoyaltyMetrics implements MeterBinder {
  private static final Logger LOG = LoggerFactory.getLogger(LoyaltyMetrics.class);

  private final Clock clock;
  private final Duration liabilityRefresh;
  private final LongAdder[] events = new LongAdder[OutboxEvent.Type.values().length];
  private final LongAdder issued = new LongAdder();
  private final LongAdder pendingIssued = new LongAdder();
  private final LongAdder spent = new LongAdder();
  private final LongAdder expired = new LongAdder();
  private final LongAdder deducted = new LongAdder();
  private final LongAdder redeemed = new LongAdder();
  private final LongAdder redemptionsFailed = new LongAdder();
  private final LongAdder rolledBack = new LongAdder();
  private final LongAdder conflicts = new LongAdder();
  private final LongAdder retries = new LongAdder();
  private final LongAdder exhausted = new LongAdder();
  private final List<MeterRegistry> registries = new CopyOnWriteArrayList<>();
  private final List<OutboxLag> lags = new CopyOnWriteArrayList<>();
  private final List<Liability> liabilities = new CopyOnWriteArrayList<>();
  private final CommitObserver observer = new CommitObserver() {
    @Override
    public void conflicted(int attempt, boolean retrying) {
      LoyaltyMetrics.this.conflicted(retrying);
    }
  };
  private final LoyaltyListener listener = this::onEvent;

  private LoyaltyMetrics(Clock clock, Duration liabilityRefresh) {
    this.clock = clock;
    this.liabilityRefresh = liabilityRefresh;
    for (int i = 0; i < events.length; i++) {
      events[i] = new LongAdder();
    }
  }

  /** Metrics reading time from the clock (the outbox lags, the liability's instant), the liability cached 1 minute. */
  public static LoyaltyMetrics create(Clock clock) {
    return create(clock, Duration.ofMinutes(1));
  }

  /**
   * Metrics reading time from the clock, the liability read again at most once per {@code liabilityRefresh} (it reads
   * every card of the program), from 0 (every scrape) to 1 day.
   */
  public static LoyaltyMetrics create(Clock clock, Duration liabilityRefresh) {
    Objects.requireNonNull(clock, "clock");
    Objects.requireNonNull(liabilityRefresh, "liabilityRefresh");
    if (liabilityRefresh.isNegative() || liabilityRefresh.compareTo(Duration.ofDays(1)) > 0) {
      throw new IllegalArgumentException("liabilityRefresh: 0 to 1 day, got " + liabilityRefresh);
    }
    return new LoyaltyMetrics(clock, liabilityRefresh);
  }

  /** The observer to give {@link LoyaltyEngine.Builder#commitObserver}: counts commit conflicts and retries. */
  public CommitObserver commitObserver() {
    return observer;
  }

  /**
   * The listener to add to an {@link io.loyalty.core.OutboxRelay} of a consumer of its own (such as {@code metrics}):
   * counts every committed event once it is delivered (at least once: a relay that dies mid-batch may count an event
   * again).
   */
  public LoyaltyListener listener() {
    return listener;
  }

  /**
   * The delivery log to give a {@link io.loyalty.webhooks.WebhookPublisher.Builder#deliveryLog}: counts webhook
   * requests by endpoint and outcome, failures by endpoint and error, and times them. It needs
   * {@code loyalty-webhooks}; it counts only while the binder is bound to a registry.
   */
  public io.loyalty.webhooks.DeliveryLog deliveryLog() {
    return new WebhookMeters(registries);
  }

  /**
   * Watches a consumer's outbox lag: the gauge {@code loyalty.outbox.lag} (seconds, tag {@code consumer}) is the age of
   * its oldest unacknowledged event, 0 when it is up to date. Each scrape reads one pending event of the store.
   */
  public LoyaltyMetrics watchOutbox(OutboxStore store, String consumer) {
    OutboxLag lag = new OutboxLag(Objects.requireNonNull(store, "store"), OutboxStore.checkConsumer(consumer));
    lags.add(lag);
    registries.forEach(lag::register);
    return this;
  }

  /**
   * Watches a program's points liability: the gauges {@code loyalty.liability} (outstanding usable points) and
   * {@code loyalty.liability.pending} (pending points), tag {@code program}, read through
   * {@link LoyaltyEngine#liability} at the clock's instant and cached for the refresh interval.
   */
  public LoyaltyMetrics watchLiability(LoyaltyEngine engine, ProgramId program) {
    Liability liability = new Liability(Objects.requireNonNull(engine, "engine"), Objects.requireNonNull(program,
        "program"));
    liabilities.add(liability);
    registries.forEach(liability::register);
    return this;
  }

  @Override
  public void bindTo(MeterRegistry registry) {
    Objects.requireNonNull(registry, "registry");
    for (OutboxEvent.Type type : OutboxEvent.Type.values()) {
      FunctionCounter.builder("loyalty.events", events[type.ordinal()], LongAdder::doubleValue)
          .description("committed domain events, by outbox type").tags("type", type.wireName()).register(registry);
    }
    points(registry, "loyalty.points.issued", issued, "usable points credited (added, activated, refunded, transferred in)");
    points(registry, "loyalty.points.pending.issued", pendingIssued, "pending points earned");
    points(registry, "loyalty.points.spent", spent, "points spent on rewards");
    points(registry, "loyalty.points.expired", expired, "points that expired");
    points(registry, "loyalty.points.deducted", deducted, "points taken by hand, by a transfer out or a refund");
    redemptions(registry, "succeeded", redeemed);
    redemptions(registry, "failed", redemptionsFailed);
    redemptions(registry, "rolled_back", rolledBack);
    FunctionCounter.builder("loyalty.commit.conflicts", conflicts, LongAdder::doubleValue)
        .description("commits that met a concurrent writer").register(registry);
    FunctionCounter.builder("loyalty.commit.retries", retries, LongAdder::doubleValue)
        .description("operations decided and committed again after a conflict").register(registry);
    FunctionCounter.builder("loyalty.commit.exhausted", exhausted, LongAdder::doubleValue)
        .description("operations that gave up after their last conflicting attempt").register(registry);
    lags.forEach(l -> l.register(registry));
    liabilities.forEach(l -> l.register(registry));
    registries.add(registry);
  }

  private static void points(MeterRegistry registry, String name, LongAdder adder, String description) {
    FunctionCounter.builder(name, adder, LongAdder::doubleValue).baseUnit("points").description(description)
        .register(registry);
  }

  private static void redemptions(MeterRegistry registry, String outcome, LongAdder adder) {
    FunctionCounter.builder("loyalty.redemptions", adder, LongAdder::doubleValue).tags("outcome", outcome)
        .description("reward redemptions, by outcome").register(registry);
  }

  private void conflicted(boolean retrying) {
    conflicts.increment();
    (retrying ? retries : exhausted).increment();
  }

  private void onEvent(OutboxEvent event) {
    events[event.type().ordinal()].increment();
    if (event.payload() instanceof OutboxEvent.Transaction t) {
      long points = t.entry().points();
      switch (event.type()) {
        case POINTS_ADDED, PENDING_POINTS_ACTIVATED -> issued.add(points);
        case PENDING_POINTS_ADDED -> pendingIssued.add(t.entry().pending());
        case POINTS_REDEEMED -> spent.add(-points);
        case POINTS_EXPIRED -> expired.add(-points);
        case POINTS_DEDUCTED -> deducted.add(-points);
        default -> { }
      }
    }
    switch (event.type()) {
      case REWARD_REDEEMED -> redeemed.increment();
      case REDEMPTION_FAILED -> redemptionsFailed.increment();
      case REWARD_ROLLED_BACK -> rolledBack.increment();
      default -> { }
    }
    Duration lag = Duration.between(event.at(), clock.instant());
    for (MeterRegistry registry : registries) {
      Timer.builder("loyalty.outbox.delivery").description("from an event's commit to the metrics listener")
          .register(registry).record(lag.isNegative() ? Duration.ZERO : lag);
    }
  }

  /** One watched consumer's lag gauge. */
  private final class OutboxLag {
    private final OutboxStore store;
    private final String consumer;

    OutboxLag(OutboxStore store, String consumer) {
      this.store = store;
      this.consumer = consumer;
    }

    void register(MeterRegistry registry) {
      Gauge.builder("loyalty.outbox.lag", this, OutboxLag::seconds).baseUnit("seconds").tags("consumer", consumer)
          .description("age of the consumer's oldest unacknowledged outbox event").register(registry);
    }

    double seconds() {
      try {
        var oldest = store.pending(consumer, Set.of(), 1);
        if (oldest.isEmpty()) {
          return 0;
        }
        Duration age = Duration.between(oldest.get(0).at(), clock.instant());
        return age.isNegative() ? 0 : age.toNanos() / 1e9;
      } catch (RuntimeException e) {
        LOG.warn("loyalty.outbox.lag of {}: the store failed ({})", consumer, e.getClass().getName());
        return Double.NaN;
      }
    }
  }

  /** One watched program's liability gauges, read at most once per refresh interval. */
  private final class Liability {
    private final LoyaltyEngine engine;
    private final ProgramId program;
    private @Nullable Instant readAt;
    private double outstanding = Double.NaN;
    private double pending = Double.NaN;

    Liability(LoyaltyEngine engine, ProgramId program) {
      this.engine = engine;
      this.program = program;
    }

    void register(MeterRegistry registry) {
      Tags tags = Tags.of("program", program.value());
      Gauge.builder("loyalty.liability", this, l -> l.read(true)).baseUnit("points").tags(tags)
          .description("outstanding usable points of the program").register(registry);
      Gauge.builder("loyalty.liability.pending", this, l -> l.read(false)).baseUnit("points").tags(tags)
          .description("pending points of the program").register(registry);
    }

    synchronized double read(boolean usable) {
      Instant now = clock.instant();
      if (readAt == null || !now.isBefore(readAt.plus(liabilityRefresh))) {
        try {
          var schedule = engine.liability(program, now);
          outstanding = schedule.outstanding();
          pending = schedule.pending();
        } catch (RuntimeException e) {
          LOG.warn("loyalty.liability of {}: the read failed ({})", program.value(), e.getClass().getName());
          outstanding = Double.NaN;
          pending = Double.NaN;
        }
        readAt = now;
      }
      return usable ? outstanding : pending;
    }
  }

}
