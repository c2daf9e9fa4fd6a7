package io.loyalty.core;

import io.loyalty.spi.CardCode;
import io.loyalty.spi.store.ClaimedEvent;
import io.loyalty.spi.store.DeadLetter;
import io.loyalty.spi.store.DeliveryFailure;
import io.loyalty.spi.store.LoyaltyStore;
import io.loyalty.spi.store.OutboxEvent;
import io.loyalty.spi.store.OutboxStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers a consumer's committed outbox events to in-process {@link LoyaltyListener}s, at least once and in commit
 * order per card, safely from several relays (in one process or many) sharing the consumer: each batch is claimed from
 * the store under a lease ({@link OutboxStore#claim}), handed to the listeners, then settled: handled events are
 * acknowledged durably, a failed event is retried after the {@link RetryPolicy}'s backoff and dead-lettered after its
 * last attempt, and its card's later events wait for it (a dead letter stops its card's line until
 * {@link #requeue}). A relay that dies mid-batch settles nothing; its lease runs out and another relay delivers the
 * events again.
 *
 * <p>Drive it with {@link #runOnce()} from the host's scheduler, or {@link #start()} it on a daemon thread it owns (or
 * {@link #start(Executor)} on the host's executor) and {@link #stop(Duration)} it. Thread-safe: batches of one relay
 * run one at a time.
 *
 * <pre>{@code
 * OutboxRelay relay = OutboxRelay.builder(store, "crm-sync")
 *     .clock(Clock.systemUTC()).listener(event -> crm.send(event)).build();
 * relay.start();
 * ...
 * relay.stop(Duration.ofSeconds(10));
 * }</pre>
 */
public final class OutboxRelay implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(OutboxRelay.class);

  private final LoyaltyStore store;
  private final String consumer;
  private final String owner;
  private final Clock clock;
  private final int batchSize;
  private final Duration lease;
  private final RetryPolicy retry;
  private final Duration pollInterval;
  private final List<LoyaltyListener> listeners;
  private final ReentrantLock batch = new ReentrantLock();
  private final Object idle = new Object();
  private final Object lifecycle = new Object();
  private volatile boolean stopping;
  private @Nullable CountDownLatch stopped;

  private OutboxRelay(Builder b, Clock clock) {
    this.store = b.store;
    this.consumer = b.consumer;
    this.owner = b.owner != null ? b.owner : consumer.length() > 63 ? UUID.randomUUID().toString()
        : consumer + "-" + UUID.randomUUID();
    this.clock = clock;
    this.batchSize = b.batchSize;
    this.lease = b.lease;
    this.retry = b.retry;
    this.pollInterval = b.pollInterval;
    this.listeners = List.copyOf(b.listeners);
  }

  /**
   * A builder for a relay of the consumer over the store.
   *
   * @param consumer the consumer's name, as {@link OutboxStore#pending} describes it; relays of one name share its
   *     events (each event to one of them), relays of different names each get every event
   */
  public static Builder builder(LoyaltyStore store, String consumer) {
    return new Builder(Objects.requireNonNull(store, "store"), OutboxStore.checkConsumer(consumer));
  }

  /** The consumer's name. */
  public String consumer() {
    return consumer;
  }

  /** This relay's owner id in the store's leases. */
  public String owner() {
    return owner;
  }

  /**
   * What one batch did.
   *
   * @param claimed events the claim handed out (some may be left for a later batch: after a failure of their card, or
   *     after the lease ran out)
   * @param delivered events every listener handled, now acknowledged
   * @param failed events a listener threw on, to be retried or dead-lettered
   * @param deadLettered of the failed events, those that were on their last attempt
   */
  public record Run(int claimed, int delivered, int failed, int deadLettered) {}

  /**
   * Claims one batch, hands each event to the listeners in order and settles it. Events of a card after one that
   * failed in this batch are not handed out (they wait for it); so are events after the lease ran out mid-batch.
   *
   * @return what the batch did; {@code claimed} is 0 when nothing was due
   * @throws RuntimeException when the store fails to claim or settle (nothing acknowledged is lost: the events come
   *     again after the lease)
   */
  public Run runOnce() {
    return run(false);
  }

  private Run run(boolean stoppable) {
    batch.lock();
    try {
      Instant claimedAt = clock.instant();
      Instant leaseEnd = claimedAt.plus(lease);
      List<ClaimedEvent> claimed = store.claim(consumer, owner, batchSize, claimedAt, lease);
      if (claimed.isEmpty()) {
        return new Run(0, 0, 0, 0);
      }
      List<String> delivered = new ArrayList<>();
      List<DeliveryFailure> failures = new ArrayList<>();
      Set<CardCode> waiting = new HashSet<>();
      int dead = 0;
      for (ClaimedEvent c : claimed) {
        OutboxEvent event = c.event();
        if (waiting.contains(event.card())) {
          continue;
        }
        if ((stoppable && stopping) || !clock.instant().isBefore(leaseEnd)) {
          break; // the lease ran out (another relay may hold these lines now) or the host stops the relay
        }
        RuntimeException failure = deliver(event);
        if (failure == null) {
          delivered.add(event.id());
        } else {
          Instant at = clock.instant();
          int failed = c.failures() + 1;
          Instant retryAt = retry.retryAt(at, failed);
          dead += retryAt == null ? 1 : 0;
          failures.add(new DeliveryFailure(event.id(), at, retryAt, reason(failure)));
          waiting.add(event.card());
          LOG.warn("outbox consumer {}: a {} event failed ({}), attempt {} of {}", consumer, event.type().wireName(),
              failure.getClass().getName(), failed, retry.maxAttempts());
        }
      }
      store.settle(consumer, owner, delivered, failures);
      return new Run(claimed.size(), delivered.size(), failures.size(), dead);
    } finally {
      batch.unlock();
    }
  }

  private @Nullable RuntimeException deliver(OutboxEvent event) {
    try {
      for (LoyaltyListener listener : listeners) {
        Set<OutboxEvent.Type> types = listener.types();
        if (types.isEmpty() || types.contains(event.type())) {
          listener.onEvent(event);
        }
      }
      return null;
    } catch (RuntimeException e) {
      return e;
    }
  }

  private static String reason(RuntimeException e) {
    String name = e.getClass().getName();
    return name.length() <= DeliveryFailure.MAX_REASON ? name : name.substring(0, DeliveryFailure.MAX_REASON);
  }

  /** Up to {@code limit} of this consumer's dead letters, oldest first. */
  public List<DeadLetter> deadLetters(int limit) {
    return store.deadLetters(consumer, limit);
  }

  /** Puts these dead letters back on their cards' lines, to be delivered again at once; how many were dead. */
  public int requeue(Collection<String> eventIds) {
    return store.requeue(consumer, List.copyOf(eventIds));
  }

  /** Runs batches on a daemon thread the relay owns until {@link #stop}; a relay starts once, and not after a stop. */
  public void start() {
    start(task -> {
      Thread thread = new Thread(task, "loyalty-outbox-relay-" + consumer);
      thread.setDaemon(true);
      thread.start();
    });
  }

  /**
   * Runs batches as one long task on the host's executor until {@link #stop}: after a full batch at once, otherwise
   * after the poll interval. A store failure is logged (its type only) and tried again after the interval.
   *
   * @throws IllegalStateException when the relay was started or stopped before
   * @throws java.util.concurrent.RejectedExecutionException when the executor refuses the task (the relay may then be
   *     started again)
   */
  public void start(Executor executor) {
    Objects.requireNonNull(executor, "executor");
    CountDownLatch done = new CountDownLatch(1);
    synchronized (lifecycle) {
      if (stopped != null || stopping) {
        throw new IllegalStateException("the relay of " + consumer + " was started or stopped before");
      }
      stopped = done;
    }
    try {
      executor.execute(() -> {
        try {
          loop();
        } finally {
          done.countDown();
        }
      });
    } catch (RuntimeException e) {
      synchronized (lifecycle) {
        stopped = null;
      }
      throw e;
    }
  }

  private void loop() {
    while (!stopping) {
      boolean full = false;
      try {
        full = run(true).claimed() >= batchSize;
      } catch (RuntimeException e) {
        LOG.warn("outbox consumer {}: a batch failed ({}); trying again", consumer, e.getClass().getName());
      }
      if (!full) {
        synchronized (idle) {
          if (!stopping) {
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
  }

  /**
   * Stops the background runner: the batch under way stops handing out events, settles what it handled, and the
   * runner ends. Waits up to {@code timeout} for that.
   *
   * @return whether the runner ended within the timeout (true also when it was never started)
   */
  public boolean stop(Duration timeout) {
    stopping = true;
    synchronized (idle) {
      idle.notifyAll();
    }
    CountDownLatch done;
    synchronized (lifecycle) {
      done = stopped;
    }
    if (done == null) {
      return true;
    }
    try {
      return done.await(timeout.toNanos(), TimeUnit.NANOSECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /** Stops the runner, waiting up to 30 seconds. */
  @Override
  public void close() {
    stop(Duration.ofSeconds(30));
  }

  /** Builds a relay; every setter checks its value at once. */
  public static final class Builder {
    private final LoyaltyStore store;
    private final String consumer;
    private @Nullable String owner;
    private @Nullable Clock clock;
    private int batchSize = 100;
    private Duration lease = Duration.ofSeconds(30);
    private RetryPolicy retry = RetryPolicy.ofDefaults();
    private Duration pollInterval = Duration.ofMillis(500);
    private final List<LoyaltyListener> listeners = new ArrayList<>();

    private Builder(LoyaltyStore store, String consumer) {
      this.store = store;
      this.consumer = consumer;
    }

    /** The relay's id in leases, unique among the consumer's relays; defaults to the consumer's name and a UUID. */
    public Builder owner(String owner) {
      this.owner = OutboxStore.checkOwner(owner);
      return this;
    }

    /** The time of claims, leases and retries (required, as the engine's clock is). */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /** How many events one batch claims, 1 to {@value OutboxStore#MAX_CLAIM}; defaults to 100. */
    public Builder batchSize(int batchSize) {
      if (batchSize < 1 || batchSize > OutboxStore.MAX_CLAIM) {
        throw new IllegalArgumentException("batchSize: 1 to " + OutboxStore.MAX_CLAIM + ", got " + batchSize);
      }
      this.batchSize = batchSize;
      return this;
    }

    /**
     * How long a batch's claim holds, 1 ms to 1 day; defaults to 30 seconds. A batch stops handing out events once
     * its lease has run out; make it longer than a batch takes.
     */
    public Builder lease(Duration lease) {
      Objects.requireNonNull(lease, "lease");
      if (lease.compareTo(Duration.ofMillis(1)) < 0 || lease.compareTo(Duration.ofDays(1)) > 0) {
        throw new IllegalArgumentException("lease: 1 ms to 1 day, got " + lease);
      }
      this.lease = lease;
      return this;
    }

    /** Retries and dead letters; defaults to {@link RetryPolicy#ofDefaults()}. */
    public Builder retry(RetryPolicy retry) {
      this.retry = Objects.requireNonNull(retry, "retry");
      return this;
    }

    /** How long the background runner waits when a batch was not full, 1 ms to 1 hour; defaults to 500 ms. */
    public Builder pollInterval(Duration pollInterval) {
      Objects.requireNonNull(pollInterval, "pollInterval");
      if (pollInterval.compareTo(Duration.ofMillis(1)) < 0 || pollInterval.compareTo(Duration.ofHours(1)) > 0) {
        throw new IllegalArgumentException("pollInterval: 1 ms to 1 hour, got " + pollInterval);
      }
      this.pollInterval = pollInterval;
      return this;
    }

    /**
     * Adds a listener; an event goes to the listeners in the order added, and is acknowledged once all have returned
     * (so when one throws, the ones before it get the event again on the retry: give a listener its own relay and
     * consumer name to retry it alone).
     */
    public Builder listener(LoyaltyListener listener) {
      listeners.add(Objects.requireNonNull(listener, "listener"));
      return this;
    }

    /**
     * The relay.
     *
     * @throws IllegalStateException when no clock was set or no listener was added
     */
    public OutboxRelay build() {
      if (clock == null) {
        throw new IllegalStateException("an outbox relay needs a clock: .clock(Clock.systemUTC())");
      }
      if (listeners.isEmpty()) {
        throw new IllegalStateException("an outbox relay needs at least one listener");
      }
      return new OutboxRelay(this, clock);
    }
  }
}
