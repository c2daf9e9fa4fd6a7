package io.loyalty.json.internal.read;

import static io.loyalty.json.internal.read.CommonReader.names;

import io.loyalty.json.internal.wire.TransactionWire;
import io.loyalty.json.internal.wire.VoucherWire;
import io.loyalty.spi.CardCode;
import io.loyalty.spi.CustomerId;
import io.loyalty.spi.EventId;
import io.loyalty.spi.Limits;
import io.loyalty.spi.OrderId;
import io.loyalty.spi.ProgramId;
import io.loyalty.spi.RuleId;
import io.loyalty.spi.card.Card;
import io.loyalty.spi.card.EntryType;
import io.loyalty.spi.card.LedgerEntry;
import io.loyalty.spi.card.LedgerKey;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Reads a loyalty card voucher and its transactions back into the engine's records, for the fields the wire carries:
 * a card without its lots (they are the ledger's), an entry without its sequence, program version and lot draws.
 */
public final class CardReader {
  private CardReader() {}

  /** The card's own fields: code, program, holder, dates, switch and redemption count; no lots, version 0. */
  public static Card card(VoucherWire v) {
    Problems p = new Problems();
    CardCode code = p.idOf("code", v.code(), CardCode::of);
    ProgramId program = p.idOf("campaign_id", v.campaignId(), ProgramId::of);
    if (v.type() != null) {
      p.oneOf("type", v.type(), names("LOYALTY_CARD"));
    }
    if (v.object() != null) {
      p.oneOf("object", v.object(), names("voucher"));
    }
    String holderText = v.holderId();
    CustomerId holder = holderText == null ? null : p.engine("holder_id", () -> CustomerId.of(holderText));
    Instant created = p.instant("created_at", p.required("created_at", v.createdAt()));
    Instant published = p.instant("start_date", v.startDate());
    Instant expires = p.instant("expiration_date", v.expirationDate());
    var redemption = v.redemption();
    Long used = redemption == null ? null : redemption.redeemedQuantity();
    long redemptions = used == null ? 0 : p.range("redemption.redeemed_quantity", used, 0, Long.MAX_VALUE);
    p.done();
    return Card.builder().code(p.must(code)).program(p.must(program)).holder(holder).createdAt(p.must(created))
        .publishedAt(published).expiresAt(expires).active(v.active() == null || v.active()).redemptions(redemptions)
        .build();
  }

  /** A transaction as a ledger entry: sequence and program version 0, no draws. */
  public static LedgerEntry entry(TransactionWire t, String prefix) {
    Problems p = new Problems();
    String at = prefix.isEmpty() ? "" : prefix + ".";
    String idText = p.text(at + "id", t.id(), Limits.MAX_TEXT_LENGTH);
    LedgerKey key = idText == null ? null : p.engine(at + "id", () -> LedgerKey.parse(idText));
    CardCode card = p.idOf(at + "voucher_id", t.voucherId(), CardCode::of);
    EntryType type = p.enumOf(at + "type", t.type(), EntryType.class);
    var details = p.required(at + "details", t.details());
    var balance = details == null ? null : p.required(at + "details.balance", details.balance());
    Long points = balance == null ? null : p.required(at + "details.balance.points", balance.points());
    Long after = balance == null ? null : p.required(at + "details.balance.balance", balance.balance());
    Long pending = balance == null ? null : balance.pendingPoints();
    Instant when = p.instant(at + "created_at", p.required(at + "created_at", t.createdAt()));
    EventId event = details == null || details.event() == null ? null
        : p.idOf(at + "details.event.id", details.event().id(), EventId::of);
    RuleId rule = details == null || details.earningRule() == null ? null
        : p.idOf(at + "details.earning_rule.id", details.earningRule().id(), RuleId::of);
    OrderId order = details == null || details.order() == null ? null
        : p.idOf(at + "details.order.id", details.order().id(), OrderId::of);
    String relatedText = t.relatedTransactionId();
    LedgerKey related = relatedText == null ? null : p.engine(at + "related_transaction_id", () -> LedgerKey.parse(relatedText));
    String reason = t.reason() == null ? "" : p.text(at + "reason", t.reason(), Limits.MAX_TEXT_LENGTH);
    p.done();
    return LedgerEntry.builder().card(p.must(card)).type(p.must(type)).points(p.must(points))
        .pending(pending == null ? 0 : pending).balanceAfter(p.must(after)).at(p.must(when)).key(p.must(key))
        .event(event).rule(rule).order(order).reason(p.must(reason)).draws(List.of()).related(related).build();
  }

}
