package io.loyalty.spi.earning;

import io.loyalty.spi.RuleId;
import io.loyalty.spi.program.CalculationType;
import java.math.BigDecimal;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Points one earning rule gives for an event.
 *
 * @param rule the rule
 * @param banner the rule's display name
 * @param calculationType the proportional calculation type, {@code null} for a FIXED rule
 * @param measured the measured value (amount, quantity or metadata number), {@code null} for a FIXED rule
 * @param points the points earned, positive
 * @param lines for item-based rules, what each matching line contributed; otherwise empty
 */
public record Accrual(
    RuleId rule,
    String banner,
    @Nullable CalculationType calculationType,
    @Nullable BigDecimal measured,
    long points,
    List<LineShare> lines) {

  /** Copies the lines. */
  public Accrual {
    lines = List.copyOf(lines);
  }
}
