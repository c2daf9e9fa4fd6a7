package io.loyalty.spi.reward;

import io.loyalty.spi.AssignmentId;
import io.loyalty.spi.RewardId;
import io.loyalty.spi.program.Condition;
import org.jspecify.annotations.Nullable;

/**
 * A reward offered by a program at a price in points (Voucherify's reward assignment, {@code rewa_…}). Part
 * of the program's definition, so it is versioned with it.
 *
 * @param id the assignment's id, unique within the program
 * @param reward the reward
 * @param points the price in points, positive; {@code null} for pay-with-points (COIN) rewards
 * @param autoRedeem whether it is redeemed automatically when a card's balance reaches the price (at most one
 *     per program; not for COIN rewards)
 * @param condition what must hold to redeem it, {@code null} for nothing beyond the program's condition
 */
public record RewardAssignment(
    AssignmentId id, RewardId reward, @Nullable Long points, boolean autoRedeem, @Nullable Condition condition) {

  /** An assignment at a price in points. */
  public static RewardAssignment of(String id, RewardId reward, long points) {
    return new RewardAssignment(AssignmentId.of(id), reward, points, false, null);
  }

  /** A pay-with-points assignment (no price: the member chooses how many points to spend). */
  public static RewardAssignment payWithPoints(String id, RewardId reward) {
    return new RewardAssignment(AssignmentId.of(id), reward, null, false, null);
  }

  /** A copy that is redeemed automatically when the balance reaches the price. */
  public RewardAssignment autoRedeemed() {
    return new RewardAssignment(id, reward, points, true, condition);
  }

  /** A copy with a condition that must hold to redeem it. */
  public RewardAssignment when(@Nullable Condition condition) {
    return new RewardAssignment(id, reward, points, autoRedeem, condition);
  }
}
