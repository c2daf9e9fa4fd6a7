package io.loyalty.spi.program;

/**
 * How many points an earning rule gives: Voucherify's {@code loyalty} object, FIXED or PROPORTIONAL, or a FIXED one
 * whose points come from a dynamic formula ({@code points_formula}).
 */
public sealed interface PointsFormula permits PointsFormula.Fixed, PointsFormula.Proportional, PointsFormula.Dynamic {

  /** {@code FIXED}: the same points every time the rule applies. */
  static Fixed fixed(long points) {
    return new Fixed(points);
  }

  /** {@code PROPORTIONAL}: {@code points} for every {@code every} units of the measure, whole steps only. */
  static Proportional proportional(Measure measure, long every, long points) {
    return new Proportional(measure, every, points, StepRounding.FLOOR_STEPS);
  }

  /** A dynamic points formula with its fallback (digest section 2.7). */
  static Dynamic dynamic(String expression, long fallback) {
    return new Dynamic(expression, fallback);
  }

  /**
   * Points computed by a formula over the event (Voucherify's {@code points_formula}, digest section 2.7), such as
   * {@code IF(ORDER_AMOUNT > 500;ROUND(ORDER_AMOUNT * 1.5;0);ROUND(ORDER_AMOUNT;0))}: operands {@code ORDER_AMOUNT},
   * {@code ORDER_TOTAL_AMOUNT} (major currency units), {@code ORDER_ITEMS_QUANTITY}, {@code ORDER_UNITS_QUANTITY},
   * {@code ORDER_METADATA("key")}, {@code CUSTOMER_METADATA("key")}, {@code EVENT_METADATA("key")}; arithmetic,
   * comparisons and the functions of {@code docs/formulas.md}. The result is rounded to the nearest whole number.
   *
   * @param expression the formula's text, as Voucherify writes it
   * @param fallback the points given when the formula cannot be computed (a value missing or not a number, a
   *     division by zero, a result out of range)
   */
  record Dynamic(String expression, long fallback) implements PointsFormula {}

  /**
   * A fixed number of points.
   *
   * @param points positive
   */
  record Fixed(long points) implements PointsFormula {}

  /**
   * Points proportional to a measured value: {@code floor(value / every) × points} by default.
   *
   * @param measure what is measured
   * @param every the step, positive: minor units for amounts, item units for quantity, raw units for metadata
   * @param points the points per step, positive
   * @param rounding how partial steps count; {@link StepRounding#FLOOR_STEPS} unless the rule declares another
   */
  record Proportional(Measure measure, long every, long points, StepRounding rounding) implements PointsFormula {
    /** A copy with another rounding mode. */
    public Proportional withRounding(StepRounding rounding) {
      return new Proportional(measure, every, points, rounding);
    }
  }

  /** How a proportional rule treats a partial step (Voucherify does not document it; the default is its reading). */
  enum StepRounding {
    /** {@code floor(value / every) × points}: only whole steps earn. */
    FLOOR_STEPS,
    /** {@code floor(value × points / every)}: pro rata, rounded down. */
    PRORATE_FLOOR,
    /** {@code round_half_up(value × points / every)}: pro rata, rounded half up. */
    PRORATE_HALF_UP
  }
}
