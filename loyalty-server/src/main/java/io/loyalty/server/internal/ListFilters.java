package io.loyalty.server.internal;

import io.javalin.http.Context;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Voucherify's {@code filters} query parameter of the transaction lists (OpenAPI {@code deepObject}):
 * {@code filters[<field>][conditions][<$op>]=<value>}, arrays as repeated keys, {@code [n]} / {@code []} suffixes or
 * commas, and {@code filters[junction]=and|or} between the fields (conditions on one field must all hold). Text
 * fields take {@code $in $not_in $is $is_not $has_value $is_unknown $starts_with $ends_with $contains $not_contain},
 * date-time fields {@code $after $before $has_value $is_unknown}. An unknown field or operator, or a date that does
 * not parse, is refused with 400 {@code invalid_query_params} naming it.
 *
 * @param <T> the listed item
 */
final class ListFilters<T> {
  private static final Pattern KEY =
      Pattern.compile("filters\\[([A-Za-z_]+)\\](?:\\[conditions\\]\\[(\\$[a-z_]+)\\](?:\\[[0-9]*\\])?)?");
  private static final List<String> TEXT_OPS = List.of("$in", "$not_in", "$is", "$is_not", "$has_value",
      "$is_unknown", "$starts_with", "$ends_with", "$contains", "$not_contain");
  private static final List<String> DATE_OPS = List.of("$after", "$before", "$has_value", "$is_unknown");

  private final Map<String, Function<T, @Nullable String>> texts = new LinkedHashMap<>();
  private final Map<String, Function<T, @Nullable Instant>> dates = new LinkedHashMap<>();

  /** A text field a filter may name, such as {@code id}. */
  ListFilters<T> text(String field, Function<T, @Nullable String> value) {
    texts.put(field, value);
    return this;
  }

  /** A date-time field a filter may name, such as {@code created_at}. */
  ListFilters<T> date(String field, Function<T, @Nullable Instant> value) {
    dates.put(field, value);
    return this;
  }

  /** The request's filters as one predicate; every item passes when it has none. */
  Predicate<T> read(Context ctx) {
    // the values of one field's operator, gathered over its keys ($in[0], $in[1] … are one array)
    Map<String, Map<String, List<String>>> byField = new LinkedHashMap<>();
    boolean any = false;
    for (Map.Entry<String, List<String>> param : ctx.queryParamMap().entrySet()) {
      String key = param.getKey();
      if (!key.startsWith("filters[")) {
        continue;
      }
      if (key.equals("filters[junction]")) {
        any = junction(param.getValue());
        continue;
      }
      Matcher m = KEY.matcher(key);
      if (!m.matches() || m.group(2) == null) {
        throw ListQuery.refused(shown(key) + ": a filter is filters[<field>][conditions][<$operator>]");
      }
      byField.computeIfAbsent(m.group(1), f -> new LinkedHashMap<>())
          .computeIfAbsent(m.group(2), o -> new ArrayList<>()).addAll(param.getValue());
    }
    if (byField.isEmpty()) {
      return item -> true;
    }
    List<Predicate<T>> fields = new ArrayList<>();
    byField.forEach((field, ops) -> {
      List<Predicate<T>> conditions = new ArrayList<>();
      ops.forEach((op, given) -> conditions.add(condition(field, op, given)));
      fields.add(item -> conditions.stream().allMatch(c -> c.test(item)));
    });
    boolean or = any;
    return item -> or ? fields.stream().anyMatch(f -> f.test(item)) : fields.stream().allMatch(f -> f.test(item));
  }

  private Predicate<T> condition(String field, String op, List<String> given) {
    String at = "filters[" + field + "][conditions][" + op + "]";
    Function<T, @Nullable String> text = texts.get(field);
    if (text != null) {
      if (!TEXT_OPS.contains(op)) {
        throw ListQuery.refused(at + ": must be one of " + String.join(", ", TEXT_OPS));
      }
      List<String> values = values(given);
      String one = values.isEmpty() ? "" : values.get(0);
      return item -> {
        String v = text.apply(item);
        return switch (op) {
          case "$in" -> v != null && values.contains(v);
          case "$not_in" -> v == null || !values.contains(v);
          case "$is" -> one.equals(v);
          case "$is_not" -> !one.equals(v);
          case "$has_value" -> v != null;
          case "$is_unknown" -> v == null;
          case "$starts_with" -> v != null && v.startsWith(one);
          case "$ends_with" -> v != null && v.endsWith(one);
          case "$contains" -> v != null && v.contains(one);
          default -> v == null || !v.contains(one); // $not_contain
        };
      };
    }
    Function<T, @Nullable Instant> date = dates.get(field);
    if (date != null) {
      if (!DATE_OPS.contains(op)) {
        throw ListQuery.refused(at + ": must be one of " + String.join(", ", DATE_OPS));
      }
      Instant bound = op.equals("$after") || op.equals("$before") ? instant(at, given) : Instant.EPOCH;
      return item -> {
        Instant v = date.apply(item);
        return switch (op) {
          case "$after" -> v != null && v.isAfter(bound);
          case "$before" -> v != null && v.isBefore(bound);
          case "$has_value" -> v != null;
          default -> v == null; // $is_unknown
        };
      };
    }
    List<String> known = new ArrayList<>(texts.keySet());
    known.addAll(dates.keySet());
    throw ListQuery.refused("filters[" + field + "]: not a filter of this list; one of " + String.join(", ", known));
  }

  /** The values of repeated keys, each also split at commas (Voucherify's clients send arrays either way). */
  private static List<String> values(List<String> given) {
    List<String> out = new ArrayList<>();
    for (String v : given) {
      for (String part : v.split(",", -1)) {
        if (!part.isEmpty()) {
          out.add(part);
        }
      }
    }
    return out;
  }

  private static Instant instant(String at, List<String> given) {
    String text = given.isEmpty() ? "" : given.get(0);
    try {
      return OffsetDateTime.parse(text).toInstant();
    } catch (DateTimeParseException e) {
      throw ListQuery.refused(at + ": must be an ISO 8601 date-time with an offset (2024-01-01T00:00:00.000Z)");
    }
  }

  private static boolean junction(List<String> given) {
    String text = given.isEmpty() ? "" : given.get(0);
    if (text.equalsIgnoreCase("and")) {
      return false;
    }
    if (text.equalsIgnoreCase("or")) {
      return true;
    }
    throw ListQuery.refused("filters[junction]: must be and or or");
  }

  /** A parameter name quoted in a message, bounded. */
  private static String shown(String key) {
    return key.length() > 60 ? key.substring(0, 60) + "…" : key;
  }
}
