package io.loyalty.core.internal.decide;

import io.loyalty.spi.card.LedgerKey;
import io.loyalty.core.internal.eval.CompiledProgram;
import io.loyalty.core.internal.eval.PlanCache;
import io.loyalty.core.internal.eval.EarningEvaluator;
import io.loyalty.core.internal.eval.EvaluationContext;
import io.loyalty.core.internal.ledger.CardLedger;
import io.loyalty.core.internal.ledger.CardTransition;
import io.loyalty.spi.CardCode;
import io.loyalty.spi.InvalidInputException;
import io.loyalty.spi.RuleId;
import io.loyalty.spi.Violation;
import io.loyalty.spi.card.Card;
import io.loyalty.spi.card.LedgerEntry;
import io.loyalty.spi.earning.Accrual;
import io.loyalty.spi.earning.ProgramOutcome;
import io.loyalty.spi.earning.Reversal;
import io.loyalty.spi.event.LoyaltyEvent;
import io.loyalty.spi.event.Order;
import io.loyalty.spi.event.OrderItem;
import io.loyalty.spi.event.OrderPaid;
import io.loyalty.spi.event.OrderRefunded;
import io.loyalty.spi.event.RefundLine;
import io.loyalty.spi.program.Program;
import io.loyalty.spi.program.RefundPolicy;
import io.loyalty.spi.store.EventReceipt;
import io.loyalty.core.internal.eval.Answers;
import io.loyalty.spi.earning.HostAnswers;
import io.loyalty.spi.earning.ProgramInputs;
import java.math.BigInteger;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import io.loyalty.core.internal.eval.Tiers;
import io.loyalty.spi.TierId;
import io.loyalty.spi.tier.Tier;
import org.jspecify.annotations.Nullable;

/**
 * Decides the points a refund takes back on one card: for each rule that earned on the order, the rule's points
 * on the order before this refund less its points on what is left after it, computed with the program
 * version, customer snapshot and instant of the payment, so today's rules never change what is owed. A function of
 * the event's read set (the card's entries for the order, the receipts they name, the granting version). Thread-safe.
 */
public final class RefundDecision {
  private final PlanCache plans;
  private final EarningEvaluator evaluator;

  /** A decision compiling programs through {@code plans}. */
  public RefundDecision(PlanCache plans, EarningEvaluator evaluator) {
    this.plans = plans;
    this.evaluator = evaluator;
  }

  /**
   * The refund's outcome on the card and the card's transition, or {@code null} when the order earned nothing here.
   * The card is settled and the reversal recorded at {@code now}, the instant the engine learns of the refund,
   * whatever the refund's own time: a refund stamped ahead expires nothing early, a late one takes back nothing
   * that has expired meanwhile.
   */
  @Nullable Planned plan(Program program, Card card, OrderRefunded refund, Instant now, ReadSet.ProgramReads read,
      ReadSet reads) {
    Instant at = now;
    CardLedger ledger = CardLedger.open(card).settle(at);
    List<LedgerEntry> history = new ArrayList<>(read.orderEntries());
    for (LedgerEntry e : ledger.appended()) {
      if (refund.order().equals(e.order())) {
        history.add(e); // expirations of the order's points that were due but not yet recorded
      }
    }
    // What the member still holds from each rule of the order: granted, adjusted by hand, less canceled by hand,
    // expired and owed to earlier refunds. A refund never takes back more than that.
    Map<RuleId, Long> held = new LinkedHashMap<>();
    OrderPaid paid = null;
    long paidVersion = 0;
    HostAnswers paidAnswers = null;
    TierId paidTier = null;
    List<OrderRefunded> earlier = new ArrayList<>();
    for (LedgerEntry entry : history) {
      RuleId rule = entry.rule();
      if (rule == null) {
        continue;
      }
      switch (entry.type()) {
        case POINTS_ACCRUAL, PENDING_POINTS_ADDED -> {
          held.merge(rule, entry.points() + entry.pending(), Long::sum);
          EventReceipt payment = paid != null || entry.event() == null ? null : reads.receipt(entry.event());
          if (payment != null && payment.event() instanceof OrderPaid p) {
            paid = p;
            paidVersion = entry.programVersion();
            paidAnswers = payment.inputsOf(program.id()).map(ProgramInputs::answers).orElse(null);
            paidTier = payment.inputsOf(program.id()).map(ProgramInputs::tier).orElse(null);
          }
        }
        case PENDING_POINTS_ADJUSTED, PENDING_POINTS_CANCELED, POINTS_EXPIRATION ->
            held.merge(rule, entry.points() + entry.pending(), Long::sum);
        case POINTS_REVERSAL -> {
          // a concurrent delivery of this very refund is not an earlier refund: its commit will lose to this
          // one's receipt check and return the first outcome
          EventReceipt receipt = entry.event() == null || entry.event().equals(refund.id()) ? null
              : reads.receipt(entry.event());
          if (receipt != null && receipt.event() instanceof OrderRefunded r
              && earlier.stream().noneMatch(e -> e.id().equals(r.id()))) {
            earlier.add(r);
            // what an earlier refund owed is settled, taken or recorded as a shortfall: it is not owed again
            for (ProgramOutcome p : receipt.outcome().programs()) {
              if (p.program().equals(program.id()) && card.code().equals(p.card())) {
                p.reversals().forEach(x -> held.merge(x.rule(), -x.owed(), Long::sum));
              }
            }
          }
        }
        default -> { }
      }
    }
    if (paid == null) {
      return null;
    }
    // Judged by the host's answers recorded at payment; what they do not hold (a receipt recorded without them) was
    // asked of the host when the read set was gathered.
    Answers live = read.answers();
    Answering.Recording answers = paidAnswers == null ? Answering.recording(live)
        : Answering.recording(paidAnswers, live);
    Program version = read.version(paidVersion);
    Program granting = version == null ? program : version;
    // and by the tier the member was in at payment, whose mappings its points were earned by
    Map<RuleId, Long> owedByRule = owed(plans.plan(granting), paid, earlier, refund, held, card.code(), answers,
        Tiers.forEarning(granting, paidTier));
    List<io.loyalty.spi.EventId> basis = new ArrayList<>();
    basis.add(paid.id());
    earlier.forEach(e -> basis.add(e.id()));
    // a v2 wallet's own policy (a wallet whose refunds take nothing back is never planned: EventDecision)
    RefundPolicy policy = program.wallet(card.wallet()).map(w -> w.earnedRefund().policy())
        .orElse(program.refundPolicy());
    policy = policy == null ? program.refundPolicy() : policy;
    List<Reversal> reversals = new ArrayList<>();
    long net = 0;
    for (Map.Entry<RuleId, Long> o : owedByRule.entrySet()) {
      RuleId rule = o.getKey();
      long owed = o.getValue();
      CardLedger.Taken taken = ledger.reverse(refund.order(), rule, owed, policy == RefundPolicy.ONLY_PENDING,
          policy == RefundPolicy.UNLIMITED, at, new LedgerKey.Reversal(card.code(), refund.id(), rule), refund.id(),
          program.version());
      reversals.add(new Reversal(rule, owed, taken.pending(), taken.active(), taken.debt(), taken.shortfall()));
      net -= taken.active() + taken.debt();
    }
    CardTransition transition = ledger.finish();
    ProgramOutcome outcome = new ProgramOutcome(program.id(), program.version(), card.code(), false, net, List.of(),
        List.of(), reversals, null);
    return new Planned(outcome, transition,
        new ProgramInputs(program.id(), null, List.of(), answers.recorded(),
            held.entrySet().stream().map(h -> new ProgramInputs.RulePoints(h.getKey(), h.getValue())).toList(), basis));
  }

  /**
   * What the refund owes per rule of the order: all a rule still holds for a whole refund, else the rule's points on
   * the order before this refund less its points on what is left after it (never more than it holds), computed with
   * the program version and customer snapshot of the payment. Reads nothing: a function of its arguments.
   */
  public Map<RuleId, Long> owed(CompiledProgram plan, OrderPaid paid, List<OrderRefunded> earlier,
      OrderRefunded refund, Map<RuleId, Long> held, CardCode card, Answers answers, @Nullable Tier tier) {
    Order order = paid.order();
    long[] before = refundedUnits(order, earlier, null);
    long[] after = refundedUnits(order, earlier, refund);
    Order left = refund.isWhole() ? null : remaining(order, after);
    Map<RuleId, Long> pointsBefore = pointsOn(plan, paid, card, remaining(order, before), answers, tier);
    Map<RuleId, Long> pointsAfter = pointsOn(plan, paid, card, left, answers, tier);
    Map<RuleId, Long> owed = new LinkedHashMap<>();
    for (Map.Entry<RuleId, Long> h : held.entrySet()) {
      RuleId rule = h.getKey();
      long stillHeld = Math.max(0, h.getValue());
      owed.put(rule, left == null
          ? stillHeld
          : Math.min(stillHeld, Math.max(0, pointsBefore.getOrDefault(rule, 0L) - pointsAfter.getOrDefault(rule, 0L))));
    }
    return owed;
  }

  /** A refund's outcome on one card, the transition that commits it, and what it was decided from. */
  public record Planned(ProgramOutcome outcome, CardTransition transition, ProgramInputs inputs) {}

  /** Units refunded per line by the earlier refunds and, when given, this one; rejects refunding more than was paid. */
  private static long[] refundedUnits(Order order, List<OrderRefunded> earlier, @Nullable OrderRefunded current) {
    List<OrderItem> items = order.items();
    long[] units = new long[items.size()];
    boolean whole = false;
    for (OrderRefunded r : earlier) {
      whole |= add(units, items, r, false);
    }
    if (current != null) {
      if (whole) {
        throw InvalidInputException.of("order", "was refunded whole before", order.id());
      }
      add(units, items, current, true);
    }
    return units;
  }

  /** Adds a refund's units; a whole refund takes every unit left. Returns whether it was whole. */
  private static boolean add(long[] units, List<OrderItem> items, OrderRefunded refund, boolean check) {
    if (refund.isWhole()) {
      for (int i = 0; i < units.length; i++) {
        units[i] = items.get(i).quantity();
      }
      return true;
    }
    List<Violation> violations = new ArrayList<>();
    for (int j = 0; j < refund.lines().size(); j++) {
      RefundLine line = refund.lines().get(j);
      String path = "lines[" + j + "]";
      if (line.line() < 0 || line.line() >= items.size()) {
        violations.add(new Violation(path + ".line", "is not a line of order " + refund.order(), line.line()));
        continue;
      }
      long left = items.get(line.line()).quantity() - units[line.line()];
      if (line.quantity() < 1 || line.quantity() > left) {
        violations.add(new Violation(path + ".quantity", "must be from 1 to the " + left + " units not yet refunded",
            line.quantity()));
        continue;
      }
      units[line.line()] += line.quantity();
    }
    if (check && !violations.isEmpty()) {
      throw new InvalidInputException(violations);
    }
    return false;
  }

  /** The order with the refunded units taken out; amounts scale with the units left, rounded down. */
  private static @Nullable Order remaining(Order order, long[] refunded) {
    List<OrderItem> items = order.items();
    if (items.isEmpty()) {
      return refunded.length == 0 ? order : null;
    }
    List<OrderItem> left = new ArrayList<>();
    long amount = 0;
    long subtotal = 0;
    long originalSubtotal = 0;
    for (int i = 0; i < items.size(); i++) {
      OrderItem item = items.get(i);
      originalSubtotal += item.subtotalAmount();
      long units = item.quantity() - refunded[i];
      if (units <= 0) {
        continue;
      }
      long lineAmount = Math.multiplyExact(item.price(), units);
      long lineSubtotal = scale(item.subtotalAmount(), units, item.quantity());
      left.add(new OrderItem(item.product(), item.sku(), units, item.price(), lineAmount, lineSubtotal, item.metadata()));
      amount += lineAmount;
      subtotal += lineSubtotal;
    }
    if (left.isEmpty()) {
      return null;
    }
    long orderDiscount = originalSubtotal - order.totalAmount();
    long total = Math.max(0, subtotal - scale(orderDiscount, subtotal, Math.max(1, originalSubtotal)));
    return new Order(order.id(), order.currency(), amount, total, left, order.metadata());
  }

  /** {@code value × part / whole}, rounded down, exact. */
  private static long scale(long value, long part, long whole) {
    return BigInteger.valueOf(value).multiply(BigInteger.valueOf(part)).divide(BigInteger.valueOf(whole)).longValueExact();
  }

  /** Each rule's points on what is left of the order ({@code null}: nothing left, so no points). */
  private Map<RuleId, Long> pointsOn(CompiledProgram plan, OrderPaid paid, CardCode card, @Nullable Order left,
      Answers answers, @Nullable Tier tier) {
    if (left == null) {
      return Map.of();
    }
    LoyaltyEvent asPaid = new OrderPaid(paid.id(), paid.occurredAt(), paid.customer(), left, paid.card());
    ProgramOutcome outcome = evaluator.evaluate(plan, EvaluationContext.of(asPaid, answers), card, false, null,
        Set.of(), tier);
    Map<RuleId, Long> points = new LinkedHashMap<>();
    for (Accrual a : outcome.accruals()) {
      points.put(a.rule(), a.points());
    }
    return points;
  }
}
