/**
 * Read sets: what an operation's decision needs, gathered through the store and the host's ports before it decides.
 * Internal: may change at any time, not for use outside the engine.
 */
@NullMarked
package io.loyalty.core.internal.load;

import org.jspecify.annotations.NullMarked;
