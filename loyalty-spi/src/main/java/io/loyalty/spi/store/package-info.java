/**
 * The ports a host implements to keep the engine's state in its own database, and their write contract:
 * every operation commits one {@link io.loyalty.spi.store.ChangeSet} all-or-nothing, with compare-and-set
 * on aggregate versions and unique keys for ledger entries, memberships and event receipts, answering
 * applied, conflict or duplicate. The engine never relies on the database's isolation level.
 */
@NullMarked
package io.loyalty.spi.store;

import org.jspecify.annotations.NullMarked;
