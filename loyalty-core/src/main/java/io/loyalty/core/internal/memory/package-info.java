/**
 * The machinery of the in-memory store: per-card immutable slots with an append-only ledger, lock
 * stripes, and the all-or-nothing check of a change set. Internal: may change at any time, not for use
 * outside the engine.
 */
@NullMarked
package io.loyalty.core.internal.memory;

import org.jspecify.annotations.NullMarked;
