package io.loyalty.json.internal.wire;

import org.jspecify.annotations.Nullable;

/** {@code expiration_rules} of a card template or an earning rule. */
public record ExpirationRulesWire(@Nullable String periodType, @Nullable Long periodValue, @Nullable String roundingType,
    @Nullable Long roundingValue, @Nullable Long fixedMonth, @Nullable Long fixedDay) {}
