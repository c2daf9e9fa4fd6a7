package io.loyalty.server.internal;

import io.loyalty.spi.InvalidInputException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** A clock that stands still until it is moved, and only forward, in the spirit of Stripe's test clocks. Thread-safe. */
public final class SimulatedClock extends Clock {
  private volatile Instant now;

  /** A clock standing at {@code start}. */
  public SimulatedClock(Instant start) {
    this.now = start;
  }

  /**
   * Moves the clock to {@code to}; moving it to where it stands is a no-op.
   *
   * @return the new instant
   * @throws InvalidInputException on {@code now} when {@code to} is before the clock's instant
   */
  public synchronized Instant advance(Instant to) {
    if (to.isBefore(now)) {
      throw InvalidInputException.of("now", "must not be before the test clock's " + now + ": it only moves forward", to);
    }
    now = to;
    return to;
  }

  @Override
  public Instant instant() {
    return now;
  }

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    throw new UnsupportedOperationException("a simulated clock has one zone, UTC");
  }
}
