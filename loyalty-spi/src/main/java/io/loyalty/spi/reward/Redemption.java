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
    return toBuilder().version(version + 1).status(status).fulfilment(fulfilment).failureCode(failureCode)
        .failureMessage(failureMessage).rolledBackAt(rolledBackAt).rollbackReason(rollbackReason).build();
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

  /** A builder starting from this redemption's values, to change some and build a new one. */
  public Builder toBuilder() {
    return new Builder(this);
  }

  /** An empty builder: every part to set, but the lists (empty), texts (empty) and switches (on). */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Builds a redemption by named parts, so code that builds one does not break when a part is added. Not thread-safe.
   */
  public static final class Builder {
    private @Nullable RedemptionId id;
    private long version;
    private @Nullable RedeemRequest request;
    private @Nullable ProgramId program;
    private @Nullable CardCode card;
    private @Nullable AssignmentId assignment;
    private @Nullable RewardId reward;
    private @Nullable Instant at;
    private @Nullable Status status;
    private @Nullable String failureCode;
    private @Nullable String failureMessage = "";
    private long points;
    private @Nullable List<LotDraw> draws = List.of();
    private @Nullable Order order;
    private long discount;
    private @Nullable Fulfilment fulfilment;
    private boolean automatic;
    private @Nullable Instant rolledBackAt;
    private @Nullable String rollbackReason = "";

    Builder() {}

    Builder(Redemption from) {
      this.id = from.id();
      this.version = from.version();
      this.request = from.request();
      this.program = from.program();
      this.card = from.card();
      this.assignment = from.assignment();
      this.reward = from.reward();
      this.at = from.at();
      this.status = from.status();
      this.failureCode = from.failureCode();
      this.failureMessage = from.failureMessage();
      this.points = from.points();
      this.draws = from.draws();
      this.order = from.order();
      this.discount = from.discount();
      this.fulfilment = from.fulfilment();
      this.automatic = from.automatic();
      this.rolledBackAt = from.rolledBackAt();
      this.rollbackReason = from.rollbackReason();
    }

    /** Sets {@code id}. */
    public Builder id(RedemptionId id) {
      this.id = id;
      return this;
    }

    /** Sets {@code version}. */
    public Builder version(long version) {
      this.version = version;
      return this;
    }

    /** Sets {@code request}. */
    public Builder request(@Nullable RedeemRequest request) {
      this.request = request;
      return this;
    }

    /** Sets {@code program}. */
    public Builder program(ProgramId program) {
      this.program = program;
      return this;
    }

    /** Sets {@code card}. */
    public Builder card(CardCode card) {
      this.card = card;
      return this;
    }

    /** Sets {@code assignment}. */
    public Builder assignment(AssignmentId assignment) {
      this.assignment = assignment;
      return this;
    }

    /** Sets {@code reward}. */
    public Builder reward(RewardId reward) {
      this.reward = reward;
      return this;
    }

    /** Sets {@code at}. */
    public Builder at(Instant at) {
      this.at = at;
      return this;
    }

    /** Sets {@code status}. */
    public Builder status(Status status) {
      this.status = status;
      return this;
    }

    /** Sets {@code failureCode}. */
    public Builder failureCode(@Nullable String failureCode) {
      this.failureCode = failureCode;
      return this;
    }

    /** Sets {@code failureMessage}. */
    public Builder failureMessage(String failureMessage) {
      this.failureMessage = failureMessage;
      return this;
    }

    /** Sets {@code points}. */
    public Builder points(long points) {
      this.points = points;
      return this;
    }

    /** Sets {@code draws}. */
    public Builder draws(List<LotDraw> draws) {
      this.draws = draws;
      return this;
    }

    /** Sets {@code order}. */
    public Builder order(@Nullable Order order) {
      this.order = order;
      return this;
    }

    /** Sets {@code discount}. */
    public Builder discount(long discount) {
      this.discount = discount;
      return this;
    }

    /** Sets {@code fulfilment}. */
    public Builder fulfilment(Fulfilment fulfilment) {
      this.fulfilment = fulfilment;
      return this;
    }

    /** Sets {@code automatic}. */
    public Builder automatic(boolean automatic) {
      this.automatic = automatic;
      return this;
    }

    /** Sets {@code rolledBackAt}. */
    public Builder rolledBackAt(@Nullable Instant rolledBackAt) {
      this.rolledBackAt = rolledBackAt;
      return this;
    }

    /** Sets {@code rollbackReason}. */
    public Builder rollbackReason(String rollbackReason) {
      this.rollbackReason = rollbackReason;
      return this;
    }

    /** The redemption, checked as its constructor checks it. */
    public Redemption build() {
      return new Redemption(java.util.Objects.requireNonNull(id, "id"), version, request,
          java.util.Objects.requireNonNull(program, "program"), java.util.Objects.requireNonNull(card, "card"),
          java.util.Objects.requireNonNull(assignment, "assignment"),
          java.util.Objects.requireNonNull(reward, "reward"), java.util.Objects.requireNonNull(at, "at"),
          java.util.Objects.requireNonNull(status, "status"), failureCode,
          java.util.Objects.requireNonNull(failureMessage, "failureMessage"), points,
          java.util.Objects.requireNonNull(draws, "draws"), order, discount,
          java.util.Objects.requireNonNull(fulfilment, "fulfilment"), automatic, rolledBackAt,
          java.util.Objects.requireNonNull(rollbackReason, "rollbackReason"));
    }
  }
}
