/**
 * Pure transitions of a card state: credits and the ledger entries they imply. Internal: may change at any time, not for use outside the engine.
 */
@NullMarked
package io.loyalty.core.internal.ledger;

import org.jspecify.annotations.NullMarked;
