package io.loyalty.json.internal.v2;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.loyalty.json.WireInputException.Problem;
import io.loyalty.json.internal.read.Problems;
import io.loyalty.json.internal.read.ValidationRuleReader;
import io.loyalty.spi.CollectionId;
import io.loyalty.spi.ProductId;
import io.loyalty.spi.RuleId;
import io.loyalty.spi.SchemaId;
import io.loyalty.spi.SegmentId;
import io.loyalty.spi.SkuId;
import io.loyalty.spi.WalletId;
import io.loyalty.spi.program.Condition;
import io.loyalty.spi.program.EarningLimits;
import io.loyalty.spi.program.ExpirationRule;
import io.loyalty.spi.program.FirstMatchRule;
import io.loyalty.spi.program.IsoDuration;
import io.loyalty.spi.program.ItemTarget;
import io.loyalty.spi.program.Measure;
import io.loyalty.spi.program.PointsFormula;
import io.loyalty.spi.program.Trigger;
import io.loyalty.spi.program.TriggerLimits;
import io.loyalty.spi.program.Validity;
import io.loyalty.spi.store.StoredComponent;
import java.time.Duration;
import java.time.Period;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * v2 earning rules ({@code EarningRuleCreateRequest} in, {@code EarningRuleResponse} out) ↔ the engine's
 * {@link FirstMatchRule}. The earnings' {@code rules} are read by the v1 validation rule reader (the same names and
 * operators); {@code BENEFIT} effects, {@code tier_rules} {@code ANY_OF} and {@code DAILY} validity hours are
 * {@code not_supported}, naming the path.
 */
public final class EarningRuleV2 {
  static final Set<String> FIELDS = Set.of("name", "trigger", "earnings", "status", "error", "validity_hours",
      "start_date", "end_date", "metadata", "trigger_limits", "id", "object", "created_at", "updated_at");
  static final Map<String, String> EVENTS = Expiry.table("customer.order.paid", "customer.custom_event",
      "customer.segment.entered");
  static final Map<String, String> CALCULATIONS = Expiry.table("PRE_DISCOUNT_ORDER_AMOUNT",
      "POST_DISCOUNT_ORDER_AMOUNT", "PRE_DISCOUNT_ORDER_ITEMS_AMOUNT", "POST_DISCOUNT_ORDER_ITEMS_AMOUNT",
      "ORDER_ITEMS_QUANTITY", "ORDER_METADATA_VALUE", "CUSTOMER_METADATA_VALUE", "CUSTOM_EVENT_METADATA_VALUE");
  static final Map<String, String> COOLDOWN_UNITS = Expiry.table("HOUR", "DAY", "WEEK", "MONTH", "YEAR");

  private EarningRuleV2() {}

  /**
   * Reads the body; {@code schemaNames} gives a custom event schema's event name (null when the host has none).
   * The rule is read active: its component status decides whether it earns.
   */
  public static @Nullable FirstMatchRule read(Problems p, JsonNode body, RuleId id,
      Function<String, @Nullable String> schemaNames) {
    Obj o = Obj.open(p, "", body, FIELDS);
    if (o == null) {
      return null;
    }
    String name = o.reqText("name", 1, 200);
    o.oneOf("object", Expiry.table("earning_rule"));
    Trigger trigger = trigger(o.reqObj("trigger", Set.of("event", "custom_event", "segment")), schemaNames);
    List<FirstMatchRule.Earning> earnings = new ArrayList<>();
    List<JsonNode> items = o.array("earnings", 1, 100);
    for (int i = 0; i < items.size(); i++) {
      Obj e = Obj.open(p, "earnings[" + i + "]", items.get(i), Set.of("rules", "effects", "name", "tier_rules", "id"));
      FirstMatchRule.Earning earning = e == null ? null : earning(e);
      if (earning != null) {
        earnings.add(earning);
      }
    }
    Obj error = o.obj("error", Set.of("message"));
    if (error != null) {
      error.reqText("message", 1, 200);
    }
    Obj hours = o.obj("validity_hours", Set.of("type", "daily"));
    if (hours != null && "DAILY".equals(hours.reqOneOf("type", Expiry.table("DAILY", "ANY_TIME")))) {
      hours.notSupported("type", "DAILY validity hours on v2 earning rules are not supported yet", "DAILY");
    }
    var start = p.instant("start_date", o.text("start_date"));
    var end = p.instant("end_date", o.text("end_date"));
    var metadata = p.metadata("metadata", o.objectNode("metadata"));
    TriggerLimits limits = limits(o.obj("trigger_limits", Set.of("cooldown", "frequency")));
    if (!p.ok() || name == null || trigger == null) {
      return null;
    }
    Validity validity = start == null && end == null ? Validity.ALWAYS : p.engine("start_date",
        () -> Validity.between(start, end));
    if (validity == null) {
      return null;
    }
    Trigger t = trigger;
    return p.engine("earnings", () -> new FirstMatchRule(id, t, earnings, true, validity, name, metadata, limits));
  }

  private static @Nullable Trigger trigger(@Nullable Obj t, Function<String, @Nullable String> schemaNames) {
    if (t == null) {
      return null;
    }
    String event = t.reqOneOf("event", EVENTS);
    if (event == null) {
      return null;
    }
    switch (event) {
      case "customer.order.paid" -> {
        return new Trigger.OrderPaid();
      }
      case "customer.segment.entered" -> {
        Obj s = t.reqObj("segment", Set.of("id"));
        String id = s == null ? null : s.reqText("id", 1, 200);
        return id == null ? null : t.problems().engine(t.at("segment.id"), () -> new Trigger.SegmentEntered(SegmentId.of(id)));
      }
      default -> {
        Obj c = t.reqObj("custom_event", Set.of("schema_id"));
        String schema = c == null ? null : c.reqText("schema_id", 1, 200);
        if (c == null || schema == null) {
          return null;
        }
        String eventName = schemaNames.apply(schema);
        if (eventName == null) {
          t.problems().add(Problem.INVALID_VALUE, c.at("schema_id"), "names no custom event schema of this project", schema);
          return null;
        }
        return t.problems().engine(c.at("schema_id"), () -> new Trigger.CustomEvent(eventName, SchemaId.of(schema)));
      }
    }
  }

  private static FirstMatchRule.@Nullable Earning earning(Obj e) {
    String name = e.text("name");
    Condition condition = null;
    ObjectNode rules = e.objectNode("rules");
    if (rules != null) {
      condition = ValidationRuleReader.numbered(e.problems(), e.at("rules"), rules);
    }
    Obj tiers = e.obj("tier_rules", Set.of("type", "any_of"));
    if (tiers != null && "ANY_OF".equals(tiers.reqOneOf("type", Expiry.table("NO_REQUIREMENTS", "ANY_OF")))) {
      tiers.notSupported("type", "tier requirements are not supported yet (no tier structures)", "ANY_OF");
    }
    List<FirstMatchRule.Effect> effects = new ArrayList<>();
    List<JsonNode> items = e.array("effects", 1, 100);
    for (int i = 0; i < items.size(); i++) {
      Obj f = Obj.open(e.problems(), e.at("effects") + "[" + i + "]", items.get(i),
          Set.of("type", "points", "points_proportional", "benefit"));
      FirstMatchRule.Effect effect = f == null ? null : effect(f);
      if (effect != null) {
        effects.add(effect);
      }
    }
    if (effects.size() != items.size() || items.isEmpty()) {
      return null;
    }
    return new FirstMatchRule.Earning(name == null ? "" : name, condition, effects);
  }

  private static FirstMatchRule.@Nullable Effect effect(Obj f) {
    String type = f.reqOneOf("type", Expiry.table("POINTS", "POINTS_PROPORTIONAL", "BENEFIT"));
    if (type == null) {
      return null;
    }
    if (type.equals("BENEFIT")) {
      f.notSupported("type", "BENEFIT effects are not supported yet", type);
      return null;
    }
    if (type.equals("POINTS")) {
      Obj pts = f.reqObj("points", Set.of("value", "card_definition_id", "points_expiration"));
      if (pts == null) {
        return null;
      }
      Long value = pts.reqInteger("value", 0, Obj.MAX_SAFE);
      WalletId wallet = wallet(pts);
      ExpirationRule expiration = override(pts);
      return value == null || wallet == null ? null : new FirstMatchRule.Effect(wallet, new PointsFormula.Fixed(value), expiration);
    }
    Obj pp = f.reqObj("points_proportional", Set.of("calculation_type", "card_definition_id", "points_expiration",
        "order", "customer", "custom_event", "order_items"));
    if (pp == null) {
      return null;
    }
    String calc = pp.reqOneOf("calculation_type", CALCULATIONS);
    WalletId wallet = wallet(pp);
    ExpirationRule expiration = override(pp);
    if (calc == null) {
      return null;
    }
    Set<String> every = Set.of("every", "value");
    Set<String> meta = Set.of("every", "value", "property");
    Set<String> items = Set.of("every", "value", "applicable_to");
    Obj step;
    Measure measure;
    switch (calc) {
      case "PRE_DISCOUNT_ORDER_AMOUNT" -> {
        step = sub(pp, "order", "amount", every);
        measure = new Measure.OrderAmount();
      }
      case "POST_DISCOUNT_ORDER_AMOUNT" -> {
        step = sub(pp, "order", "total_amount", every);
        measure = new Measure.OrderTotalAmount();
      }
      case "ORDER_METADATA_VALUE" -> {
        step = sub(pp, "order", "metadata", meta);
        measure = step == null ? null : property(step, Measure.OrderMetadata::new);
      }
      case "CUSTOMER_METADATA_VALUE" -> {
        step = sub(pp, "customer", "metadata", meta);
        measure = step == null ? null : property(step, Measure.CustomerMetadata::new);
      }
      case "CUSTOM_EVENT_METADATA_VALUE" -> {
        step = sub(pp, "custom_event", "metadata", meta);
        measure = step == null ? null : property(step, Measure.CustomEventMetadata::new);
      }
      default -> {
        String field = switch (calc) {
          case "PRE_DISCOUNT_ORDER_ITEMS_AMOUNT" -> "amount";
          case "POST_DISCOUNT_ORDER_ITEMS_AMOUNT" -> "subtotal_amount";
          default -> "quantity";
        };
        Measure.ItemMeasure of = switch (calc) {
          case "PRE_DISCOUNT_ORDER_ITEMS_AMOUNT" -> Measure.ItemMeasure.AMOUNT;
          case "POST_DISCOUNT_ORDER_ITEMS_AMOUNT" -> Measure.ItemMeasure.SUBTOTAL_AMOUNT;
          default -> Measure.ItemMeasure.QUANTITY;
        };
        step = sub(pp, "order_items", field, items);
        List<ItemTarget> targets = step == null ? List.of() : targets(step);
        measure = targets.isEmpty() ? null : new Measure.OrderItems(of, targets);
      }
    }
    if (step == null) {
      return null;
    }
    Long per = step.reqInteger("every", 1, Obj.MAX_SAFE);
    Long points = step.reqInteger("value", 0, Obj.MAX_SAFE);
    if (per == null || points == null || measure == null || wallet == null) {
      return null;
    }
    Measure m = measure;
    PointsFormula formula = f.problems().engine(pp.path(), () -> new PointsFormula.Proportional(m, per, points,
        PointsFormula.StepRounding.FLOOR_STEPS));
    return formula == null ? null : new FirstMatchRule.Effect(wallet, formula, expiration);
  }

  private static @Nullable Obj sub(Obj pp, String container, String field, Set<String> fields) {
    Obj c = pp.reqObj(container, Set.of("amount", "total_amount", "metadata", "subtotal_amount", "quantity"));
    return c == null ? null : c.reqObj(field, fields);
  }

  private static @Nullable Measure property(Obj step, Function<String, Measure> of) {
    String property = step.reqText("property", 1, 200);
    return property == null ? null : of.apply(property);
  }

  private static List<ItemTarget> targets(Obj step) {
    List<ItemTarget> out = new ArrayList<>();
    List<JsonNode> items = step.array("applicable_to", 1, 100);
    for (int i = 0; i < items.size(); i++) {
      Obj a = Obj.open(step.problems(), step.at("applicable_to") + "[" + i + "]", items.get(i),
          Set.of("type", "product", "sku", "products_collection"));
      if (a == null) {
        continue;
      }
      String type = a.reqOneOf("type", Expiry.table("product", "sku", "products_collection"));
      if (type == null) {
        continue;
      }
      Obj ref = a.reqObj(type, Set.of("id"));
      String id = ref == null ? null : ref.reqText("id", 1, 200);
      if (id == null) {
        continue;
      }
      ItemTarget t = step.problems().engine(a.at(type + ".id"), () -> switch (type) {
        case "product" -> new ItemTarget.Product(ProductId.of(id));
        case "sku" -> new ItemTarget.Sku(SkuId.of(id));
        default -> new ItemTarget.Collection(CollectionId.of(id));
      });
      if (t != null) {
        out.add(t);
      }
    }
    return out;
  }

  private static @Nullable WalletId wallet(Obj o) {
    String id = o.reqText("card_definition_id", 1, 200);
    return id == null ? null : o.problems().engine(o.at("card_definition_id"), () -> WalletId.of(id));
  }

  private static @Nullable ExpirationRule override(Obj o) {
    Obj e = o.obj("points_expiration", Expiry.FIELDS);
    if (e == null) {
      return null;
    }
    if ("NO_EXPIRATION".equals(e.text("type"))) {
      e.notSupported("type", "an effect cannot override its card definition with NO_EXPIRATION in this engine; "
          + "leave points_expiration out to take the card definition's", "NO_EXPIRATION");
      return null;
    }
    return Expiry.read(e);
  }

  private static TriggerLimits limits(@Nullable Obj o) {
    if (o == null) {
      return TriggerLimits.NONE;
    }
    IsoDuration cooldown = null;
    Obj c = o.obj("cooldown", Set.of("type", "fixed_cooldown"));
    if (c != null && "FIXED_COOLDOWN".equals(c.reqOneOf("type", Expiry.table("NO_COOLDOWN", "FIXED_COOLDOWN")))) {
      Obj fixed = c.reqObj("fixed_cooldown", Set.of("period"));
      Obj period = fixed == null ? null : fixed.reqObj("period", Set.of("value", "unit"));
      String unit = period == null ? null : period.reqOneOf("unit", COOLDOWN_UNITS);
      if (period != null && unit != null) {
        Long v = period.reqInteger("value", 1, switch (unit) {
          case "HOUR" -> 24;
          case "DAY" -> 90;
          case "WEEK" -> 52;
          case "MONTH" -> 12;
          default -> 1;
        });
        if (v != null) {
          int n = v.intValue();
          cooldown = switch (unit) {
            case "HOUR" -> IsoDuration.of(Duration.ofHours(n));
            case "DAY" -> new IsoDuration(Period.ofDays(n), Duration.ZERO);
            case "WEEK" -> new IsoDuration(Period.ofWeeks(n), Duration.ZERO);
            case "MONTH" -> new IsoDuration(Period.ofMonths(n), Duration.ZERO);
            default -> new IsoDuration(Period.ofYears(n), Duration.ZERO);
          };
        }
      }
    }
    TriggerLimits.Frequency frequency = null;
    Obj fr = o.obj("frequency", Set.of("type", "limits"));
    if (fr != null && "LIMITED".equals(fr.reqOneOf("type", Expiry.table("NO_LIMIT", "LIMITED")))) {
      List<JsonNode> items = fr.array("limits", 1, 1);
      Obj l = items.isEmpty() ? null : Obj.open(fr.problems(), fr.at("limits") + "[0]", items.get(0),
          Set.of("type", "period", "triggers"));
      if (l != null) {
        l.reqOneOf("type", Expiry.table("TIME_BASED"));
        Obj period = l.reqObj("period", Set.of("type", "current_period"));
        Obj triggers = l.reqObj("triggers", Set.of("max"));
        if (period != null) {
          period.reqOneOf("type", Expiry.table("CURRENT_PERIOD"));
        }
        Obj current = period == null ? null : period.reqObj("current_period", Set.of("unit"));
        EarningLimits.CalendarUnit unit = current == null ? null : current.reqOneOf("unit", CardDefinitionV2.UNITS);
        Long max = triggers == null ? null : triggers.reqInteger("max", 1, 10_000);
        if (unit != null && max != null) {
          frequency = new TriggerLimits.Frequency(max.intValue(), unit);
        }
      }
    }
    IsoDuration cd = cooldown;
    TriggerLimits.Frequency fq = frequency;
    TriggerLimits built = o.problems().engine(o.path(), () -> new TriggerLimits(cd, fq));
    return built == null ? TriggerLimits.NONE : built;
  }

  // ---- writing ----

  /** The {@code EarningRuleResponse} object. */
  public static ObjectNode write(StoredComponent stored) {
    FirstMatchRule r = (FirstMatchRule) stored.component();
    ObjectNode out = CardDefinitionV2.F.objectNode();
    out.put("id", r.id().value());
    out.put("name", r.name());
    out.put("status", stored.status().name());
    ArrayNode earnings = out.putArray("earnings");
    for (int i = 0; i < r.earnings().size(); i++) {
      FirstMatchRule.Earning e = r.earnings().get(i);
      ObjectNode eo = earnings.addObject();
      eo.put("id", r.id().value() + "#" + (i + 1));
      eo.put("name", e.name());
      if (e.condition() == null) {
        eo.putNull("rules");
      } else {
        eo.set("rules", ConditionV2.write(e.condition()));
      }
      eo.putObject("tier_rules").put("type", "NO_REQUIREMENTS").putNull("any_of");
      ArrayNode effects = eo.putArray("effects");
      for (FirstMatchRule.Effect f : e.effects()) {
        writeEffect(f, effects.addObject());
      }
    }
    ObjectNode trigger = out.putObject("trigger");
    if (r.trigger() instanceof Trigger.SegmentEntered s) {
      trigger.put("event", "customer.segment.entered");
      trigger.putObject("segment").put("id", s.segment().value());
    } else if (r.trigger() instanceof Trigger.CustomEvent c) {
      trigger.put("event", "customer.custom_event");
      trigger.putObject("custom_event").put("schema_id", c.schema().value());
    } else {
      trigger.put("event", "customer.order.paid");
    }
    out.putNull("error");
    out.putObject("validity_hours").put("type", "ANY_TIME");
    out.put("start_date", V2Values.stamp(r.validity().startDate()));
    out.put("end_date", V2Values.stamp(r.validity().expirationDate()));
    ObjectNode limits = out.putObject("trigger_limits");
    IsoDuration cd = r.limits().cooldown();
    ObjectNode cooldown = limits.putObject("cooldown");
    if (cd == null) {
      cooldown.put("type", "NO_COOLDOWN").putNull("fixed_cooldown");
    } else {
      cooldown.put("type", "FIXED_COOLDOWN");
      ObjectNode period = cooldown.putObject("fixed_cooldown").putObject("period");
      Period pd = cd.period();
      if (!cd.time().isZero()) {
        period.put("value", cd.time().toHours()).put("unit", "HOUR");
      } else if (pd.getYears() > 0) {
        period.put("value", pd.getYears()).put("unit", "YEAR");
      } else if (pd.getMonths() > 0) {
        period.put("value", pd.getMonths()).put("unit", "MONTH");
      } else if (pd.getDays() % 7 == 0 && pd.getDays() > 90) {
        period.put("value", pd.getDays() / 7).put("unit", "WEEK");
      } else {
        period.put("value", pd.getDays()).put("unit", "DAY");
      }
    }
    ObjectNode frequency = limits.putObject("frequency");
    TriggerLimits.Frequency fq = r.limits().frequency();
    if (fq == null) {
      frequency.put("type", "NO_LIMIT").putArray("limits");
    } else {
      frequency.put("type", "LIMITED");
      ObjectNode l = frequency.putArray("limits").addObject();
      l.put("type", "TIME_BASED");
      l.putObject("period").put("type", "CURRENT_PERIOD").putObject("current_period").put("unit", fq.period().name());
      l.putObject("triggers").put("max", fq.times());
    }
    out.set("metadata", V2Values.metadata(r.metadata()));
    out.put("created_at", V2Values.stamp(stored.createdAt()));
    out.put("updated_at", V2Values.stamp(stored.updatedAt()));
    out.put("object", "earning_rule");
    return out;
  }

  private static void writeEffect(FirstMatchRule.Effect f, ObjectNode out) {
    ObjectNode body;
    if (f.formula() instanceof PointsFormula.Proportional pr) {
      out.put("type", "POINTS_PROPORTIONAL");
      body = out.putObject("points_proportional");
      Measure m = pr.measure();
      ObjectNode step;
      if (m instanceof Measure.OrderAmount) {
        body.put("calculation_type", "PRE_DISCOUNT_ORDER_AMOUNT");
        step = body.putObject("order").putObject("amount");
      } else if (m instanceof Measure.OrderTotalAmount) {
        body.put("calculation_type", "POST_DISCOUNT_ORDER_AMOUNT");
        step = body.putObject("order").putObject("total_amount");
      } else if (m instanceof Measure.OrderMetadata om) {
        body.put("calculation_type", "ORDER_METADATA_VALUE");
        step = body.putObject("order").putObject("metadata").put("property", om.property());
      } else if (m instanceof Measure.CustomerMetadata cm) {
        body.put("calculation_type", "CUSTOMER_METADATA_VALUE");
        step = body.putObject("customer").putObject("metadata").put("property", cm.property());
      } else if (m instanceof Measure.CustomEventMetadata em) {
        body.put("calculation_type", "CUSTOM_EVENT_METADATA_VALUE");
        step = body.putObject("custom_event").putObject("metadata").put("property", em.property());
      } else {
        Measure.OrderItems oi = (Measure.OrderItems) m;
        String field = switch (oi.of()) {
          case AMOUNT -> "amount";
          case SUBTOTAL_AMOUNT -> "subtotal_amount";
          case QUANTITY -> "quantity";
        };
        body.put("calculation_type", switch (oi.of()) {
          case AMOUNT -> "PRE_DISCOUNT_ORDER_ITEMS_AMOUNT";
          case SUBTOTAL_AMOUNT -> "POST_DISCOUNT_ORDER_ITEMS_AMOUNT";
          case QUANTITY -> "ORDER_ITEMS_QUANTITY";
        });
        step = body.putObject("order_items").putObject(field);
        ArrayNode targets = step.putArray("applicable_to");
        for (ItemTarget t : oi.targets()) {
          ObjectNode to = targets.addObject();
          if (t instanceof ItemTarget.Product pt) {
            to.put("type", "product").putObject("product").put("id", pt.id().value());
          } else if (t instanceof ItemTarget.Sku st) {
            to.put("type", "sku").putObject("sku").put("id", st.id().value());
          } else if (t instanceof ItemTarget.Collection ct) {
            to.put("type", "products_collection").putObject("products_collection").put("id", ct.id().value());
          }
        }
      }
      step.put("every", pr.every()).put("value", pr.points());
    } else {
      out.put("type", "POINTS");
      body = out.putObject("points");
      long value = f.formula() instanceof PointsFormula.Fixed fx ? fx.points()
          : f.formula() instanceof PointsFormula.Dynamic d ? d.fallback() : 0;
      body.put("value", value);
    }
    body.put("card_definition_id", f.wallet().value());
    if (f.expiration() == null) {
      body.putNull("points_expiration");
    } else {
      Expiry.write(f.expiration(), body.putObject("points_expiration"));
    }
  }
}
