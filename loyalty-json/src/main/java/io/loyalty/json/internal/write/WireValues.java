package io.loyalty.json.internal.write;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import org.jspecify.annotations.Nullable;

/** The wire's formats for instants and dates, shared by the writers. */
public final class WireValues {
  private WireValues() {}

  /** Voucherify's date-time: UTC, milliseconds, {@code Z}, such as {@code 2022-11-29T13:10:30.848Z}. */
  static final DateTimeFormatter INSTANT =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

  /** The instant in Voucherify's date-time format (to the millisecond); {@code null} stays null. */
  public static @Nullable String instant(@Nullable Instant at) {
    return at == null ? null : INSTANT.format(at.truncatedTo(ChronoUnit.MILLIS));
  }

  /** The date as {@code YYYY-MM-DD}; {@code null} stays null. */
  public static @Nullable String date(@Nullable LocalDate day) {
    return day == null ? null : day.toString();
  }

  /**
   * The last day points are usable, given the first instant they are not: Voucherify's bucket date D means "gone at
   * 00:00 of D+1" in the program's zone.
   */
  public static @Nullable LocalDate lastUsableDay(@Nullable Instant expiresAt, ZoneId zone) {
    return expiresAt == null ? null : expiresAt.minusNanos(1).atZone(zone).toLocalDate();
  }
}
