/**
 * Computes when points expire and when pending points activate, on the program's calendar, and checks the
 * expiration and pending-points settings. Internal: may change at any time, not for use outside the engine.
 */
@NullMarked
package io.loyalty.core.internal.expiry;

import org.jspecify.annotations.NullMarked;
