/**
 * Tiers of a v1 loyalty program (Voucherify's {@code LoyaltyTier} and the campaign's {@code loyalty_tiers_expiration}):
 * point ranges a member's card falls into, what each tier changes in earning and reward prices, and how a member
 * qualifies for a tier and keeps it.
 *
 * <p>Like the program's other parts, these records accept any values: the engine validates a program's tiers as a
 * whole when the program is defined, naming every offending field.
 */
@NullMarked
package io.loyalty.spi.tier;

import org.jspecify.annotations.NullMarked;
