/**
 * A member's loyalty card and its points: the card aggregate with its lots (grants of points, each with
 * its own activation and expiry), and the append-only ledger of entries that explains every change.
 */
@NullMarked
package io.loyalty.spi.card;

import org.jspecify.annotations.NullMarked;
