package io.loyalty.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The data step of schema version 2: receipts stored before it list, for every program the customer was not a
 * member of, an outcome whose rules were skipped as {@code NOT_A_MEMBER}. The engine lists only the programs an
 * event concerns and has no such reason any more, so those outcomes are dropped and the receipts stay readable.
 */
final class LegacyReceipts {
  private static final String REASON = "NOT_A_MEMBER";
  private static final int PAGE = 500;

  private LegacyReceipts() {}

  /** Rewrites, on the migration's connection and transaction, every receipt that names the reason. */
  static void dropNotAMember(Connection c) throws SQLException {
    String after = "";
    while (true) {
      Map<String, String> page = new LinkedHashMap<>();
      try (PreparedStatement p = c.prepareStatement("SELECT event_id, body FROM loyalty_receipt"
          + " WHERE event_id > ? AND body LIKE ? ORDER BY event_id LIMIT " + PAGE)) {
        p.setString(1, after);
        p.setString(2, "%\"" + REASON.replace("_", "\\_") + "\"%");
        try (ResultSet rs = p.executeQuery()) {
          while (rs.next()) {
            page.put(rs.getString(1), SpiJson.receiptWithoutOutcomesSkipped(rs.getString(2), REASON));
          }
        }
      }
      try (PreparedStatement u = c.prepareStatement("UPDATE loyalty_receipt SET body = ? WHERE event_id = ?")) {
        for (Map.Entry<String, String> rewritten : page.entrySet()) {
          u.setString(1, rewritten.getValue());
          u.setString(2, rewritten.getKey());
          u.addBatch();
          after = rewritten.getKey();
        }
        u.executeBatch();
      }
      if (page.size() < PAGE) {
        return;
      }
    }
  }
}
