package io.loyalty.json.internal.wire;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import org.jspecify.annotations.Nullable;

/** A v1 reward assignment ({@code object: "reward_assignment"}): a reward's price in a campaign. */
@JsonIgnoreProperties({"created_at", "updated_at", "validation_rules"})
public record RewardAssignmentWire(
    @Nullable String id,
    @Nullable String reward,
    @Nullable String rewardId,
    @Nullable String relatedObjectId,
    @Nullable String relatedObjectType,
    @Nullable Parameters parameters,
    @Nullable String object) {

  /** {@code parameters}. */
  public record Parameters(@Nullable Loyalty loyalty) {}

  /** {@code parameters.loyalty}: the price, and whether it is redeemed automatically. */
  public record Loyalty(@Nullable Long points, @Nullable Boolean autoRedeem) {}
}
