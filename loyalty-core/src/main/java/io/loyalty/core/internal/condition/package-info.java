/**
 * Compiles typed validation conditions and logic expressions into fast predicates. Internal: may change at any time, not for use outside the engine.
 */
@NullMarked
package io.loyalty.core.internal.condition;

import org.jspecify.annotations.NullMarked;
