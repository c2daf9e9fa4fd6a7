package io.loyalty.json.internal.wire;

import org.jspecify.annotations.Nullable;

/** A loyalty card transaction ({@code vtx_…}) of the card's transaction list. */
public record TransactionWire(
    String id,
    @Nullable String sourceId,
    String voucherId,
    String campaignId,
    @Nullable String source,
    @Nullable String reason,
    String type,
    Details details,
    @Nullable String relatedTransactionId,
    String createdAt) {

  /** {@code details}: the balance change and the related order, event, rule, redemption. */
  public record Details(Balance balance, @Nullable Ref order, @Nullable EventRef event, @Nullable Ref earningRule,
      @Nullable Ref redemption, @Nullable Ref rollback) {}

  /** {@code details.balance}. */
  public record Balance(String type, String object, long points, long balance, @Nullable Long pendingPoints,
      String operationType, RelatedObject relatedObject) {}

  /** {@code related_object} of a balance: the card. */
  public record RelatedObject(String id, String type) {}

  /** An object named by {@code id}. */
  public record Ref(String id) {}

  /** {@code details.event}: its id and type. */
  public record EventRef(String id, String type) {}
}
