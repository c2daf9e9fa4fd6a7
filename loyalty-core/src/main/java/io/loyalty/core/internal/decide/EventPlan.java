package io.loyalty.core.internal.decide;

import io.loyalty.spi.earning.EventOutcome;
import io.loyalty.spi.store.ChangeSet;
import java.util.List;

/**
 * What applying an event would do: its outcome and the change set that commits it (with the receipt).
 *
 * @param outcome what the event earns
 * @param changes everything to write, all-or-nothing, but for the pools' refills
 * @param refills the cards joins ask for to keep auto-update pools' reserves, generated when the change set is
 *     completed
 */
public record EventPlan(EventOutcome outcome, ChangeSet changes, List<Refill> refills) {}
