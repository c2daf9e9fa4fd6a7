package io.loyalty.core.internal.engine;

import io.loyalty.spi.card.LedgerKey;
import io.loyalty.core.internal.ledger.DerivedIds;
import io.loyalty.core.internal.eval.CompiledProgram;
import io.loyalty.core.internal.eval.EarningEvaluator;
import io.loyalty.core.internal.eval.EvaluationContext;
import io.loyalty.core.internal.ledger.CardLedger;
import io.loyalty.core.internal.ledger.CardTransition;
import io.loyalty.core.internal.ledger.Credit;
import io.loyalty.spi.CardCode;
import io.loyalty.spi.InvalidInputException;
import io.loyalty.spi.NotFoundException;
import io.loyalty.spi.OrderId;
import io.loyalty.spi.RuleId;
import io.loyalty.spi.card.Card;
import io.loyalty.spi.card.EntryType;
import io.loyalty.spi.card.LedgerEntry;
import io.loyalty.spi.card.LotSource;
import io.loyalty.spi.earning.Accrual;
import io.loyalty.spi.earning.EventOutcome;
import io.loyalty.spi.earning.ProgramOutcome;
import io.loyalty.spi.earning.SkipReason;
import io.loyalty.spi.event.LoyaltyEvent;
import io.loyalty.spi.event.Order;
import io.loyalty.spi.event.OrderRefunded;
import io.loyalty.spi.program.Program;
import io.loyalty.spi.store.CardWrite;
import io.loyalty.spi.store.ChangeSet;
import io.loyalty.spi.store.EventReceipt;
import io.loyalty.spi.store.OutboxEvent;
import io.loyalty.spi.earning.HostAnswers;
import io.loyalty.spi.earning.ProgramInputs;
import io.loyalty.spi.host.ProductCollections;
import io.loyalty.spi.host.ValidationRules;
import io.loyalty.spi.program.EarningRule;
import io.loyalty.spi.store.LoyaltyStore;
import io.loyalty.spi.store.RedemptionWrite;
import io.loyalty.core.internal.util.Accumulator;
import io.loyalty.spi.store.RewardWrite;
import io.loyalty.spi.RedemptionId;
import io.loyalty.spi.reward.Reward;
import io.loyalty.spi.reward.RewardAssignment;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import io.loyalty.spi.ProgramId;
import io.loyalty.spi.WalletId;
import org.jspecify.annotations.Nullable;

/**
 * Plans the application of one event: for the programs whose rules can fire for it (the customer's, and those
 * any customer may join; see {@link ProgramIndex}), finds the member's card (or auto-joins), evaluates the
 * rules, and turns the accruals into lots and ledger entries.
 * Quote and apply both call {@link #plan}, so a quote is exactly what apply would commit.
 */
final class EventApplication {
  private final LoyaltyStore store;
  private final ProgramIndex index;
  private final EarningEvaluator evaluator;
  private final Enrolment enrolment;
  private final RefundApplication refunds;
  private final Reactions reactions;
  private final PlanCache plans;
  private final ValidationRules rules;
  private final ProductCollections collections;

  EventApplication(LoyaltyStore store, PlanCache plans, EarningEvaluator evaluator, Enrolment enrolment,
      Reactions reactions, ValidationRules rules, ProductCollections collections) {
    this.store = store;
    this.plans = plans;
    this.index = new ProgramIndex(store, plans);
    this.evaluator = evaluator;
    this.enrolment = enrolment;
    this.refunds = new RefundApplication(store, plans, evaluator, rules, collections);
    this.reactions = reactions;
    this.rules = rules;
    this.collections = collections;
  }

  /**
   * Plans the event as the engine learns of it at {@code now}: its rules (windows, program dates, the card's
   * validity) are judged as of the event's own time, while the card is settled up to {@code now} and everything
   * it writes (entries, lots, a card an auto-join publishes, an auto-redemption) is recorded at {@code now}, so
   * no event settles the future or rewrites the past. {@code forCommit} also tops up auto-update pools (a quote
   * writes nothing).
   */
  EventPlan plan(LoyaltyEvent event, boolean forCommit, Instant now) {
    return plan(event, forCommit, now, null);
  }

  /**
   * As {@link #plan(LoyaltyEvent, boolean, Instant)}, with {@code candidate} in place of the stored definition of its
   * program (or beside the others when it is not defined): a quote of what the event would earn under it.
   */
  EventPlan plan(LoyaltyEvent event, boolean forCommit, Instant now, @Nullable Program candidate) {
    EvaluationContext event0 = EvaluationContext.of(event);
    Instant at = event.occurredAt();
    Card targeted = targetedCard(event);
    // Most events concern one program: each accumulator keeps that program's lists as they are, uncopied.
    Accumulator<ProgramOutcome> outcomes = new Accumulator<>();
    Accumulator<ProgramInputs> inputs = new Accumulator<>();
    CardStaging writes = new CardStaging(store);
    List<OutboxEvent> joins = new ArrayList<>(0);
    Accumulator<LedgerEntry> entries = new Accumulator<>();
    Accumulator<RewardWrite> rewardWrites = new Accumulator<>();
    Accumulator<RedemptionWrite> redemptionWrites = new Accumulator<>();
    ProgramIndex.Catalog catalog = candidate == null ? index.current() : index.current().with(candidate, plans);
    Candidates candidates = candidates(catalog, event, targeted);
    for (ProgramIndex.Entry next = candidates.next(-1); next != null; next = candidates.next(next.position())) {
      Program program = next.program();
      Card stored = candidates.card(program.id());
      if (event instanceof OrderRefunded refund) {
        Card card = writes.cardOf(program.id(), event.customer().id(), WalletId.MAIN, stored);
        RefundApplication.Planned planned = card == null ? null : refunds.plan(program, card, refund, now);
        if (card != null && planned != null) {
          outcomes.add(planned.outcome());
          inputs.add(planned.inputs());
          writes.stage(planned.transition().card(), writes.expectedFor(card));
          entries.addAll(planned.transition().entries());
        }
        continue;
      }
      CompiledProgram plan = next.plan();
      Card card = writes.cardOf(program.id(), event.customer().id(), WalletId.MAIN, stored);
      if (card == null && !program.autoJoin()) {
        continue; // a program the customer is not in says nothing about the event
      }
      // the host's answers for this program's rules, recorded for its receipt
      HostAnswering.Recording answers = HostAnswering.recording(rules, collections);
      EvaluationContext ctx = event0.withAnswers(answers);
      SkipReason block = card == null ? null : cardBlock(card, at, now);
      Set<RuleId> awarded = card == null ? Set.of() : alreadyAwarded(card.code(), ctx.order());
      ProgramOutcome outcome = evaluator.evaluate(plan, ctx, card == null ? null : card.code(), false, block, awarded);
      long expected;
      List<Credit> initial = List.of();
      if (card == null) {
        if (outcome.points() == 0) {
          outcomes.add(outcome);
          inputs.add(inputsOf(program, null, Set.of(), answers));
          continue;
        }
        Publication joined = enrolment.prepare(program, event.customer().id(), null, now, forCommit);
        card = joined.card();
        joins.add(Outbox.joined(card, now));
        expected = joined.expectedVersion();
        initial = joined.initialCredits();
        writes.stageAll(joined.refills());
        outcome = evaluator.evaluate(plan, ctx, card.code(), true, null, Set.of());
        block = null;
        awarded = Set.of();
      } else {
        if (outcome.points() == 0) {
          outcomes.add(outcome);
          inputs.add(inputsOf(program, block, awarded, answers));
          continue;
        }
        expected = writes.expectedFor(card);
      }
      CardLedger ledger = CardLedger.open(card, initial.size() + outcome.accruals().size()).settle(now);
      for (int i = 0; i < initial.size(); i++) {
        ledger.credit(initial.get(i), now);
      }
      credit(ledger, program, plan, event, card.code(), outcome.accruals(), ctx.order(), now);
      // the follow-ups of the accrual, by the one rule every write uses (Reactions), staged with the event's writes
      RedemptionPlanner.Plan auto = reactions.autoRedeem(program, card, ledger,
          () -> DerivedIds.autoRedemption(event.id(), program.id()), event.customer(), now, writes);
      CardTransition transition = ledger.finish();
      writes.stage(auto == null ? transition.card()
          : transition.card().withRedemptions(card.redemptions() + auto.taken()), expected);
      entries.addAll(transition.entries());
      if (auto != null) {
        if (targeted == null) {
          candidates.addJoined(catalog, event, auto.otherCards(), next.position());
        }
        writes.stageAll(auto.otherCards());
        joins.addAll(auto.joins());
        entries.addAll(auto.otherEntries());
        RewardWrite taken = auto.reward();
        if (taken != null) { // null when the auto-redemption failed: it takes nothing
          rewardWrites.add(taken);
        }
        auto.redemptions().forEach(r -> redemptionWrites.add(new RedemptionWrite(r, 0)));
        outcome = new ProgramOutcome(outcome.program(), outcome.programVersion(), outcome.card(), outcome.joined(),
            outcome.points(), outcome.accruals(), outcome.skipped(), outcome.reversals(), auto.redemption().id());
      }
      outcomes.add(outcome);
      inputs.add(inputsOf(program, block, awarded, answers));
    }
    EventOutcome outcome = new EventOutcome(event.id(), event.name(), at, outcomes.list());
    return new EventPlan(outcome, new ChangeSet(List.of(), writes.writes(), entries.list(),
        new EventReceipt(event, outcome, inputs.list()), rewardWrites.list(), redemptionWrites.list(), joins));
  }

  private static ProgramInputs inputsOf(Program program, @Nullable SkipReason block, Set<RuleId> awarded,
      HostAnswering.Recording answers) {
    HostAnswers recorded = answers.recorded();
    if (block == null && awarded.isEmpty() && recorded.isEmpty()) {
      return ProgramInputs.plain(program.id());
    }
    List<RuleId> inRuleOrder = new ArrayList<>();
    for (EarningRule rule : program.earningRules()) {
      if (awarded.contains(rule.id())) {
        inRuleOrder.add(rule.id());
      }
    }
    return new ProgramInputs(program.id(), block, inRuleOrder, recorded, List.of(), List.of());
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
    for (ProgramOutcome p : recorded.programs()) {
      ProgramInputs in = receipt.inputsOf(p.program())
          .orElseThrow(() -> new IllegalStateException("the receipt of " + event.id() + " records no inputs"));
      if (event instanceof OrderRefunded refund) {
        replayed.add(refunds.replay(p, in, refund));
        continue;
      }
      boolean whatIf = candidate != null && candidate.id().equals(p.program());
      Program program = whatIf ? Objects.requireNonNull(candidate, "candidate")
          : store.program(p.program(), p.programVersion()).orElseThrow(
              () -> new IllegalStateException("program version " + p.programVersion() + " is not stored"));
      EvaluationContext ctx = EvaluationContext.of(event, whatIf
          ? HostAnswering.recording(in.answers(), HostAnswering.recording(rules, collections))
          : HostAnswering.replaying(in.answers()));
      ProgramOutcome again = evaluator.evaluate(plans.plan(program), ctx, p.card(), p.joined(), in.block(),
          Set.copyOf(in.awarded()));
      replayed.add(p.autoRedemption() == null ? again : new ProgramOutcome(again.program(), again.programVersion(),
          again.card(), again.joined(), again.points(), again.accruals(), again.skipped(), again.reversals(),
          p.autoRedemption()));
    }
    return new EventOutcome(recorded.event(), recorded.eventName(), recorded.at(), replayed);
  }

  /**
   * The programs the event can concern, in catalog order: the targeted card's program alone, or the programs of
   * the customer's cards (all of them for a refund, which must reach every program that granted the order's points,
   * whatever its rules are now; those with a rule the event triggers otherwise) and the auto-join programs with
   * such a rule.
   */
  private Candidates candidates(ProgramIndex.Catalog catalog, LoyaltyEvent event, @Nullable Card targeted) {
    Candidates candidates = new Candidates(targeted != null ? List.of(targeted) : store.cardsOf(event.customer().id()));
    for (Card card : candidates.held) {
      ProgramIndex.Entry entry = catalog.entry(card.program());
      if (entry != null && (event instanceof OrderRefunded || entry.plan().concerns(event))) {
        candidates.programs.put(entry.position(), entry);
      }
    }
    if (targeted == null) {
      for (ProgramIndex.Entry entry : catalog.autoJoin(event)) {
        candidates.programs.put(entry.position(), entry);
      }
    }
    return candidates;
  }

  /** The programs one event visits, by catalog position, and the customer's cards as read before the first. */
  private static final class Candidates {
    private final TreeMap<Integer, ProgramIndex.Entry> programs = new TreeMap<>();
    private final List<Card> held;

    Candidates(List<Card> held) {
      this.held = held;
    }

    /** The first program after {@code position}, or {@code null}. */
    ProgramIndex.@Nullable Entry next(int position) {
      Map.Entry<Integer, ProgramIndex.Entry> next = programs.higherEntry(position);
      return next == null ? null : next.getValue();
    }

    /** The customer's card of the program's v1 wallet as read with the others, or {@code null}. */
    @Nullable Card card(ProgramId program) {
      for (int i = 0; i < held.size(); i++) {
        if (held.get(i).program().equals(program) && held.get(i).wallet().equals(WalletId.MAIN)) {
          return held.get(i);
        }
      }
      return null;
    }

    /**
     * Adds the programs further on in the catalog where a reward has just published a card to the customer (a
     * LOYALTY_PROGRAM reward auto-joins them): the event earns there too, as if the customer had been a member.
     */
    void addJoined(ProgramIndex.Catalog catalog, LoyaltyEvent event, List<CardWrite> cards, int after) {
      for (CardWrite write : cards) {
        Card card = write.card();
        ProgramIndex.Entry entry = catalog.entry(card.program());
        if (entry != null && entry.position() > after && event.customer().id().equals(card.holder())
            && entry.plan().concerns(event)) {
          programs.putIfAbsent(entry.position(), entry);
        }
      }
    }
  }

  private @Nullable Card targetedCard(LoyaltyEvent event) {
    CardCode code = event.card();
    if (code == null) {
      return null;
    }
    Card card = store.card(code).orElseThrow(() -> new NotFoundException("card", code));
    if (!event.customer().id().equals(card.holder())) {
      throw InvalidInputException.of("loyalty.code", "is not a card held by the event's customer", code);
    }
    return card;
  }

  /** Why the card cannot earn: switched off, or not valid when the event happened or now, when it would be credited. */
  private static @Nullable SkipReason cardBlock(Card card, Instant at, Instant now) {
    if (!card.active()) {
      return SkipReason.CARD_INACTIVE;
    }
    return card.isValidAt(at) && card.isValidAt(now) ? null : SkipReason.CARD_EXPIRED;
  }

  private Set<RuleId> alreadyAwarded(CardCode card, @Nullable Order order) {
    if (order == null) {
      return Set.of();
    }
    List<LedgerEntry> history = store.entriesForOrder(card, order.id());
    if (history.isEmpty()) {
      return Set.of(); // a new order: the common case
    }
    Set<RuleId> rules = new HashSet<>();
    for (LedgerEntry entry : history) {
      if ((entry.type() == EntryType.POINTS_ACCRUAL || entry.type() == EntryType.PENDING_POINTS_ADDED) && entry.rule() != null) {
        rules.add(entry.rule());
      }
    }
    return rules;
  }

  /**
   * Credits each accrual as a lot recorded at {@code at}, under the terms of the rule that granted it (found in the
   * compiled plan): pending points activate, and points expire, counted from {@code at}.
   */
  private static void credit(CardLedger ledger, Program program, CompiledProgram plan, LoyaltyEvent event,
      CardCode card, List<Accrual> accruals, @Nullable Order order, Instant at) {
    OrderId orderId = order == null ? null : order.id();
    int rule = 0;
    for (int i = 0; i < accruals.size(); i++) {
      Accrual accrual = accruals.get(i);
      rule = plan.ruleIndex(accrual.rule(), rule);
      CreditTerms terms = CreditTerms.forRule(program, rule < 0 ? null : plan.ruleAt(rule), at);
      rule = Math.max(rule, 0);
      ledger.credit(EntryType.POINTS_ACCRUAL, accrual.points(), LedgerKey.Accrual.of(card, orderId, event.id(), accrual.rule()),
          new LotSource(event.id(), accrual.rule(), program.version(), orderId), accrual.banner(), terms.activatesAt(),
          terms.expiresAt(), null, at);
    }
  }
}
