package io.loyalty.json.internal.write;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.loyalty.spi.MetaValue;
import io.loyalty.spi.Metadata;
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

  /** Metadata as a JSON object, keys sorted; {@code null} when empty. */
  public static @Nullable ObjectNode metadata(Metadata metadata) {
    if (metadata.isEmpty()) {
      return null;
    }
    ObjectNode out = JsonNodeFactory.instance.objectNode();
    new java.util.TreeMap<>(metadata.values()).forEach((k, v) -> {
      if (v instanceof MetaValue.Num n) {
        out.put(k, n.value());
      } else if (v instanceof MetaValue.Text t) {
        out.put(k, t.value());
      } else {
        out.put(k, ((MetaValue.Flag) v).value());
      }
    });
    return out;
  }

  /** A required instant in Voucherify's date-time format. */
  public static String at(Instant at) {
    return INSTANT.format(at.truncatedTo(ChronoUnit.MILLIS));
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
