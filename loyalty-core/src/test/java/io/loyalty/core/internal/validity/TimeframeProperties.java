package io.loyalty.core.internal.validity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import io.loyalty.spi.earning.SkipReason;
import io.loyalty.spi.program.IsoDuration;
import io.loyalty.spi.program.Timeframe;
import io.loyalty.spi.program.Validity;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/** Exact timeframes agree with a reference that walks the windows one by one from the anchor. */
class TimeframeProperties {
  static final long MINUTE_NANOS = 60_000_000_000L;
  static final long DAY_NANOS = 86_400_000_000_000L;
  static final long FROM_2000 = Instant.parse("2000-01-01T00:00:00Z").toEpochMilli();
  static final long TO_2040 = Instant.parse("2040-01-01T00:00:00Z").toEpochMilli();
  /** Exact windows do not depend on the zone; a zone with daylight saving shows it. */
  static final ZoneId ZONE = ZoneId.of("Europe/Warsaw");

  /** An exact timeframe and an instant to check, at most 30 days after the anchor. */
  record Case(Instant anchor, Duration interval, Duration duration, Instant at) {}

  /**
   * Anchors 2000-2040, intervals of a minute to three days, durations of 0.1% to 100% of the interval, and
   * instants either anywhere or snapped onto a window boundary (or one nanosecond before it), where
   * off-by-one errors live.
   */
  static Gen<Case> cases() {
    return longs().between(FROM_2000, TO_2040).zip(
        longs().between(MINUTE_NANOS, 3 * DAY_NANOS),
        integers().between(1, 1_000),
        longs().between(-DAY_NANOS, 30 * DAY_NANOS),
        integers().between(0, 4),
        (anchorMillis, intervalNanos, permille, offsetNanos, snap) -> {
          long durationNanos = Math.max(1, intervalNanos / 1_000 * permille);
          long windowStart = Math.floorDiv(offsetNanos, intervalNanos) * intervalNanos;
          long offset = switch (snap) {
            case 1 -> windowStart;
            case 2 -> windowStart - 1;
            case 3 -> windowStart + durationNanos - 1;
            case 4 -> windowStart + durationNanos;
            default -> offsetNanos;
          };
          Instant anchor = Instant.ofEpochMilli(anchorMillis);
          return new Case(anchor, Duration.ofNanos(intervalNanos), Duration.ofNanos(durationNanos),
              anchor.plusNanos(offset));
        }).describedAs(Case::toString);
  }

  /** The definition, walked: window k is [anchor + k x interval, + duration). */
  static boolean inSomeWindow(Instant anchor, Duration interval, Duration duration, Instant t) {
    for (Instant start = anchor; !start.isAfter(t); start = start.plus(interval)) {
      if (t.isBefore(start.plus(duration))) {
        return true;
      }
    }
    return false;
  }

  @Test
  void anExactTimeframeIsOpenExactlyWhenTheWalkedReferenceSaysSo() {
    qt().withExamples(3_000).forAll(cases()).checkAssert(c -> {
      Validity validity = Validity.between(c.anchor(), null)
          .withTimeframe(new Timeframe(IsoDuration.of(c.interval()), IsoDuration.of(c.duration())));

      SkipReason reason = ValidityWindow.forRule(validity, null, ZONE).check(c.at());

      if (c.at().isBefore(c.anchor())) {
        assertThat(reason).isEqualTo(SkipReason.RULE_NOT_STARTED);
      } else {
        boolean open = inSomeWindow(c.anchor(), c.interval(), c.duration(), c.at());
        assertThat(reason).isEqualTo(open ? null : SkipReason.OUTSIDE_TIMEFRAME);
      }
    });
  }
}
