/**
 * Validates definitions and events whole, collecting every offending field path. Internal: may change at any time, not for use outside the engine.
 */
@NullMarked
package io.loyalty.core.internal.validation;

import org.jspecify.annotations.NullMarked;
