package io.loyalty.json.internal.wire;

import org.jspecify.annotations.Nullable;

/** One element of a v1 points transfer body ({@code POST …/members/{memberId}/transfers}): the source card and points. */
public record TransferWire(@Nullable String code, @Nullable Long points, @Nullable String reason, @Nullable String sourceId) {}
