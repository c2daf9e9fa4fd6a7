package io.loyalty.spi.event;

import io.loyalty.spi.CardCode;
import io.loyalty.spi.EventId;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * An event the engine earns on. Its {@link #id()} makes applying it idempotent: the same id applied
 * again credits nothing and returns the first outcome; the same id with another payload is an error.
 * Rules are evaluated as of {@link #occurredAt()}; the engine settles and writes the cards it touches as of its own
 * clock, and accepts an event time only within a window around that clock.
 */
public sealed interface LoyaltyEvent permits OrderPaid, SegmentEntered, CustomEvent, OrderRefunded, TierMoved {
  /** The event's id, unique per event. */
  EventId id();

  /**
   * When it happened: the earning rules' and the program's validity windows and the card's validity are judged as of
   * this instant. It never decides when points are recorded, activate or expire: that is the engine's clock.
   */
  Instant occurredAt();

  /** The customer it is about. */
  Customer customer();

  /** The card it is attributed to, or {@code null} for every program the customer is in (or auto-joins). */
  @Nullable
  CardCode card();

  /** Voucherify's event name: {@code order.paid}, {@code customer.segment.entered} or the custom name. */
  String name();

  /** A copy attributed to one card (Voucherify's {@code loyalty.code}). */
  LoyaltyEvent forCard(CardCode card);
}
