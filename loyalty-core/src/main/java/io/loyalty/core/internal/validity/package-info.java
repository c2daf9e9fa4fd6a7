/**
 * Decides whether a program or rule is in force at an instant: dates, timeframes, days and hours. Internal: may change at any time, not for use outside the engine.
 */
@NullMarked
package io.loyalty.core.internal.validity;

import org.jspecify.annotations.NullMarked;
