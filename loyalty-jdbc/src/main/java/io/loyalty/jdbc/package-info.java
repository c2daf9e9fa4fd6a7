/**
 * A {@link io.loyalty.spi.store.LoyaltyStore} on PostgreSQL through plain JDBC: {@link
 * io.loyalty.jdbc.JdbcLoyaltyStore} takes a {@link javax.sql.DataSource}, applies its versioned schema, and commits
 * each change set in one transaction with compare-and-set updates and named unique constraints. Types without a
 * public modifier are the adapter's own and may change at any time.
 */
@NullMarked
package io.loyalty.jdbc;

import org.jspecify.annotations.NullMarked;
