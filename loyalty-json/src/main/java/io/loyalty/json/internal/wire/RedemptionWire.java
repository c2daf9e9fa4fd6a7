package io.loyalty.json.internal.wire;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.jspecify.annotations.Nullable;

/** A reward redemption as Voucherify answers it ({@code object: "redemption"}), with the card after it. */
public record RedemptionWire(
    String id,
    String object,
    String date,
    @Nullable String customerId,
    long amount,
    RewardRef reward,
    @Nullable ObjectNode metadata,
    String result,
    String status,
    @Nullable String failureCode,
    @Nullable String failureMessage,
    @Nullable OrderOut order,
    String relatedObjectType,
    String relatedObjectId,
    VoucherWire voucher,
    LoyaltyPoints loyaltyCard) {

  /** {@code reward}: the reward and its assignment. */
  public record RewardRef(String id, String assignmentId, @Nullable String name, @Nullable String type) {}

  /** {@code loyalty_card}: the points the redemption spent. */
  public record LoyaltyPoints(long points) {}

  /** {@code order} of a pay-with-points redemption: the amounts after its discount. */
  public record OrderOut(String sourceId, long amount, long discountAmount, long totalAmount, String object) {}
}
