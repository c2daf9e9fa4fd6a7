/**
 * Pure reward logic: pay-with-points conversion and the checks and effects of one redemption. Internal: may
 * change at any time, not for use outside the engine.
 */
@NullMarked
package io.loyalty.core.internal.reward;

import org.jspecify.annotations.NullMarked;
