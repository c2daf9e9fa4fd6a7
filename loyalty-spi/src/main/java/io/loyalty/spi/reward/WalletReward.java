package io.loyalty.spi.reward;

import io.loyalty.spi.AssignmentId;
import io.loyalty.spi.RewardId;
import io.loyalty.spi.WalletId;
import io.loyalty.spi.program.Condition;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A reward offered by a loyalty v2 program (Voucherify's program reward assignment with its {@code costs}): costs
 * tried top to bottom, the first whose condition holds being the price, in points of one wallet. If that wallet's card
 * lacks the points the purchase fails; another cost is never tried. A program stores it flattened, one
 * {@link RewardAssignment} per cost with its {@link RewardAssignment.CostOf} ({@link #flatten}), so redemption,
 * stock, fulfilment and rollback work as for v1; {@link #regroup} gives it back.
 *
 * @param id the offer's id, unique within the program: what a purchase names
 * @param reward the reward
 * @param costs 1 to 10, in first-match order
 */
public record WalletReward(AssignmentId id, RewardId reward, List<Cost> costs) {
  /**
   * One cost: what must hold for it to be the price, and the price.
   *
   * @param condition what must hold, {@code null} for nothing (Voucherify's cost {@code rules})
   * @param wallet the program's wallet that pays
   * @param points the price, 1 or more
   * @param tiers the tiers of the program's tier structure of which the member must hold one for the cost to be the
   *     price (Voucherify's costs "restricted to tiers"); empty for every member
   */
  public record Cost(@Nullable Condition condition, WalletId wallet, long points, List<io.loyalty.spi.TierId> tiers) {
    /** Checks the wallet and copies the tiers. */
    public Cost {
      Objects.requireNonNull(wallet, "wallet");
      tiers = tiers == null ? List.of() : List.copyOf(tiers);
    }

    /** A cost for every member. */
    public Cost(@Nullable Condition condition, WalletId wallet, long points) {
      this(condition, wallet, points, List.of());
    }

    /** A cost with no condition. */
    public static Cost of(WalletId wallet, long points) {
      return new Cost(null, wallet, points);
    }

    /** A cost that is the price when {@code condition} holds. */
    public static Cost when(Condition condition, WalletId wallet, long points) {
      return new Cost(Objects.requireNonNull(condition, "condition"), wallet, points);
    }

    /** A copy that is the price only for a member in one of {@code tiers}. */
    public Cost forTiers(io.loyalty.spi.TierId... tiers) {
      return new Cost(condition, wallet, points, List.of(tiers));
    }
  }

  /** Copies the costs. */
  public WalletReward {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(reward, "reward");
    costs = List.copyOf(costs);
  }

  /** An offer of {@code reward} at the costs, in order. */
  public static WalletReward of(String id, RewardId reward, Cost... costs) {
    return new WalletReward(AssignmentId.of(id), reward, List.of(costs));
  }

  /** The id of the flattened assignment of cost {@code position} (1-based) of offer {@code offer}. */
  public static AssignmentId costId(AssignmentId offer, int position) {
    return AssignmentId.of(offer.value() + "#" + position);
  }

  /** The offer as the program stores it: one assignment per cost, id {@code <offer>#<position>}, in order. */
  public List<RewardAssignment> flatten() {
    List<RewardAssignment> flat = new ArrayList<>(costs.size());
    for (int i = 0; i < costs.size(); i++) {
      Cost cost = costs.get(i);
      flat.add(new RewardAssignment(costId(id, i + 1), reward, cost.points(), false, cost.condition(), cost.wallet(),
          new RewardAssignment.CostOf(id, i + 1, cost.tiers())));
    }
    return flat;
  }

  /** The v2 offers flattened in {@code assignments}, in order; v1 assignments are left out. */
  public static List<WalletReward> regroup(List<RewardAssignment> assignments) {
    List<WalletReward> offers = new ArrayList<>();
    AssignmentId current = null;
    RewardId reward = null;
    List<Cost> costs = new ArrayList<>();
    for (RewardAssignment a : assignments) {
      RewardAssignment.CostOf cost = a.cost();
      if (cost == null) {
        continue;
      }
      if (current != null && !cost.offer().equals(current)) {
        offers.add(new WalletReward(current, Objects.requireNonNull(reward, "reward"), costs));
        costs = new ArrayList<>();
      }
      current = cost.offer();
      reward = a.reward();
      costs.add(new Cost(a.condition(), a.wallet(), a.points() == null ? 0 : a.points(), cost.tiers()));
    }
    if (current != null) {
      offers.add(new WalletReward(current, Objects.requireNonNull(reward, "reward"), costs));
    }
    return offers;
  }
}
