package io.loyalty.spi.event;

import io.loyalty.spi.CardCode;
import io.loyalty.spi.EventId;
import io.loyalty.spi.Metadata;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A custom event tracked by name (Voucherify's {@code POST /v1/events}), such as {@code page_view}; its
 * metadata must satisfy the event schema registered for the name.
 */
public record CustomEvent(
    EventId id, Instant occurredAt, Customer customer, String eventName, Metadata metadata, @Nullable CardCode card)
    implements LoyaltyEvent {

  /** Defaults the metadata. */
  public CustomEvent {
    metadata = metadata == null ? Metadata.EMPTY : metadata;
  }

  /** A custom event for every program the customer is in. */
  public static CustomEvent of(String id, Instant occurredAt, Customer customer, String eventName, Metadata metadata) {
    return new CustomEvent(EventId.of(id), occurredAt, customer, eventName, metadata, null);
  }

  @Override
  public String name() {
    return eventName;
  }

  @Override
  public CustomEvent forCard(CardCode card) {
    return new CustomEvent(id, occurredAt, customer, eventName, metadata, card);
  }
}
