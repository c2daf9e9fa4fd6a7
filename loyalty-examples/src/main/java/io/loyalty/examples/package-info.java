/** Runnable examples of the loyalty engine on its embedded in-memory store. */
@NullMarked
package io.loyalty.examples;

import org.jspecify.annotations.NullMarked;
