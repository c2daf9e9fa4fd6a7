package io.loyalty.core.internal.engine;

import io.loyalty.core.internal.decide.RefundDecision;
import io.loyalty.core.internal.eval.PlanCache;
import io.loyalty.spi.RuleId;
import io.loyalty.spi.earning.ProgramInputs;
import io.loyalty.spi.earning.ProgramOutcome;
import io.loyalty.spi.earning.Reversal;
import io.loyalty.spi.event.OrderPaid;
import io.loyalty.spi.event.OrderRefunded;
import io.loyalty.spi.program.Program;
import io.loyalty.spi.store.EventReceipt;
import io.loyalty.spi.store.LoyaltyStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Replays a refund from its receipt: what each rule owes is derived again from the payment and earlier refunds the
 * receipt names (read from the store), with the answers recorded; the decision itself is {@link RefundDecision}.
 */
final class RefundApplication {
  private final LoyaltyStore store;
  private final PlanCache plans;
  private final RefundDecision decision;

  RefundApplication(LoyaltyStore store, PlanCache plans, RefundDecision decision) {
    this.store = store;
    this.plans = plans;
    this.decision = decision;
  }

  /**
   * The refund's outcome as its receipt's inputs give it, with no host call: what each rule owes is derived again from
   * the payment and earlier refunds it names, the points then held and the answers recorded; how each debt was taken
   * (pending, usable, debt, shortfall) is the ledger's account of the card's lots at the time, carried over.
   */
  ProgramOutcome replay(ProgramOutcome recorded, ProgramInputs inputs, OrderRefunded refund) {
    List<io.loyalty.spi.EventId> basis = inputs.basis();
    if (basis.isEmpty() || recorded.card() == null) {
      return recorded;
    }
    EventReceipt payment = store.receipt(basis.get(0)).orElseThrow(() -> new IllegalStateException("no payment receipt"));
    OrderPaid paid = (OrderPaid) payment.event();
    List<OrderRefunded> earlier = new ArrayList<>();
    for (int i = 1; i < basis.size(); i++) {
      earlier.add((OrderRefunded) store.receipt(basis.get(i)).orElseThrow().event());
    }
    long paidVersion = payment.outcome().programs().stream().filter(p -> p.program().equals(recorded.program()))
        .findFirst().orElseThrow().programVersion();
    Program granting = store.program(recorded.program(), paidVersion).orElseThrow();
    io.loyalty.spi.TierId paidTier = payment.inputsOf(recorded.program()).map(ProgramInputs::tier).orElse(null);
    Map<RuleId, Long> owed = decision.owed(plans.plan(granting), paid, earlier, refund, inputs.heldByRule(), recorded.card(),
        HostAnswering.replaying(inputs.answers()), io.loyalty.core.internal.eval.Tiers.forEarning(granting, paidTier));
    List<Reversal> reversals = new ArrayList<>();
    for (Reversal r : recorded.reversals()) {
      reversals.add(new Reversal(r.rule(), owed.getOrDefault(r.rule(), -1L), r.pending(), r.active(), r.debt(),
          r.shortfall()));
    }
    return new ProgramOutcome(recorded.program(), recorded.programVersion(), recorded.card(), recorded.joined(),
        recorded.points(), recorded.accruals(), recorded.skipped(), reversals, recorded.autoRedemption());
  }
}
