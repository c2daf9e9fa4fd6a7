package io.loyalty.spi.store;

import io.loyalty.spi.event.LoyaltyEvent;
import io.loyalty.spi.earning.EventOutcome;

/**
 * The proof that an event was applied: the event as it was applied and its outcome. Unique per event id,
 * so a retry finds it and returns the same outcome, and a different payload under the same id is caught.
 */
public record EventReceipt(LoyaltyEvent event, EventOutcome outcome) {}
