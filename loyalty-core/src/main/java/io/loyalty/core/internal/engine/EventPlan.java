package io.loyalty.core.internal.engine;

import io.loyalty.spi.earning.EventOutcome;
import io.loyalty.spi.store.ChangeSet;

/**
 * What applying an event would do: its outcome and the change set that commits it (with the receipt).
 *
 * @param outcome what the event earns
 * @param changes everything to write, all-or-nothing
 */
record EventPlan(EventOutcome outcome, ChangeSet changes) {}
