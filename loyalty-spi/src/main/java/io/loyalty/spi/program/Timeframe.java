package io.loyalty.spi.program;

/**
 * Voucherify's {@code validity_timeframe}: a window of {@code duration} that recurs every
 * {@code interval}, anchored on the start date (for example every other day for one hour).
 *
 * @param interval how often the window recurs, positive
 * @param duration how long each window lasts, positive and not longer than the interval
 */
public record Timeframe(IsoDuration interval, IsoDuration duration) {
  /** Parses both ISO 8601 durations, e.g. {@code Timeframe.of("P2D", "PT1H")}. */
  public static Timeframe of(String interval, String duration) {
    return new Timeframe(IsoDuration.parse(interval), IsoDuration.parse(duration));
  }
}
