package io.loyalty.core;

import io.loyalty.spi.AssignmentId;
import io.loyalty.spi.RewardId;
import io.loyalty.spi.WalletId;
import io.loyalty.spi.reward.WalletReward;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Whether a member can buy one of their v2 program's reward offers now, and if not why (Voucherify's examine of
 * rewards): a dry run of {@link LoyaltyEngine#purchase} that writes nothing and agrees with it.
 *
 * @param offer the offer
 * @param reward its reward
 * @param status {@code AVAILABLE} or {@code UNAVAILABLE}
 * @param reason why it is unavailable, {@code null} when available
 * @param wallet the wallet of the matching cost, {@code null} when none matched
 * @param required the matching cost's points, {@code null} when none matched
 * @param available the member's usable points in that wallet, {@code null} when none matched
 */
public record RewardExamination(AssignmentId offer, RewardId reward, Status status, @Nullable Reason reason,
    @Nullable WalletId wallet, @Nullable Long required, @Nullable Long available) {

  /** Voucherify's examine statuses. */
  public enum Status {
    AVAILABLE,
    UNAVAILABLE
  }

  /**
   * Why an offer is unavailable, in the order a purchase checks: Voucherify's reasons, and two of the engine's for
   * what a purchase also refuses.
   */
  public enum Reason {
    /** The member's cards are switched off or expired (the engine's: a purchase fails {@code voucher_disabled}). */
    MEMBER_INACTIVE,
    /** The program is off or outside its dates (the engine's: a purchase fails {@code campaign_not_active}). */
    PROGRAM_INACTIVE,
    /** {@code reward_inactive}: the reward is deleted. */
    REWARD_INACTIVE,
    /** {@code out_of_stock}. */
    OUT_OF_STOCK,
    /** {@code no_matching_cost}: no cost's condition holds for the member. */
    NO_MATCHING_COST,
    /** {@code no_card_for_cost}: the member holds no card of the matching cost's wallet. */
    NO_CARD_FOR_COST,
    /** {@code insufficient_balance}: the matching cost's wallet lacks the points ({@link #missing()}). */
    INSUFFICIENT_BALANCE,
    /** The purchase would pass the wallet's spending limits (the engine's: {@code spending_limit_exceeded}). */
    SPENDING_LIMIT
  }

  /** Checks the parts. */
  public RewardExamination {
    Objects.requireNonNull(offer, "offer");
    Objects.requireNonNull(reward, "reward");
    Objects.requireNonNull(status, "status");
  }

  /** An available offer at the matching cost. */
  public static RewardExamination available(WalletReward offer, WalletId wallet, long required, long available) {
    return new RewardExamination(offer.id(), offer.reward(), Status.AVAILABLE, null, wallet, required, available);
  }

  /** An unavailable offer, with what is known of the matching cost. */
  public static RewardExamination unavailable(WalletReward offer, Reason reason, @Nullable WalletId wallet,
      @Nullable Long required, @Nullable Long available) {
    return new RewardExamination(offer.id(), offer.reward(), Status.UNAVAILABLE, reason, wallet, required, available);
  }

  /** The points missing for {@code INSUFFICIENT_BALANCE} ({@code required - available}), else 0. */
  public long missing() {
    return required == null || available == null ? 0 : Math.max(0, required - available);
  }
}
