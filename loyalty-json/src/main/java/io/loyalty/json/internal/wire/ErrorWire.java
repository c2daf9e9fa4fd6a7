package io.loyalty.json.internal.wire;

import org.jspecify.annotations.Nullable;

/** Voucherify's error object. */
public record ErrorWire(int code, String key, String message, String details, @Nullable String requestId,
    @Nullable String resourceId, @Nullable String resourceType) {}
