package io.loyalty.spi.event;

import io.loyalty.spi.CardCode;
import io.loyalty.spi.EventId;
import io.loyalty.spi.SegmentId;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** {@code customer.segment.entered}: the customer entered a segment. */
public record SegmentEntered(EventId id, Instant occurredAt, Customer customer, SegmentId segment, @Nullable CardCode card)
    implements LoyaltyEvent {

  /** The customer entered the segment, for every program they are in. */
  public static SegmentEntered of(String id, Instant occurredAt, Customer customer, String segment) {
    return new SegmentEntered(EventId.of(id), occurredAt, customer, SegmentId.of(segment), null);
  }

  @Override
  public String name() {
    return "customer.segment.entered";
  }

  @Override
  public SegmentEntered forCard(CardCode card) {
    return new SegmentEntered(id, occurredAt, customer, segment, card);
  }
}
