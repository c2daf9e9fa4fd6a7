/**
 * The loyalty domain's shared vocabulary: typed identifiers, metadata values and the error root that the
 * engine, its stores and its hosts all speak. Depends on the JDK only.
 */
@NullMarked
package io.loyalty.spi;

import org.jspecify.annotations.NullMarked;
