/**
 * The HTTP server on Voucherify's v1 loyalty paths: {@code io.loyalty.server.LoyaltyServer} is its whole API; the
 * {@code internal} package is not exported.
 */
// the PostgreSQL driver is an automatic module, under the stable name its manifest declares
@SuppressWarnings("requires-automatic")
module io.loyalty.server {
  requires io.loyalty.json;
  requires io.loyalty.jdbc;
  requires io.javalin;
  requires org.eclipse.jetty.server;
  requires org.postgresql.jdbc;
  requires com.fasterxml.jackson.databind;
  requires org.slf4j;
  requires static org.jspecify;

  exports io.loyalty.server;
}
