package io.loyalty.json.internal.read;

import static io.loyalty.json.internal.read.CommonReader.names;
import static io.loyalty.json.internal.read.CommonReader.table;

import io.loyalty.json.WireInputException.Problem;
import io.loyalty.json.internal.wire.CampaignWire;
import io.loyalty.json.internal.wire.CampaignWire.TiersExpirationWire;
import io.loyalty.spi.Limits;
import io.loyalty.spi.ProgramId;
import io.loyalty.spi.program.CardPool;
import io.loyalty.spi.program.CardTemplate;
import io.loyalty.spi.program.CodeConfig;
import io.loyalty.spi.program.ExpirationRule;
import io.loyalty.spi.program.IsoDuration;
import io.loyalty.spi.program.Program;
import io.loyalty.spi.tier.TierPolicy;
import java.time.ZoneId;
import org.jspecify.annotations.Nullable;

/** Reads a v1 loyalty campaign into a {@link Program} (without earning rules, rewards or tiers: those have their own bodies). */
public final class ProgramReader {
  private ProgramReader() {}

  /**
   * The program the campaign describes.
   *
   * @param id the program's id; {@code null} to take the body's {@code id}, which is then required
   * @param zone the project's time zone (Voucherify keeps it in the project settings, not on the campaign)
   */
  public static Program read(CampaignWire c, @Nullable ProgramId id, ZoneId zone) {
    Problems p = new Problems();
    ProgramId programId = id != null ? id : p.idOf("id", c.id(), ProgramId::of);
    String name = p.text("name", c.name(), Limits.MAX_NAME_LENGTH);
    if (c.object() != null) {
      p.oneOf("object", c.object(), names("campaign"));
    }
    if (c.campaignType() != null) {
      p.oneOf("campaign_type", c.campaignType(), names("LOYALTY_PROGRAM"));
    }
    CardPool.Type poolType = c.type() == null ? CardPool.Type.AUTO_UPDATE : p.oneOf("type", c.type(), table(
        "AUTO_UPDATE", CardPool.Type.AUTO_UPDATE, "STATIC", CardPool.Type.STATIC,
        // Voucherify's own loyalty guide writes it with a hyphen
        "AUTO-UPDATE", CardPool.Type.AUTO_UPDATE));
    int count = c.vouchersCount() == null ? 0 : p.intRange("vouchers_count", c.vouchersCount(), 0, Integer.MAX_VALUE);
    var validity = CommonReader.validity(p, "", c.startDate(), c.expirationDate(), c.validityTimeframe(),
        c.validityDayOfWeek(), c.validityHours());
    IsoDuration activity = p.duration("activity_duration_after_publishing", c.activityDurationAfterPublishing());
    CardTemplate card = card(p, c.voucher(), activity);
    TierPolicy policy = tierPolicy(p, c.loyaltyTiersExpiration());
    var metadata = p.metadata("metadata", c.metadata());
    p.done();
    return Program.builder(p.must(programId), p.must(name))
        .zone(zone)
        .active(c.active() == null || c.active())
        .validity(validity)
        .pool(new CardPool(p.must(poolType), count))
        .card(card)
        .autoJoin(Boolean.TRUE.equals(c.autoJoin()))
        .tierPolicy(policy)
        .metadata(metadata)
        .build();
  }

  private static CardTemplate card(Problems p, CampaignWire.@Nullable VoucherTemplate v, @Nullable IsoDuration activity) {
    if (v == null) {
      return CardTemplate.DEFAULT.withActivityDuration(activity);
    }
    if (v.type() != null) {
      p.oneOf("voucher.type", v.type(), names("LOYALTY_CARD"));
    }
    long initial = 0;
    ExpirationRule expiration = null;
    var loyaltyCard = v.loyaltyCard();
    if (loyaltyCard != null) {
      Long points = loyaltyCard.points();
      initial = points == null ? 0 : p.range("voucher.loyalty_card.points", points, 0, Long.MAX_VALUE);
      expiration = CommonReader.expiration(p, "voucher.loyalty_card.expiration_rules", loyaltyCard.expirationRules());
    }
    var redemption = v.redemption();
    Long max = redemption == null ? null : redemption.quantity();
    Integer quantity = max == null ? null : p.intRange("voucher.redemption.quantity", max, 1, Integer.MAX_VALUE);
    CodeConfig codes = CodeConfig.DEFAULT;
    var cc = v.codeConfig();
    if (cc != null) {
      Long given = cc.length();
      Integer length = given == null ? null : p.intRange("voucher.code_config.length", given, 1, Limits.MAX_ID_LENGTH);
      codes = new CodeConfig(length, bounded(p, "voucher.code_config.charset", cc.charset()),
          bounded(p, "voucher.code_config.prefix", cc.prefix()), bounded(p, "voucher.code_config.postfix", cc.postfix()),
          bounded(p, "voucher.code_config.pattern", cc.pattern()));
    }
    return new CardTemplate(initial, codes, quantity, activity, expiration);
  }

  private static @Nullable String bounded(Problems p, String path, @Nullable String text) {
    return text == null ? null : p.text(path, text, Limits.MAX_TEXT_LENGTH);
  }

  private static TierPolicy tierPolicy(Problems p, @Nullable TiersExpirationWire t) {
    if (t == null) {
      return TierPolicy.BALANCE_DROP;
    }
    String path = "loyalty_tiers_expiration";
    TierPolicy.Qualification q = p.enumOf(path + ".qualification_type", t.qualificationType(), TierPolicy.Qualification.class);
    String periodText = t.qualificationPeriod();
    TierPolicy.CalendarPeriod period = periodText == null ? null
        : p.enumOf(path + ".qualification_period", periodText, TierPolicy.CalendarPeriod.class);
    if (q == TierPolicy.Qualification.POINTS_IN_PERIOD && periodText == null) {
      p.add(Problem.MISSING_VALUE, path + ".qualification_period", "is required for POINTS_IN_PERIOD", null);
    }
    var startDate = t.startDate();
    String startType = startDate == null ? null : startDate.type();
    TierPolicy.Start start = startType == null ? TierPolicy.Start.IMMEDIATE
        : p.enumOf(path + ".start_date.type", startType, TierPolicy.Start.class);
    var e = p.required(path + ".expiration_date", t.expirationDate());
    TierPolicy.Expiration expiration = null;
    if (e != null) {
      TierPolicy.ExpirationType type = p.enumOf(path + ".expiration_date.type", e.type(), TierPolicy.ExpirationType.class);
      IsoDuration extend = p.duration(path + ".expiration_date.extend", e.extend());
      TierPolicy.Rounding rounding = null;
      var given = e.rounding();
      if (given != null) {
        String r = path + ".expiration_date.rounding";
        String kind = p.oneOf(r + ".type", given.type(), names("MONTH", "QUARTER", "HALF_YEAR", "YEAR", "CUSTOM"));
        TierPolicy.Strategy strategy = p.enumOf(r + ".strategy", given.strategy(), TierPolicy.Strategy.class);
        if (given.unit() != null) {
          p.oneOf(r + ".unit", given.unit(), names("MONTH"));
        }
        Integer month = null;
        TierPolicy.CalendarPeriod roundTo = null;
        if ("CUSTOM".equals(kind)) {
          Long value = p.required(r + ".value", given.value());
          month = value == null ? null : p.intRange(r + ".value", value, 0, 11);
        } else if (kind != null) {
          roundTo = TierPolicy.CalendarPeriod.valueOf(kind);
        }
        rounding = strategy == null ? null : new TierPolicy.Rounding(roundTo, strategy, month);
      }
      expiration = type == null ? null : new TierPolicy.Expiration(type, extend, rounding);
    }
    if (q == null || start == null || expiration == null) {
      return TierPolicy.BALANCE_DROP;
    }
    return new TierPolicy(q, period, start, expiration);
  }
}
