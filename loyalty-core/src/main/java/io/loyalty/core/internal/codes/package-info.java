/**
 * Generates card codes from a code configuration and a random source. Internal: may change at any time, not for use outside the engine.
 */
@NullMarked
package io.loyalty.core.internal.codes;

import org.jspecify.annotations.NullMarked;
