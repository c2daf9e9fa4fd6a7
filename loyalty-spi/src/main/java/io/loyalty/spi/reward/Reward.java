package io.loyalty.spi.reward;

import io.loyalty.spi.Metadata;
import io.loyalty.spi.RewardId;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A reward of the catalog (Voucherify's {@code rew_…}), with its stock and how many were redeemed. Stores
 * write it with compare-and-set on {@link #version()}, so racing redemptions never oversell it.
 *
 * @param id the reward's id
 * @param version 1 when first stored, one more per write; 0 before it is stored
 * @param name the display name
 * @param kind what it gives
 * @param stock how many can be redeemed in all, {@code null} for unlimited
 * @param redeemed how many redemptions hold it now (rolled-back ones give theirs back)
 * @param deleted whether it was deleted (kept so past redemptions still name it)
 * @param metadata free key/values
 * @param costs its prices in loyalty v2 programs (Voucherify's current reward {@code costs}), in first-match order: what
 *     an offer of it in a program costs when the program's assignment names no costs of its own; empty for v1 rewards
 */
public record Reward(
    RewardId id, long version, String name, RewardKind kind, @Nullable Long stock, long redeemed, boolean deleted,
    Metadata metadata, List<WalletReward.Cost> costs) {

  /** Defaults the metadata and the costs. */
  public Reward {
    metadata = metadata == null ? Metadata.EMPTY : metadata;
    costs = costs == null ? List.of() : List.copyOf(costs);
  }

  /** A reward with no loyalty v2 costs. */
  public Reward(RewardId id, long version, String name, RewardKind kind, @Nullable Long stock, long redeemed,
      boolean deleted, Metadata metadata) {
    this(id, version, name, kind, stock, redeemed, deleted, metadata, List.of());
  }

  /** A copy with these loyalty v2 costs, in first-match order. */
  public Reward withCosts(List<WalletReward.Cost> costs) {
    return new Reward(id, version, name, kind, stock, redeemed, deleted, metadata, costs);
  }

  /** A new reward with unlimited stock. */
  public static Reward of(String id, String name, RewardKind kind) {
    return new Reward(RewardId.of(id), 0, name, kind, null, 0, false, Metadata.EMPTY);
  }

  /** A copy with limited stock ({@code null} for unlimited). */
  public Reward withStock(@Nullable Long stock) {
    return new Reward(id, version, name, kind, stock, redeemed, deleted, metadata, costs);
  }

  /** Whether one more can be redeemed. */
  public boolean inStock() {
    return stock == null || redeemed < stock;
  }

  /** A copy one version on with another redeemed count. */
  public Reward withRedeemed(long redeemed) {
    return new Reward(id, version + 1, name, kind, stock, redeemed, deleted, metadata, costs);
  }
}
