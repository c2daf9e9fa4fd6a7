/**
 * What the host feeds the engine: paid orders, segment entries and custom events, each with an id that
 * makes it idempotent, the instant it happened and a snapshot of the customer. Money is in minor units.
 */
@NullMarked
package io.loyalty.spi.event;

import org.jspecify.annotations.NullMarked;
