package io.loyalty.server.internal;

import io.javalin.http.Context;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * The paging part of a list request as Voucherify's OpenAPI has it: {@code limit} (1 to 100, default 10), and either
 * {@code page} (1 to 100, default 1) for counted lists or {@code starting_after_id} (the last id of the previous page)
 * for cursor lists, and {@code order} among the list's documented values. A bad value is refused with Voucherify's
 * 400 {@code invalid_query_params}, naming the parameter and its limits. Immutable.
 */
final class ListQuery {
  static final int DEFAULT_LIMIT = 10;
  static final int MAX_LIMIT = 100;
  static final int MAX_PAGE = 100;

  final int limit;
  final int page;
  final @Nullable String after;
  final String order;

  private ListQuery(int limit, int page, @Nullable String after, String order) {
    this.limit = limit;
    this.page = page;
    this.after = after;
    this.order = order;
  }

  /** A counted list paged by {@code limit} and {@code page}, ordered by one of {@code orders} ({@code null}: no order). */
  static ListQuery paged(Context ctx, @Nullable List<String> orders, String defaultOrder) {
    return new ListQuery(limit(ctx), bounded(ctx, "page", 1, MAX_PAGE, 1), null, order(ctx, orders, defaultOrder));
  }

  /** A counted list with a {@code limit} only (Voucherify's tiers): the first page. */
  static ListQuery limited(Context ctx, @Nullable List<String> orders, String defaultOrder) {
    return new ListQuery(limit(ctx), 1, null, order(ctx, orders, defaultOrder));
  }

  /**
   * A cursor list: {@code limit} and {@code starting_after_id} (also read as {@code starting_after}, the name
   * Voucherify's v2 lists use), ordered by one of {@code orders}.
   */
  static ListQuery cursor(Context ctx, List<String> orders, String defaultOrder) {
    String after = ctx.queryParam("starting_after_id");
    if (after == null) {
      after = ctx.queryParam("starting_after");
    }
    if (after != null && after.isEmpty()) {
      after = null;
    }
    return new ListQuery(limit(ctx), 1, after, order(ctx, orders, defaultOrder));
  }

  /** Whether the order asks for descending ({@code -name}). */
  boolean descending() {
    return order.startsWith("-");
  }

  /** The order's field, without the dash. */
  String orderField() {
    return descending() ? order.substring(1) : order;
  }

  /** This query's page of a whole, ordered list. */
  <T> List<T> page(List<T> all) {
    long from = (long) (page - 1) * limit;
    if (from >= all.size()) {
      return List.of();
    }
    return List.copyOf(all.subList((int) from, (int) Math.min(all.size(), from + limit)));
  }

  /** A cursor page: its items, and whether more follow it. */
  record Slice<T>(List<T> items, boolean hasMore) {}

  /**
   * The items after the cursor's (all of them without one), at most {@code limit}, and whether more follow.
   *
   * @throws ServerApp.Refused when the cursor names no item of the list
   */
  <T> Slice<T> after(List<T> all, Function<T, String> id) {
    int start = 0;
    if (after != null) {
      start = -1;
      for (int i = 0; i < all.size(); i++) {
        if (after.equals(id.apply(all.get(i)))) {
          start = i + 1;
          break;
        }
      }
      if (start < 0) {
        throw refused("starting_after_id: names no entry of this list (use the more_starting_after of the page before)");
      }
    }
    int end = Math.min(all.size(), start + limit);
    return new Slice<>(List.copyOf(all.subList(start, end)), end < all.size());
  }

  /**
   * A date-time filter's bound, such as {@code created_at[before]}: an ISO 8601 instant with an offset, or a date
   * (00:00 of it in {@code zone}); {@code null} when absent.
   */
  static @Nullable Instant instant(Context ctx, String name, ZoneId zone) {
    String text = ctx.queryParam(name);
    if (text == null || text.isEmpty()) {
      return null;
    }
    try {
      return text.length() == 10 ? LocalDate.parse(text).atStartOfDay(zone).toInstant()
          : java.time.OffsetDateTime.parse(text).toInstant();
    } catch (DateTimeParseException e) {
      throw refused(name + ": must be an ISO 8601 date-time with an offset (2024-03-01T10:00:00Z) or a date"
          + " (2024-03-01), not " + quote(text));
    }
  }

  private static int limit(Context ctx) {
    return bounded(ctx, "limit", 1, MAX_LIMIT, DEFAULT_LIMIT);
  }

  private static int bounded(Context ctx, String name, int min, int max, int absent) {
    String text = ctx.queryParam(name);
    if (text == null || text.isEmpty()) {
      return absent;
    }
    String what = name + ": must be a whole number from " + min + " to " + max + ", not " + quote(text);
    if (text.length() > 10 || !text.matches("-?[0-9]+")) {
      throw refused(what);
    }
    long value = Long.parseLong(text);
    if (value < min || value > max) {
      throw refused(what);
    }
    return (int) value;
  }

  private static String order(Context ctx, @Nullable List<String> orders, String defaultOrder) {
    String text = ctx.queryParam("order");
    if (orders == null || text == null || text.isEmpty()) {
      return defaultOrder;
    }
    if (!orders.contains(text)) {
      throw refused("order: must be one of " + String.join(", ", orders) + ", not " + quote(text));
    }
    return text;
  }

  /** A query value quoted in a message, bounded: it may be anything a client sent. */
  private static String quote(String text) {
    String shown = text.length() > 40 ? text.substring(0, 40) + "…" : text;
    StringBuilder out = new StringBuilder("\"");
    shown.codePoints().forEach(c -> out.appendCodePoint(Character.isISOControl(c) ? '?' : c));
    return out.append('"').toString();
  }

  static ServerApp.Refused refused(String details) {
    return new ServerApp.Refused(400, "invalid_query_params", details);
  }
}
