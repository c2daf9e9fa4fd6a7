package io.loyalty.json.internal.write;

import io.loyalty.core.CardSummary;
import io.loyalty.json.internal.wire.BucketWire;
import io.loyalty.json.internal.wire.PendingPointsEntryWire;
import io.loyalty.json.internal.wire.RedemptionWire;
import io.loyalty.json.internal.wire.TransactionWire;
import io.loyalty.json.internal.wire.VoucherWire;
import io.loyalty.spi.CardCode;
import io.loyalty.spi.CustomerId;
import io.loyalty.spi.ProgramId;
import io.loyalty.spi.card.Card;
import io.loyalty.spi.card.Lot;
import io.loyalty.spi.card.LotState;
import io.loyalty.spi.program.Program;
import io.loyalty.spi.reward.Redemption;
import io.loyalty.spi.reward.Reward;
import io.loyalty.spi.reward.RewardKind;
import java.time.Instant;
import java.time.ZoneId;
import org.jspecify.annotations.Nullable;
import org.mapstruct.Context;
import org.mapstruct.Mapper;
import org.mapstruct.Mapping;

/** Engine to wire for cards: the voucher with its {@code loyalty_card} counters, its buckets and pending entries. */
@Mapper
public interface CardMapper {
  /** The card as Voucherify's voucher, its counters read from the summary, its campaign from the program. */
  @Mapping(target = "id", source = "card.code")
  @Mapping(target = "code", source = "card.code")
  @Mapping(target = "campaign", source = "program.name")
  @Mapping(target = "campaignId", source = "card.program")
  @Mapping(target = "type", constant = "LOYALTY_CARD")
  @Mapping(target = "loyaltyCard", source = "summary")
  @Mapping(target = "startDate", source = "card.publishedAt")
  @Mapping(target = "expirationDate", source = "card.expiresAt")
  @Mapping(target = "active", source = "card.active")
  @Mapping(target = "isReferralCode", constant = "false")
  @Mapping(target = "createdAt", source = "card.createdAt")
  @Mapping(target = "holderId", source = "card.holder")
  @Mapping(target = "redemption", expression = "java(redemption(card, summary, program))")
  @Mapping(target = "publish", expression = "java(publish(card))")
  @Mapping(target = "object", constant = "voucher")
  VoucherWire voucher(Card card, CardSummary summary, Program program);

  /** {@code loyalty_card}: lifetime points, balance, pending, expired, subtracted and the next expiration. */
  @Mapping(target = "points", expression = "java(summary.points())")
  @Mapping(target = "pendingPoints", source = "pending")
  @Mapping(target = "expiredPoints", source = "expired")
  @Mapping(target = "subtractedPoints", source = "subtracted")
  @Mapping(target = "nextExpirationPoints",
      expression = "java(summary.nextExpirationDate() == null ? null : summary.nextExpirationPoints())")
  VoucherWire.LoyaltyCardWire loyaltyCard(CardSummary summary);

  /** A lot as a points expiration bucket: its remaining points and last usable day in the program's zone. */
  @Mapping(target = "id", expression = "java(lotId(card.code(), lot.id()))")
  @Mapping(target = "voucherId", source = "card.code")
  @Mapping(target = "campaignId", source = "card.program")
  @Mapping(target = "bucket", expression = "java(new BucketWire.Bucket(lot.remaining()))")
  @Mapping(target = "status", expression = "java(bucketStatus(lot, asOf))")
  @Mapping(target = "expiresAt", expression = "java(WireValues.date(WireValues.lastUsableDay(lot.expiresAt(), zone)))")
  @Mapping(target = "createdAt", source = "lot.grantedAt")
  @Mapping(target = "object", constant = "loyalty_points_bucket")
  BucketWire bucket(Lot lot, Card card, Instant asOf, @Context ZoneId zone);

  /** A pending lot as a pending points entry, activating on its activation day in the program's zone. */
  @Mapping(target = "id", expression = "java(lotId(card.code(), lot.id()))")
  @Mapping(target = "voucherId", source = "card.code")
  @Mapping(target = "campaignId", source = "card.program")
  @Mapping(target = "customerId", source = "card.holder")
  @Mapping(target = "orderId", source = "lot.source.order")
  @Mapping(target = "points", source = "lot.remaining")
  @Mapping(target = "activatesAt", expression = "java(activationDay(lot, zone))")
  @Mapping(target = "details", expression = "java(pendingDetails(lot))")
  @Mapping(target = "createdAt", source = "lot.grantedAt")
  PendingPointsEntryWire pending(Lot lot, Card card, @Context ZoneId zone);

  /**
   * A reward redemption as Voucherify answers it: {@code amount} and {@code loyalty_card.points} are the points it
   * spent; {@code result} SUCCESS or FAILURE; {@code voucher} the card after it.
   */
  default RedemptionWire redemption(Redemption r, Reward reward, Card card, CardSummary summary, Program program) {
    var order = r.order();
    var request = r.request();
    String kind = reward.kind() instanceof RewardKind.Campaign ? "CAMPAIGN"
        : reward.kind() instanceof RewardKind.Coin ? "COIN" : "MATERIAL";
    return new RedemptionWire(r.id().value(), "redemption", WireValues.at(r.at()), customer(card.holder()), r.points(),
        new RedemptionWire.RewardRef(r.reward().value(), r.assignment().value(), reward.name(), kind),
        request == null ? null : WireValues.metadata(request.metadata()),
        r.status() == Redemption.Status.FAILED ? "FAILURE" : "SUCCESS", r.status().name(), r.failureCode(),
        r.failureMessage().isEmpty() ? null : r.failureMessage(),
        order == null ? null : new RedemptionWire.OrderOut(order.id().value(), order.amount(), r.discount(),
            order.totalAmount(), "order"),
        "voucher", card.code().value(), voucher(card, summary, program), new RedemptionWire.LoyaltyPoints(r.points()));
  }

  /** {@code redemption}: the template's quantity, the card's redemptions and the points they spent. */
  default VoucherWire.RedemptionSummary redemption(Card card, CardSummary summary, Program program) {
    Integer quantity = program.card().redemptionQuantity();
    return new VoucherWire.RedemptionSummary(quantity == null ? null : Long.valueOf(quantity.longValue()), card.redemptions(),
        summary.redeemed(), "list", "/v1/vouchers/" + card.code().value() + "/redemptions?page=1&limit=10");
  }

  /** {@code publish}: one publication once the card has a holder. */
  default VoucherWire.PublishSummary publish(Card card) {
    return new VoucherWire.PublishSummary(card.isPublished() ? 1L : 0L, "list",
        "/v1/vouchers/" + card.code().value() + "/publications?page=1&limit=10");
  }

  /** A lot's wire id: the card code and the ledger sequence that granted it. */
  default String lotId(CardCode card, long lot) {
    return card.value() + ":" + lot;
  }

  /** ACTIVE while the bucket's points are usable or still to come, EXPIRED after. */
  default String bucketStatus(Lot lot, Instant asOf) {
    return lot.expiresAt() != null && !asOf.isBefore(lot.expiresAt()) ? "EXPIRED" : "ACTIVE";
  }

  /** The day a pending lot activates, in the program's zone. */
  default String activationDay(Lot lot, @Context ZoneId zone) {
    Instant at = lot.activatesAt();
    return at == null ? "" : at.atZone(zone).toLocalDate().toString();
  }

  /** The rule and event that earned a pending lot. */
  default PendingPointsEntryWire.@Nullable Details pendingDetails(Lot lot) {
    var source = lot.source();
    return new PendingPointsEntryWire.Details(source.rule() == null ? null : new TransactionWire.Ref(source.rule().value()),
        source.event() == null ? null : new TransactionWire.EventRef(source.event().value(), "customer.order.paid"));
  }

  /** Whether a lot is a pending one (the wire lists those apart). */
  default boolean isPending(Lot lot) {
    return lot.state() == LotState.PENDING;
  }

  /** A card code's text. */
  default String code(CardCode code) {
    return code.value();
  }

  /** A program id's text. */
  default String program(ProgramId id) {
    return id.value();
  }

  /** A customer id's text, {@code null} for an unpublished card (the holder is data of the response, never of a message). */
  default @Nullable String customer(@Nullable CustomerId id) {
    return id == null ? null : id.value();
  }

  /** An order id's text, {@code null} for none. */
  default @Nullable String order(io.loyalty.spi.@Nullable OrderId id) {
    return id == null ? null : id.value();
  }

  /** An instant in Voucherify's format. */
  default @Nullable String instant(@Nullable Instant at) {
    return WireValues.instant(at);
  }
}
