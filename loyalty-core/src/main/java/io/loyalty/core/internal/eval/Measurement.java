package io.loyalty.core.internal.eval;

import io.loyalty.spi.earning.LineShare;
import io.loyalty.spi.earning.SkipReason;
import java.math.BigDecimal;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The value a proportional rule measured for one event, or why it could not be measured.
 *
 * @param value the measured value, {@code null} when {@code failure} is set
 * @param lines for item measures, what each matching line contributed
 * @param failure why nothing could be measured, {@code null} on success
 * @param detail a human-readable detail of the failure, empty on success
 */
record Measurement(@Nullable BigDecimal value, List<LineShare> lines, @Nullable SkipReason failure, String detail) {
  static Measurement of(long value) {
    return new Measurement(BigDecimal.valueOf(value), List.of(), null, "");
  }

  static Measurement of(BigDecimal value) {
    return new Measurement(value, List.of(), null, "");
  }

  static Measurement failed(SkipReason reason, String detail) {
    return new Measurement(null, List.of(), reason, detail);
  }
}
