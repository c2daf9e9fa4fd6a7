package io.loyalty.json.internal.read;

import static io.loyalty.json.internal.read.CommonReader.names;

import io.loyalty.json.WireInputException.Problem;
import io.loyalty.json.internal.wire.EarningRuleWire;
import io.loyalty.json.internal.wire.EarningRuleWire.LoyaltyWire;
import io.loyalty.json.internal.wire.EarningRuleWire.Ratio;
import io.loyalty.spi.Limits;
import io.loyalty.spi.RuleId;
import io.loyalty.spi.SchemaId;
import io.loyalty.spi.SegmentId;
import io.loyalty.spi.ValidationRuleId;
import io.loyalty.spi.program.CalculationType;
import io.loyalty.spi.program.EarningRule;
import io.loyalty.spi.program.ItemTarget;
import io.loyalty.spi.program.Measure;
import io.loyalty.spi.program.PendingPoints;
import io.loyalty.spi.program.PointsFormula;
import io.loyalty.spi.program.Trigger;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/** Reads a v1 earning rule into an {@link EarningRule}. */
public final class EarningRuleReader {
  private EarningRuleReader() {}

  private static final String TIER_EVENT = "customer.loyalty.tier.";

  /**
   * The rule the body describes, every path prefixed by {@code prefix} (such as {@code [2]} in an array body).
   *
   * @param id the rule's id; {@code null} to take the body's {@code id}, which is then required
   */
  public static EarningRule read(EarningRuleWire r, @Nullable RuleId id, String prefix) {
    Problems p = new Problems();
    String at = prefix.isEmpty() ? "" : prefix;
    RuleId ruleId = id != null ? id : p.idOf(path(at, "id"), r.id(), RuleId::of);
    if (r.object() != null) {
      p.oneOf(path(at, "object"), r.object(), names("earning_rule"));
    }
    Trigger trigger = trigger(p, at, r);
    PointsFormula formula = formula(p, path(at, "loyalty"), p.required(path(at, "loyalty"), r.loyalty()));
    var validity = CommonReader.validity(p, at, r.startDate(), r.expirationDate(), r.validityTimeframe(),
        r.validityDayOfWeek(), r.validityHours());
    String ruleText = r.validationRuleId();
    ValidationRuleId validationRule = ruleText == null ? null
        : p.engine(path(at, "validation_rule_id"), () -> ValidationRuleId.of(ruleText));
    PendingPoints pending = null;
    var pp = r.pendingPoints();
    if (pp != null) {
      String pending_ = path(at, "pending_points");
      p.oneOf(pending_ + ".period_type", pp.periodType() == null ? "DAY" : pp.periodType(), names("DAY"));
      Long days = p.required(pending_ + ".period_value", pp.periodValue());
      pending = days == null ? null : new PendingPoints(p.intRange(pending_ + ".period_value", days, 1, PendingPoints.MAX_DAYS));
    }
    var expiration = CommonReader.expiration(p, path(at, "expiration_rules"), r.expirationRules());
    var source = r.source();
    String banner = source == null || source.banner() == null ? ""
        : p.text(path(at, "source.banner"), source.banner(), Limits.MAX_TEXT_LENGTH);
    var metadata = p.metadata(path(at, "metadata"), r.metadata());
    p.done();
    return EarningRule.builder(p.must(ruleId), p.must(trigger), p.must(formula))
        .active(r.active() == null || r.active())
        .validity(validity)
        .validationRule(validationRule)
        .pendingPoints(pending)
        .expiration(expiration)
        .banner(p.must(banner))
        .metadata(metadata)
        .build();
  }

  static String path(String prefix, String name) {
    return prefix.isEmpty() ? name : prefix + "." + name;
  }

  private static @Nullable Trigger trigger(Problems p, String at, EarningRuleWire r) {
    String event = p.text(path(at, "event"), r.event(), 300);
    if (event == null) {
      return null;
    }
    if (event.equals("order.paid")) {
      return Trigger.ORDER_PAID;
    }
    if (event.equals("customer.segment.entered")) {
      var segment = p.required(path(at, "segment"), r.segment());
      String sid = segment == null ? null : p.required(path(at, "segment.id"), segment.id());
      return sid == null ? null : p.engine(path(at, "segment.id"), () -> new Trigger.SegmentEntered(SegmentId.of(sid)));
    }
    if (event.startsWith(TIER_EVENT)) {
      Trigger.TierEvent kind = null;
      for (Trigger.TierEvent e : Trigger.TierEvent.values()) {
        if (event.equals(TIER_EVENT + e.name().toLowerCase(Locale.ROOT))) {
          kind = e;
        }
      }
      if (kind == null) {
        unknownEvent(p, at, event);
        return null;
      }
      var tier = p.required(path(at, "loyalty_tier"), r.loyaltyTier());
      String tid = tier == null ? null : p.text(path(at, "loyalty_tier.id"), tier.id(), Limits.MAX_ID_LENGTH);
      return tid == null ? null : new Trigger.TierChange(kind, tid);
    }
    if (event.startsWith("customer.") || event.startsWith("order.")) {
      unknownEvent(p, at, event);
      return null;
    }
    var custom = p.required(path(at, "custom_event"), r.customEvent());
    String schema = custom == null ? null : p.required(path(at, "custom_event.schema_id"), custom.schemaId());
    return schema == null ? null
        : p.engine(path(at, "custom_event.schema_id"), () -> new Trigger.CustomEvent(event, SchemaId.of(schema)));
  }

  private static void unknownEvent(Problems p, String at, String event) {
    p.add(Problem.UNKNOWN_ENUM_VALUE, path(at, "event"), "must be order.paid, customer.segment.entered, "
        + "customer.loyalty.tier.joined|left|upgraded|downgraded|prolonged, or a custom event name (not starting with"
        + " customer. or order.)", event);
  }

  private static @Nullable PointsFormula formula(Problems p, String at, @Nullable LoyaltyWire l) {
    if (l == null) {
      return null;
    }
    // Voucherify's own loyalty guide sends {"points": 5} alone: FIXED unless said otherwise
    String type = l.type() == null && l.calculationType() == null ? "FIXED"
        : p.oneOf(at + ".type", l.type(), names("FIXED", "PROPORTIONAL"));
    if (type == null) {
      return null;
    }
    if (l.pointsFormula() != null) {
      if (!type.equals("FIXED")) {
        p.add(Problem.NOT_SUPPORTED, at + ".points_formula", "is read on a FIXED loyalty object only (the formula"
            + " replaces its points, which are the fallback)", null);
        return null;
      }
      // the formula's text is checked by the engine's definition (its grammar, docs/formulas.md); points = fallback
      Long fallback = l.points() == null ? Long.valueOf(0) : l.points();
      return PointsFormula.dynamic(l.pointsFormula(), p.range(at + ".points", fallback, 0, Long.MAX_VALUE));
    }
    if (type.equals("FIXED")) {
      Long points = p.required(at + ".points", l.points());
      return points == null ? null : PointsFormula.fixed(p.range(at + ".points", points, 0, Long.MAX_VALUE));
    }
    CalculationType calc = p.enumOf(at + ".calculation_type", l.calculationType(), CalculationType.class);
    if (calc == null) {
      return null;
    }
    int containers = (l.order() != null ? 1 : 0) + (l.orderItems() != null ? 1 : 0) + (l.customer() != null ? 1 : 0)
        + (l.customEvent() != null ? 1 : 0);
    if (containers > 1) {
      p.add(Problem.INVALID_VALUE, at, "must hold only the measure of its calculation_type " + calc, null);
    }
    var order = l.order();
    var items = l.orderItems();
    var customer = l.customer();
    var event = l.customEvent();
    return switch (calc) {
      case ORDER_AMOUNT -> ratio(p, at + ".order.amount", order == null ? null : order.amount(), new Measure.OrderAmount());
      case ORDER_TOTAL_AMOUNT -> ratio(p, at + ".order.total_amount", order == null ? null : order.totalAmount(),
          new Measure.OrderTotalAmount());
      case ORDER_METADATA -> metadataRatio(p, at + ".order.metadata", order == null ? null : order.metadata(), calc);
      case ORDER_ITEMS_QUANTITY -> itemRatio(p, at + ".order_items.quantity", items == null ? null : items.quantity(),
          Measure.ItemMeasure.QUANTITY);
      case ORDER_ITEMS_AMOUNT -> itemRatio(p, at + ".order_items.amount", items == null ? null : items.amount(),
          Measure.ItemMeasure.AMOUNT);
      case ORDER_ITEMS_SUBTOTAL_AMOUNT -> itemRatio(p, at + ".order_items.subtotal_amount",
          items == null ? null : items.subtotalAmount(), Measure.ItemMeasure.SUBTOTAL_AMOUNT);
      case CUSTOMER_METADATA -> metadataRatio(p, at + ".customer.metadata", customer == null ? null : customer.metadata(), calc);
      case CUSTOM_EVENT_METADATA -> metadataRatio(p, at + ".custom_event.metadata", event == null ? null : event.metadata(), calc);
    };
  }

  private static @Nullable PointsFormula ratio(Problems p, String at, @Nullable Ratio r, @Nullable Measure measure) {
    if (r == null) {
      p.add(Problem.MISSING_VALUE, at, "is required", null);
      return null;
    }
    if (r.pointsFormula() != null) {
      p.add(Problem.NOT_SUPPORTED, at + ".points_formula", "is not supported: the engine computes points by FIXED or"
          + " PROPORTIONAL rules only", null);
    }
    Long every = p.required(at + ".every", r.every());
    Long points = p.required(at + ".points", r.points());
    if (every == null || points == null || measure == null) {
      return null;
    }
    return PointsFormula.proportional(measure, p.range(at + ".every", every, 1, Long.MAX_VALUE),
        p.range(at + ".points", points, 0, Long.MAX_VALUE));
  }

  private static @Nullable PointsFormula metadataRatio(Problems p, String at, @Nullable Ratio r, CalculationType calc) {
    String property = r == null ? null : p.text(at + ".property", r.property(), Limits.MAX_METADATA_KEY_LENGTH);
    Measure measure = property == null ? null : switch (calc) {
      case ORDER_METADATA -> new Measure.OrderMetadata(property);
      case CUSTOMER_METADATA -> new Measure.CustomerMetadata(property);
      default -> new Measure.CustomEventMetadata(property);
    };
    return ratio(p, at, r, measure);
  }

  private static @Nullable PointsFormula itemRatio(Problems p, String at, @Nullable Ratio r, Measure.ItemMeasure of) {
    List<ItemTarget> targets = new ArrayList<>();
    if (r != null) {
      var applicable = r.applicableTo();
      if (applicable != null && !applicable.isEmpty()) {
        for (int i = 0; i < applicable.size(); i++) {
          var t = applicable.get(i);
          ItemTarget target = t == null ? null : target(p, at + ".applicable_to[" + i + "]", t.object(), t.id());
          if (target != null) {
            targets.add(target);
          }
        }
      } else if (r.object() != null || r.id() != null) {
        // no target at all counts every line
        ItemTarget target = target(p, at, r.object(), r.id());
        if (target != null) {
          targets.add(target);
        }
      }
    }
    return ratio(p, at, r, new Measure.OrderItems(of, targets));
  }

  private static @Nullable ItemTarget target(Problems p, String at, @Nullable String object, @Nullable String id) {
    String kind = p.oneOf(at + ".object", object, names("product", "sku", "products_collection"));
    String text = p.required(at + ".id", id);
    if (kind == null || text == null) {
      return null;
    }
    return p.engine(at + ".id", () -> switch (kind) {
      case "product" -> ItemTarget.product(text);
      case "sku" -> ItemTarget.sku(text);
      default -> ItemTarget.collection(text);
    });
  }
}
