package io.loyalty.json.internal.wire;

import org.jspecify.annotations.Nullable;

/** A pending points entry ({@code lopp_…}): points waiting to activate on {@code activates_at}. */
public record PendingPointsEntryWire(String id, String voucherId, String campaignId, @Nullable String customerId,
    @Nullable String orderId, long points, String activatesAt, @Nullable Details details, String createdAt) {
  /** {@code details}: the earning rule and the event. */
  public record Details(TransactionWire.@Nullable Ref earningRule, TransactionWire.@Nullable EventRef event) {}
}
