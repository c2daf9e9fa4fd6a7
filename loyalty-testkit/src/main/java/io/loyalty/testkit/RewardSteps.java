package io.loyalty.testkit;

import static io.loyalty.testkit.WorkloadRewards.COIN_OFFER;
import static io.loyalty.testkit.WorkloadRewards.NO_OFFER;

import io.loyalty.spi.AssignmentId;
import io.loyalty.spi.CardCode;
import io.loyalty.spi.RedemptionId;
import io.loyalty.spi.event.Order;
import io.loyalty.spi.reward.RedeemRequest;
import io.loyalty.spi.reward.Redemption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The planners of the redemption step kinds: redeem an offer (or re-send an earlier request, or reuse its key for
 * another request), pay for an order with points, roll back an earlier redemption, complete a material delivery.
 */
final class RewardSteps {
  static final String ALREADY_ROLLED_BACK = "already_rolled_back (AlreadyRolledBackException)";
  static final String ID_REUSED = "duplicate_redemption_id (RedemptionIdReusedException)";

  private RewardSteps() {}

  /**
   * Redeems a random offer of a member's card (sometimes one no program has) under a fresh key; one time in five
   * re-sends an earlier request, which must answer the redemption as it is stored, and one in ten sends another
   * request under an earlier key, which must be refused.
   */
  static Request redeem(Steps.Context ctx, Step s) {
    List<RedeemRequest> sent = ctx.history().redeemRequests;
    int mode = Math.floorMod(s.b(), 10);
    if (!sent.isEmpty() && mode < 3) {
      RedeemRequest earlier = sent.get(Math.floorMod(s.c(), sent.size()));
      Optional<Redemption> stored = ctx.reference().redemption(earlier.id());
      if (mode < 2) {
        return Request.of("re-send redemption " + earlier.id(), List.of(ctx.holder(earlier.card())), e -> e.redeem(earlier))
            .expecting(stored.map(Outcome::ok).orElse(null));
      }
      AssignmentId other = earlier.assignment().equals(NO_OFFER) ? COIN_OFFER : NO_OFFER;
      RedeemRequest reused = new RedeemRequest(earlier.id(), earlier.card(), other, null, null, earlier.metadata(), null);
      return Request.of("another request under the key " + earlier.id(), List.of(ctx.holder(earlier.card())),
          e -> e.redeem(reused)).expecting(stored.isPresent() ? new Outcome(null, ID_REUSED) : null);
    }
    CardCode card = ctx.memberCard(s.a());
    // each offer of the card's program twice, pay with points (refused here: no order) and an unknown offer once
    List<AssignmentId> offers = new ArrayList<>(List.of(COIN_OFFER, NO_OFFER));
    ctx.reference().card(card).flatMap(c -> ctx.reference().program(c.program())).ifPresent(p -> p.rewards().stream()
        .filter(a -> !a.id().equals(COIN_OFFER)).forEach(a -> offers.addAll(List.of(a.id(), a.id()))));
    AssignmentId offer = offers.get(Math.floorMod(s.c(), offers.size()));
    RedeemRequest request = RedeemRequest.of("rdm-" + ctx.index(), card, offer);
    return Request.of("redeem " + offer + " with " + card, List.of(ctx.holder(card)), e -> e.redeem(request));
  }

  /** Pays part or all of an order with points: as many as the balance allows, or a chosen number. */
  static Request payWithPoints(Steps.Context ctx, Step s) {
    CardCode card = ctx.memberCard(s.a());
    long amount = 10L * (1 + Math.floorMod(s.b(), 400));
    Long points = Math.floorMod(s.c(), 3) == 0 ? null : Long.valueOf(1 + Math.floorMod(s.c() >> 2, 60));
    Order order = Order.ofAmount("pay-" + ctx.index(), "EUR", amount);
    RedeemRequest request = RedeemRequest.payWithPoints("pwp-" + ctx.index(), card, COIN_OFFER, order, points);
    return Request.of("pay " + amount + " cents with " + (points == null ? "points" : points + " points") + " of " + card,
        List.of(ctx.holder(card)), e -> e.redeem(request));
  }

  /**
   * Rolls back an earlier redemption: mostly one that holds its reward, sometimes any (a second rollback must be
   * refused with {@code already_rolled_back}). A retrying caller whose rollback was written but unacknowledged is
   * refused the same way on re-send, and reads the redemption it rolled back.
   */
  static Request rollback(Steps.Context ctx, Step s) {
    List<Redemption> all = ctx.redemptions();
    if (all.isEmpty()) {
      return redeem(ctx, s);
    }
    List<Redemption> held = all.stream().filter(Redemption::succeeded).toList();
    Redemption r = Math.floorMod(s.b(), 4) != 0 && !held.isEmpty()
        ? held.get(Math.floorMod(s.a(), held.size()))
        : all.get(Math.floorMod(s.a(), all.size()));
    RedemptionId id = r.id();
    Request request = Request.of("roll back " + r.status() + " redemption " + id + " of " + r.at(),
        List.of(ctx.holder(r.card())), e -> e.rollback(id, "changed their mind"));
    if (r.status() == Redemption.Status.ROLLED_BACK) {
      return request.expecting(new Outcome(null, ALREADY_ROLLED_BACK));
    }
    return r.succeeded()
        ? request.recoveredBy(new Request.LostAck("already_rolled_back", false, store -> store.redemption(id).orElseThrow()))
        : request;
  }

  /** Marks an earlier material delivery done: mostly a pending one, sometimes any (refused unless pending). */
  static Request completeFulfilment(Steps.Context ctx, Step s) {
    List<Redemption> all = ctx.redemptions();
    if (all.isEmpty()) {
      return redeem(ctx, s);
    }
    List<Redemption> pending = all.stream()
        .filter(r -> r.fulfilment().status() == Redemption.FulfilmentStatus.PENDING).toList();
    Redemption r = Math.floorMod(s.b(), 4) != 0 && !pending.isEmpty()
        ? pending.get(Math.floorMod(s.a(), pending.size()))
        : all.get(Math.floorMod(s.a(), all.size()));
    RedemptionId id = r.id();
    return Request.of("complete the delivery of " + r.fulfilment().status() + " redemption " + id,
        List.of(ctx.holder(r.card())), e -> e.completeFulfilment(id));
  }
}
