/**
 * The HTTP server on Voucherify's v1 loyalty paths: {@link io.loyalty.server.LoyaltyServer} starts it from a
 * configuration, or from environment variables and flags; everything else is internal.
 */
@NullMarked
package io.loyalty.server;

import org.jspecify.annotations.NullMarked;
