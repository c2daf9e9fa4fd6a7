package io.loyalty.spi.earning;

import io.loyalty.spi.EventId;
import java.time.Instant;
import java.util.List;

/**
 * What an event earns across every program it concerns. {@code quote} and {@code apply} return the same
 * outcome for the same definitions, state and event; a retried event returns its first outcome.
 *
 * @param event the event's id
 * @param eventName Voucherify's event name
 * @param at the instant the rules were evaluated as of (the event's time)
 * @param programs one outcome per program with a rule for this event, in program id order
 */
public record EventOutcome(EventId event, String eventName, Instant at, List<ProgramOutcome> programs) {
  /** Copies the list. */
  public EventOutcome {
    programs = List.copyOf(programs);
  }

  /** The points earned across every program. */
  public long points() {
    long sum = 0;
    for (ProgramOutcome p : programs) {
      sum = Math.addExact(sum, p.points());
    }
    return sum;
  }
}
