package io.loyalty.json.internal.v2;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.loyalty.json.internal.read.Problems;
import io.loyalty.spi.WalletId;
import io.loyalty.spi.program.CardDefinition;
import io.loyalty.spi.program.CardDefinition.EarnedRefund;
import io.loyalty.spi.program.CodeConfig;
import io.loyalty.spi.program.ComponentStatus;
import io.loyalty.spi.program.EarningLimits;
import io.loyalty.spi.program.ExpirationRule;
import io.loyalty.spi.program.PendingPoints;
import io.loyalty.spi.program.SpendingLimits;
import io.loyalty.spi.store.StoredComponent;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * v2 card definitions ({@code CardDefinitionCreateRequest} in, {@code CardDefinition} out) ↔ the engine's
 * {@link CardDefinition}. Sections the engine lacks ({@code SLIDING_EXPIRATION}, pending {@code EVENT_BASED},
 * {@code pay_with_points} other than {@code NO_PAYMENTS}, transaction {@code SPENDING} limits, spent-points refunds
 * other than {@code REFUND_ALL}) are {@code not_supported}, naming the path.
 */
public final class CardDefinitionV2 {
  static final JsonNodeFactory F = JsonNodeFactory.instance;
  static final Set<String> FIELDS = Set.of("name", "type", "status", "code_config", "points_expiration",
      "pending_points", "earning_limits", "spending_limits", "refunds", "balance_settings", "pay_with_points",
      "metadata", "id", "object", "created_at", "updated_at");
  static final Map<String, ComponentStatus> CREATE_STATUSES = new LinkedHashMap<>();
  static final Map<String, EarningLimits.CalendarUnit> UNITS = new LinkedHashMap<>();

  static {
    CREATE_STATUSES.put("DRAFT", ComponentStatus.DRAFT);
    CREATE_STATUSES.put("ACTIVE", ComponentStatus.ACTIVE);
    for (EarningLimits.CalendarUnit u : EarningLimits.CalendarUnit.values()) {
      UNITS.put(u.name(), u);
    }
  }

  private CardDefinitionV2() {}

  /** The status a create body asks for (DRAFT when absent). */
  public static ComponentStatus status(Obj o) {
    ComponentStatus s = o.oneOf("status", CREATE_STATUSES);
    return s == null ? ComponentStatus.DRAFT : s;
  }

  /** Reads the body; the violations are in {@code p}. */
  public static @Nullable CardDefinition read(Problems p, JsonNode body, WalletId id) {
    Obj o = Obj.open(p, "", body, FIELDS);
    if (o == null) {
      return null;
    }
    String name = o.reqText("name", 1, 200);
    o.reqOneOf("type", Expiry.table("INDIVIDUAL"));
    o.oneOf("object", Expiry.table("card_definition"));
    CodeConfig codes = CardDefinition.DEFAULT_CODES;
    Obj c = o.obj("code_config", Set.of("length", "charset", "prefix", "postfix", "pattern"));
    if (c != null) {
      Long length = c.integer("length", 1, 100);
      String charset = c.text("charset");
      String prefix = c.text("prefix");
      String postfix = c.text("postfix");
      String pattern = c.text("pattern");
      CodeConfig given = p.engine(c.at("length"), () -> new CodeConfig(length == null ? null : length.intValue(),
          charset, prefix, postfix, pattern));
      codes = given == null ? codes : given;
    }
    ExpirationRule expiration = null;
    Obj e = o.obj("points_expiration", Expiry.FIELDS);
    if (e != null) {
      expiration = Expiry.read(e);
    }
    PendingPoints pending = pending(o.obj("pending_points", Set.of("type", "period_based", "fixed_dates", "event_based")));
    EarningLimits earning = earningLimits(o.obj("earning_limits", Set.of("global", "transactions")));
    SpendingLimits spending = spendingLimits(o.obj("spending_limits", Set.of("global", "transactions")));
    EarnedRefund refund = refunds(o.obj("refunds", Set.of("spent_points", "earned_points")));
    boolean allowNegative = false;
    Obj b = o.obj("balance_settings", Set.of("allow_negative"));
    if (b != null) {
      Boolean a = b.flag("allow_negative");
      if (a == null && !b.has("allow_negative")) {
        b.reqText("allow_negative", 0, 0);
      }
      allowNegative = Boolean.TRUE.equals(a);
    }
    Obj pay = o.obj("pay_with_points", Set.of("type", "exchange_ratio"));
    if (pay != null) {
      String t = pay.reqOneOf("type", Expiry.table("NO_PAYMENTS", "EXCHANGE_RATIO"));
      if ("EXCHANGE_RATIO".equals(t)) {
        pay.notSupported("type", "paying with points is not supported by this engine yet", t);
      }
    }
    var metadata = p.metadata("metadata", o.objectNode("metadata"));
    if (!p.ok() || name == null) {
      return null;
    }
    CodeConfig finalCodes = codes;
    ExpirationRule finalExpiration = expiration;
    boolean negative = allowNegative;
    return p.engine("card_definition", () -> new CardDefinition(id, name, finalCodes, finalExpiration, pending,
        earning, refund, spending, negative, metadata));
  }

  private static @Nullable PendingPoints pending(@Nullable Obj o) {
    if (o == null) {
      return null;
    }
    String type = o.reqOneOf("type", Expiry.table("IMMEDIATE", "PERIOD_BASED", "FIXED_DATES", "EVENT_BASED"));
    if (type == null || type.equals("IMMEDIATE")) {
      return null;
    }
    switch (type) {
      case "PERIOD_BASED" -> {
        Obj pb = o.reqObj("period_based", Set.of("period"));
        Obj period = pb == null ? null : pb.reqObj("period", Set.of("unit", "value"));
        String unit = period == null ? null : period.reqOneOf("unit", Expiry.UNITS);
        if (period == null || unit == null) {
          return null;
        }
        Long v = period.reqInteger("value", 1, switch (unit) {
          case "DAY" -> PendingPoints.MAX_DAYS;
          case "MONTH" -> PendingPoints.MAX_MONTHS;
          default -> 1;
        });
        if (v == null) {
          return null;
        }
        return switch (unit) {
          case "DAY" -> new PendingPoints(v.intValue());
          case "MONTH" -> PendingPoints.months(v.intValue());
          default -> PendingPoints.months(12);
        };
      }
      case "FIXED_DATES" -> {
        Obj fd = o.reqObj("fixed_dates", Set.of("dates"));
        if (fd == null) {
          return null;
        }
        List<ExpirationRule.FixedDayOfYear> dates = Expiry.dates(fd, "dates");
        return dates.isEmpty() ? null : PendingPoints.untilOneOf(dates.toArray(ExpirationRule.FixedDayOfYear[]::new));
      }
      default -> {
        o.notSupported("type", "EVENT_BASED pending points are not supported by this engine yet", type);
        return null;
      }
    }
  }

  private static EarningLimits earningLimits(@Nullable Obj o) {
    if (o == null) {
      return EarningLimits.NONE;
    }
    EarningLimits limits = EarningLimits.NONE;
    Obj g = o.reqObj("global", Set.of("type", "limits"));
    if (g != null && "LIMITED".equals(g.reqOneOf("type", Expiry.table("NO_LIMIT", "LIMITED")))) {
      Obj l = first(g, Set.of("type", "max", "period", "points"));
      String t = l == null ? null : l.reqOneOf("type", Expiry.table("BALANCE_BASED", "TIME_BASED"));
      if (l != null && "BALANCE_BASED".equals(t)) {
        Long max = l.reqInteger("max", 1, Obj.MAX_SAFE);
        limits = max == null ? limits : EarningLimits.balanceCap(max);
      } else if (l != null && "TIME_BASED".equals(t)) {
        EarningLimits.Period period = timeBased(l);
        limits = period == null ? limits : EarningLimits.perPeriod(period.unit(), period.points());
      }
    }
    Obj tr = o.reqObj("transactions", Set.of("type", "limits"));
    if (tr != null && "LIMITED".equals(tr.reqOneOf("type", Expiry.table("NO_LIMIT", "LIMITED")))) {
      Obj l = first(tr, Set.of("type", "max", "min_amount"));
      String t = l == null ? null : l.reqOneOf("type", Expiry.table("POINTS", "SPENDING"));
      if (l != null && "POINTS".equals(t)) {
        Long max = l.reqInteger("max", 1, Obj.MAX_SAFE);
        limits = max == null ? limits : limits.withPerTransaction(max);
      } else if (l != null && "SPENDING".equals(t)) {
        l.notSupported("type", "SPENDING transaction limits are not supported (Voucherify does not support them yet either)", t);
      }
    }
    return limits;
  }

  private static SpendingLimits spendingLimits(@Nullable Obj o) {
    if (o == null) {
      return SpendingLimits.NONE;
    }
    Long lifetime = null;
    EarningLimits.Period period = null;
    Long perTransaction = null;
    Obj g = o.reqObj("global", Set.of("type", "limits"));
    if (g != null && "LIMITED".equals(g.reqOneOf("type", Expiry.table("NO_LIMIT", "LIMITED")))) {
      Obj l = first(g, Set.of("type", "max", "period", "points"));
      String t = l == null ? null : l.reqOneOf("type", Expiry.table("SPENDING_BASED", "TIME_BASED"));
      if (l != null && "SPENDING_BASED".equals(t)) {
        lifetime = l.reqInteger("max", 1, Obj.MAX_SAFE);
      } else if (l != null && "TIME_BASED".equals(t)) {
        period = timeBased(l);
      }
    }
    Obj tr = o.reqObj("transactions", Set.of("type", "limits"));
    if (tr != null && "LIMITED".equals(tr.reqOneOf("type", Expiry.table("NO_LIMIT", "LIMITED")))) {
      Obj l = first(tr, Set.of("type", "max"));
      if (l != null && "POINTS".equals(l.reqOneOf("type", Expiry.table("POINTS")))) {
        perTransaction = l.reqInteger("max", 1, Obj.MAX_SAFE);
      }
    }
    Long life = lifetime;
    EarningLimits.Period per = period;
    Long each = perTransaction;
    SpendingLimits built = o.problems().engine(o.path(), () -> new SpendingLimits(life, per, each));
    return built == null ? SpendingLimits.NONE : built;
  }

  private static EarnedRefund refunds(@Nullable Obj o) {
    if (o == null) {
      return EarnedRefund.REVOKE_TO_ZERO;
    }
    Obj spent = o.reqObj("spent_points", Set.of("type", "methods"));
    if (spent != null) {
      String t = spent.reqOneOf("type", Expiry.table("NONE", "REFUNDABLE"));
      if ("NONE".equals(t)) {
        spent.notSupported("type", "a rollback always gives spent points back in this engine (REFUNDABLE, REFUND_ALL)", t);
      } else if ("REFUNDABLE".equals(t)) {
        Obj m = first(spent, Set.of("type", "mode"));
        if (m != null) {
          m.reqOneOf("type", Expiry.table("RETURN_POINTS"));
          String mode = m.reqOneOf("mode", Expiry.table("REFUND_ALL", "REFUND_ITEM", "REFUND_AMOUNT"));
          if (mode != null && !mode.equals("REFUND_ALL")) {
            m.notSupported("mode", "only REFUND_ALL is supported", mode);
          }
        }
      }
    }
    EarnedRefund refund = EarnedRefund.REVOKE_TO_ZERO;
    Obj earned = o.reqObj("earned_points", Set.of("type", "methods"));
    if (earned != null) {
      String t = earned.reqOneOf("type", Expiry.table("NONE", "REFUNDABLE"));
      if ("NONE".equals(t)) {
        refund = EarnedRefund.NONE;
      } else if ("REFUNDABLE".equals(t)) {
        Obj m = first(earned, Set.of("type", "mode"));
        String mt = m == null ? null : m.reqOneOf("type", Expiry.table("REVOKE_FROM_PENDING", "REVOKE_FROM_BALANCE"));
        if ("REVOKE_FROM_PENDING".equals(mt)) {
          refund = EarnedRefund.REVOKE_FROM_PENDING;
        } else if (m != null && "REVOKE_FROM_BALANCE".equals(mt)) {
          String mode = m.reqOneOf("mode", Expiry.table("REVOKE_TO_ZERO", "REVOKE_BELOW_ZERO"));
          refund = "REVOKE_BELOW_ZERO".equals(mode) ? EarnedRefund.REVOKE_BELOW_ZERO : EarnedRefund.REVOKE_TO_ZERO;
        }
      }
    }
    return refund;
  }

  private static EarningLimits.@Nullable Period timeBased(Obj l) {
    Obj period = l.reqObj("period", Set.of("type", "current_period"));
    Obj points = l.reqObj("points", Set.of("max"));
    if (period == null || points == null) {
      return null;
    }
    period.reqOneOf("type", Expiry.table("CURRENT_PERIOD"));
    Obj current = period.reqObj("current_period", Set.of("unit"));
    EarningLimits.CalendarUnit unit = current == null ? null : current.reqOneOf("unit", UNITS);
    Long max = points.reqInteger("max", 1, Obj.MAX_SAFE);
    return unit == null || max == null ? null : new EarningLimits.Period(unit, max);
  }

  /** The one element of {@code limits} / {@code methods} (at most one, as the OpenAPI says). */
  private static @Nullable Obj first(Obj o, Set<String> fields) {
    String field = o.node.has("methods") ? "methods" : "limits";
    List<JsonNode> items = o.array(field, 1, 1);
    return items.isEmpty() ? null : Obj.open(o.p, o.at(field) + "[0]", items.get(0), fields);
  }

  // ---- writing ----

  /** The {@code CardDefinition} response object. */
  public static ObjectNode write(StoredComponent stored) {
    CardDefinition d = (CardDefinition) stored.component();
    ObjectNode out = F.objectNode();
    out.put("id", d.id().value());
    out.put("name", d.name());
    out.put("type", "INDIVIDUAL");
    out.put("status", stored.status().name());
    CodeConfig c = d.codeConfig();
    ObjectNode codes = out.putObject("code_config");
    codes.put("pattern", c.effectivePattern());
    codes.put("length", c.length() == null ? CodeConfig.DEFAULT_LENGTH : c.length());
    codes.put("charset", c.effectiveCharset());
    codes.put("prefix", c.prefix() == null ? "" : c.prefix());
    codes.put("postfix", c.postfix() == null ? "" : c.postfix());
    Expiry.write(d.expiration(), out.putObject("points_expiration"));
    writePending(d.pendingPoints(), out.putObject("pending_points"));
    writeEarningLimits(d.earningLimits(), out.putObject("earning_limits"));
    writeSpendingLimits(d.spendingLimits(), out.putObject("spending_limits"));
    ObjectNode refunds = out.putObject("refunds");
    ObjectNode spent = refunds.putObject("spent_points");
    spent.put("type", "REFUNDABLE");
    spent.putArray("methods").addObject().put("type", "RETURN_POINTS").put("mode", "REFUND_ALL");
    ObjectNode earned = refunds.putObject("earned_points");
    ArrayNode methods = F.arrayNode();
    switch (d.earnedRefund()) {
      case NONE -> earned.put("type", "NONE");
      case REVOKE_FROM_PENDING -> {
        earned.put("type", "REFUNDABLE");
        methods.addObject().put("type", "REVOKE_FROM_PENDING");
      }
      case REVOKE_TO_ZERO, REVOKE_BELOW_ZERO -> {
        earned.put("type", "REFUNDABLE");
        methods.addObject().put("type", "REVOKE_FROM_BALANCE").put("mode", d.earnedRefund().name());
      }
    }
    earned.set("methods", methods);
    out.putObject("balance_settings").put("allow_negative", d.allowNegative());
    out.putObject("pay_with_points").put("type", "NO_PAYMENTS");
    out.set("metadata", V2Values.metadata(d.metadata()));
    out.put("created_at", V2Values.stamp(stored.createdAt()));
    out.put("updated_at", V2Values.stamp(stored.updatedAt()));
    out.put("object", "card_definition");
    return out;
  }

  private static void writePending(@Nullable PendingPoints p, ObjectNode out) {
    if (p == null) {
      out.put("type", "IMMEDIATE");
    } else if (!p.dates().isEmpty()) {
      out.put("type", "FIXED_DATES");
      Expiry.writeDates(out.putObject("fixed_dates").putArray("dates"), p.dates());
    } else {
      out.put("type", "PERIOD_BASED");
      ObjectNode period = out.putObject("period_based").putObject("period");
      if (p.months() > 0) {
        period.put("unit", "MONTH").put("value", p.months());
      } else {
        period.put("unit", "DAY").put("value", p.days());
      }
    }
  }

  private static void writeEarningLimits(EarningLimits l, ObjectNode out) {
    writeLimits(out, "BALANCE_BASED", l.balance(), l.period(), l.perTransaction());
  }

  private static void writeSpendingLimits(SpendingLimits l, ObjectNode out) {
    writeLimits(out, "SPENDING_BASED", l.lifetime(), l.period(), l.perTransaction());
  }

  /** Earning and spending limits share one shape: a global limit (in all, or per period) and a per-transaction one. */
  private static void writeLimits(ObjectNode out, String inAll, @Nullable Long total,
      EarningLimits.@Nullable Period period, @Nullable Long perTransaction) {
    ObjectNode g = out.putObject("global");
    ArrayNode gl = F.arrayNode();
    if (total != null) {
      gl.addObject().put("type", inAll).put("max", total);
    } else if (period != null) {
      timeBased(gl.addObject(), period);
    }
    g.put("type", gl.isEmpty() ? "NO_LIMIT" : "LIMITED");
    g.set("limits", gl);
    ObjectNode t = out.putObject("transactions");
    ArrayNode tl = F.arrayNode();
    if (perTransaction != null) {
      tl.addObject().put("type", "POINTS").put("max", perTransaction);
    }
    t.put("type", tl.isEmpty() ? "NO_LIMIT" : "LIMITED");
    t.set("limits", tl);
  }

  private static void timeBased(ObjectNode o, EarningLimits.Period period) {
    o.put("type", "TIME_BASED");
    o.putObject("period").put("type", "CURRENT_PERIOD").putObject("current_period").put("unit", period.unit().name());
    o.putObject("points").put("max", period.points());
  }
}
