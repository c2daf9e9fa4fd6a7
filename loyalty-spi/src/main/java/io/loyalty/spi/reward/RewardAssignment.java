package io.loyalty.spi.reward;

import io.loyalty.spi.AssignmentId;
import io.loyalty.spi.RewardId;
import io.loyalty.spi.WalletId;
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
 * @param wallet the wallet whose card pays the price: {@link WalletId#MAIN} in a v1 program, one of the program's
 *     wallets for a cost of a v2 offer
 * @param cost for one cost of a loyalty v2 reward offer ({@link WalletReward}), which offer and where the cost sits in
 *     its first-match order; {@code null} for a v1 assignment
 */
public record RewardAssignment(
    AssignmentId id, RewardId reward, @Nullable Long points, boolean autoRedeem, @Nullable Condition condition,
    WalletId wallet, @Nullable CostOf cost) {

  /**
   * Where a flattened v2 cost sits in its offer: the offer's id (what a purchase names) and the cost's position
   * (1-based). The first cost whose condition holds is the price; another wallet is never tried.
   *
   * @param offer the offer's id
   * @param position 1 or more
   * @param tiers the tiers of the program's structure of which the member must hold one for this cost to be the
   *     price; empty for every member
   */
  public record CostOf(AssignmentId offer, int position, java.util.List<io.loyalty.spi.TierId> tiers) {
    /** Checks the offer and copies the tiers. */
    public CostOf {
      java.util.Objects.requireNonNull(offer, "offer");
      tiers = tiers == null ? java.util.List.of() : java.util.List.copyOf(tiers);
    }

    /** A cost for every member. */
    public CostOf(AssignmentId offer, int position) {
      this(offer, position, java.util.List.of());
    }
  }

  /** A v1 assignment: the program's one card pays. */
  public RewardAssignment(
      AssignmentId id, RewardId reward, @Nullable Long points, boolean autoRedeem, @Nullable Condition condition) {
    this(id, reward, points, autoRedeem, condition, WalletId.MAIN, null);
  }

  /** Defaults the wallet to the main one. */
  public RewardAssignment {
    wallet = wallet == null ? WalletId.MAIN : wallet;
  }

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
    return new RewardAssignment(id, reward, points, true, condition, wallet, cost);
  }

  /** A copy with a condition that must hold to redeem it. */
  public RewardAssignment when(@Nullable Condition condition) {
    return new RewardAssignment(id, reward, points, autoRedeem, condition, wallet, cost);
  }
}
