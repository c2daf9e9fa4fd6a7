package io.loyalty.core;

import io.loyalty.spi.reward.Reward;
import io.loyalty.spi.reward.RewardAssignment;
import org.jspecify.annotations.Nullable;

/**
 * A reward a member can redeem in their program (Voucherify's {@code loyalty_reward}): the reward, its
 * assignment and price, and whether the card's balance covers it now.
 *
 * @param assignment the reward's assignment in the card's program
 * @param reward the reward
 * @param points the price in points, {@code null} for pay with points
 * @param affordable whether the card's usable balance covers the price (for pay with points: is above zero)
 * @param inStock whether the reward's stock allows one more
 */
public record MemberReward(RewardAssignment assignment, Reward reward, @Nullable Long points, boolean affordable,
    boolean inStock) {}
