/**
 * What applying or quoting an event gives: per program, the points each rule earned with its per-line
 * breakdown, and for every rule that did not apply, the reason. Stores keep the first outcome of each
 * event so a retry returns it unchanged.
 */
@NullMarked
package io.loyalty.spi.earning;

import org.jspecify.annotations.NullMarked;
