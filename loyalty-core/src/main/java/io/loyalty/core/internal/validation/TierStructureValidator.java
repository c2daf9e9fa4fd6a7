package io.loyalty.core.internal.validation;

import io.loyalty.spi.Limits;
import io.loyalty.spi.TierId;
import io.loyalty.spi.program.ExpirationRule.FixedDayOfYear;
import io.loyalty.spi.program.Program;
import io.loyalty.spi.program.ProgramStatus;
import io.loyalty.spi.tier.StructureTier;
import io.loyalty.spi.tier.TierStructure;
import io.loyalty.spi.tier.TierStructure.Period;
import io.loyalty.spi.tier.TierStructure.Unit;
import java.time.Month;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Validates a loyalty v2 program's tier structure (digest section 12.7) with Voucherify's field names
 * ({@code tier_structure.tiers[2].qualification_rules.points.max_value}): the tracking period's caps, an expiration
 * and a downgrade whose parts fit their types, 1 to 100 tiers with inclusive ranges in ascending order, gaps allowed,
 * no overlap, only the top tier unbounded, values from 0 to 10^9; and, against the stored version, that the structure
 * changes only while the program is a {@code DRAFT} (its name and metadata stay editable).
 */
final class TierStructureValidator {
  /** The most tiers of a structure (Voucherify's limit). */
  static final int MAX_TIERS = 100;
  /** The largest qualifying value of a tier (Voucherify's limit). */
  static final long MAX_VALUE = 1_000_000_000L;
  /** The most calendar dates of a {@code CALENDAR_EXPIRATION}. */
  static final int MAX_DATES = 20;
  private static final String ROOT = "tier_structure";

  private TierStructureValidator() {}

  static void validate(Violations v, Program program) {
    TierStructure s = program.tierStructure();
    if (s == null) {
      return;
    }
    if (!v.check(program.isV2(), ROOT, "is a loyalty v2 part: a v1 program has tiers (loyalty_tiers_expiration)",
        null)) {
      return;
    }
    v.check(program.tiers().isEmpty(), "tiers", "must be empty in a program with a tier structure",
        program.tiers().size());
    v.present(s.id(), ROOT + ".id");
    v.name(s.name(), ROOT + ".name", Limits.MAX_NAME_LENGTH);
    checkTracking(v, program, s.tracking());
    checkExpiration(v, s.expiration());
    checkDowngrade(v, s.downgrade());
    checkTiers(v, s.tiers());
  }

  private static void checkTracking(Violations v, Program program, TierStructure.Tracking t) {
    boolean earned = t.type() == TierStructure.Type.POINT_EARNED;
    String path = ROOT + (earned ? ".point_earned" : ".point_balance");
    v.check(program.wallet(t.wallet()).isPresent(), path + ".card_definition_id", "names no wallet of the program",
        t.wallet());
    if (!earned) {
      v.check(t.period() == null, path + ".period", "is only for POINT_EARNED", t.period());
      v.check(t.start() == null, path + ".type", "is only for POINT_EARNED", t.start());
      return;
    }
    Period period = t.period();
    if (v.present(period, path + ".period") && period != null) {
      int max = switch (period.unit()) {
        case DAY -> 90;
        case WEEK -> 52;
        case MONTH -> 12;
        case YEAR -> 5;
      };
      v.check(period.value() >= 1 && period.value() <= max, path + ".period.value",
          "must be from 1 to " + max + " for unit " + period.unit(), period.value());
    }
    v.present(t.start(), path + ".type");
  }

  private static void checkExpiration(Violations v, TierStructure.Expiration e) {
    String path = ROOT + ".expiration";
    switch (e.type()) {
      case NO_RETENTION -> {
        v.check(e.duration() == null, path + ".fixed_duration", "is only for FIXED_DURATION", e.duration());
        v.check(e.dates().isEmpty(), path + ".calendar_expiration", "is only for CALENDAR_EXPIRATION", e.dates().size());
      }
      case FIXED_DURATION -> {
        v.check(e.dates().isEmpty(), path + ".calendar_expiration", "is only for CALENDAR_EXPIRATION", e.dates().size());
        if (v.present(e.duration(), path + ".fixed_duration.period")) {
          checkDuration(v, path + ".fixed_duration.period", Objects.requireNonNull(e.duration()));
        }
      }
      case CALENDAR_EXPIRATION -> {
        v.check(e.duration() == null, path + ".fixed_duration", "is only for FIXED_DURATION", e.duration());
        List<FixedDayOfYear> dates = e.dates();
        String at = path + ".calendar_dates"; // calendar_expiration.calendar_dates, shortened: paths are bounded
        if (v.check(!dates.isEmpty() && dates.size() <= MAX_DATES, at, "must have 1 to " + MAX_DATES + " dates",
            dates.size())) {
          Set<FixedDayOfYear> seen = new HashSet<>();
          for (int i = 0; i < dates.size(); i++) {
            FixedDayOfYear d = dates.get(i);
            if (!v.present(d, at + "[" + i + "]")) {
              continue;
            }
            if (v.check(d.month() >= 1 && d.month() <= 12, at + "[" + i + "].month", "must be from 1 to 12", d.month())) {
              int maxDay = Month.of(d.month()).maxLength();
              v.check(d.day() >= 1 && d.day() <= maxDay, at + "[" + i + "].day",
                  "must be from 1 to " + maxDay + " in month " + d.month(), d.day());
            }
            v.check(seen.add(d), at + "[" + i + "]", "must not repeat a date", d.month() + "-" + d.day());
          }
        }
      }
      case SLIDING_EXPIRATION -> v.add(path + ".type", "SLIDING_EXPIRATION is not supported (Voucherify documents it "
          + "as unsupported); use NO_RETENTION, FIXED_DURATION or CALENDAR_EXPIRATION", e.type());
    }
  }

  private static void checkDowngrade(Violations v, TierStructure.Downgrade d) {
    String path = ROOT + ".downgrade";
    TierStructure.Grace grace = d.grace();
    if (d.type() == TierStructure.DowngradeType.NO_DOWNGRADE) {
      v.check(grace == null, path + ".grace_period", "must be absent with NO_DOWNGRADE", null);
      return;
    }
    if (grace != null) {
      checkDuration(v, path + ".grace_period", grace.period());
    }
  }

  /**
   * A fixed duration or grace period: DAY, MONTH or YEAR, at least 1, and at most 100 years of it (the engine's
   * bound on durations).
   */
  private static void checkDuration(Violations v, String path, Period period) {
    if (!v.check(period.unit() != Unit.WEEK, path + ".unit", "must be DAY, MONTH or YEAR", period.unit())) {
      return;
    }
    int max = switch (period.unit()) {
      case DAY -> 36_500;
      case MONTH -> 1_200;
      default -> 100;
    };
    v.check(period.value() >= 1 && period.value() <= max, path + ".value",
        "must be from 1 to " + max + " for unit " + period.unit(), period.value());
  }

  private static void checkTiers(Violations v, List<StructureTier> tiers) {
    String path = ROOT + ".tiers";
    if (!v.check(!tiers.isEmpty() && tiers.size() <= MAX_TIERS, path, "must have 1 to " + MAX_TIERS + " tiers",
        tiers.size())) {
      return;
    }
    Set<TierId> ids = new HashSet<>();
    StructureTier previous = null;
    for (int i = 0; i < tiers.size(); i++) {
      String at = path + "[" + i + "]";
      StructureTier t = tiers.get(i);
      if (!v.present(t, at)) {
        previous = null;
        continue;
      }
      v.check(ids.add(t.id()), at + ".id", "must be unique within the structure", t.id());
      v.name(t.name(), at + ".name", Limits.MAX_NAME_LENGTH);
      String points = at + ".qualification_rules.points";
      boolean minOk = v.check(t.min() >= 0 && t.min() <= MAX_VALUE, points + ".min_value",
          "must be from 0 to " + MAX_VALUE, t.min());
      Long max = t.max();
      boolean maxOk = max == null || v.check(max >= t.min() && max <= MAX_VALUE, points + ".max_value",
          "must be from min_value to " + MAX_VALUE + " (the range is inclusive)", max);
      if (previous != null && minOk && maxOk) {
        Long before = previous.max();
        if (before == null) {
          v.add(at, "comes after tiers[" + (i - 1) + "], which has no max_value: only the top tier may be unbounded",
              t.id());
        } else {
          v.check(t.min() > before, points + ".min_value", "must be above tiers[" + (i - 1)
              + "].qualification_rules.points.max_value (" + before + "): ranges are in ascending order and do not overlap",
              t.min());
        }
      }
      previous = minOk && maxOk ? t : null;
    }
  }

  /**
   * An edit against the stored version: once the program is out of {@code DRAFT}, the structure stays as it is but
   * for its name and metadata, and one cannot be added or removed.
   */
  static void edit(Violations v, Program previous, Program next) {
    if (previous.status() == ProgramStatus.DRAFT || !previous.isV2()) {
      return;
    }
    TierStructure before = previous.tierStructure();
    TierStructure after = next.tierStructure();
    v.check(same(before, after), ROOT, "can change only while the program is a DRAFT (it is " + previous.status()
        + "); its name and metadata stay editable", after == null ? null : after.id());
  }

  private static boolean same(@Nullable TierStructure before, @Nullable TierStructure after) {
    if (before == null || after == null) {
      return before == after;
    }
    return before.equals(after.renamed(before.name(), before.metadata()));
  }
}
