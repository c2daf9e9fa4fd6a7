/**
 * The engine's public face: {@link io.loyalty.core.LoyaltyEngine} and its builder, the thread-safe
 * in-memory store, and the engine's typed errors. Everything else is in {@code internal} packages.
 */
@NullMarked
package io.loyalty.core;

import org.jspecify.annotations.NullMarked;
