/**
 * Small callbacks through which the engine asks the host for what it does not own: named validation
 * rules, custom event schemas, products collection membership, and randomness for card codes.
 */
@NullMarked
package io.loyalty.spi.host;

import org.jspecify.annotations.NullMarked;
