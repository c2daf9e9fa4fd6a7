package io.loyalty.jdbc;

import io.loyalty.spi.card.Card;
import io.loyalty.spi.card.LedgerEntry;
import io.loyalty.spi.card.LedgerKey;
import io.loyalty.spi.store.CardWrite;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The unique keys that span cards, kept in tables of their own under {@link JdbcDialect#CITUS} (schema 10), where the
 * card, lot and ledger tables are distributed by card and so check only keys that include it: a store-wide ledger key
 * ({@link LedgerKey#card()} is {@code null}) in {@code loyalty_entry_key}, a membership in {@code loyalty_member}. Both
 * are written in the change set's transaction, by statements that cannot fail on a taken key (the caller reads the
 * answer instead), so a taken one is answered as the same duplicate as the card-table keys answer on PostgreSQL.
 */
final class CrossCardKeys {
  /** Under Citus, after filling the tables: the card-table keys that span cards give way to the tables'. */
  static final List<String> NARROW_KEYS = List.of(
      "ALTER TABLE loyalty_ledger DROP CONSTRAINT loyalty_ledger_entry_key",
      "ALTER TABLE loyalty_ledger ADD CONSTRAINT loyalty_ledger_entry_key UNIQUE (card, entry_key)",
      "ALTER TABLE loyalty_card DROP CONSTRAINT loyalty_card_member_key");

  private static final String CLAIM_ENTRY_KEY =
      "INSERT INTO loyalty_entry_key (entry_key, card) VALUES (?, ?) ON CONFLICT (entry_key) DO NOTHING";
  private static final String CLAIM_MEMBERSHIP = "INSERT INTO loyalty_member (holder, program, wallet, card)"
      + " VALUES (?, ?, ?, ?) ON CONFLICT (holder, program, wallet) DO UPDATE SET card = loyalty_member.card"
      + " RETURNING card";

  private CrossCardKeys() {}

  /** Whether the entry's key is unique store-wide rather than per card. */
  static boolean storeWide(LedgerEntry entry) {
    return entry.key().card() == null;
  }

  /** Claims the entry's store-wide key for its card; {@code false} when another entry holds it. */
  static boolean claimEntryKey(Connection c, LedgerEntry entry) throws SQLException {
    try (PreparedStatement p = c.prepareStatement(CLAIM_ENTRY_KEY)) {
      p.setString(1, entry.key().text());
      p.setString(2, entry.card().value());
      return p.executeUpdate() == 1;
    }
  }

  /**
   * Whether the write gives the card a holder its base did not have (a new member card, a publication, another
   * holder); a write with no base might, so it is checked too (a claim of the card's own membership is idempotent).
   */
  static boolean setsHolder(CardWrite write) {
    Card base = write.base();
    return write.card().holder() != null && (write.expectedVersion() == 0 || base == null
        || !write.card().holder().equals(base.holder()));
  }

  /**
   * Releases the membership the write's base held when the write takes the card from that holder (the engine never
   * does; a host's change set might). Without a base nothing is known to release.
   */
  static void releaseFormer(Connection c, CardWrite write) throws SQLException {
    Card base = write.base();
    if (base == null || base.holder() == null || base.holder().equals(write.card().holder())) {
      return;
    }
    try (PreparedStatement p = c.prepareStatement("DELETE FROM loyalty_member WHERE holder = ? AND program = ?"
        + " AND wallet = ? AND card = ?")) {
      p.setString(1, base.holder().value());
      p.setString(2, base.program().value());
      p.setString(3, base.wallet().value());
      p.setString(4, base.code().value());
      p.executeUpdate();
    }
  }

  /** Claims the membership for the card; {@code false} when another card of the holder, program and wallet has it. */
  static boolean claimMembership(Connection c, Card card) throws SQLException {
    try (PreparedStatement p = c.prepareStatement(CLAIM_MEMBERSHIP)) {
      p.setString(1, java.util.Objects.requireNonNull(card.holder(), "holder").value());
      p.setString(2, card.program().value());
      p.setString(3, card.wallet().value());
      p.setString(4, card.code().value());
      try (ResultSet rs = p.executeQuery()) {
        rs.next();
        return rs.getString(1).equals(card.code().value());
      }
    }
  }

  /** The card holding a store-wide key, read from its table; {@code null} when no entry holds it. */
  static @Nullable String cardOf(Connection c, LedgerKey key) throws SQLException {
    try (PreparedStatement p = c.prepareStatement("SELECT card FROM loyalty_entry_key WHERE entry_key = ?")) {
      p.setString(1, key.text());
      try (ResultSet rs = p.executeQuery()) {
        return rs.next() ? rs.getString(1) : null;
      }
    }
  }

  /** The data step of version 10 under Citus: the stored memberships and store-wide keys, into their tables. */
  static void fill(Connection c) throws SQLException {
    try (PreparedStatement p = c.prepareStatement("INSERT INTO loyalty_member (holder, program, wallet, card)"
        + " SELECT holder, program, wallet, code FROM loyalty_card WHERE holder IS NOT NULL")) {
      p.executeUpdate();
    }
    String after = "";
    while (true) {
      List<String[]> page = new ArrayList<>();
      try (PreparedStatement p = c.prepareStatement("SELECT entry_key, card FROM loyalty_ledger WHERE entry_key > ?"
          + " ORDER BY entry_key LIMIT 1000")) {
        p.setString(1, after);
        try (ResultSet rs = p.executeQuery()) {
          while (rs.next()) {
            page.add(new String[] {rs.getString(1), rs.getString(2)});
          }
        }
      }
      try (PreparedStatement p = c.prepareStatement("INSERT INTO loyalty_entry_key (entry_key, card) VALUES (?, ?)")) {
        for (String[] row : page) {
          if (LedgerKey.parse(row[0]).card() == null) {
            p.setString(1, row[0]);
            p.setString(2, row[1]);
            p.addBatch();
          }
        }
        p.executeBatch();
      }
      if (page.size() < 1000) {
        return;
      }
      after = page.get(page.size() - 1)[0];
    }
  }
}
