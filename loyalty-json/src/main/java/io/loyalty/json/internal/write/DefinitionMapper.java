package io.loyalty.json.internal.write;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.loyalty.json.internal.wire.CampaignWire;
import io.loyalty.json.internal.wire.EarningRuleWire;
import io.loyalty.json.internal.wire.EarningRuleWire.LoyaltyWire;
import io.loyalty.json.internal.wire.EarningRuleWire.Ratio;
import io.loyalty.json.internal.wire.ExpirationRulesWire;
import io.loyalty.json.internal.wire.HoursWire;
import io.loyalty.json.internal.wire.RewardAssignmentWire;
import io.loyalty.json.internal.wire.RewardWire;
import io.loyalty.json.internal.wire.TierWire;
import io.loyalty.json.internal.wire.TimeframeWire;
import io.loyalty.spi.AssignmentId;
import io.loyalty.spi.Metadata;
import io.loyalty.spi.ProgramId;
import io.loyalty.spi.RewardId;
import io.loyalty.spi.RuleId;
import io.loyalty.spi.TierId;
import io.loyalty.spi.program.DailyHours;
import io.loyalty.spi.program.EarningRule;
import io.loyalty.spi.program.ExpirationRule;
import io.loyalty.spi.program.ItemTarget;
import io.loyalty.spi.program.Measure;
import io.loyalty.spi.program.PointsFormula;
import io.loyalty.spi.program.Program;
import io.loyalty.spi.program.Trigger;
import io.loyalty.spi.program.Validity;
import io.loyalty.spi.reward.Reward;
import io.loyalty.spi.reward.RewardAssignment;
import io.loyalty.spi.reward.RewardKind;
import io.loyalty.spi.tier.Tier;
import io.loyalty.spi.tier.TierMapping;
import io.loyalty.spi.tier.TierPolicy;
import java.time.DayOfWeek;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.mapstruct.Mapper;
import org.mapstruct.Mapping;

/**
 * Engine to wire for definitions: the campaign, its earning rules, tiers, rewards and reward assignments. The flat
 * shapes are generated; the sealed parts (triggers, formulas, expiration rules, reward kinds, tier mappings) are
 * written out by their discriminators.
 */
@Mapper
public interface DefinitionMapper {
  /** A tier of the program; its range is written twice, as Voucherify does ({@code points} and {@code config.points}). */
  @Mapping(target = "id", source = "tier.id")
  @Mapping(target = "name", source = "tier.name")
  @Mapping(target = "campaignId", source = "program")
  @Mapping(target = "points", expression = "java(new TierWire.Range(tier.from(), tier.to()))")
  @Mapping(target = "config", expression = "java(new TierWire.Config(new TierWire.Range(tier.from(), tier.to())))")
  @Mapping(target = "earningRules", source = "tier.earningRules")
  @Mapping(target = "rewards", source = "tier.rewards")
  @Mapping(target = "metadata", source = "tier.metadata")
  @Mapping(target = "object", constant = "loyalty_tier")
  TierWire tier(Tier tier, ProgramId program);

  /** A reward assignment of the program: its price in points (none for pay with points) and auto-redeem. */
  @Mapping(target = "id", source = "assignment.id")
  @Mapping(target = "reward", ignore = true)
  @Mapping(target = "rewardId", source = "assignment.reward")
  @Mapping(target = "relatedObjectId", source = "program")
  @Mapping(target = "relatedObjectType", constant = "campaign")
  @Mapping(target = "parameters", expression = "java(new RewardAssignmentWire.Parameters("
      + "new RewardAssignmentWire.Loyalty(assignment.points(), assignment.autoRedeem() ? Boolean.TRUE : null)))")
  @Mapping(target = "object", constant = "reward_assignment")
  RewardAssignmentWire assignment(RewardAssignment assignment, ProgramId program);

  /** The program as a v1 loyalty campaign (its rules, tiers and rewards are written by their own methods). */
  default CampaignWire campaign(Program p) {
    var card = p.card();
    var codes = card.codeConfig();
    var template = new CampaignWire.VoucherTemplate("LOYALTY_CARD",
        new CampaignWire.LoyaltyCardTemplate(card.initialPoints(), expiration(card.expiration())),
        card.redemptionQuantity() == null ? null : new CampaignWire.RedemptionTemplate(card.redemptionQuantity().longValue()),
        new CampaignWire.CodeConfigWire(codes.length() == null ? null : codes.length().longValue(), codes.charset(),
            codes.prefix(), codes.postfix(), codes.pattern()));
    Validity v = p.validity();
    var activity = card.activityDurationAfterPublishing();
    boolean tiered = !p.tiers().isEmpty() || !p.tierPolicy().equals(TierPolicy.BALANCE_DROP);
    return new CampaignWire(p.id().value(), p.name(), "LOYALTY_PROGRAM", p.pool().type().name(),
        (long) p.pool().vouchersCount(), p.autoJoin(), true, p.active(), instant(v.startDate()),
        instant(v.expirationDate()), timeframe(v), days(v.daysOfWeek()), hours(v.hours()),
        activity == null ? null : activity.toString(), template, tiered ? tiers(p.tierPolicy()) : null,
        metadata(p.metadata()), "campaign");
  }

  /** An earning rule of the program. */
  default EarningRuleWire earningRule(EarningRule r, ProgramId program) {
    Trigger t = r.trigger();
    Validity v = r.validity();
    return new EarningRuleWire(r.id().value(), t.eventName(),
        t instanceof Trigger.SegmentEntered s ? new EarningRuleWire.IdRef(s.segment().value()) : null,
        t instanceof Trigger.CustomEvent c ? new EarningRuleWire.SchemaRef(c.schema().value()) : null,
        t instanceof Trigger.TierChange c ? new EarningRuleWire.IdRef(c.tierId()) : null,
        loyalty(r.formula()), new EarningRuleWire.Source(r.banner().isEmpty() ? null : r.banner(), program.value(), "campaign"),
        r.validationRuleId() == null ? null : r.validationRuleId().value(), r.active(), instant(v.startDate()),
        instant(v.expirationDate()), timeframe(v), days(v.daysOfWeek()), hours(v.hours()),
        r.pendingPoints() == null ? null : new EarningRuleWire.PendingPointsWire("DAY", (long) r.pendingPoints().days()),
        expiration(r.expiration()), metadata(r.metadata()), "earning_rule");
  }

  /** A reward of the catalog. */
  default RewardWire reward(Reward r) {
    RewardWire.Parameters params;
    String type;
    RewardKind kind = r.kind();
    if (kind instanceof RewardKind.Campaign c) {
      type = "CAMPAIGN";
      params = new RewardWire.Parameters(new RewardWire.CampaignParam(c.campaign(), c.type().name(), c.balance()), null, null);
    } else if (kind instanceof RewardKind.Coin c) {
      type = "COIN";
      params = new RewardWire.Parameters(null, new RewardWire.Coin(c.exchangeRatio(), c.pointsRatio()), null);
    } else {
      RewardKind.Material m = (RewardKind.Material) kind;
      type = "MATERIAL";
      params = new RewardWire.Parameters(null, null,
          new RewardWire.Product(m.product().value(), m.sku() == null ? null : m.sku().value()));
    }
    return new RewardWire(r.id().value(), r.name(), type, params, r.stock(), r.redeemed(), metadata(r.metadata()), "reward");
  }

  /** {@code loyalty}: FIXED points, or PROPORTIONAL with the measure's container. */
  default LoyaltyWire loyalty(PointsFormula formula) {
    if (formula instanceof PointsFormula.Fixed f) {
      return new LoyaltyWire("FIXED", f.points(), null, null, null, null, null, null);
    }
    if (formula instanceof PointsFormula.Dynamic d) {
      // Voucherify's dynamic formula sits on a FIXED loyalty object; its points are the fallback
      return new LoyaltyWire("FIXED", d.fallback(), d.expression(), null, null, null, null, null);
    }
    PointsFormula.Proportional p = (PointsFormula.Proportional) formula;
    Measure m = p.measure();
    Ratio plain = new Ratio(p.every(), p.points(), null, null, null, null, null);
    String calc = m.calculationType().name();
    if (m instanceof Measure.OrderAmount) {
      return new LoyaltyWire("PROPORTIONAL", null, null, calc, new EarningRuleWire.OrderMeasures(plain, null, null), null, null, null);
    }
    if (m instanceof Measure.OrderTotalAmount) {
      return new LoyaltyWire("PROPORTIONAL", null, null, calc, new EarningRuleWire.OrderMeasures(null, plain, null), null, null, null);
    }
    if (m instanceof Measure.OrderMetadata o) {
      return new LoyaltyWire("PROPORTIONAL", null, null, calc,
          new EarningRuleWire.OrderMeasures(null, null, withProperty(plain, o.property())), null, null, null);
    }
    if (m instanceof Measure.CustomerMetadata c) {
      return new LoyaltyWire("PROPORTIONAL", null, null, calc, null, null,
          new EarningRuleWire.MetadataMeasure(withProperty(plain, c.property())), null);
    }
    if (m instanceof Measure.CustomEventMetadata c) {
      return new LoyaltyWire("PROPORTIONAL", null, null, calc, null, null, null,
          new EarningRuleWire.MetadataMeasure(withProperty(plain, c.property())));
    }
    Measure.OrderItems items = (Measure.OrderItems) m;
    List<ItemTarget> targets = items.targets();
    Ratio ratio;
    if (targets.isEmpty()) {
      ratio = plain;
    } else if (targets.size() == 1) {
      ratio = new Ratio(p.every(), p.points(), null, null, targets.get(0).objectType(), targetId(targets.get(0)), null);
    } else {
      // Voucherify echoes the first target in object/id next to the whole list
      ratio = new Ratio(p.every(), p.points(), null, null, targets.get(0).objectType(), targetId(targets.get(0)),
          targets.stream().map(t -> new EarningRuleWire.Target(t.objectType(), targetId(t))).toList());
    }
    EarningRuleWire.ItemMeasures container = switch (items.of()) {
      case QUANTITY -> new EarningRuleWire.ItemMeasures(ratio, null, null);
      case AMOUNT -> new EarningRuleWire.ItemMeasures(null, ratio, null);
      case SUBTOTAL_AMOUNT -> new EarningRuleWire.ItemMeasures(null, null, ratio);
    };
    return new LoyaltyWire("PROPORTIONAL", null, null, calc, null, container, null, null);
  }

  private static Ratio withProperty(Ratio r, String property) {
    return new Ratio(r.every(), r.points(), null, property, null, null, null);
  }

  private static String targetId(ItemTarget t) {
    if (t instanceof ItemTarget.Product p) {
      return p.id().value();
    }
    if (t instanceof ItemTarget.Sku s) {
      return s.id().value();
    }
    return ((ItemTarget.Collection) t).id().value();
  }

  /** {@code expiration_rules}, {@code null} for none. */
  default @Nullable ExpirationRulesWire expiration(@Nullable ExpirationRule rule) {
    if (rule == null) {
      return null;
    }
    if (rule instanceof ExpirationRule.FixedDayOfYear f) {
      return new ExpirationRulesWire("FIXED_DAY_OF_YEAR", null, null, null, (long) f.month(), (long) f.day());
    }
    ExpirationRule.AfterMonths m = (ExpirationRule.AfterMonths) rule;
    return new ExpirationRulesWire("MONTH", (long) m.months(),
        m.roundUp() == ExpirationRule.RoundUp.NONE ? null : m.roundUp().name(),
        m.particularMonth() == null ? null : m.particularMonth().longValue(), null, null);
  }

  /** {@code loyalty_tiers_expiration}. */
  default CampaignWire.TiersExpirationWire tiers(TierPolicy t) {
    var e = t.expiration();
    var r = e.rounding();
    CampaignWire.Rounding rounding = r == null ? null : new CampaignWire.Rounding(
        r.period() == null ? "CUSTOM" : r.period().name(), r.strategy().name(), r.month() == null ? null : "MONTH",
        r.month() == null ? null : r.month().longValue());
    return new CampaignWire.TiersExpirationWire(t.qualification().name(), t.period() == null ? null : t.period().name(),
        new CampaignWire.TypeOnly(t.start().name()),
        new CampaignWire.TierExpirationDate(e.type().name(), e.extend() == null ? null : e.extend().toString(), rounding));
  }

  /** A tier mapping: MULTIPLY or CUSTOM. */
  default TierWire.Mapping mapping(TierMapping m) {
    if (m instanceof TierMapping.Multiply x) {
      return new TierWire.Mapping("MULTIPLY", x.multiplier(), null);
    }
    return new TierWire.Mapping("CUSTOM", null, ((TierMapping.Custom) m).points());
  }

  /** The earning rule mappings of a tier, by rule id. */
  default Map<String, TierWire.Mapping> ruleMappings(Map<RuleId, TierMapping> map) {
    Map<String, TierWire.Mapping> out = new LinkedHashMap<>();
    map.forEach((k, v) -> out.put(k.value(), mapping(v)));
    return out;
  }

  /** The reward mappings of a tier, by assignment id. */
  default Map<String, TierWire.Mapping> rewardMappings(Map<AssignmentId, TierMapping> map) {
    Map<String, TierWire.Mapping> out = new LinkedHashMap<>();
    map.forEach((k, v) -> out.put(k.value(), mapping(v)));
    return out;
  }

  /** {@code validity_timeframe}, {@code null} for none. */
  default @Nullable TimeframeWire timeframe(Validity v) {
    var t = v.timeframe();
    return t == null ? null : new TimeframeWire(t.interval().toString(), t.duration().toString());
  }

  /** Days as Voucherify's numbers, 0 = Sunday to 6, in ascending order; {@code null} for every day. */
  default @Nullable List<Integer> days(java.util.Set<DayOfWeek> days) {
    if (days.isEmpty()) {
      return null;
    }
    return days.stream().map(d -> d == DayOfWeek.SUNDAY ? 0 : d.getValue()).sorted().toList();
  }

  /** {@code validity_hours}, {@code null} for all day. */
  default HoursWire.@Nullable Daily daily(DailyHours h) {
    return new HoursWire.Daily(hhmm(h.start()), h.end() == null ? "" : hhmm(h.end()), days(h.days()));
  }

  /** {@code validity_hours} from the daily periods, {@code null} for none. */
  default @Nullable HoursWire hours(List<DailyHours> hours) {
    return hours.isEmpty() ? null : new HoursWire(hours.stream().map(this::daily).toList());
  }

  private static String hhmm(java.time.LocalTime t) {
    return String.format("%02d:%02d", t.getHour(), t.getMinute());
  }

  /** Metadata as a JSON object, {@code null} when empty. */
  default @Nullable ObjectNode metadata(Metadata metadata) {
    return WireValues.metadata(metadata);
  }

  /** An id's text. */
  default String tierId(TierId id) {
    return id.value();
  }

  /** An id's text. */
  default String assignmentId(AssignmentId id) {
    return id.value();
  }

  /** An id's text. */
  default String rewardId(RewardId id) {
    return id.value();
  }

  /** An id's text. */
  default String programId(ProgramId id) {
    return id.value();
  }

  /** An instant in Voucherify's format. */
  default @Nullable String instant(@Nullable Instant at) {
    return WireValues.instant(at);
  }
}
