package io.loyalty.json.internal.read;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.loyalty.json.WireInputException;
import io.loyalty.json.WireInputException.Problem;
import io.loyalty.spi.InvalidInputException;
import io.loyalty.spi.MetaValue;
import io.loyalty.spi.Metadata;
import io.loyalty.spi.Violation;
import io.loyalty.spi.program.IsoDuration;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * Collects the offending fields of one body while it is read, each with its JSON path, and converts the wire's texts
 * and numbers into the engine's values. {@link #done()} throws them all at once. Not thread-safe: one per read.
 */
public final class Problems {
  private final List<Violation> violations = new ArrayList<>();
  private @Nullable Problem first;

  /** Records one offending field. */
  public void add(Problem problem, String path, String message, @Nullable Object value) {
    if (first == null) {
      first = problem;
    }
    violations.add(new Violation(path, message, value));
  }

  /** How many violations were recorded so far. */
  public int count() {
    return violations.size();
  }

  /** Whether nothing offended so far. */
  public boolean ok() {
    return violations.isEmpty();
  }

  /** Throws every recorded violation, if any. */
  public void done() {
    if (first != null) {
      throw new WireInputException(first, violations);
    }
  }

  /** A value read after {@link #done()} passed: a missing one would have been recorded, so it is there. */
  public <T> T must(@Nullable T value) {
    if (value == null) {
      throw new IllegalStateException("a value is missing but no violation was recorded for it");
    }
    return value;
  }

  /** Runs an engine constructor, recording its {@link InvalidInputException} under {@code path}; null on failure. */
  public <T> @Nullable T engine(String path, java.util.function.Supplier<T> build) {
    try {
      return build.get();
    } catch (InvalidInputException e) {
      for (Violation v : e.violations()) {
        add(Problem.INVALID_VALUE, path, v.message(), v.value());
      }
      return null;
    } catch (WireInputException e) {
      // a nested reader already named its fields: keep them as they are
      for (Violation v : e.violations()) {
        add(e.problem(), v.path(), v.message(), v.value());
      }
      return null;
    } catch (ArithmeticException e) {
      add(Problem.OUT_OF_RANGE, path, "goes past the range of exact integers", null);
      return null;
    }
  }

  /** A required id: MISSING_VALUE when absent, INVALID_VALUE when the engine's id rules reject it. */
  public <T> @Nullable T idOf(String path, @Nullable String text, Function<String, T> of) {
    if (required(path, text) == null) {
      return null;
    }
    return engine(path, () -> of.apply(text));
  }

  /** The value, or a {@link Problem#MISSING_VALUE} when it is absent or {@code null}. */
  public <T> @Nullable T required(String path, @Nullable T value) {
    if (value == null) {
      add(Problem.MISSING_VALUE, path, "is required", null);
    }
    return value;
  }

  /** A number from {@code min} to {@code max}; records OUT_OF_RANGE otherwise. */
  public long range(String path, long value, long min, long max) {
    if (value < min || value > max) {
      add(Problem.OUT_OF_RANGE, path, "must be from " + min + " to " + max, value);
      return min;
    }
    return value;
  }

  /** An int from {@code min} to {@code max}. */
  public int intRange(String path, long value, int min, int max) {
    return (int) range(path, value, min, max);
  }

  /** A required text with its length bounded. */
  public @Nullable String text(String path, @Nullable String value, int max) {
    if (value == null) {
      add(Problem.MISSING_VALUE, path, "is required", null);
      return null;
    }
    if (value.length() > max) {
      add(Problem.LIMIT_EXCEEDED, path, "must be at most " + max + " characters", value.length());
      return null;
    }
    return value;
  }

  /**
   * An enum value by its wire name; an unknown one is an {@link Problem#UNKNOWN_ENUM_VALUE} that lists the allowed
   * values, never a default.
   */
  public <E extends Enum<E>> @Nullable E enumOf(String path, @Nullable String text, Class<E> type) {
    return oneOf(path, text, Arrays.stream(type.getEnumConstants()).collect(
        Collectors.toMap(Enum::name, Function.identity(), (a, b) -> a, LinkedHashMap::new)));
  }

  /** A value by its wire name from a fixed table, in its documented order. */
  public <E> @Nullable E oneOf(String path, @Nullable String text, Map<String, E> allowed) {
    if (required(path, text) == null) {
      return null;
    }
    E value = allowed.get(text);
    if (value == null) {
      add(Problem.UNKNOWN_ENUM_VALUE, path, "must be one of " + String.join(", ", allowed.keySet()), text);
    }
    return value;
  }

  /** An ISO 8601 date-time with an offset, such as {@code 2016-10-26T00:00:00.000Z}; {@code null} stays null. */
  public @Nullable Instant instant(String path, @Nullable String text) {
    if (text == null) {
      return null;
    }
    try {
      return OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
    } catch (DateTimeParseException e) {
      add(Problem.INVALID_VALUE, path, "must be an ISO 8601 date-time with an offset, such as 2016-10-26T00:00:00.000Z", text);
      return null;
    }
  }

  /** An ISO 8601 date, {@code YYYY-MM-DD}. */
  public @Nullable LocalDate date(String path, @Nullable String text) {
    if (text == null) {
      return null;
    }
    try {
      return LocalDate.parse(text, DateTimeFormatter.ISO_LOCAL_DATE);
    } catch (DateTimeParseException e) {
      add(Problem.INVALID_VALUE, path, "must be an ISO 8601 date, such as 2024-01-31", text);
      return null;
    }
  }

  /** An ISO 8601 duration such as {@code P24D}; {@code null} stays null. */
  public @Nullable IsoDuration duration(String path, @Nullable String text) {
    if (text == null) {
      return null;
    }
    return engine(path, () -> IsoDuration.parse(text));
  }

  /** A time of day, {@code HH:mm}; {@code null} stays null. */
  public @Nullable LocalTime time(String path, @Nullable String text) {
    if (text == null || text.isEmpty()) {
      return null;
    }
    try {
      return LocalTime.parse(text);
    } catch (DateTimeParseException e) {
      add(Problem.INVALID_VALUE, path, "must be a time of day such as 09:00", text);
      return null;
    }
  }

  /** Voucherify's days of the week, 0 = Sunday to 6 = Saturday. */
  public Set<DayOfWeek> days(String path, @Nullable List<Integer> days) {
    Set<DayOfWeek> out = EnumSet.noneOf(DayOfWeek.class);
    if (days == null) {
      return out;
    }
    for (int i = 0; i < days.size(); i++) {
      Integer day = days.get(i);
      if (day == null) {
        add(Problem.MISSING_VALUE, path + "[" + i + "]", "must be a day from 0 (Sunday) to 6 (Saturday)", null);
      } else if (day < 0 || day > 6) {
        add(Problem.OUT_OF_RANGE, path + "[" + i + "]", "must be a day from 0 (Sunday) to 6 (Saturday)", day);
      } else {
        out.add(day == 0 ? DayOfWeek.SUNDAY : DayOfWeek.of(day));
      }
    }
    return out;
  }

  /**
   * Metadata: numbers (exact), texts and flags; {@code null} values are dropped, as an absent key; nested objects
   * and arrays are {@link Problem#NOT_SUPPORTED}, since the engine's rules compare scalars only.
   */
  public Metadata metadata(String path, @Nullable ObjectNode node) {
    if (node == null || node.isEmpty()) {
      return Metadata.EMPTY;
    }
    Map<String, MetaValue> values = new LinkedHashMap<>();
    boolean ok = true;
    for (Map.Entry<String, JsonNode> e : node.properties()) {
      JsonNode v = e.getValue();
      String at = path + "." + e.getKey();
      MetaValue value = null;
      if (v.isNull()) {
        continue;
      } else if (v.isNumber()) {
        value = engine(at, () -> new MetaValue.Num(v.decimalValue()));
      } else if (v.isTextual()) {
        value = new MetaValue.Text(v.textValue());
      } else if (v.isBoolean()) {
        value = new MetaValue.Flag(v.booleanValue());
      } else {
        add(Problem.NOT_SUPPORTED, at, "must be a number, a string or a boolean (the engine keeps no nested metadata)", null);
      }
      if (value == null) {
        ok = false;
      } else {
        values.put(e.getKey(), value);
      }
    }
    if (!ok) {
      return Metadata.EMPTY;
    }
    Metadata out = engine(path, () -> new Metadata(values));
    return out == null ? Metadata.EMPTY : out;
  }
}
