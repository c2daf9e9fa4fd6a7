/**
 * The decisions, pure: an operation's read set, its request and the engine's instant give its outcome and the change
 * set that commits it. Nothing here reads a store or asks a host port (an ArchUnit rule says so): what a decision used
 * is exactly its read set. Internal: may change at any time, not for use outside the engine.
 */
@NullMarked
package io.loyalty.core.internal.decide;

import org.jspecify.annotations.NullMarked;
