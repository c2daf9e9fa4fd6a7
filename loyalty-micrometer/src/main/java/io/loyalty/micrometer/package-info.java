/**
 * Micrometer metrics for the engine: {@link io.loyalty.micrometer.LoyaltyMetrics}, a {@code MeterBinder} with the
 * engine's counters, timers and gauges. See {@code docs/metrics.md}.
 */
@NullMarked
package io.loyalty.micrometer;

import org.jspecify.annotations.NullMarked;
