package io.loyalty.json.internal.v2;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.loyalty.core.CardSummary;
import io.loyalty.json.internal.read.Problems;
import io.loyalty.spi.card.Card;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/** v2 members: the create body's fields, and the member with its cards ({@code MemberWithCards}). */
public final class MemberV2 {
  private MemberV2() {}

  /** The create body's parts: {@code [type, customer, status]}; null when it offended. */
  public static String @Nullable [] read(Problems p, JsonNode body) {
    Obj o = Obj.open(p, "", body, Set.of("customer_identification", "status", "metadata"));
    if (o == null) {
      return null;
    }
    Obj c = o.reqObj("customer_identification", Set.of("type", "customer_id", "customer_source_id"));
    String type = c == null ? null : c.reqOneOf("type", Expiry.table("customer_id", "customer_source_id"));
    String customer = null;
    if (c != null && type != null) {
      customer = c.reqText(type, 1, 200);
    }
    String status = o.oneOf("status", Expiry.table("ACTIVE", "INACTIVE"));
    p.metadata("metadata", o.objectNode("metadata"));
    if (!p.ok() || type == null || customer == null) {
      return null;
    }
    return new String[] {type, customer, status == null ? "ACTIVE" : status};
  }

  /** The member object with its cards, each with its counters from {@code summaries}. */
  public static ObjectNode write(String memberId, String customerId, String programId, List<Card> cards,
      Map<io.loyalty.spi.CardCode, CardSummary> summaries) {
    ObjectNode out = CardDefinitionV2.F.objectNode();
    out.put("id", memberId);
    out.put("customer_id", customerId);
    out.put("program_id", programId);
    boolean active = cards.stream().anyMatch(Card::active);
    out.put("status", active ? "ACTIVE" : "INACTIVE");
    out.putObject("metadata");
    var joined = cards.stream().map(c -> c.publishedAt() != null ? c.publishedAt() : c.createdAt())
        .min(java.util.Comparator.naturalOrder()).orElse(null);
    out.put("created_at", V2Values.stamp(joined));
    out.putNull("updated_at");
    out.put("object", "member");
    ArrayNode list = out.putArray("cards");
    for (Card card : cards) {
      ObjectNode mc = list.addObject();
      mc.put("member_role", "OWNER");
      mc.put("created_at", V2Values.stamp(card.publishedAt() != null ? card.publishedAt() : card.createdAt()));
      ObjectNode c = mc.putObject("card");
      c.put("id", card.code().value());
      c.put("card_definition_id", card.wallet().value());
      c.put("card_type", "INDIVIDUAL");
      c.put("code", card.code().value());
      CardSummary s = summaries.get(card.code());
      ObjectNode lifetime = c.putObject("lifetime_bucket");
      ObjectNode pts = lifetime.putObject("points");
      ObjectNode pending = lifetime.putObject("pending_points");
      ObjectNode balance = c.putObject("balance");
      if (s == null) {
        balance.put("points", 0).put("pending_points", 0);
      } else {
        pts.put("total", s.points()).put("earned", s.earned()).put("added", s.added()).put("purchased", 0)
            .put("purchased_reversed", 0).put("subtracted", s.subtracted()).put("expired", s.expired())
            .put("spent", s.redeemed()).put("refunded", s.reversed()).put("returned", 0).put("locked", 0)
            .put("unlocked", 0);
        pending.put("total", s.pending()).put("activated", 0).put("canceled", s.canceled());
        balance.put("points", s.balance()).put("pending_points", s.pending());
      }
      if (s != null && s.nextExpirationDate() != null) {
        c.putObject("next_expiration").put("points", s.nextExpirationPoints())
            .put("date", DateTimeFormatter.ISO_LOCAL_DATE.format(s.nextExpirationDate()));
      } else {
        c.putNull("next_expiration");
      }
      c.putNull("next_activation");
      c.put("object", "card");
      mc.put("object", "member_card");
    }
    return out;
  }
}
