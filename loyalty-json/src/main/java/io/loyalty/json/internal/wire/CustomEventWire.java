package io.loyalty.json.internal.wire;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.jspecify.annotations.Nullable;

/** A tracked custom event ({@code POST /v1/events}): its name, customer, metadata and optionally the card. */
@JsonIgnoreProperties({"referral"})
public record CustomEventWire(@Nullable String event, @Nullable CustomerWire customer, @Nullable ObjectNode metadata,
    @Nullable LoyaltyRef loyalty) {
  /** {@code loyalty}: the card the event is attributed to. */
  public record LoyaltyRef(@Nullable String code) {}
}
