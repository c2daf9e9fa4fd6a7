package io.loyalty.examples;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** The examples' clock: it stands where the tour last put it, so a tour can play weeks of time in a second. */
final class ExampleClock extends Clock {
  private Instant now;

  ExampleClock(Instant start) {
    this.now = start;
  }

  /** Moves the clock to {@code instant}. */
  void set(Instant instant) {
    this.now = instant;
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
    return now;
  }
}
