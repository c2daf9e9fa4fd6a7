package io.loyalty.spi.store;

import io.loyalty.spi.reward.Redemption;

/**
 * Stores a redemption if its stored version is still {@code expectedVersion}; inserting one whose id exists is
 * a duplicate ({@code redemption:<id>}), so a redemption id is used once.
 */
public record RedemptionWrite(Redemption redemption, long expectedVersion) {}
