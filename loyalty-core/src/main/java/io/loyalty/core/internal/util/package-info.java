/**
 * Small helpers of the hot paths: immutable lists built with as few array copies as the JDK allows. Internal: may
 * change at any time, not for use outside the engine.
 */
@NullMarked
package io.loyalty.core.internal.util;

import org.jspecify.annotations.NullMarked;
