/**
 * Pure evaluation of earning: compiled programs, item matching and the points formulas. Internal: may change at any time, not for use outside the engine.
 */
@NullMarked
package io.loyalty.core.internal.eval;

import org.jspecify.annotations.NullMarked;
