/**
 * The engine's machinery. Internal: may change at any time, not for use outside the engine.
 */
@NullMarked
package io.loyalty.core.internal;

import org.jspecify.annotations.NullMarked;
