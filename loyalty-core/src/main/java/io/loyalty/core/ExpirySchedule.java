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
    byLastUsableDay = java.util.Collections.unmodifiableSortedMap(new java.util.TreeMap<>(byLastUsableDay));
  }

  /** Usable points whose last usable day is on or before {@code day}. */
  public long expiringBy(LocalDate day) {
    long sum = 0;
    for (var e : byLastUsableDay.headMap(day.plusDays(1)).entrySet()) {
      sum = Math.addExact(sum, e.getValue());
    }
    return sum;
  }
}
