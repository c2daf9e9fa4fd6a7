package io.loyalty.json.internal.wire;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.jspecify.annotations.Nullable;

/** A v1 reward redemption request ({@code POST …/members/{memberId}/redemption}): the reward, and the order for COIN. */
@JsonIgnoreProperties({"channel", "session"})
public record RedeemWire(@Nullable RewardRef reward, @Nullable OrderWire order, @Nullable ObjectNode metadata) {
  /** {@code reward}: its id, and for pay with points how many points to spend. */
  public record RewardRef(@Nullable String id, @Nullable Long points) {}
}
