package io.loyalty.core;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

/** A clock a test sets and moves, optionally moving on by a step at every reading; thread-safe. */
final class MutableClock extends Clock {
  private final AtomicReference<Instant> now;
  private final Duration tick;

  MutableClock(Instant now) {
    this(now, Duration.ZERO);
  }

  private MutableClock(Instant now, Duration tick) {
    this.now = new AtomicReference<>(now);
    this.tick = tick;
  }

  /** A clock that moves on by {@code step} at every reading, so racing threads see time pass. */
  static MutableClock ticking(Instant start, Duration step) {
    return new MutableClock(start, step);
  }

  void set(Instant instant) {
    now.set(instant);
  }

  void advance(Duration by) {
    now.updateAndGet(t -> t.plus(by));
  }

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    return this;
  }

  @Override
  public Instant instant() {
    return tick.isZero() ? now.get() : now.getAndUpdate(t -> t.plus(tick));
  }
}
