/**
 * The store conformance kit: abstract JUnit 5 contract classes that a {@link io.loyalty.spi.store.LoyaltyStore}
 * adapter's test extends with one factory method ({@link io.loyalty.testkit.LoyaltyStoreCompatibilityKit} runs them
 * all), the port contracts, engine-over-store properties and thread races they check, and {@link
 * io.loyalty.testkit.FaultyStore}, a fault-injecting wrapper any adapter can be run under. Helpers without a public
 * modifier are the kit's own and may change at any time.
 */
@NullMarked
package io.loyalty.testkit;

import org.jspecify.annotations.NullMarked;
