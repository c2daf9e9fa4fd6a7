/**
 * The imperative shell: loads state through the store ports, calls the pure functions, and commits one
 * change set per operation with bounded retries. Internal: may change at any time, not for use outside
 * the engine.
 */
@NullMarked
package io.loyalty.core.internal.engine;

import org.jspecify.annotations.NullMarked;
