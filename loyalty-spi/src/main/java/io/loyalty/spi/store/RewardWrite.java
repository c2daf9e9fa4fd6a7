package io.loyalty.spi.store;

import io.loyalty.spi.reward.Reward;

/**
 * Stores a reward if its stored version is still {@code expectedVersion} (0 for a new one); {@code
 * reward.version()} must be {@code expectedVersion + 1}.
 */
public record RewardWrite(Reward reward, long expectedVersion) {}
