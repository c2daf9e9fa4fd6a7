package io.loyalty.json;

import io.loyalty.spi.AssignmentId;
import io.loyalty.spi.MetaValue;
import io.loyalty.spi.Metadata;
import io.loyalty.spi.ProductId;
import io.loyalty.spi.ProgramId;
import io.loyalty.spi.RewardId;
import io.loyalty.spi.RuleId;
import io.loyalty.spi.SchemaId;
import io.loyalty.spi.SegmentId;
import io.loyalty.spi.SkuId;
import io.loyalty.spi.TierId;
import io.loyalty.spi.ValidationRuleId;
import io.loyalty.spi.program.CardPool;
import io.loyalty.spi.program.CardTemplate;
import io.loyalty.spi.program.CodeConfig;
import io.loyalty.spi.program.DailyHours;
import io.loyalty.spi.program.EarningRule;
import io.loyalty.spi.program.ExpirationRule;
import io.loyalty.spi.program.ItemTarget;
import io.loyalty.spi.program.IsoDuration;
import io.loyalty.spi.program.Measure;
import io.loyalty.spi.program.PendingPoints;
import io.loyalty.spi.program.PointsFormula;
import io.loyalty.spi.program.Program;
import io.loyalty.spi.program.Timeframe;
import io.loyalty.spi.program.Trigger;
import io.loyalty.spi.program.Validity;
import io.loyalty.spi.reward.Reward;
import io.loyalty.spi.reward.RewardAssignment;
import io.loyalty.spi.reward.RewardKind;
import io.loyalty.spi.tier.Tier;
import io.loyalty.spi.tier.TierMapping;
import io.loyalty.spi.tier.TierPolicy;
import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.quicktheories.core.Gen;
import org.quicktheories.core.RandomnessSource;
import org.quicktheories.generators.Generate;

/**
 * Generators of every definition the v1 wire carries: programs (the campaign part), earning rules of every trigger
 * and formula, tiers, rewards and assignments. Each is built from one randomness source, imperatively, so the
 * dependent parts (a period for POINTS_IN_PERIOD, a month for PARTICULAR_MONTH) stay consistent.
 */
final class WireGenerators {
  private WireGenerators() {}

  private static long between(RandomnessSource in, long min, long max) {
    return Generate.longRange(min, max).generate(in);
  }

  private static int between(RandomnessSource in, int min, int max) {
    return Generate.range(min, max).generate(in);
  }

  private static boolean flip(RandomnessSource in) {
    return Generate.booleans().generate(in);
  }

  private static <T> T pick(RandomnessSource in, List<T> from) {
    return from.get(between(in, 0, from.size() - 1));
  }

  @SafeVarargs
  private static <T> T pick(RandomnessSource in, T... from) {
    return from[between(in, 0, from.length - 1)];
  }

  private static String text(RandomnessSource in, int max) {
    int length = between(in, 1, max);
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < length; i++) {
      out.append(pick(in, 'a', 'Z', '7', ' ', '-', '_', 'é', 'ß', '€', '名', '$', '"', '\\', '/'));
    }
    return out.toString();
  }

  private static @Nullable Instant instant(RandomnessSource in) {
    // to the millisecond: Voucherify's date-times carry milliseconds
    return flip(in) ? null : Instant.ofEpochMilli(between(in, 946_684_800_000L, 4_102_444_800_000L));
  }

  private static IsoDuration duration(RandomnessSource in) {
    return IsoDuration.parse(pick(in, "P1D", "PT1H", "P24D", "P1M", "P1DT12H", "PT30M", "P3M", "P1Y", "PT36H"));
  }

  private static Set<DayOfWeek> days(RandomnessSource in, boolean nonEmpty) {
    Set<DayOfWeek> out = EnumSet.noneOf(DayOfWeek.class);
    for (DayOfWeek d : DayOfWeek.values()) {
      if (flip(in)) {
        out.add(d);
      }
    }
    if (nonEmpty && out.isEmpty()) {
      out.add(pick(in, DayOfWeek.values()));
    }
    return out;
  }

  static Validity validity(RandomnessSource in) {
    Instant start = instant(in);
    Instant end = instant(in);
    if (between(in, 0, 2) == 0) {
      List<DailyHours> hours = new ArrayList<>();
      for (int i = between(in, 1, 2); i > 0; i--) {
        hours.add(new DailyHours(LocalTime.of(between(in, 0, 23), between(in, 0, 59)),
            flip(in) ? null : LocalTime.of(between(in, 0, 23), between(in, 0, 59)), days(in, true)));
      }
      return new Validity(start, end, null, Set.of(), hours);
    }
    Timeframe frame = flip(in) ? null : new Timeframe(duration(in), duration(in));
    return new Validity(start, end, frame, days(in, false), List.of());
  }

  static Metadata metadata(RandomnessSource in) {
    Map<String, MetaValue> values = new LinkedHashMap<>();
    for (int i = between(in, 0, 3); i > 0; i--) {
      MetaValue value = switch (between(in, 0, 2)) {
        case 0 -> new MetaValue.Num(BigDecimal.valueOf(between(in, -1_000_000_000L, 1_000_000_000L), between(in, 0, 4)));
        case 1 -> new MetaValue.Text(text(in, 12));
        default -> new MetaValue.Flag(flip(in));
      };
      values.put(pick(in, "rank", "url", "Type", "number_of_store_visits", "ключ", "a b"), value);
    }
    return new Metadata(values);
  }

  static @Nullable ExpirationRule expiration(RandomnessSource in) {
    return switch (between(in, 0, 2)) {
      case 0 -> null;
      case 1 -> new ExpirationRule.FixedDayOfYear(between(in, 1, 12), between(in, 1, 28));
      default -> {
        ExpirationRule.RoundUp roundUp = pick(in, ExpirationRule.RoundUp.values());
        yield new ExpirationRule.AfterMonths(between(in, 0, 36), roundUp,
            roundUp == ExpirationRule.RoundUp.PARTICULAR_MONTH ? between(in, 1, 12) : null);
      }
    };
  }

  static CodeConfig codes(RandomnessSource in) {
    return switch (between(in, 0, 2)) {
      case 0 -> CodeConfig.DEFAULT;
      case 1 -> CodeConfig.pattern("L-CARD-" + "#".repeat(between(in, 4, 10)));
      default -> new CodeConfig(between(in, 6, 12), pick(in, CodeConfig.NUMBERS, CodeConfig.UPPERCASE, "ABC123"),
          flip(in) ? null : "LC-", flip(in) ? null : "-X", null);
    };
  }

  static TierPolicy tierPolicy(RandomnessSource in) {
    if (flip(in)) {
      return TierPolicy.BALANCE_DROP;
    }
    TierPolicy.Qualification q = pick(in, TierPolicy.Qualification.values());
    TierPolicy.CalendarPeriod period = q == TierPolicy.Qualification.POINTS_IN_PERIOD
        ? pick(in, TierPolicy.CalendarPeriod.values()) : null;
    TierPolicy.Rounding rounding = switch (between(in, 0, 2)) {
      case 0 -> null;
      case 1 -> new TierPolicy.Rounding(pick(in, TierPolicy.CalendarPeriod.values()), pick(in, TierPolicy.Strategy.values()), null);
      default -> new TierPolicy.Rounding(null, pick(in, TierPolicy.Strategy.values()), between(in, 0, 11));
    };
    return new TierPolicy(q, period, pick(in, TierPolicy.Start.values()),
        new TierPolicy.Expiration(pick(in, TierPolicy.ExpirationType.values()), flip(in) ? null : duration(in), rounding));
  }

  /** Programs as a campaign carries them: in the project's zone (UTC), without rules, rewards or tiers. */
  static Gen<Program> programs() {
    return in -> Program.builder(ProgramId.of("camp_" + between(in, 0, 1_000_000)), text(in, 40))
        .zone(ZoneOffset.UTC)
        .active(flip(in))
        .validity(validity(in))
        .pool(new CardPool(pick(in, CardPool.Type.values()), between(in, 0, 10_000)))
        .card(new CardTemplate(between(in, 0L, Long.MAX_VALUE), codes(in), flip(in) ? null : between(in, 1, 100),
            flip(in) ? null : duration(in), expiration(in)))
        .autoJoin(flip(in))
        .tierPolicy(tierPolicy(in))
        .metadata(metadata(in))
        .build();
  }

  private static Trigger trigger(RandomnessSource in) {
    return switch (between(in, 0, 3)) {
      case 0 -> Trigger.ORDER_PAID;
      case 1 -> new Trigger.SegmentEntered(SegmentId.of("seg_" + between(in, 0, 999)));
      case 2 -> new Trigger.CustomEvent(pick(in, "page_view", "submit_review", "app.opened"), SchemaId.of("ms_" + between(in, 0, 99)));
      default -> new Trigger.TierChange(pick(in, Trigger.TierEvent.values()),
          flip(in) ? Trigger.TierChange.ANY_TIER : "ltr_" + between(in, 0, 99));
    };
  }

  private static ItemTarget target(RandomnessSource in) {
    int id = between(in, 0, 999);
    return switch (between(in, 0, 2)) {
      case 0 -> new ItemTarget.Product(ProductId.of("prod_" + id));
      case 1 -> new ItemTarget.Sku(SkuId.of("sku_" + id));
      default -> ItemTarget.collection("pc_" + id);
    };
  }

  private static PointsFormula formula(RandomnessSource in) {
    if (flip(in)) {
      return PointsFormula.fixed(between(in, 0L, Long.MAX_VALUE));
    }
    String property = pick(in, "rank", "customer_life_time_value", "volume_number");
    Measure measure = switch (between(in, 0, 5)) {
      case 0 -> new Measure.OrderAmount();
      case 1 -> new Measure.OrderTotalAmount();
      case 2 -> new Measure.OrderMetadata(property);
      case 3 -> new Measure.CustomerMetadata(property);
      case 4 -> new Measure.CustomEventMetadata(property);
      default -> {
        List<ItemTarget> targets = new ArrayList<>();
        for (int i = between(in, 0, 3); i > 0; i--) {
          targets.add(target(in));
        }
        yield new Measure.OrderItems(pick(in, Measure.ItemMeasure.values()), targets);
      }
    };
    return PointsFormula.proportional(measure, between(in, 1L, Long.MAX_VALUE), between(in, 0L, Long.MAX_VALUE));
  }

  /** Earning rules of every trigger and formula (floor-steps rounding and no inline condition: the wire has neither). */
  static Gen<EarningRule> earningRules() {
    return in -> EarningRule.builder(RuleId.of("ern_" + between(in, 0, 1_000_000)), trigger(in), formula(in))
        .active(flip(in))
        .validity(validity(in))
        .validationRule(flip(in) ? null : ValidationRuleId.of("val_" + between(in, 0, 99)))
        .pendingPoints(flip(in) ? null : new PendingPoints(between(in, 1, PendingPoints.MAX_DAYS)))
        .expiration(expiration(in))
        .banner(flip(in) ? "" : text(in, 60))
        .metadata(metadata(in))
        .build();
  }

  private static TierMapping mapping(RandomnessSource in) {
    return flip(in) ? TierMapping.custom(between(in, 0L, Long.MAX_VALUE))
        : TierMapping.multiply(BigDecimal.valueOf(between(in, 1L, 100_000L), between(in, 0, 4)));
  }

  /** Tiers with ranges (bounded or not) and earning and reward mappings. */
  static Gen<Tier> tiers() {
    return in -> {
      long from = between(in, 0L, 1_000_000_000L);
      Tier.Builder b = Tier.builder(TierId.of("ltr_" + between(in, 0, 999)), text(in, 20), from)
          .to(flip(in) ? null : between(in, from, Long.MAX_VALUE)).metadata(metadata(in));
      for (int i = between(in, 0, 3); i > 0; i--) {
        b.earningRule(RuleId.of("ern_" + between(in, 0, 99)), mapping(in));
      }
      for (int i = between(in, 0, 2); i > 0; i--) {
        b.reward(AssignmentId.of("rewa_" + between(in, 0, 99)), mapping(in));
      }
      return b.build();
    };
  }

  /** Rewards of every kind, with or without stock. */
  static Gen<Reward> rewards() {
    return in -> {
      RewardKind kind = switch (between(in, 0, 4)) {
        case 0 -> RewardKind.Campaign.coupon("camp_" + between(in, 0, 99));
        case 1 -> RewardKind.Campaign.giftCredit("camp_" + between(in, 0, 99), between(in, 0L, Long.MAX_VALUE));
        case 2 -> RewardKind.Campaign.points(ProgramId.of("camp_" + between(in, 0, 99)), between(in, 0L, Long.MAX_VALUE));
        case 3 -> new RewardKind.Coin(BigDecimal.valueOf(between(in, 1L, 100_000L), between(in, 0, 2)), between(in, 1L, 10_000L));
        default -> new RewardKind.Material(ProductId.of("prod_" + between(in, 0, 99)), flip(in) ? null : SkuId.of("sku_1"));
      };
      return new Reward(RewardId.of("rew_" + between(in, 0, 999)), 0, text(in, 30), kind,
          flip(in) ? null : between(in, 0L, Long.MAX_VALUE), between(in, 0L, Long.MAX_VALUE), false, metadata(in));
    };
  }

  /** Reward assignments: priced, auto-redeemed, or paid with points. */
  static Gen<RewardAssignment> assignments() {
    return in -> new RewardAssignment(AssignmentId.of("rewa_" + between(in, 0, 999)), RewardId.of("rew_" + between(in, 0, 99)),
        flip(in) ? null : between(in, 1L, Long.MAX_VALUE), flip(in), null);
  }
}
