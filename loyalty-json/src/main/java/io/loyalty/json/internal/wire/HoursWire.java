package io.loyalty.json.internal.wire;

import java.util.List;
import org.jspecify.annotations.Nullable;

/** {@code validity_hours}: daily periods. */
public record HoursWire(@Nullable List<Daily> daily) {
  /** One daily period: {@code HH:mm} times and the days 0 (Sunday) to 6. */
  public record Daily(@Nullable String startTime, @Nullable String expirationTime, @Nullable List<Integer> daysOfWeek) {}
}
