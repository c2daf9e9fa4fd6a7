package io.loyalty.json.internal.v2;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.loyalty.spi.program.ExpirationRule;
import io.loyalty.spi.program.ExpirationRule.FixedDayOfYear;
import io.loyalty.spi.program.ExpirationRule.RoundUp;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * v2's {@code points_expiration} (a card definition's, or an earning rule effect's override) and calendar dates, both
 * ways: {@code NO_EXPIRATION}, {@code ROLLING_EXPIRATION} (DAY ≤ 90 as {@code AfterDays}, MONTH ≤ 12 and YEAR ≤ 5 as
 * {@code AfterMonths}), {@code CALENDAR_EXPIRATION} ({@code OnDates}); {@code SLIDING_EXPIRATION} is not supported.
 */
final class Expiry {
  static final Set<String> FIELDS = Set.of("type", "rolling_expiration", "calendar_expiration", "sliding_expiration");
  static final Map<String, String> TYPES = table("NO_EXPIRATION", "ROLLING_EXPIRATION", "CALENDAR_EXPIRATION",
      "SLIDING_EXPIRATION");
  static final Map<String, String> UNITS = table("DAY", "MONTH", "YEAR");
  static final Map<String, RoundUp> ROUNDINGS = new LinkedHashMap<>();

  static {
    ROUNDINGS.put("END_OF_MONTH", RoundUp.END_OF_MONTH);
    ROUNDINGS.put("END_OF_QUARTER", RoundUp.END_OF_QUARTER);
    ROUNDINGS.put("END_OF_HALF_YEAR", RoundUp.END_OF_HALF_YEAR);
    ROUNDINGS.put("END_OF_YEAR", RoundUp.END_OF_YEAR);
    ROUNDINGS.put("END_OF_PARTICULAR_MONTH", RoundUp.PARTICULAR_MONTH);
  }

  private Expiry() {}

  static Map<String, String> table(String... names) {
    Map<String, String> m = new LinkedHashMap<>();
    for (String n : names) {
      m.put(n, n);
    }
    return m;
  }

  /** The rule, or null for NO_EXPIRATION; {@code present[0]} says whether anything was read (false on errors). */
  static @Nullable ExpirationRule read(Obj o) {
    String type = o.reqOneOf("type", TYPES);
    if (type == null) {
      return null;
    }
    switch (type) {
      case "ROLLING_EXPIRATION" -> {
        Obj r = o.reqObj("rolling_expiration", Set.of("period", "rounding"));
        if (r == null) {
          return null;
        }
        Obj period = r.reqObj("period", Set.of("unit", "value"));
        Obj rounding = r.obj("rounding", Set.of("type", "value"));
        RoundUp up = RoundUp.NONE;
        Integer month = null;
        if (rounding != null) {
          RoundUp t = rounding.reqOneOf("type", ROUNDINGS);
          up = t == null ? RoundUp.NONE : t;
          Long v = rounding.integer("value", 1, 12);
          if (up == RoundUp.PARTICULAR_MONTH) {
            if (v == null && !rounding.has("value")) {
              o.problems().add(io.loyalty.json.WireInputException.Problem.MISSING_VALUE, rounding.at("value"),
                  "is required for END_OF_PARTICULAR_MONTH (a month 1-12)", null);
            }
            month = v == null ? null : v.intValue();
          } else if (v != null) {
            o.problems().add(io.loyalty.json.WireInputException.Problem.INVALID_VALUE, rounding.at("value"),
                "must be null unless the type is END_OF_PARTICULAR_MONTH", v);
          }
        }
        if (period == null) {
          return null;
        }
        String unit = period.reqOneOf("unit", UNITS);
        if (unit == null) {
          return null;
        }
        long max = switch (unit) {
          case "DAY" -> 90;
          case "MONTH" -> 12;
          default -> 5;
        };
        Long value = period.reqInteger("value", 1, max);
        if (value == null) {
          return null;
        }
        int n = value.intValue();
        return switch (unit) {
          case "DAY" -> new ExpirationRule.AfterDays(n, up, month);
          case "MONTH" -> new ExpirationRule.AfterMonths(n, up, month);
          default -> new ExpirationRule.AfterMonths(Math.multiplyExact(n, 12), up, month);
        };
      }
      case "CALENDAR_EXPIRATION" -> {
        Obj c = o.reqObj("calendar_expiration", Set.of("expiration_dates"));
        if (c == null) {
          return null;
        }
        List<FixedDayOfYear> dates = dates(c, "expiration_dates");
        return dates.isEmpty() ? null : new ExpirationRule.OnDates(dates);
      }
      case "SLIDING_EXPIRATION" -> {
        o.notSupported("type", "SLIDING_EXPIRATION is not supported by this engine yet", type);
        return null;
      }
      default -> {
        return null;
      }
    }
  }

  /** Calendar dates {@code [{day, month}]}, 1–20 of them, the day within the month (29 for February). */
  static List<FixedDayOfYear> dates(Obj o, String field) {
    List<FixedDayOfYear> out = new ArrayList<>();
    List<JsonNode> items = o.array(field, 1, 20);
    for (int i = 0; i < items.size(); i++) {
      Obj d = Obj.open(o.problems(), o.at(field) + "[" + i + "]", items.get(i), Set.of("day", "month"));
      if (d == null) {
        continue;
      }
      Long month = d.reqInteger("month", 1, 12);
      if (month == null) {
        continue;
      }
      int maxDay = switch (month.intValue()) {
        case 2 -> 29;
        case 4, 6, 9, 11 -> 30;
        default -> 31;
      };
      Long day = d.reqInteger("day", 1, maxDay);
      if (day != null) {
        out.add(new FixedDayOfYear(month.intValue(), day.intValue()));
      }
    }
    return out;
  }

  /** Writes the rule (null = NO_EXPIRATION) into {@code out}. */
  static void write(@Nullable ExpirationRule rule, ObjectNode out) {
    if (rule == null) {
      out.put("type", "NO_EXPIRATION");
      return;
    }
    if (rule instanceof ExpirationRule.AfterDays d) {
      rolling(out, "DAY", d.days(), d.roundUp(), d.particularMonth());
    } else if (rule instanceof ExpirationRule.AfterMonths m) {
      boolean years = m.months() > 12 && m.months() % 12 == 0;
      rolling(out, years ? "YEAR" : "MONTH", years ? m.months() / 12 : m.months(), m.roundUp(), m.particularMonth());
    } else if (rule instanceof ExpirationRule.OnDates on) {
      out.put("type", "CALENDAR_EXPIRATION");
      writeDates(out.putObject("calendar_expiration").putArray("expiration_dates"), on.dates());
    } else if (rule instanceof FixedDayOfYear f) {
      out.put("type", "CALENDAR_EXPIRATION");
      writeDates(out.putObject("calendar_expiration").putArray("expiration_dates"), List.of(f));
    }
  }

  static void writeDates(com.fasterxml.jackson.databind.node.ArrayNode a, List<FixedDayOfYear> dates) {
    for (FixedDayOfYear d : dates) {
      a.addObject().put("day", d.day()).put("month", d.month());
    }
  }

  private static void rolling(ObjectNode out, String unit, int value, RoundUp up, @Nullable Integer month) {
    out.put("type", "ROLLING_EXPIRATION");
    ObjectNode r = out.putObject("rolling_expiration");
    r.putObject("period").put("unit", unit).put("value", value);
    if (up == RoundUp.NONE) {
      r.putNull("rounding");
    } else {
      ObjectNode rounding = r.putObject("rounding");
      rounding.put("type", up == RoundUp.PARTICULAR_MONTH ? "END_OF_PARTICULAR_MONTH" : up.name());
      if (month != null) {
        rounding.put("value", month);
      } else {
        rounding.putNull("value");
      }
    }
  }
}
