package io.loyalty.core;

import java.time.Instant;
import java.time.LocalDate;
import java.util.SortedMap;

/**
 * Outstanding points as of an instant and when they will expire: the points-liability view of one card or a
 * whole program.
 *
 * @param asOf the instant it is read at
 * @param cards how many cards it covers
 * @param outstanding usable points (cards with a debt count as zero here)
 * @param pending points not yet activated
 * @param debt points owed to the program
 * @param byLastUsableDay usable points by the last day they can be spent (program time zone), soonest first
 * @param nonExpiring usable points that never expire
 */
public record ExpirySchedule(
    Instant asOf,
    int cards,
    long outstanding,
    long pending,
    long debt,
    SortedMap<LocalDate, Long> byLastUsableDay,
    long nonExpiring) {

  /** Copies the map. */
  public ExpirySchedule {
    byLastUsableDay = java.util.Collections.unmodifiableNavigableMap(new java.util.TreeMap<>(byLastUsableDay));
  }

  /**
   * Usable points whose last usable day is on or before {@code day} (any day, {@link LocalDate#MAX} included).
   *
   * @throws OverflowException when the sum exceeds the range of exact points
   */
  public long expiringBy(LocalDate day) {
    java.util.Objects.requireNonNull(day, "day");
    long sum = 0;
    for (var e : ((java.util.NavigableMap<LocalDate, Long>) byLastUsableDay).headMap(day, true).entrySet()) {
      try {
        sum = Math.addExact(sum, e.getValue());
      } catch (ArithmeticException overflow) {
        throw new OverflowException("the points expiring by " + day + " exceed the range of exact points");
      }
    }
    return sum;
  }
}
