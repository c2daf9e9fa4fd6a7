package io.loyalty.core.internal.decide;

import io.loyalty.core.internal.eval.CompiledProgram;
import io.loyalty.core.internal.eval.EarningEvaluator;
import io.loyalty.core.internal.eval.EvaluationContext;
import io.loyalty.core.internal.ledger.CardLedger;
import io.loyalty.core.internal.ledger.CardTransition;
import io.loyalty.core.internal.ledger.Credit;
import io.loyalty.core.internal.ledger.DerivedIds;
import io.loyalty.spi.card.LedgerKey;
import io.loyalty.spi.WalletId;
import io.loyalty.core.internal.util.Accumulator;
import io.loyalty.spi.CardCode;
import io.loyalty.spi.OrderId;
import io.loyalty.spi.ProgramId;
import io.loyalty.spi.RuleId;
import io.loyalty.spi.card.Card;
import io.loyalty.spi.tier.Tier;
import io.loyalty.core.internal.eval.TierTimeline;
import io.loyalty.spi.card.EntryType;
import io.loyalty.spi.card.LedgerEntry;
import io.loyalty.spi.card.LotSource;
import io.loyalty.spi.earning.Accrual;
import io.loyalty.spi.earning.EventOutcome;
import io.loyalty.spi.earning.HostAnswers;
import io.loyalty.spi.earning.ProgramInputs;
import io.loyalty.spi.earning.ProgramOutcome;
import io.loyalty.spi.earning.SkipReason;
import io.loyalty.spi.event.LoyaltyEvent;
import io.loyalty.spi.event.Order;
import io.loyalty.spi.event.OrderRefunded;
import io.loyalty.spi.program.EarningRule;
import io.loyalty.spi.program.Program;
import io.loyalty.spi.store.CardWrite;
import io.loyalty.spi.store.ChangeSet;
import io.loyalty.spi.store.EventReceipt;
import io.loyalty.spi.store.OutboxEvent;
import io.loyalty.spi.store.RedemptionWrite;
import io.loyalty.spi.store.RewardWrite;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Decides the application of one event from its read set: for the programs whose rules can fire for it (the
 * customer's, and those any customer may join), finds the member's card (or auto-joins), evaluates the rules, and
 * turns the accruals into lots and ledger entries, with the auto-redemptions they trigger. A function of (read set,
 * event, now): it reads nothing else. Quote and apply both come here, so a quote is exactly what apply would commit.
 * Thread-safe.
 */
public final class EventDecision {
  private final EarningEvaluator evaluator;
  private final RefundDecision refunds;
  private final RedemptionPlanner planner;

  /** A decision evaluating with {@code evaluator} and planning auto-redemptions with {@code planner}. */
  public EventDecision(EarningEvaluator evaluator, RefundDecision refunds, RedemptionPlanner planner) {
    this.evaluator = evaluator;
    this.refunds = refunds;
    this.planner = planner;
  }

  /**
   * Decides the event as the engine learns of it at {@code now}: its rules (windows, program dates, the card's
   * validity) are judged as of the event's own time, while the card is settled up to {@code now} and everything
   * it writes (entries, lots, a card an auto-join publishes, an auto-redemption) is recorded at {@code now}, so
   * no event settles the future or rewrites the past. {@code forCommit} also tops up auto-update pools (a quote
   * writes nothing).
   */
  public EventPlan decide(ReadSet reads, LoyaltyEvent event, boolean forCommit, Instant now) {
    EvaluationContext event0 = EvaluationContext.of(event);
    Instant at = event.occurredAt();
    Card targeted = reads.targeted();
    // Most events concern one program: each accumulator keeps that program's lists as they are, uncopied.
    Accumulator<ProgramOutcome> outcomes = new Accumulator<>();
    Accumulator<ProgramInputs> inputs = new Accumulator<>();
    CardStaging writes = new CardStaging();
    List<OutboxEvent> joins = new ArrayList<>(0);
    Accumulator<LedgerEntry> entries = new Accumulator<>();
    Accumulator<RewardWrite> rewardWrites = new Accumulator<>();
    Accumulator<RedemptionWrite> redemptionWrites = new Accumulator<>();
    Candidates candidates = new Candidates(reads);
    for (ReadSet.ProgramReads next = candidates.next(null); next != null; next = candidates.next(next)) {
      Program program = next.entry().program();
      Card stored = next.card();
      if (event instanceof OrderRefunded refund) {
        if (stored != null && program.wallet(stored.wallet())
            .filter(w -> w.earnedRefund() == io.loyalty.spi.program.CardDefinition.EarnedRefund.NONE).isPresent()) {
          continue; // the wallet's earned points are not refundable
        }
        Card card = writes.cardOf(program.id(), event.customer().id(), stored == null ? WalletId.MAIN : stored.wallet(),
            stored);
        RefundDecision.Planned planned = card == null ? null : refunds.plan(program, card, refund, now, next, reads);
        if (card != null && planned != null) {
          outcomes.add(planned.outcome());
          inputs.add(planned.inputs());
          writes.stage(planned.transition().card(), writes.expectedFor(card));
          entries.addAll(planned.transition().entries());
        }
        continue;
      }
      CompiledProgram plan = next.entry().plan();
      if (program.isV2()) {
        decideWallets(plan, next, event0, reads, writes, outcomes, inputs, entries, now);
        continue;
      }
      Card card = writes.cardOf(program.id(), event.customer().id(), WalletId.MAIN, stored);
      if (card == null && !program.autoJoin()) {
        continue; // a program the customer is not in says nothing about the event
      }
      // the host's answers for this program's rules, from the read set, recorded for its receipt
      Answering.Recording answers = Answering.recording(next.answers());
      EvaluationContext ctx = event0.withAnswers(answers);
      SkipReason block = card == null ? null : cardBlock(card, at, now);
      if (block == null && event instanceof io.loyalty.spi.event.TierMoved moved
          && moved.cascade() >= TierReaction.MAX_CASCADE) {
        block = SkipReason.TIER_CASCADE_LIMIT; // the points of tier-triggered rules moved it: the cascade ends here
      }
      Set<RuleId> awarded = card == null ? Set.of() : alreadyAwarded(orderEntries(next, card), ctx.order());
      // the member's tier before the event's points: its mappings apply (section 2.11); a new member has none yet
      Tier tier = card == null || program.tiers().isEmpty() ? null
          : TierTimeline.tierAt(program, card, card.balanceAt(now), now);
      ProgramOutcome outcome = evaluator.evaluate(plan, ctx, card == null ? null : card.code(), false, block, awarded,
          tier);
      long expected;
      List<Credit> initial = List.of();
      if (card == null) {
        if (outcome.points() == 0) {
          outcomes.add(outcome);
          inputs.add(inputsOf(program, null, Set.of(), answers, null));
          continue;
        }
        Publication joined = Publication.ofPool(program, event.customer().id(),
            reads.pool(program, event.customer().id(), now), now, forCommit);
        card = joined.card();
        joins.add(Outbox.joined(card, now));
        expected = joined.expectedVersion();
        initial = joined.initialCredits();
        if (joined.refill() > 0) {
          writes.refill(new Refill(program, joined.refill(), card.code()));
        }
        tier = TierTimeline.tierAt(program, card, 0, now);
        outcome = evaluator.evaluate(plan, ctx, card.code(), true, null, Set.of(), tier);
        block = null;
        awarded = Set.of();
      } else {
        if (outcome.points() == 0) {
          outcomes.add(outcome);
          inputs.add(inputsOf(program, block, awarded, answers, tier));
          continue;
        }
        expected = writes.expectedFor(card);
      }
      CardLedger ledger = CardLedger.open(card, initial.size() + outcome.accruals().size()).settle(now);
      for (int i = 0; i < initial.size(); i++) {
        ledger.credit(initial.get(i), now);
      }
      credit(ledger, program, plan, event, card.code(), outcome.accruals(), ctx.order(), now);
      // the follow-ups of the accrual, by the one rule every write uses (auto-redeem on reach), staged with the event's
      // (its id, a hash of the event and program, is derived only when one is due)
      RedemptionPlanner.Plan auto = planner.autoRedeemOnReach(program, card, ledger,
          () -> DerivedIds.autoRedemption(event.id(), program.id()), event.customer(), now, writes, reads);
      CardTransition transition = ledger.finish();
      writes.stage(auto == null ? transition.card()
          : transition.card().withRedemptions(card.redemptions() + auto.taken()), expected);
      entries.addAll(transition.entries());
      if (auto != null) {
        if (targeted == null) {
          candidates.addJoined(event, auto.otherCards(), next.entry().position());
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
      inputs.add(inputsOf(program, block, awarded, answers, tier));
    }
    EventOutcome outcome = new EventOutcome(event.id(), event.name(), at, outcomes.list());
    return new EventPlan(outcome, new ChangeSet(List.of(), writes.writes(), entries.list(),
        new EventReceipt(event, outcome, inputs.list()), rewardWrites.list(), redemptionWrites.list(), joins),
        writes.refills());
  }

  /**
   * Decides a loyalty v2 program: the member holds a card of each wallet; the rules are evaluated once (each rule's
   * first matching earning, {@link EarningEvaluator}), and each wallet's card is credited with the accruals of the
   * effects into it, under that wallet's terms. One outcome per wallet card that earned or was skipped (the first
   * wallet's when none did); a customer who is not a member earns nothing (v2 has no auto-join).
   */
  private void decideWallets(CompiledProgram plan, ReadSet.ProgramReads next, EvaluationContext event0, ReadSet reads,
      CardStaging writes, Accumulator<ProgramOutcome> outcomes, Accumulator<ProgramInputs> inputs,
      Accumulator<LedgerEntry> entries, Instant now) {
    Program program = plan.program();
    LoyaltyEvent event = java.util.Objects.requireNonNull(event0.event(), "an event");
    List<WalletId> wallets = program.walletIds();
    Card[] cards = new Card[wallets.size()];
    Card first = null;
    for (int i = 0; i < cards.length; i++) {
      cards[i] = writes.cardOf(program.id(), event.customer().id(), wallets.get(i), reads);
      if (first == null && cards[i] != null) {
        first = cards[i];
      }
    }
    if (first == null) {
      return; // not a member
    }
    Answering.Recording answers = Answering.recording(next.answers());
    EvaluationContext ctx = event0.withAnswers(answers);
    SkipReason block = cardBlock(first, event.occurredAt(), now); // a member's cards are switched on and off together
    Set<RuleId> awarded = alreadyAwarded(next.orderEntries(), ctx.order());
    // the member's tier in the program's structure before the event's points: the earnings' tier_rules ask it
    Tier tier = null;
    io.loyalty.spi.tier.TierStructure structure = program.tierStructure();
    for (int i = 0; structure != null && i < cards.length; i++) {
      if (cards[i] != null && wallets.get(i).equals(structure.tracking().wallet())) {
        io.loyalty.spi.tier.StructureTier held = io.loyalty.core.internal.eval.StructureTimeline.heldAt(structure,
            io.loyalty.core.internal.eval.StructureTimeline.settled(structure, program.zone(), cards[i], now), now);
        tier = held == null ? null : io.loyalty.core.internal.eval.Tiers.asTier(held);
      }
    }
    ProgramOutcome whole = evaluator.evaluate(plan, ctx, first.code(), false, block, awarded, tier);
    // the room each wallet's balance or period cap leaves on the member's card now, recorded for the replay
    List<ProgramInputs.WalletRoom> rooms = new ArrayList<>(0);
    for (int i = 0; i < cards.length; i++) {
      Long room = cards[i] == null ? null
          : io.loyalty.core.internal.eval.WalletOutcomes.room(program, wallets.get(i), cards[i], now);
      if (room != null) {
        rooms.add(new ProgramInputs.WalletRoom(wallets.get(i), room));
      }
    }
    // the v2 rules the member's history keeps from earning by their trigger limits, recorded for the replay
    List<Card> held = new ArrayList<>(cards.length);
    for (Card c : cards) {
      if (c != null) {
        held.add(c);
      }
    }
    List<ProgramInputs.RuleBlock> limited = new ArrayList<>(0);
    Set<RuleId> seen = new HashSet<>();
    // only the rules the event triggered: their effects are in the outcome, earning or skipped
    List<RuleId> triggered = new ArrayList<>(whole.accruals().size() + whole.skipped().size());
    whole.accruals().forEach(a -> triggered.add(a.rule()));
    whole.skipped().forEach(k -> triggered.add(k.rule()));
    for (RuleId effect : triggered) {
      EarningRule rule = plan.rule(effect);
      EarningRule.Branch branch = rule == null ? null : rule.branch();
      if (branch != null && !branch.limits().isNone() && seen.add(branch.rule())) {
        SkipReason reason = io.loyalty.core.internal.eval.WalletOutcomes.triggerLimit(program, branch, held, now);
        if (reason != null) {
          limited.add(new ProgramInputs.RuleBlock(branch.rule(), reason));
        }
      }
    }
    ProgramInputs plainInputs = inputsOf(program, block, awarded, answers, tier); // evaluated: the answers are in
    ProgramInputs in = rooms.isEmpty() && limited.isEmpty() ? plainInputs : new ProgramInputs(plainInputs.program(),
        plainInputs.block(), plainInputs.awarded(), plainInputs.answers(), plainInputs.held(), plainInputs.basis(),
        plainInputs.tier(), rooms, limited);
    // split by wallet from the inputs just recorded, as the replay splits from the receipt's
    List<ProgramOutcome> split = io.loyalty.core.internal.eval.WalletOutcomes.split(plan, whole, wallet -> {
      Card c = cards[wallets.indexOf(wallet)];
      return c == null ? null : c.code();
    }, in::roomOf, in::limitOf);
    for (ProgramOutcome outcome : split) {
      if (!outcome.accruals().isEmpty()) {
        Card card = null;
        for (Card c : cards) {
          if (c != null && c.code().equals(outcome.card())) {
            card = c;
          }
        }
        card = java.util.Objects.requireNonNull(card, "an outcome names one of the member's cards");
        CardLedger ledger = CardLedger.open(card, outcome.accruals().size()).settle(now);
        credit(ledger, program, plan, event, card.code(), outcome.accruals(), ctx.order(), now);
        CardTransition transition = ledger.finish();
        writes.stage(transition.card(), writes.expectedFor(card));
        entries.addAll(transition.entries());
      }
      outcomes.add(outcome);
    }
    inputs.add(in);
  }

  private static ProgramInputs inputsOf(Program program, @Nullable SkipReason block, Set<RuleId> awarded,
      Answering.Recording answers, @Nullable Tier tier) {
    HostAnswers recorded = answers.recorded();
    if (block == null && awarded.isEmpty() && recorded.isEmpty() && tier == null) {
      return ProgramInputs.plain(program.id());
    }
    List<RuleId> inRuleOrder = new ArrayList<>();
    for (EarningRule rule : program.earningRules()) {
      if (awarded.contains(rule.id())) {
        inRuleOrder.add(rule.id());
      }
    }
    return new ProgramInputs(program.id(), block, inRuleOrder, recorded, List.of(), List.of(),
        tier == null ? null : tier.id());
  }

  /**
   * The card's entries for the order as read: the stored card's; none for a card a reward published during this
   * decision (an unpublished card has no ledger).
   */
  private static List<LedgerEntry> orderEntries(ReadSet.ProgramReads reads, Card card) {
    Card stored = reads.card();
    return stored != null && stored.code().equals(card.code()) ? reads.orderEntries() : List.of();
  }

  /** The programs one event visits, in catalog order (a handful: a list, scanned). */
  private static final class Candidates {
    private final List<ReadSet.ProgramReads> programs;
    private final ReadSet reads;

    Candidates(ReadSet reads) {
      this.reads = reads;
      List<ReadSet.ProgramReads> all = reads.programs();
      this.programs = new ArrayList<>(all.size());
      for (int i = 0; i < all.size(); i++) {
        if (all.get(i).candidate()) {
          programs.add(all.get(i)); // the read set lists its candidates in catalog order
        }
      }
    }

    /**
     * The reads after {@code current} ({@code null}: the first), or {@code null}: in catalog order, and a v2 program's
     * refund reads (one per wallet card, at one position) one after the other.
     */
    ReadSet.@Nullable ProgramReads next(ReadSet.@Nullable ProgramReads current) {
      int at = -1;
      for (int i = 0; current != null && i < programs.size(); i++) {
        if (programs.get(i) == current) {
          at = i;
          break;
        }
      }
      return at + 1 < programs.size() ? programs.get(at + 1) : null;
    }

    /** Adds the program in catalog order, unless it is there already. */
    private void insert(ReadSet.ProgramReads program) {
      int position = program.entry().position();
      int i = 0;
      while (i < programs.size() && programs.get(i).entry().position() < position) {
        i++;
      }
      if (i == programs.size() || programs.get(i).entry().position() != position) {
        programs.add(i, program);
      }
    }

    /**
     * Adds the programs further on in the catalog where a reward has just published a card to the customer (a
     * LOYALTY_PROGRAM reward auto-joins them): the event earns there too, as if the customer had been a member.
     */
    void addJoined(LoyaltyEvent event, List<CardWrite> cards, int after) {
      for (CardWrite write : cards) {
        Card card = write.card();
        ReadSet.ProgramReads joinable = joinable(card.program());
        if (joinable != null && joinable.entry().position() > after && event.customer().id().equals(card.holder())
            && joinable.entry().plan().concerns(event)) {
          insert(joinable);
        }
      }
    }

    private ReadSet.@Nullable ProgramReads joinable(ProgramId program) {
      for (ReadSet.ProgramReads p : reads.programs()) {
        if (p.entry().program().id().equals(program)) {
          return p;
        }
      }
      return null;
    }
  }

  /** Why the card cannot earn: switched off, or not valid when the event happened or now, when it would be credited. */
  private static @Nullable SkipReason cardBlock(Card card, Instant at, Instant now) {
    if (!card.active()) {
      return SkipReason.CARD_INACTIVE;
    }
    return card.isValidAt(at) && card.isValidAt(now) ? null : SkipReason.CARD_EXPIRED;
  }

  private static Set<RuleId> alreadyAwarded(List<LedgerEntry> history, @Nullable Order order) {
    if (order == null || history.isEmpty()) {
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
