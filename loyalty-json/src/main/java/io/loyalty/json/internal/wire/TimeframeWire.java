package io.loyalty.json.internal.wire;

import org.jspecify.annotations.Nullable;

/** {@code validity_timeframe}: ISO 8601 {@code interval} and {@code duration}. */
public record TimeframeWire(@Nullable String interval, @Nullable String duration) {}
