/**
 * The PostgreSQL store: {@code io.loyalty.jdbc.JdbcLoyaltyStore} over plain JDBC and a host's {@code DataSource},
 * storing the SPI's records as JSON.
 */
// the PostgreSQL driver is an automatic module, under the stable name its manifest declares
@SuppressWarnings("requires-automatic")
module io.loyalty.jdbc {
  requires transitive io.loyalty.spi;
  requires transitive java.sql;
  requires com.fasterxml.jackson.databind;
  requires com.fasterxml.jackson.datatype.jsr310;
  // the driver's error types: SQLState, constraint names
  requires org.postgresql.jdbc;
  requires org.slf4j;
  requires static org.jspecify;

  exports io.loyalty.jdbc;
}
