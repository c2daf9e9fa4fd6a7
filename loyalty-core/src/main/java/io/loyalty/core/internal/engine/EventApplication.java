package io.loyalty.core.internal.engine;

import io.loyalty.spi.card.Card;

import io.loyalty.core.internal.decide.Answering;
import io.loyalty.core.internal.decide.EventDecision;
import io.loyalty.core.internal.decide.EventPlan;
import io.loyalty.core.internal.decide.ReadSet;
import io.loyalty.core.internal.decide.RefundDecision;
import io.loyalty.core.internal.eval.EarningEvaluator;
import io.loyalty.core.internal.eval.EvaluationContext;
import io.loyalty.core.internal.eval.PlanCache;
import io.loyalty.core.internal.load.Enrolment;
import io.loyalty.core.internal.load.Loader;
import io.loyalty.spi.earning.EventOutcome;
import io.loyalty.spi.earning.ProgramInputs;
import io.loyalty.spi.earning.ProgramOutcome;
import io.loyalty.spi.event.LoyaltyEvent;
import io.loyalty.spi.event.OrderRefunded;
import io.loyalty.spi.host.ProductCollections;
import io.loyalty.spi.host.ValidationRules;
import io.loyalty.spi.program.Program;
import io.loyalty.spi.store.ChangeSet;
import io.loyalty.spi.store.EventReads;
import io.loyalty.spi.store.EventReceipt;
import io.loyalty.spi.store.LoyaltyStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Plans the application of one event in three steps: load its read set ({@link Loader}), decide from it alone
 * ({@link EventDecision}, pure), and complete the change set with the cards that keep auto-update pools from running
 * dry. Quote and apply both call {@link #plan}, so a quote is exactly what apply would commit; a commit that meets a
 * concurrent writer loads and decides again (the caller's retry).
 */
final class EventApplication {
  private final LoyaltyStore store;
  private final EarningEvaluator evaluator;
  private final Loader loader;
  private final EventDecision decision;
  private final RefundApplication refunds;
  private final Enrolment enrolment;
  private final PlanCache plans;
  private final ValidationRules rules;
  private final ProductCollections collections;

  EventApplication(LoyaltyStore store, PlanCache plans, EarningEvaluator evaluator, Enrolment enrolment,
      Loader loader, EventDecision decision, RefundDecision refunds, ValidationRules rules,
      ProductCollections collections) {
    this.store = store;
    this.plans = plans;
    this.evaluator = evaluator;
    this.enrolment = enrolment;
    this.loader = loader;
    this.decision = decision;
    this.refunds = new RefundApplication(store, plans, refunds);
    this.rules = rules;
    this.collections = collections;
  }

  /**
   * Plans the event as the engine learns of it at {@code now} (see {@link EventDecision#decide}). {@code forCommit}
   * also tops up auto-update pools (a quote writes nothing).
   */
  EventPlan plan(LoyaltyEvent event, boolean forCommit, Instant now) {
    return plan(event, forCommit, now, (Program) null);
  }

  /**
   * As {@link #plan(LoyaltyEvent, boolean, Instant)}, with {@code candidate} in place of the stored definition of its
   * program (or beside the others when it is not defined): a quote of what the event would earn under it.
   */
  EventPlan plan(LoyaltyEvent event, boolean forCommit, Instant now, @Nullable Program candidate) {
    return plan(event, forCommit, now, candidate, null);
  }

  /**
   * As {@link #plan(LoyaltyEvent, boolean, Instant)}, from what the store answered the event's first reads with
   * ({@link LoyaltyStore#eventReads}, the event not applied) instead of reading them again.
   */
  EventPlan plan(LoyaltyEvent event, boolean forCommit, Instant now, EventReads first) {
    return plan(event, forCommit, now, null, first);
  }

  private EventPlan plan(LoyaltyEvent event, boolean forCommit, Instant now, @Nullable Program candidate,
      @Nullable EventReads first) {
    ReadSet reads = loader.load(event, now, candidate, first);
    EventPlan plan = decision.decide(reads, event, forCommit, now);
    if (plan.refills().isEmpty()) {
      return plan;
    }
    ChangeSet c = plan.changes();
    return new EventPlan(plan.outcome(), new ChangeSet(c.programs(), enrolment.withRefills(c.cards(), plan.refills(), now),
        c.entries(), c.receipt(), c.rewards(), c.redemptions(), c.events()), List.of());
  }

  /**
   * The event's outcome derived again from its receipt alone, with no host call and no read of anything the
   * decision did not record: each program's earning from the program version the outcome names, the card's state
   * and the host's answers in the receipt's inputs; a refund's debts as {@link RefundApplication#replay} says. An
   * auto-redemption is the card's reaction to its new balance, not part of the earning decision: it is carried over.
   *
   * @throws IllegalStateException when the receipt records no inputs (written before they were recorded) or the
   *     decision asks something they do not hold
   */
  EventOutcome replay(EventReceipt receipt) {
    return replay(receipt, null);
  }

  /**
   * As {@link #replay(EventReceipt)}, with {@code candidate} in place of the version its program's outcome names
   * ("what would have happened" under another definition): what the candidate asks that the receipt does not hold is
   * asked of the host now. A refund is replayed as it was.
   */
  EventOutcome replay(EventReceipt receipt, @Nullable Program candidate) {
    LoyaltyEvent event = receipt.event();
    EventOutcome recorded = receipt.outcome();
    List<ProgramOutcome> replayed = new ArrayList<>();
    java.util.Set<io.loyalty.spi.ProgramId> v2Done = new java.util.HashSet<>();
    List<ProgramInputs> inputs = receipt.inputs();
    for (int i = 0; i < recorded.programs().size(); i++) {
      ProgramOutcome p = recorded.programs().get(i);
      // one input per outcome, in order (a v2 refund has one per wallet card of a program); else by program
      ProgramInputs in = inputs.size() == recorded.programs().size() && inputs.get(i).program().equals(p.program())
          ? inputs.get(i)
          : receipt.inputsOf(p.program())
              .orElseThrow(() -> new IllegalStateException("the receipt of " + event.id() + " records no inputs"));
      if (event instanceof OrderRefunded refund) {
        replayed.add(refunds.replay(p, in, refund));
        continue;
      }
      if (v2Done.contains(p.program())) {
        continue; // a v2 program's wallet outcomes are derived together, from its first
      }
      boolean whatIf = candidate != null && candidate.id().equals(p.program());
      Program program = whatIf ? Objects.requireNonNull(candidate, "candidate")
          : store.program(p.program(), p.programVersion()).orElseThrow(
              () -> new IllegalStateException("program version " + p.programVersion() + " is not stored"));
      EvaluationContext ctx = EvaluationContext.of(event, whatIf
          ? Answering.recording(in.answers(), HostAnswering.recording(rules, collections))
          : HostAnswering.replaying(in.answers()));
      ProgramOutcome again = evaluator.evaluate(plans.plan(program), ctx, p.card(), p.joined(), in.block(),
          Set.copyOf(in.awarded()), io.loyalty.core.internal.eval.Tiers.forEarning(program, in.tier()));
      if (program.isV2()) {
        v2Done.add(p.program());
        // the member's cards are who they are (a card never changes holder or wallet): read by identity
        replayed.addAll(io.loyalty.core.internal.eval.WalletOutcomes.split(plans.plan(program), again,
            wallet -> store.cardOf(program.id(), event.customer().id(), wallet).map(Card::code).orElse(null),
            in::roomOf, in::limitOf));
        continue;
      }
      replayed.add(p.autoRedemption() == null ? again : new ProgramOutcome(again.program(), again.programVersion(),
          again.card(), again.joined(), again.points(), again.accruals(), again.skipped(), again.reversals(),
          p.autoRedemption()));
    }
    return new EventOutcome(recorded.event(), recorded.eventName(), recorded.at(), replayed);
  }
}
