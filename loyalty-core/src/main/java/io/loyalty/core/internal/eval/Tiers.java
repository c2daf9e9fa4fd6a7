package io.loyalty.core.internal.eval;

import io.loyalty.spi.TierId;
import io.loyalty.spi.program.PointsFormula;
import io.loyalty.spi.program.Program;
import io.loyalty.spi.reward.RewardAssignment;
import io.loyalty.spi.tier.Tier;
import io.loyalty.spi.tier.TierMapping;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The arithmetic of a program's tiers under its balance policy (digest sections 2.11 and 6): the tier a number of
 * points falls in, and what a tier's mapping makes of a rule's points. Pure and exact.
 */
public final class Tiers {
  private Tiers() {}

  /** The program's tier whose inclusive range holds {@code points}; {@code null} for none (or no tiers). */
  public static @Nullable Tier at(Program program, long points) {
    List<Tier> tiers = program.tiers();
    for (int i = 0; i < tiers.size(); i++) {
      if (tiers.get(i).contains(points)) {
        return tiers.get(i);
      }
    }
    return null;
  }

  /** The program's tier with this id; {@code null} when the definition has none by it. */
  public static @Nullable Tier byId(Program program, @Nullable TierId id) {
    if (id == null) {
      return null;
    }
    for (Tier tier : program.tiers()) {
      if (tier.id().equals(id)) {
        return tier;
      }
    }
    return null;
  }

  /**
   * The tier an earning was decided under, as its receipt names it: the program's v1 tier, or a tier of its v2
   * structure (as a v1 tier with no mappings: a structure's tiers gate earnings by {@code tier_rules}, they map no
   * points); {@code null} for none.
   */
  public static @Nullable Tier forEarning(Program program, @Nullable TierId id) {
    Tier v1 = byId(program, id);
    if (v1 != null || id == null || program.tierStructure() == null) {
      return v1;
    }
    return program.tierStructure().tier(id).map(Tiers::asTier).orElse(null);
  }

  /** A v2 structure's tier as a v1 tier with its range and no mappings. */
  public static Tier asTier(io.loyalty.spi.tier.StructureTier tier) {
    return Tier.builder(tier.id(), tier.name(), tier.min()).to(tier.max()).build();
  }

  /**
   * The points a rule gives under a tier's mapping: {@code CUSTOM} replaces them; {@code MULTIPLY} multiplies them
   * and rounds as the rule rounds partial steps (half up for a {@code PRORATE_HALF_UP} rule, down for every other,
   * FIXED rules included: the digest's engine choice of section 2.11).
   *
   * @throws ArithmeticException when the product exceeds a {@code long} (validation bounds make that impossible for
   *     a defined program)
   */
  public static long apply(TierMapping mapping, long points, PointsFormula formula) {
    return apply(mapping, points, formula instanceof PointsFormula.Proportional p
        && p.rounding() == PointsFormula.StepRounding.PRORATE_HALF_UP ? RoundingMode.HALF_UP : RoundingMode.DOWN);
  }

  private static long apply(TierMapping mapping, long points, RoundingMode mode) {
    if (mapping instanceof TierMapping.Custom custom) {
      return custom.points();
    }
    BigDecimal multiplier = ((TierMapping.Multiply) mapping).multiplier();
    return BigDecimal.valueOf(points).multiply(multiplier).setScale(0, mode).longValueExact();
  }

  /**
   * The price of a reward assignment that has one, for a card in {@code tier}: as the tier maps it ({@code CUSTOM}
   * replaces it, {@code MULTIPLY} multiplies it rounding down), at least 1 point; the assignment's own price when the
   * card is in no tier or its tier does not map the assignment.
   */
  public static long price(RewardAssignment assignment, @Nullable Tier tier) {
    long price = ownPrice(assignment);
    TierMapping mapping = tier == null ? null : tier.rewards().get(assignment.id());
    return mapping == null ? price : priced(mapping, price);
  }

  /** The lowest price the assignment has in any tier of the program, or its own when lower. */
  public static long lowestPrice(Program program, RewardAssignment assignment) {
    long price = ownPrice(assignment);
    long lowest = price;
    for (Tier tier : program.tiers()) {
      TierMapping mapping = tier.rewards().get(assignment.id());
      if (mapping != null) {
        lowest = Math.min(lowest, priced(mapping, price));
      }
    }
    return lowest;
  }

  private static long ownPrice(RewardAssignment assignment) {
    return java.util.Objects.requireNonNull(assignment.points(), "an assignment that is not pay-with-points has a price");
  }

  /** A price as a tier maps it: rounded down, at least 1 point. */
  private static long priced(TierMapping mapping, long price) {
    return Math.max(1, apply(mapping, price, RoundingMode.DOWN));
  }
}
