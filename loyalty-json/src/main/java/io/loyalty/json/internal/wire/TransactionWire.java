package io.loyalty.json.internal.wire;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import org.jspecify.annotations.Nullable;

/**
 * A loyalty card transaction of the card's transaction list. Written by the engine; read back for the ledger entry's
 * own fields. Voucherify adds per-type objects to {@code details} (segment, loyalty tiers, rewards, vouchers of a
 * transfer): those are ignored on reading, as are the balance's {@code total} and the transaction's {@code object}.
 */
@JsonIgnoreProperties({"object"})
public record TransactionWire(
    @Nullable String id,
    @Nullable String sourceId,
    @Nullable String voucherId,
    @Nullable String campaignId,
    @Nullable String source,
    @Nullable String reason,
    @Nullable String type,
    @Nullable Details details,
    @Nullable String relatedTransactionId,
    @Nullable String createdAt) {

  /** {@code details}: the balance change and the related order, event, rule, redemption. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record Details(@Nullable Balance balance, @Nullable Ref order, @Nullable EventRef event, @Nullable Ref earningRule,
      @Nullable Ref redemption, @Nullable Ref rollback) {}

  /** {@code details.balance}. */
  @JsonIgnoreProperties({"total"})
  public record Balance(@Nullable String type, @Nullable String object, @Nullable Long points, @Nullable Long balance,
      @Nullable Long pendingPoints, @Nullable String operationType, @Nullable RelatedObject relatedObject) {}

  /** {@code related_object} of a balance: the card. */
  public record RelatedObject(@Nullable String id, @Nullable String type) {}

  /** An object named by {@code id}. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record Ref(@Nullable String id) {}

  /** {@code details.event}: its id and type. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record EventRef(@Nullable String id, @Nullable String type) {}
}
