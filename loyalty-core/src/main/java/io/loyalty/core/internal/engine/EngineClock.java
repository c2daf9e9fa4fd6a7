package io.loyalty.core.internal.engine;

import io.loyalty.core.ClockOutOfRangeException;
import io.loyalty.core.internal.validation.TimeBounds;
import io.loyalty.core.internal.validation.Violations;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * The engine's clock and the window of event times it accepts around it. Every operation attempt reads
 * {@link #now()} once: cards are settled and written as of that instant, never as of a caller's. An event may be
 * stamped at most {@code maxLead} after now (clock skew between host and engine) and at most {@code maxAge}
 * before it. Thread-safe.
 */
public final class EngineClock {
  private final Clock clock;
  private final Duration maxLead;
  private final Duration maxAge;

  /** A clock with the accepted event window; both bounds are zero or more and at most a hundred years. */
  public EngineClock(Clock clock, Duration maxLead, Duration maxAge) {
    this.clock = clock;
    this.maxLead = maxLead;
    this.maxAge = maxAge;
  }

  /**
   * The instant now, by the engine's clock.
   *
   * @throws ClockOutOfRangeException when the clock reads outside the years 1 to 9999
   */
  public Instant now() {
    Instant now = clock.instant();
    if (now == null || !TimeBounds.inRange(now)) {
      throw new ClockOutOfRangeException("the engine's clock reads " + now + "; it " + TimeBounds.rangeMessage());
    }
    return now;
  }

  /**
   * Records a violation on {@code created_at} unless the event time lies from {@code maxAge} before {@code now}
   * to {@code maxLead} after it; returns whether it does.
   */
  boolean checkEventTime(Violations v, Instant at, Instant now) {
    if (!TimeBounds.inRange(at)) {
      v.add("created_at", TimeBounds.rangeMessage(), at);
      return false;
    }
    // Both instants are in range, so the difference is a few hundred billion seconds at most: no overflow.
    Duration ahead = Duration.between(now, at);
    if (ahead.compareTo(maxLead) > 0) {
      v.add("created_at", "must be at most " + TimeBounds.text(maxLead) + " after the engine's clock (" + now
          + ")", at);
      return false;
    }
    if (ahead.isNegative() && ahead.negated().compareTo(maxAge) > 0) {
      v.add("created_at", "must be at most " + TimeBounds.text(maxAge) + " before the engine's clock (" + now + ")",
          at);
      return false;
    }
    return true;
  }
}
