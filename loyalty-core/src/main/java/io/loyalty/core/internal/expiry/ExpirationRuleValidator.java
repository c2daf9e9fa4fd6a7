package io.loyalty.core.internal.expiry;

import io.loyalty.spi.Violation;
import io.loyalty.spi.program.ExpirationRule;
import io.loyalty.spi.program.ExpirationRule.AfterMonths;
import io.loyalty.spi.program.ExpirationRule.FixedDayOfYear;
import io.loyalty.spi.program.ExpirationRule.RoundUp;
import java.time.Month;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Checks an {@link ExpirationRule} the way Voucherify checks {@code expiration_rules}, reporting every offending
 * field with its snake_case path (for example {@code earning_rules[2].expiration_rules.rounding_value}). Never
 * throws; stateless and thread-safe.
 */
public final class ExpirationRuleValidator {
  /** The longest period accepted, in months (a hundred years). */
  public static final int MAX_MONTHS = 1200;

  private ExpirationRuleValidator() {}

  /**
   * The violations of {@code rule}, empty when it is valid or {@code null} (never expire).
   *
   * @param path the path of the {@code expiration_rules} object itself, such as
   *     {@code earning_rules[2].expiration_rules}; empty for the top level
   * @param rule the rule to check
   */
  public static List<Violation> validate(String path, @Nullable ExpirationRule rule) {
    List<Violation> out = new ArrayList<>();
    String base = path == null ? "" : path;
    if (rule instanceof AfterMonths months) {
      checkMonths(base, months, out);
    } else if (rule instanceof FixedDayOfYear fixed) {
      checkFixedDay(base, fixed, out);
    } else if (rule instanceof ExpirationRule.AfterDays days) {
      if (days.days() < 1 || days.days() > MAX_DAYS) {
        out.add(new Violation(field(base, "period.value"), "must be between 1 and " + MAX_DAYS + " days", days.days()));
      }
      checkRounding(base, days.roundUp(), days.particularMonth(), out);
    } else if (rule instanceof ExpirationRule.OnDates dates) {
      if (dates.dates().isEmpty() || dates.dates().size() > MAX_DATES) {
        out.add(new Violation(field(base, "expiration_dates"), "must hold 1 to " + MAX_DATES + " dates",
            dates.dates().size()));
      }
      java.util.Set<FixedDayOfYear> seen = new java.util.HashSet<>();
      for (int i = 0; i < dates.dates().size(); i++) {
        FixedDayOfYear date = dates.dates().get(i);
        String at = field(base, "expiration_dates[" + i + "]");
        if (date == null) {
          out.add(new Violation(at, "must not be null", null));
          continue;
        }
        checkFixedDay(at, date, out);
        if (!seen.add(date)) {
          out.add(new Violation(at, "repeats an earlier date", date.month() + "-" + date.day()));
        }
      }
    }
    return out;
  }

  /** The longest v2 rolling period counted in days (Voucherify's {@code DAY} unit allows 1–90). */
  public static final int MAX_DAYS = 90;

  /** The most dates of a v2 calendar expiration. */
  public static final int MAX_DATES = 20;

  private static void checkMonths(String base, AfterMonths rule, List<Violation> out) {
    if (rule.months() < 0 || rule.months() > MAX_MONTHS) {
      out.add(new Violation(field(base, "period_value"), "must be between 0 and " + MAX_MONTHS + " months",
          rule.months()));
    }
    checkRounding(base, rule.roundUp(), rule.particularMonth(), out);
  }

  private static void checkRounding(String base, @Nullable RoundUp roundUp, @Nullable Integer month,
      List<Violation> out) {
    if (roundUp == null) {
      out.add(new Violation(field(base, "rounding_type"), "is required (NONE for no rounding)", null));
    } else if (roundUp == RoundUp.PARTICULAR_MONTH) {
      if (month == null) {
        out.add(new Violation(field(base, "rounding_value"),
            "is required with rounding_type PARTICULAR_MONTH (1 = January ... 12 = December)", null));
      } else if (month < 1 || month > 12) {
        out.add(new Violation(field(base, "rounding_value"), "must be a month from 1 (January) to 12 (December)",
            month));
      }
    } else if (month != null) {
      out.add(new Violation(field(base, "rounding_value"),
          "is only allowed with rounding_type PARTICULAR_MONTH, not " + roundUp, month));
    }
  }

  private static void checkFixedDay(String base, FixedDayOfYear rule, List<Violation> out) {
    int month = rule.month();
    int day = rule.day();
    boolean monthOk = month >= 1 && month <= 12;
    if (!monthOk) {
      out.add(new Violation(field(base, "fixed_month"), "must be a month from 1 (January) to 12 (December)",
          month));
    }
    if (day < 1 || day > 31) {
      out.add(new Violation(field(base, "fixed_day"), "must be a day from 1 to 31", day));
    } else if (monthOk && day > Month.of(month).maxLength()) {
      out.add(new Violation(field(base, "fixed_day"),
          "must be a day of month " + month + ", which has at most " + Month.of(month).maxLength() + " days", day));
    }
  }

  private static String field(String base, String name) {
    return base.isEmpty() ? name : base + "." + name;
  }
}
