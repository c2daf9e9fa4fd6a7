package io.loyalty.spi.program;

import java.time.DayOfWeek;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * When a program or an earning rule is in force: an optional start and expiration (start included,
 * expiration excluded), and optionally one kind of recurring window: a timeframe and/or days of the
 * week, or daily hours (Voucherify does not combine hours with the others). Evaluated in the program's
 * time zone.
 *
 * @param startDate the first instant in force, {@code null} for no start (rules then inherit the program's)
 * @param expirationDate the first instant no longer in force, {@code null} for none (rules inherit)
 * @param timeframe a recurring window anchored on the start date, {@code null} for none
 * @param daysOfWeek the days in force, empty for every day
 * @param hours daily periods in force, empty for all day
 */
public record Validity(
    @Nullable Instant startDate,
    @Nullable Instant expirationDate,
    @Nullable Timeframe timeframe,
    Set<DayOfWeek> daysOfWeek,
    List<DailyHours> hours) {

  /** Always in force. */
  public static final Validity ALWAYS = new Validity(null, null, null, Set.of(), List.of());

  /** Copies the collections; {@code null} collections mean "no restriction". */
  public Validity {
    daysOfWeek = daysOfWeek == null ? Set.of() : Set.copyOf(daysOfWeek);
    hours = hours == null ? List.of() : List.copyOf(hours);
  }

  /** In force from {@code start} (inclusive) to {@code expiration} (exclusive); either may be {@code null}. */
  public static Validity between(@Nullable Instant start, @Nullable Instant expiration) {
    return new Validity(start, expiration, null, Set.of(), List.of());
  }

  /** A copy with the given recurring timeframe. */
  public Validity withTimeframe(@Nullable Timeframe timeframe) {
    return new Validity(startDate, expirationDate, timeframe, daysOfWeek, hours);
  }

  /** A copy restricted to the given days of the week. */
  public Validity withDaysOfWeek(Set<DayOfWeek> days) {
    return new Validity(startDate, expirationDate, timeframe, days, hours);
  }

  /** A copy restricted to the given daily hours. */
  public Validity withHours(List<DailyHours> hours) {
    return new Validity(startDate, expirationDate, timeframe, daysOfWeek, hours);
  }

  /** Whether this sets any recurring window (timeframe, days of week or hours). */
  public boolean hasRecurringWindow() {
    return timeframe != null || !daysOfWeek.isEmpty() || !hours.isEmpty();
  }
}
