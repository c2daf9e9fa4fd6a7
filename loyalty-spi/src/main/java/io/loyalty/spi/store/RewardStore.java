package io.loyalty.spi.store;

import io.loyalty.spi.CardCode;
import io.loyalty.spi.RedemptionId;
import io.loyalty.spi.RewardId;
import io.loyalty.spi.reward.Redemption;
import io.loyalty.spi.reward.Reward;
import java.util.List;
import java.util.Optional;

/** Reads rewards and redemptions. Thread-safe. */
public interface RewardStore {
  /** The reward, deleted or not. */
  Optional<Reward> reward(RewardId id);

  /** Every reward, deleted or not, in id order. */
  List<Reward> rewards();

  /** The redemption with this id. */
  Optional<Redemption> redemption(RedemptionId id);

  /** The card's redemptions, successful, failed or rolled back, oldest first. */
  List<Redemption> redemptions(CardCode card);
}
