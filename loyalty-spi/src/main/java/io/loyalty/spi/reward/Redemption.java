package io.loyalty.spi.reward;

import io.loyalty.spi.AssignmentId;
import io.loyalty.spi.CardCode;
import io.loyalty.spi.ProgramId;
import io.loyalty.spi.RedemptionId;
import io.loyalty.spi.RewardId;
import io.loyalty.spi.card.LotDraw;
import io.loyalty.spi.event.Order;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One redemption, successful or failed (Voucherify's {@code r_…} / {@code rf_…}): the points it took and the
 * lots they came from, the stock it holds, its fulfilment, and its rollback. A failed attempt is kept with
 * its failure code and took nothing.
 *
 * @param id the redemption's id (the request's idempotency key, or {@code auto:…} for auto-redeem)
 * @param version 1 when first stored, one more per write
 * @param request the request, {@code null} for an automatic redemption
 * @param program the card's program
 * @param card the card
 * @param assignment the assignment redeemed
 * @param reward the reward redeemed
 * @param at when it was redeemed
 * @param status succeeded, failed or rolled back
 * @param failureCode Voucherify's failure key when failed ({@code loyalty_card_points_exceeded}, ...), else
 *     {@code null}
 * @param failureMessage a human-readable failure, empty when it succeeded
 * @param points the points spent
 * @param draws the lots the points came from
 * @param order for pay with points, the order with the discount applied; otherwise {@code null}
 * @param discount for pay with points, the discount in minor units; otherwise 0
 * @param fulfilment where the reward's delivery stands
 * @param automatic whether auto-redeem made it
 * @param rolledBackAt when it was rolled back, {@code null} if not
 * @param rollbackReason why it was rolled back, empty if not
 */
public record Redemption(
    RedemptionId id,
    long version,
    @Nullable RedeemRequest request,
    ProgramId program,
    CardCode card,
    AssignmentId assignment,
    RewardId reward,
    Instant at,
    Status status,
    @Nullable String failureCode,
    String failureMessage,
    long points,
    List<LotDraw> draws,
    @Nullable Order order,
    long discount,
    Fulfilment fulfilment,
    boolean automatic,
    @Nullable Instant rolledBackAt,
    String rollbackReason) {

  /** Copies the draws and defaults the texts. */
  public Redemption {
    draws = List.copyOf(draws);
    failureMessage = failureMessage == null ? "" : failureMessage;
    rollbackReason = rollbackReason == null ? "" : rollbackReason;
  }

  /** Whether it succeeded and is not rolled back. */
  public boolean succeeded() {
    return status == Status.SUCCEEDED;
  }

  /** A copy one version on with another status and fulfilment. */
  public Redemption with(Status status, Fulfilment fulfilment, @Nullable String failureCode, String failureMessage,
      @Nullable Instant rolledBackAt, String rollbackReason) {
    return new Redemption(id, version + 1, request, program, card, assignment, reward, at, status, failureCode,
        failureMessage, points, draws, order, discount, fulfilment, automatic, rolledBackAt, rollbackReason);
  }

  /** Where a redemption stands. */
  public enum Status {
    /** Points taken, reward held. */
    SUCCEEDED,
    /** Nothing taken; see the failure code. */
    FAILED,
    /** Points, lots, stock and the card's redemption count given back. */
    ROLLED_BACK
  }

  /**
   * Where a reward's delivery stands, and what the host issued.
   *
   * @param status the delivery's state
   * @param reference what the host issued (a coupon code, a gift card), or the points card credited; may be empty
   */
  public record Fulfilment(FulfilmentStatus status, String reference) {
    /** Nothing to deliver. */
    public static final Fulfilment NONE = new Fulfilment(FulfilmentStatus.NONE, "");
  }

  /** A delivery's state: material rewards go PENDING then COMPLETE; digital ones are COMPLETE when issued. */
  public enum FulfilmentStatus {
    NONE,
    PENDING,
    COMPLETE,
    FAILED,
    REVOKED
  }
}
