package io.loyalty.spi.tier;

import io.loyalty.spi.Metadata;
import io.loyalty.spi.TierId;
import io.loyalty.spi.TierStructureId;
import io.loyalty.spi.WalletId;
import io.loyalty.spi.program.ExpirationRule.FixedDayOfYear;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A loyalty v2 tier structure (Voucherify's {@code TierStructureCreateRequest}): which wallet's points qualify a
 * member and how (the balance, or the points earned in a tracking period), how long a reached tier is kept, and how a
 * member who no longer qualifies moves down. A v2 program has at most one; the engine evaluates it on the member's
 * card of {@link Tracking#wallet()}. Build one with {@link #builder(TierStructureId, String, Tracking)}.
 *
 * <p>Like the program's other parts, it accepts any values: the engine validates it with the program, naming every
 * offending field.
 *
 * @param id the structure's id
 * @param name the display name, 1 to 200 characters
 * @param tracking what qualifies a member ({@code POINT_BALANCE} or {@code POINT_EARNED})
 * @param expiration how long a reached tier is kept ({@code NO_RETENTION} by default)
 * @param downgrade how a member who no longer qualifies moves down ({@code NO_DOWNGRADE} by default)
 * @param tiers the tiers in ascending order of their ranges, 1 to 100
 * @param metadata free key/values
 */
public record TierStructure(TierStructureId id, String name, Tracking tracking, Expiration expiration,
    Downgrade downgrade, List<StructureTier> tiers, Metadata metadata) {

  /** Defaults the optional parts and copies the tiers. */
  public TierStructure {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(tracking, "tracking");
    expiration = expiration == null ? Expiration.NO_RETENTION : expiration;
    downgrade = downgrade == null ? Downgrade.NONE : downgrade;
    tiers = tiers == null ? List.of() : List.copyOf(tiers);
    metadata = metadata == null ? Metadata.EMPTY : metadata;
  }

  /** The tier with this id, if the structure has it. */
  public Optional<StructureTier> tier(@Nullable TierId id) {
    for (StructureTier t : tiers) {
      if (t.id().equals(id)) {
        return Optional.of(t);
      }
    }
    return Optional.empty();
  }

  /** The tier's place in the ladder (0 = lowest), or -1 when the structure has no tier by this id. */
  public int indexOf(@Nullable TierId id) {
    for (int i = 0; i < tiers.size(); i++) {
      if (tiers.get(i).id().equals(id)) {
        return i;
      }
    }
    return -1;
  }

  /** The same structure with another name and metadata (what stays editable once the program is out of DRAFT). */
  public TierStructure renamed(String name, Metadata metadata) {
    return new TierStructure(id, name, tracking, expiration, downgrade, tiers, metadata);
  }

  /** Starts a structure that keeps no tier beyond its qualification and never downgrades (Voucherify's defaults). */
  public static Builder builder(TierStructureId id, String name, Tracking tracking) {
    return new Builder(id, name, tracking);
  }

  /** Voucherify's structure {@code type}. */
  public enum Type {
    /** The wallet's usable balance qualifies. */
    POINT_BALANCE,
    /** The points earned into the wallet in the current tracking period qualify. */
    POINT_EARNED
  }

  /** Voucherify's {@code point_earned.type}: when a tier the period's points reach takes effect. */
  public enum Start {
    /** At once. */
    IMMEDIATELY,
    /** At the start of the next tracking period (the period's points decide the tier of the period after it). */
    NEXT_TRACKING_PERIOD
  }

  /** The units of a structure's periods; a tracking period takes all four, a duration or grace period all but weeks. */
  public enum Unit {
    DAY,
    WEEK,
    MONTH,
    YEAR
  }

  /**
   * A length of calendar time in the program's zone.
   *
   * @param value 1 or more (the caps depend on where it is used)
   * @param unit the unit
   */
  public record Period(int value, Unit unit) {
    /** Requires the unit. */
    public Period {
      Objects.requireNonNull(unit, "unit");
    }
  }

  /**
   * Voucherify's {@code point_balance} / {@code point_earned}: what qualifies a member.
   *
   * @param type the balance or the points earned in a period
   * @param wallet the wallet (card definition) whose points count
   * @param period for {@code POINT_EARNED}, the tracking period (DAY ≤ 90, WEEK ≤ 52, MONTH ≤ 12, YEAR ≤ 5); else
   *     {@code null}
   * @param start for {@code POINT_EARNED}, when a tier reached takes effect; else {@code null}
   */
  public record Tracking(Type type, WalletId wallet, @Nullable Period period, @Nullable Start start) {
    /** Requires the type and the wallet. */
    public Tracking {
      Objects.requireNonNull(type, "type");
      Objects.requireNonNull(wallet, "wallet");
    }

    /** {@code POINT_BALANCE} on the wallet. */
    public static Tracking balance(WalletId wallet) {
      return new Tracking(Type.POINT_BALANCE, wallet, null, null);
    }

    /** {@code POINT_EARNED} on the wallet, over tracking periods of {@code period}. */
    public static Tracking earned(WalletId wallet, Period period, Start start) {
      return new Tracking(Type.POINT_EARNED, wallet, period, start);
    }
  }

  /** Voucherify's {@code expiration.type}. */
  public enum ExpirationType {
    /** A tier is kept only while the member qualifies for it. */
    NO_RETENTION,
    /** A tier reached is kept for a fixed duration, then the member qualifies again. */
    FIXED_DURATION,
    /** A tier reached is kept until the next of some calendar dates, then the member qualifies again. */
    CALENDAR_EXPIRATION,
    /** Voucherify's sliding expiration, which it documents as unsupported: refused. */
    SLIDING_EXPIRATION
  }

  /**
   * Voucherify's {@code expiration}.
   *
   * @param type how long a reached tier is kept
   * @param duration for {@code FIXED_DURATION}, the term (DAY, MONTH or YEAR); else {@code null}
   * @param dates for {@code CALENDAR_EXPIRATION}, 1 to 20 days of the year; else empty
   */
  public record Expiration(ExpirationType type, @Nullable Period duration, List<FixedDayOfYear> dates) {
    /** Voucherify's default: a tier is kept only while the member qualifies for it. */
    public static final Expiration NO_RETENTION = new Expiration(ExpirationType.NO_RETENTION, null, List.of());

    /** Requires the type and copies the dates. */
    public Expiration {
      Objects.requireNonNull(type, "type");
      dates = dates == null ? List.of() : List.copyOf(dates);
    }

    /** {@code FIXED_DURATION}: a tier reached is kept for {@code duration}. */
    public static Expiration fixed(Period duration) {
      return new Expiration(ExpirationType.FIXED_DURATION, duration, List.of());
    }

    /** {@code CALENDAR_EXPIRATION}: a tier reached is kept to the next of the dates. */
    public static Expiration onDates(FixedDayOfYear... dates) {
      return new Expiration(ExpirationType.CALENDAR_EXPIRATION, null, List.of(dates));
    }
  }

  /** Voucherify's {@code downgrade.type}. */
  public enum DowngradeType {
    /** A member is never moved down (nor out). */
    NO_DOWNGRADE,
    /** A member who no longer qualifies drops one tier per evaluation. */
    SINGLE_LEVEL,
    /** A member who no longer qualifies drops straight to the highest tier they qualify for. */
    MULTI_LEVEL
  }

  /**
   * Voucherify's {@code downgrade}.
   *
   * @param type how a member moves down
   * @param grace how long the member keeps the tier after the drop falls due, {@code null} for none (and always
   *     {@code null} with {@code NO_DOWNGRADE})
   */
  public record Downgrade(DowngradeType type, @Nullable Grace grace) {
    /** Voucherify's default: never downgrade. */
    public static final Downgrade NONE = new Downgrade(DowngradeType.NO_DOWNGRADE, null);

    /** Requires the type. */
    public Downgrade {
      Objects.requireNonNull(type, "type");
    }

    /** A downgrade of this type with no grace period. */
    public static Downgrade of(DowngradeType type) {
      return new Downgrade(type, null);
    }
  }

  /**
   * Voucherify's {@code downgrade.grace_period}.
   *
   * @param period the grace (DAY, MONTH or YEAR)
   * @param roundUp whether the grace ends at the end of its unit (the month's or year's last day)
   */
  public record Grace(Period period, boolean roundUp) {
    /** Requires the period. */
    public Grace {
      Objects.requireNonNull(period, "period");
    }
  }

  /** Builds a {@link TierStructure}; not thread-safe. */
  public static final class Builder {
    private final TierStructureId id;
    private final String name;
    private final Tracking tracking;
    private Expiration expiration = Expiration.NO_RETENTION;
    private Downgrade downgrade = Downgrade.NONE;
    private final List<StructureTier> tiers = new ArrayList<>();
    private Metadata metadata = Metadata.EMPTY;

    private Builder(TierStructureId id, String name, Tracking tracking) {
      this.id = Objects.requireNonNull(id, "id");
      this.name = Objects.requireNonNull(name, "name");
      this.tracking = Objects.requireNonNull(tracking, "tracking");
    }

    /** Sets how long a reached tier is kept. */
    public Builder expiration(Expiration expiration) {
      this.expiration = Objects.requireNonNull(expiration, "expiration");
      return this;
    }

    /** Sets how a member who no longer qualifies moves down. */
    public Builder downgrade(Downgrade downgrade) {
      this.downgrade = Objects.requireNonNull(downgrade, "downgrade");
      return this;
    }

    /** Adds a tier above the ones added before. */
    public Builder tier(StructureTier tier) {
      tiers.add(Objects.requireNonNull(tier, "tier"));
      return this;
    }

    /** Sets the metadata. */
    public Builder metadata(Metadata metadata) {
      this.metadata = Objects.requireNonNull(metadata, "metadata");
      return this;
    }

    /** Returns the structure. */
    public TierStructure build() {
      return new TierStructure(id, name, tracking, expiration, downgrade, tiers, metadata);
    }
  }
}
