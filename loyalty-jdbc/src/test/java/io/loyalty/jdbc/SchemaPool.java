package io.loyalty.jdbc;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;

/**
 * A small connection pool for the tests (no pool library is needed for them): at most {@code size} physical
 * connections, handed out as proxies whose {@code close()} gives them back. {@link #schema(String)} gives a
 * {@link DataSource} view that sets the connection's {@code search_path}, so many per-test schemas share one pool.
 */
final class SchemaPool implements AutoCloseable {
  private final DataSource raw;
  private final BlockingQueue<Pooled> idle;
  private final int size;
  private int opened;

  /** The physical connection and the schema it was last pointed at. */
  private static final class Pooled {
    final Connection connection;
    String schema = "";

    Pooled(Connection connection) {
      this.connection = connection;
    }
  }

  SchemaPool(DataSource raw, int size) {
    this.raw = raw;
    this.size = size;
    this.idle = new ArrayBlockingQueue<>(size);
  }

  /** A data source whose connections work in {@code schema}. */
  DataSource schema(String schema) {
    return new View(schema);
  }

  private Connection borrow(String schema) throws SQLException {
    Pooled pooled = idle.poll();
    if (pooled == null) {
      synchronized (this) {
        if (opened < size) {
          opened++;
          pooled = new Pooled(raw.getConnection());
        }
      }
    }
    try {
      if (pooled == null) {
        pooled = idle.poll(60, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    if (pooled == null) {
      throw new SQLException("no connection free in the test pool of " + size);
    }
    if (!pooled.schema.equals(schema)) {
      try (Statement s = pooled.connection.createStatement()) {
        s.execute("SET search_path TO \"" + schema + "\"");
      }
      pooled.schema = schema;
    }
    return proxy(pooled);
  }

  private Connection proxy(Pooled pooled) {
    boolean[] closed = {false};
    return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {Connection.class},
        (self, method, args) -> {
          switch (method.getName()) {
            case "close" -> {
              if (!closed[0]) {
                closed[0] = true;
                if (!pooled.connection.getAutoCommit()) {
                  pooled.connection.rollback();
                  pooled.connection.setAutoCommit(true);
                }
                idle.add(pooled);
              }
              return null;
            }
            case "isClosed" -> {
              return closed[0];
            }
            default -> {
              if (closed[0]) {
                throw new SQLException("connection already given back to the pool");
              }
              try {
                return method.invoke(pooled.connection, args);
              } catch (InvocationTargetException e) {
                throw e.getCause();
              }
            }
          }
        });
  }

  @Override
  public synchronized void close() throws SQLException {
    Pooled pooled;
    while ((pooled = idle.poll()) != null) {
      pooled.connection.close();
    }
  }

  /** A schema's view of the pool. */
  private final class View implements ConnectionSource {
    private final String schema;

    View(String schema) {
      this.schema = schema;
    }

    @Override
    public Connection getConnection() throws SQLException {
      return borrow(schema);
    }
  }

}
