package io.loyalty.json.internal.read;

import io.loyalty.json.WireInputException.Problem;
import io.loyalty.json.internal.wire.ExpirationRulesWire;
import io.loyalty.json.internal.wire.HoursWire;
import io.loyalty.json.internal.wire.TimeframeWire;
import io.loyalty.spi.program.DailyHours;
import io.loyalty.spi.program.ExpirationRule;
import io.loyalty.spi.program.ExpirationRule.RoundUp;
import io.loyalty.spi.program.IsoDuration;
import io.loyalty.spi.program.Timeframe;
import io.loyalty.spi.program.Validity;
import java.time.Instant;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** The parts campaigns and earning rules share: validity windows and expiration rules. */
final class CommonReader {
  private CommonReader() {}

  /** {@code prefix.name}, or {@code name} at the root. */
  static String at(String prefix, String name) {
    return prefix.isEmpty() ? name : prefix + "." + name;
  }

  /** The validity window from a body's time-limit fields. */
  static Validity validity(Problems p, String prefix, @Nullable String start, @Nullable String expiration,
      @Nullable TimeframeWire timeframe, @Nullable List<Integer> days, @Nullable HoursWire hours) {
    Instant startDate = p.instant(at(prefix, "start_date"), start);
    Instant expirationDate = p.instant(at(prefix, "expiration_date"), expiration);
    Timeframe frame = null;
    if (timeframe != null) {
      String path = at(prefix, "validity_timeframe");
      IsoDuration interval = p.duration(path + ".interval", p.required(path + ".interval", timeframe.interval()));
      IsoDuration duration = p.duration(path + ".duration", p.required(path + ".duration", timeframe.duration()));
      frame = interval == null || duration == null ? null : new Timeframe(interval, duration);
    }
    List<DailyHours> daily = new ArrayList<>();
    if (hours != null && hours.daily() != null) {
      for (int i = 0; i < hours.daily().size(); i++) {
        String path = at(prefix, "validity_hours.daily[" + i + "]");
        HoursWire.Daily d = hours.daily().get(i);
        if (p.required(path, d) == null) {
          continue;
        }
        LocalTime from = p.time(path + ".start_time", p.required(path + ".start_time", d.startTime()));
        LocalTime to = p.time(path + ".expiration_time", d.expirationTime());
        var onDays = p.days(path + ".days_of_week", p.required(path + ".days_of_week", d.daysOfWeek()));
        if (from != null) {
          daily.add(new DailyHours(from, to, onDays));
        }
      }
    }
    return new Validity(startDate, expirationDate, frame, p.days(at(prefix, "validity_day_of_week"), days), daily);
  }

  /** {@code expiration_rules}: MONTH with optional rounding, or FIXED_DAY_OF_YEAR. */
  static @Nullable ExpirationRule expiration(Problems p, String path, @Nullable ExpirationRulesWire rules) {
    if (rules == null) {
      return null;
    }
    String type = p.oneOf(path + ".period_type", rules.periodType(), names("MONTH", "FIXED_DAY_OF_YEAR"));
    if (type == null) {
      return null;
    }
    if (type.equals("FIXED_DAY_OF_YEAR")) {
      Long month = p.required(path + ".fixed_month", rules.fixedMonth());
      Long day = p.required(path + ".fixed_day", rules.fixedDay());
      if (month == null || day == null) {
        return null;
      }
      return new ExpirationRule.FixedDayOfYear(p.intRange(path + ".fixed_month", month, 1, 12),
          p.intRange(path + ".fixed_day", day, 1, 31));
    }
    Long months = p.required(path + ".period_value", rules.periodValue());
    if (months == null) {
      return null;
    }
    int value = p.intRange(path + ".period_value", months, 0, 1200);
    if (rules.roundingType() == null) {
      return new ExpirationRule.AfterMonths(value, RoundUp.NONE, null);
    }
    RoundUp roundUp = p.oneOf(path + ".rounding_type", rules.roundingType(), table(
        "END_OF_MONTH", RoundUp.END_OF_MONTH, "END_OF_QUARTER", RoundUp.END_OF_QUARTER,
        "END_OF_HALF_YEAR", RoundUp.END_OF_HALF_YEAR, "END_OF_YEAR", RoundUp.END_OF_YEAR,
        "PARTICULAR_MONTH", RoundUp.PARTICULAR_MONTH));
    if (roundUp == null) {
      return null;
    }
    Integer particular = null;
    if (roundUp == RoundUp.PARTICULAR_MONTH) {
      Long month = p.required(path + ".rounding_value", rules.roundingValue());
      particular = month == null ? null : p.intRange(path + ".rounding_value", month, 1, 12);
    }
    return new ExpirationRule.AfterMonths(value, roundUp, particular);
  }

  /** The wire names as their own values, in the given order. */
  static Map<String, String> names(String... names) {
    Map<String, String> out = new LinkedHashMap<>();
    for (String name : names) {
      out.put(name, name);
    }
    return out;
  }

  /** A table of wire names to values, from alternating names and values, in the given order. */
  @SuppressWarnings("unchecked")
  static <T> Map<String, T> table(Object... namesAndValues) {
    Map<String, T> out = new LinkedHashMap<>();
    for (int i = 0; i < namesAndValues.length; i += 2) {
      out.put((String) namesAndValues[i], (T) namesAndValues[i + 1]);
    }
    return out;
  }
}
