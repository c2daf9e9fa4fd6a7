package io.loyalty.json;

import io.loyalty.spi.CardCode;
import java.util.Objects;

/**
 * One source of a v1 points transfer body: the card the points leave, how many, the reason and the required
 * idempotency key. The destination is the path's card.
 *
 * @param from the source card
 * @param points at least 1
 * @param reason the reason, {@code ""} when none is given
 * @param sourceId the caller's idempotency key
 */
public record PointsTransfer(CardCode from, long points, String reason, String sourceId) {
  /** Checks the parts are present. */
  public PointsTransfer {
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(sourceId, "sourceId");
  }
}
