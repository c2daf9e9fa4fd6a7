package io.loyalty.json.internal.wire;

import org.jspecify.annotations.Nullable;

/**
 * A v1 balance change ({@code POST …/members/{memberId}/balance}): signed points, how added points expire, the reason
 * and the caller's idempotency key.
 */
public record BalanceWire(
    @Nullable Long points,
    @Nullable String expirationType,
    @Nullable String expirationDate,
    @Nullable String reason,
    @Nullable String sourceId) {}
