package io.loyalty.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The Citus layout of {@code docs/scale-out.md} ("What shards by card") checked against the schema as the Citus
 * dialect migrates it, on PostgreSQL: every table has a placement, every unique key of a distributed table includes
 * its distribution column, and every foreign key is one Citus accepts; and the schema as the default dialect migrates
 * it keeps the two keys that span cards. A new table, key or foreign key that the layout does not account for fails
 * here, so the page and the schema cannot drift apart.
 */
@DisplayName("the Citus layout of docs/scale-out.md fits the schema")
class CitusLayoutTest {
  /** Where a table lives on Citus: distributed by a column, replicated to every node, or on the coordinator only. */
  private record Placement(String kind, String column) {
    static Placement distributed(String column) {
      return new Placement("distributed", column);
    }

    static Placement reference() {
      return new Placement("reference", "");
    }

    static Placement local() {
      return new Placement("local", "");
    }
  }

  /** The layout as docs/scale-out.md gives it. */
  private static final Map<String, Placement> LAYOUT = Map.ofEntries(
      Map.entry("loyalty_card", Placement.distributed("code")),
      Map.entry("loyalty_lot", Placement.distributed("card")),
      Map.entry("loyalty_ledger", Placement.distributed("card")),
      Map.entry("loyalty_receipt", Placement.distributed("event_id")),
      Map.entry("loyalty_entry_key", Placement.distributed("entry_key")),
      Map.entry("loyalty_member", Placement.distributed("holder")),
      Map.entry("loyalty_member_record", Placement.distributed("holder")),
      Map.entry("loyalty_redemption", Placement.distributed("id")),
      Map.entry("loyalty_reward", Placement.distributed("id")),
      Map.entry("loyalty_program", Placement.reference()),
      Map.entry("loyalty_catalog", Placement.reference()),
      Map.entry("loyalty_component", Placement.reference()),
      Map.entry("loyalty_outbox", Placement.local()),
      Map.entry("loyalty_outbox_ack", Placement.local()),
      Map.entry("loyalty_outbox_line", Placement.local()),
      Map.entry("loyalty_schema_version", Placement.local()));

  /** The tables distributed by a card's code: co-located, so a card's rows are on one node. */
  private static final Set<String> BY_CARD = Set.of("loyalty_card", "loyalty_lot", "loyalty_ledger");

  /** The keys on card-distributed tables that span cards, which the default dialect keeps and Citus replaces. */
  private static final Set<String> SPANNING_CARDS = Set.of("loyalty_card_member_key", "loyalty_ledger_entry_key");

  private static DataSource schema;
  private static DataSource postgres;

  @BeforeAll
  static void migrated() {
    schema = Postgres.freshSchema();
    JdbcLoyaltyStore.create(schema, JdbcDialect.CITUS);
    postgres = Postgres.freshSchema();
    JdbcLoyaltyStore.create(postgres, JdbcDialect.POSTGRESQL);
  }

  @Test
  void every_table_of_the_schema_has_a_placement_and_the_layout_names_no_other() throws SQLException {
    List<String> tables = strings(schema, "SELECT c.relname FROM pg_class c WHERE c.relkind = 'r'"
        + " AND c.relnamespace = current_schema()::regnamespace");
    assertThat(new TreeSet<>(tables)).isEqualTo(new TreeSet<>(LAYOUT.keySet()));
  }

  @Test
  void under_the_citus_dialect_every_unique_key_of_a_distributed_table_holds_its_distribution_column()
      throws SQLException {
    Map<String, String> lacking = lacking(schema);
    assertThat(lacking).isEmpty();
    assertThat(rows(schema, "SELECT string_agg(a.attname, ',' ORDER BY k.n) FROM pg_index x"
        + " JOIN pg_class i ON i.oid = x.indexrelid CROSS JOIN unnest(x.indkey) WITH ORDINALITY k(attnum, n)"
        + " JOIN pg_attribute a ON a.attrelid = x.indrelid AND a.attnum = k.attnum"
        + " WHERE i.relname = 'loyalty_ledger_entry_key' AND i.relnamespace = current_schema()::regnamespace", 1))
        .singleElement().satisfies(r -> assertThat(r[0]).isEqualTo("card,entry_key"));
  }

  @Test
  void the_default_dialect_keeps_the_two_keys_that_span_cards() throws SQLException {
    Map<String, String> lacking = lacking(postgres);
    assertThat(lacking.keySet()).isEqualTo(new TreeSet<>(SPANNING_CARDS));
    assertThat(lacking).containsEntry("loyalty_card_member_key", "loyalty_card (program,holder,wallet)")
        .containsEntry("loyalty_ledger_entry_key", "loyalty_ledger (entry_key)");
  }

  /** The unique keys of distributed tables without the distribution column: name to table and columns. */
  private static Map<String, String> lacking(DataSource in) throws SQLException {
    Map<String, String> lacking = new TreeMap<>();
    int distributedKeys = 0;
    for (String[] key : uniqueKeys(in)) {
      Placement placement = LAYOUT.get(key[0]);
      if (placement != null && placement.kind().equals("distributed")) {
        distributedKeys++;
        if (!List.of(key[2].split(",")).contains(placement.column())) {
          lacking.put(key[1], key[0] + " (" + key[2] + ")");
        }
      }
    }
    assertThat(distributedKeys).as("the distributed tables' keys are read").isGreaterThanOrEqualTo(9);
    return lacking;
  }

  @Test
  void every_foreign_key_is_one_citus_accepts_under_the_layout() throws SQLException {
    List<String[]> keys = rows(schema, "SELECT con.conname, src.relname, dst.relname,"
        + " (SELECT string_agg(a.attname, ',' ORDER BY a.attnum) FROM pg_attribute a"
        + "   WHERE a.attrelid = con.conrelid AND a.attnum = ANY (con.conkey)),"
        + " (SELECT string_agg(a.attname, ',' ORDER BY a.attnum) FROM pg_attribute a"
        + "   WHERE a.attrelid = con.confrelid AND a.attnum = ANY (con.confkey))"
        + " FROM pg_constraint con JOIN pg_class src ON src.oid = con.conrelid JOIN pg_class dst ON dst.oid = con.confrelid"
        + " WHERE con.contype = 'f' AND con.connamespace = current_schema()::regnamespace", 5);
    assertThat(keys).as("the ledger's card and the acknowledgement's event").hasSize(2);
    for (String[] fk : keys) {
      Placement from = LAYOUT.get(fk[1]);
      Placement to = LAYOUT.get(fk[2]);
      boolean accepted = switch (from.kind() + "->" + to.kind()) {
        // between distributed tables: co-located, and the key joins the distribution columns
        case "distributed->distributed" -> BY_CARD.contains(fk[1]) && BY_CARD.contains(fk[2])
            && fk[3].equals(from.column()) && fk[4].equals(to.column());
        case "distributed->reference", "local->local", "local->reference", "reference->reference" -> true;
        default -> false; // to a distributed table from anything else, or from a distributed table to a local one
      };
      assertThat(accepted).as("%s: %s (%s) -> %s (%s)", fk[0], fk[1], fk[3], fk[2], fk[4]).isTrue();
    }
  }

  /** Each unique index: table, name, columns in key order. */
  private static List<String[]> uniqueKeys(DataSource in) throws SQLException {
    return rows(in, "SELECT t.relname, i.relname,"
        + " (SELECT string_agg(a.attname, ',' ORDER BY k.n) FROM unnest(x.indkey) WITH ORDINALITY k(attnum, n)"
        + "   JOIN pg_attribute a ON a.attrelid = x.indrelid AND a.attnum = k.attnum)"
        + " FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid JOIN pg_class t ON t.oid = x.indrelid"
        + " WHERE x.indisunique AND t.relnamespace = current_schema()::regnamespace", 3);
  }

  private static List<String> strings(DataSource in, String sql) throws SQLException {
    return rows(in, sql, 1).stream().map(r -> r[0]).toList();
  }

  private static List<String[]> rows(DataSource in, String sql, int columns) throws SQLException {
    List<String[]> out = new ArrayList<>();
    try (Connection c = in.getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
      while (rs.next()) {
        String[] row = new String[columns];
        for (int i = 0; i < columns; i++) {
          row[i] = rs.getString(i + 1);
        }
        out.add(row);
      }
    }
    return out;
  }
}
