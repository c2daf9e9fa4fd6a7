package io.loyalty.json.internal.wire;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import org.jspecify.annotations.Nullable;

/** A v1 reward ({@code object: "reward"}): CAMPAIGN, COIN or MATERIAL with its parameters and stock. */
@JsonIgnoreProperties({"created_at", "updated_at", "attributes"})
public record RewardWire(
    @Nullable String id,
    @Nullable String name,
    @Nullable String type,
    @Nullable Parameters parameters,
    @Nullable Long stock,
    @Nullable Long redeemed,
    @Nullable ObjectNode metadata,
    @Nullable String object) {

  /** {@code parameters}: one of {@code campaign}, {@code coin}, {@code product}. */
  public record Parameters(@Nullable CampaignParam campaign, @Nullable Coin coin, @Nullable Product product) {}

  /** {@code parameters.campaign}. */
  public record CampaignParam(@Nullable String id, @Nullable String type, @Nullable Long balance) {}

  /** {@code parameters.coin}: {@code points_ratio} points are worth {@code exchange_ratio} in major units. */
  public record Coin(@Nullable BigDecimal exchangeRatio, @Nullable Long pointsRatio) {}

  /** {@code parameters.product}. */
  public record Product(@Nullable String id, @Nullable String skuId) {}
}
