package io.loyalty.json.internal.write;

import io.loyalty.spi.CardCode;
import io.loyalty.spi.CustomerId;
import io.loyalty.spi.ProgramId;
import io.loyalty.spi.TierId;
import io.loyalty.spi.card.EntryType;
import io.loyalty.spi.reward.Redemption;
import io.loyalty.spi.store.OutboxEvent;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Engine to wire for outbox events: the {@code data} object of the Voucherify event (and webhook) an outbox event
 * stands for, as a map of snake_case keys whose values are wire DTOs or maps. It carries what the outbox recorded: the
 * card ({@code voucher}) and program ({@code campaign}) by id, and per payload the transaction with its balance, the
 * redemption, the tier move or the publication; Voucherify's full customer, campaign and tier objects are not in the
 * outbox and are not invented.
 */
public final class EventDataWriter {
  private final TransactionMapper transactions;

  /** A writer using the transaction mapper for the {@code transaction} object. */
  public EventDataWriter(TransactionMapper transactions) {
    this.transactions = transactions;
  }

  /** The event's {@code data}. */
  public Map<String, Object> data(OutboxEvent event) {
    Map<String, Object> out = new LinkedHashMap<>();
    OutboxEvent.Payload payload = event.payload();
    if (payload instanceof OutboxEvent.Transaction t) {
        var entry = t.entry();
        var wire = transactions.transaction(entry, event.program());
        out.put("voucher", voucher(event.card(), event.program(), null, entry.balanceAfter()));
        out.put("campaign", campaign(event.program()));
        if (wire.details() != null && wire.details().balance() != null) {
          out.put("balance", wire.details().balance());
        }
        if (entry.type() == EntryType.POINTS_EXPIRATION) {
          out.put("points", Math.negateExact(entry.points()));
        }
        if (entry.pending() != 0) {
          out.put("pending_points", entry.pending());
        }
        if (entry.order() != null) {
          out.put("order", ref(entry.order().value(), "order"));
        }
        out.put("transaction", wire);
    } else if (payload instanceof OutboxEvent.RedemptionChange r) {
        Redemption red = r.redemption();
        out.put("voucher", voucher(event.card(), event.program(), null, null));
        out.put("campaign", campaign(event.program()));
        out.put("redemption", redemption(red));
    } else if (payload instanceof OutboxEvent.Membership m) {
        out.put("customer", customer(m.holder()));
        out.put("voucher", voucher(event.card(), event.program(), m.holder(), null));
        out.put("campaign", campaign(event.program()));
        Map<String, Object> publication = new LinkedHashMap<>();
        publication.put("voucher", event.card().value());
        publication.put("customer_id", m.holder().value());
        publication.put("created_at", WireValues.at(event.at()));
        publication.put("object", "publication");
        out.put("publication", publication);
    } else if (payload instanceof OutboxEvent.TierChange c) {
        out.put("customer", customer(c.holder()));
        out.put("voucher", voucher(event.card(), event.program(), c.holder(), c.balance()));
        out.put("campaign", campaign(event.program()));
        if (c.from() != null) {
          out.put("loyalty_tier_from", tier(c.from(), event.program()));
        }
        if (c.to() != null) {
          out.put("loyalty_tier_to", tier(c.to(), event.program()));
        }
        if (c.expiresAt() != null) {
          out.put("expiration_date", WireValues.at(c.expiresAt()));
        }
        out.put("created_at", WireValues.at(c.effective() != null ? c.effective() : event.at()));
    }
    return out;
  }

  private static Map<String, Object> voucher(CardCode card, ProgramId program, @Nullable CustomerId holder,
      @Nullable Long balance) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("id", card.value());
    out.put("code", card.value());
    out.put("type", "LOYALTY_CARD");
    out.put("campaign_id", program.value());
    if (holder != null) {
      out.put("holder_id", holder.value());
    }
    if (balance != null) {
      out.put("loyalty_card", Map.of("balance", balance));
    }
    out.put("object", "voucher");
    return out;
  }

  private static Map<String, Object> campaign(ProgramId program) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("id", program.value());
    out.put("campaign_type", "LOYALTY_PROGRAM");
    out.put("object", "campaign");
    return out;
  }

  private static Map<String, Object> customer(CustomerId holder) {
    return ref(holder.value(), "customer");
  }

  private static Map<String, Object> tier(TierId tier, ProgramId program) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("id", tier.value());
    out.put("campaign_id", program.value());
    out.put("object", "loyalty_tier");
    return out;
  }

  private static Map<String, Object> ref(String id, String object) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("id", id);
    out.put("object", object);
    return out;
  }

  private static Map<String, Object> redemption(Redemption r) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("id", r.id().value());
    out.put("object", "redemption");
    out.put("date", WireValues.at(r.at()));
    out.put("amount", r.points());
    Map<String, Object> reward = new LinkedHashMap<>();
    reward.put("id", r.reward().value());
    reward.put("assignment_id", r.assignment().value());
    out.put("reward", reward);
    out.put("result", r.status() == Redemption.Status.FAILED ? "FAILURE" : "SUCCESS");
    out.put("status", r.status().name());
    if (r.failureCode() != null) {
      out.put("failure_code", r.failureCode());
    }
    if (r.rolledBackAt() != null) {
      out.put("rolled_back_at", WireValues.at(r.rolledBackAt()));
    }
    out.put("fulfilment_status", r.fulfilment().status().name());
    out.put("related_object_type", "voucher");
    out.put("related_object_id", r.card().value());
    out.put("loyalty_card", Map.of("points", r.points()));
    return out;
  }
}
