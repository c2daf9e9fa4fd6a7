package io.loyalty.bench;

import java.io.PrintWriter;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * The benchmark's pool: one physical connection per thread that asks, opened on first use and kept, handed out as a
 * proxy whose {@code close()} rolls back what its user left open and gives nothing back. No pool library, no waiting:
 * each benchmark thread owns its connection, as a pool sized to the threads would give it.
 */
final class ThreadConnections implements DataSource, AutoCloseable {
  private final Supplier<Connection> open;
  private final ThreadLocal<Connection> mine = new ThreadLocal<>();
  private final List<Connection> opened = new ArrayList<>();

  ThreadConnections(Supplier<Connection> open) {
    this.open = open;
  }

  @Override
  public Connection getConnection() {
    Connection physical = mine.get();
    if (physical == null) {
      physical = open.get();
      mine.set(physical);
      synchronized (opened) {
        opened.add(physical);
      }
    }
    return proxy(physical);
  }

  private static Connection proxy(Connection physical) {
    return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {Connection.class},
        (self, method, args) -> {
          switch (method.getName()) {
            case "close" -> {
              if (!physical.getAutoCommit()) {
                physical.rollback();
                physical.setAutoCommit(true);
              }
              return null;
            }
            case "isClosed" -> {
              return false;
            }
            default -> {
              try {
                return method.invoke(physical, args);
              } catch (InvocationTargetException e) {
                throw e.getCause();
              }
            }
          }
        });
  }

  @Override
  public void close() throws SQLException {
    synchronized (opened) {
      for (Connection c : opened) {
        c.close();
      }
      opened.clear();
    }
  }

  @Override
  public Connection getConnection(String username, String password) {
    return getConnection();
  }

  @Override
  public PrintWriter getLogWriter() {
    throw new UnsupportedOperationException("no log writer");
  }

  @Override
  public void setLogWriter(PrintWriter out) {}

  @Override
  public void setLoginTimeout(int seconds) {}

  @Override
  public int getLoginTimeout() {
    return 0;
  }

  @Override
  public Logger getParentLogger() throws SQLFeatureNotSupportedException {
    throw new SQLFeatureNotSupportedException();
  }

  @Override
  public <T> T unwrap(Class<T> iface) throws SQLException {
    throw new SQLException("not a wrapper");
  }

  @Override
  public boolean isWrapperFor(Class<?> iface) {
    return false;
  }
}
