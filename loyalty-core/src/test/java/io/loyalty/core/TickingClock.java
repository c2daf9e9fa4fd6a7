package io.loyalty.core;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

/** A clock that moves on by a step at every reading, so racing threads see time pass; thread-safe. */
final class TickingClock extends Clock {
  private final AtomicReference<Instant> next;
  private final Duration step;

  TickingClock(Instant start, Duration step) {
    this.next = new AtomicReference<>(start);
    this.step = step;
  }

  /** Moves the clock on by {@code by}, on top of its ticks. */
  void advance(Duration by) {
    next.updateAndGet(t -> t.plus(by));
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
    return next.getAndUpdate(t -> t.plus(step));
  }
}
