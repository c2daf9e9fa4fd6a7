package io.loyalty.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import io.loyalty.spi.ErrorCode;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A database that cannot be reached is {@code store_unavailable} (retry); any other refusal is {@code store_failure}. */
class JdbcStoreExceptionTest {
  private static ErrorCode codeOf(Throwable cause) {
    return new JdbcStoreException("cannot commit a change set", cause).errorCode();
  }

  @ParameterizedTest(name = "SQLState {0}")
  @ValueSource(strings = {"08001", "08003", "08006", "57P01", "57P02", "57P03", "53300"})
  @DisplayName("a refused or lost connection, a server shutting down, starting up or full is store_unavailable")
  void unavailable(String state) {
    assertThat(codeOf(new SQLException("down", state))).isEqualTo(ErrorCode.STORE_UNAVAILABLE);
  }

  @ParameterizedTest(name = "SQLState {0}")
  @ValueSource(strings = {"42P01", "23505", "22003", "XX000", "40001"})
  @DisplayName("a refused statement, a missing table or an internal error is store_failure")
  void failure(String state) {
    assertThat(codeOf(new SQLException("refused", state))).isEqualTo(ErrorCode.STORE_FAILURE);
  }

  @Test
  @DisplayName("an error without SQLState is store_failure, unless its type says the connection is gone")
  void withoutState() {
    assertThat(codeOf(new SQLException("no state"))).isEqualTo(ErrorCode.STORE_FAILURE);
    assertThat(codeOf(new IllegalStateException("not SQL"))).isEqualTo(ErrorCode.STORE_FAILURE);
    assertThat(codeOf(new SQLTransientConnectionException("pool timed out"))).isEqualTo(ErrorCode.STORE_UNAVAILABLE);
  }

  @Test
  @DisplayName("the lost connection is found among causes, next exceptions and suppressed errors")
  void nested() {
    assertThat(codeOf(new IllegalStateException(new SQLException("down", "57P01"))))
        .isEqualTo(ErrorCode.STORE_UNAVAILABLE);
    SQLException batch = new SQLException("batch", "XX000");
    batch.setNextException(new SQLException("down", "08006"));
    assertThat(codeOf(batch)).isEqualTo(ErrorCode.STORE_UNAVAILABLE);
    SQLException first = new SQLException("refused", "42P01");
    first.addSuppressed(new SQLException("closed", "08003"));
    assertThat(codeOf(first)).isEqualTo(ErrorCode.STORE_UNAVAILABLE);
  }

  @Test
  @DisplayName("a cause chain that loops ends the search")
  void loop() {
    SQLException a = new SQLException("a", "XX000");
    SQLException b = new SQLException("b", "XX000");
    a.setNextException(b);
    b.setNextException(a);
    assertThat(codeOf(a)).isEqualTo(ErrorCode.STORE_FAILURE);
  }

  @Test
  @DisplayName("an explicit code is kept whatever the cause")
  void explicitCode() {
    assertThat(new JdbcStoreException(ErrorCode.STORED_DEFINITION_UNREADABLE, "unreadable",
        new SQLException("down", "08006")).errorCode()).isEqualTo(ErrorCode.STORED_DEFINITION_UNREADABLE);
  }
}
