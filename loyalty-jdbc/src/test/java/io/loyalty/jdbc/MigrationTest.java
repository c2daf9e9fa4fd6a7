package io.loyalty.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("the schema is versioned, applied once and recorded")
class MigrationTest {
  @Test
  void a_new_database_is_migrated_to_the_latest_version_and_migrating_again_changes_nothing() throws Exception {
    DataSource ds = Postgres.freshSchema();
    JdbcLoyaltyStore store = JdbcLoyaltyStore.withoutMigration(ds);
    assertThat(store.schemaVersion()).isZero();
    assertThat(store.migrate()).isEqualTo(JdbcLoyaltyStore.latestSchemaVersion());
    assertThat(store.migrate()).isEqualTo(JdbcLoyaltyStore.latestSchemaVersion());
    assertThat(JdbcLoyaltyStore.create(ds).schemaVersion()).isEqualTo(2);
    try (Connection c = ds.getConnection(); Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT version, script FROM loyalty_schema_version ORDER BY version")) {
      assertThat(rs.next()).isTrue();
      assertThat(rs.getInt(1)).isEqualTo(1);
      assertThat(rs.getString(2)).isEqualTo("V1__schema.sql");
      assertThat(rs.next()).isTrue();
      assertThat(rs.getInt(1)).isEqualTo(2);
      assertThat(rs.getString(2)).isEqualTo("V2__outbox.sql");
      assertThat(rs.next()).isFalse();
    }
  }

  @Test
  void the_unique_constraints_the_adapter_maps_to_duplicate_keys_exist_under_their_names() throws Exception {
    DataSource ds = Postgres.freshSchema();
    JdbcLoyaltyStore.create(ds);
    try (Connection c = ds.getConnection(); Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT conname FROM pg_constraint WHERE contype IN ('p', 'u')"
            + " AND connamespace = current_schema()::regnamespace ORDER BY conname")) {
      List<String> names = new java.util.ArrayList<>();
      while (rs.next()) {
        names.add(rs.getString(1));
      }
      assertThat(names).contains("loyalty_card_code_key", "loyalty_card_member_key", "loyalty_ledger_entry_key",
          "loyalty_ledger_seq_key", "loyalty_receipt_event_key", "loyalty_redemption_id_key", "loyalty_program_version_key",
          "loyalty_outbox_id_key");
    }
  }

  @Test
  void a_script_splits_into_statements_at_semicolons_ending_lines_and_drops_comments() {
    assertThat(Migrations.statements("-- a comment\nCREATE TABLE t (\n  a int -- why\n);\n\nCREATE INDEX i ON t (a);\n"))
        .containsExactly("CREATE TABLE t (\n  a int \n)", "CREATE INDEX i ON t (a)");
  }
}
