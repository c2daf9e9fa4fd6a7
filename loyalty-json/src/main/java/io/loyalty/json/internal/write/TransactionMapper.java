package io.loyalty.json.internal.write;

import io.loyalty.json.internal.wire.TransactionWire;
import io.loyalty.spi.CardCode;
import io.loyalty.spi.ProgramId;
import io.loyalty.spi.card.EntryType;
import io.loyalty.spi.card.LedgerEntry;
import io.loyalty.spi.card.LedgerKey;
import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.mapstruct.Mapper;
import org.mapstruct.Mapping;

/**
 * Engine to wire for ledger entries: one loyalty card transaction per entry, its id the entry's idempotency key (so a
 * transfer's {@code related_transaction_id} names the other leg), its {@code details.balance} the signed change and
 * the balance after.
 */
@Mapper
public interface TransactionMapper {
  /** The entry as a transaction of the card's program. */
  @Mapping(target = "id", expression = "java(entry.key().text())")
  @Mapping(target = "sourceId", expression = "java(sourceId(entry.key()))")
  @Mapping(target = "voucherId", source = "entry.card")
  @Mapping(target = "campaignId", source = "program")
  @Mapping(target = "source", expression = "java(manual(entry) ? \"API\" : \"Automation\")")
  @Mapping(target = "reason", expression = "java(entry.reason().isEmpty() ? null : entry.reason())")
  @Mapping(target = "type", source = "entry.type")
  @Mapping(target = "details", expression = "java(details(entry))")
  @Mapping(target = "relatedTransactionId", expression = "java(entry.related() == null ? null : entry.related().text())")
  @Mapping(target = "createdAt", source = "entry.at")
  TransactionWire transaction(LedgerEntry entry, ProgramId program);

  /** {@code details}: the balance change, and the order, event, rule or redemption behind it. */
  default TransactionWire.Details details(LedgerEntry e) {
    var balance = new TransactionWire.Balance("loyalty_card", "balance", e.points(), e.balanceAfter(),
        e.pending() == 0 ? null : e.pending(), manual(e) || redemptionByHand(e) ? "MANUAL" : "AUTOMATIC",
        new TransactionWire.RelatedObject(e.card().value(), "voucher"));
    TransactionWire.Ref redemption = null;
    TransactionWire.Ref rollback = null;
    if (e.key() instanceof LedgerKey.OfRedemption r) {
      if (r.kind() == LedgerKey.OfRedemption.Kind.ROLLBACK || r.kind() == LedgerKey.OfRedemption.Kind.REWARD_ROLLBACK) {
        rollback = new TransactionWire.Ref(r.redemption().value());
      }
      redemption = new TransactionWire.Ref(r.redemption().value());
    }
    var order = e.order();
    var event = e.event();
    var rule = e.rule();
    return new TransactionWire.Details(balance, order == null ? null : new TransactionWire.Ref(order.value()),
        event == null ? null : new TransactionWire.EventRef(event.value(), order != null ? "customer.order.paid" : "customer.custom_event"),
        rule == null ? null : new TransactionWire.Ref(rule.value()), redemption, rollback);
  }

  /** Whether a person or an API call made the entry (additions, removals, transfers), not a rule or the clock. */
  default boolean manual(LedgerEntry e) {
    return e.type() == EntryType.POINTS_ADDITION && !(e.key() instanceof LedgerKey.OnCard c
        && c.kind() == LedgerKey.OnCard.Kind.INITIAL)
        || e.type() == EntryType.POINTS_REMOVAL || e.type() == EntryType.POINTS_TRANSFER_IN
        || e.type() == EntryType.POINTS_TRANSFER_OUT || e.type() == EntryType.PENDING_POINTS_ADJUSTED
        || e.type() == EntryType.PENDING_POINTS_CANCELED;
  }

  /** Whether a redemption (or its rollback) was asked for, not made by auto-redeem ({@code auto:…} ids). */
  default boolean redemptionByHand(LedgerEntry e) {
    return e.key() instanceof LedgerKey.OfRedemption r && !r.redemption().value().startsWith("auto:");
  }

  /** The caller's {@code source_id} of a manual operation, {@code null} for others. */
  default @Nullable String sourceId(LedgerKey key) {
    return key instanceof LedgerKey.Source s ? s.sourceId() : null;
  }

  /** The entry type's name, as Voucherify's transaction types. */
  default String type(EntryType type) {
    return type.name();
  }

  /** A card code's text. */
  default String code(CardCode code) {
    return code.value();
  }

  /** A program id's text. */
  default String program(ProgramId id) {
    return id.value();
  }

  /** An instant in Voucherify's format. */
  default @Nullable String instant(@Nullable Instant at) {
    return WireValues.instant(at);
  }
}
