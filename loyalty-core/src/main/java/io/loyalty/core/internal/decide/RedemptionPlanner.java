package io.loyalty.core.internal.decide;

import io.loyalty.spi.card.LedgerKey;
import io.loyalty.core.internal.ledger.DerivedIds;
import io.loyalty.core.internal.condition.CompiledCondition;
import io.loyalty.core.internal.condition.ConditionCompiler;
import io.loyalty.core.internal.eval.EvaluationContext;
import io.loyalty.core.internal.ledger.CardLedger;
import io.loyalty.core.internal.ledger.CardTransition;
import io.loyalty.core.internal.ledger.Credit;
import io.loyalty.core.internal.ledger.Debit;
import io.loyalty.core.internal.reward.CoinMath;
import io.loyalty.core.internal.eval.TierTimeline;
import io.loyalty.core.internal.eval.Tiers;
import io.loyalty.core.internal.validity.ValidityWindow;
import io.loyalty.spi.CustomerId;
import io.loyalty.spi.ErrorCode;
import io.loyalty.spi.ProgramId;
import io.loyalty.spi.WalletId;
import io.loyalty.spi.RedemptionId;
import io.loyalty.spi.card.Card;
import io.loyalty.spi.card.EntryType;
import io.loyalty.spi.card.LedgerEntry;
import io.loyalty.spi.card.LotSource;
import io.loyalty.spi.event.Customer;
import io.loyalty.spi.event.Order;
import io.loyalty.spi.program.Condition;
import io.loyalty.spi.program.Program;
import io.loyalty.spi.reward.RedeemRequest;
import io.loyalty.spi.reward.Redemption;
import io.loyalty.spi.reward.Redemption.Fulfilment;
import io.loyalty.spi.reward.Redemption.FulfilmentStatus;
import io.loyalty.spi.reward.Reward;
import io.loyalty.spi.reward.RewardAssignment;
import io.loyalty.spi.reward.RewardKind;
import io.loyalty.spi.store.CardWrite;
import io.loyalty.spi.store.OutboxEvent;
import io.loyalty.spi.store.RewardWrite;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import io.loyalty.spi.RewardId;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Plans one redemption or its rollback on an open card ledger: the checks in Voucherify's order (each failure
 * with its key), the points drawn from lots, the stock and the card's redemption count, and the reward's
 * effect (points into another program's card, a pending delivery, an order discount). Pure: what it looks up beyond
 * the card comes through {@link Reads}, which the caller's read set answers. Thread-safe.
 */
public final class RedemptionPlanner {
  private final ConditionCompiler conditions;

  /** A planner compiling conditions with the engine's compiler. */
  public RedemptionPlanner(ConditionCompiler conditions) {
    this.conditions = conditions;
  }

  /**
   * What a redemption writes besides its card's ledger.
   *
   * @param redemption the redemption to insert, succeeded or failed
   * @param reward the reward with its count, {@code null} when nothing changes (failed)
   * @param otherCards another program's card credited by a LOYALTY_PROGRAM reward
   * @param otherEntries that card's entries
   * @param joins the events of that card's publication, when the reward made its holder join that program
   * @param batch an automatic transaction's further rewards after the first (at most 24 more), each its own
   *     redemption; empty otherwise
   */
  public record Plan(Redemption redemption, @Nullable RewardWrite reward, List<CardWrite> otherCards, List<LedgerEntry> otherEntries,
      List<OutboxEvent> joins, List<Redemption> batch) {
    Plan(Redemption redemption, @Nullable RewardWrite reward, List<CardWrite> otherCards, List<LedgerEntry> otherEntries,
        List<OutboxEvent> joins) {
      this(redemption, reward, otherCards, otherEntries, joins, List.of());
    }

    /** Whether the redemption failed a check (it is recorded, and nothing else changes). */
    public boolean failed() {
      return redemption.status() == Redemption.Status.FAILED;
    }

    /** How many redemptions the card gains: those that succeeded (a failed one takes nothing). */
    public int taken() {
      return failed() ? 0 : 1 + batch.size();
    }

    /** The redemptions the plan inserts: the first, then the batch. */
    public List<Redemption> redemptions() {
      if (batch.isEmpty()) {
        return List.of(redemption);
      }
      List<Redemption> all = new ArrayList<>(1 + batch.size());
      all.add(redemption);
      all.addAll(batch);
      return all;
    }
  }

  /**
   * Plans a redemption at {@code at}; on success it debits {@code ledger} (the caller finishes it). What it looks up
   * besides the card comes from {@code reads}; the cards it writes in other programs are staged with {@code staging}.
   */
  public Plan redeem(Program program, Card card, CardLedger ledger, RewardAssignment assignment, Reward reward,
      RedemptionId id, @Nullable RedeemRequest request, Customer customer, Instant at, boolean automatic,
      CardStaging staging, Reads reads) {
    Order order = request == null ? null : request.order();
    Failure failure = check(program, card, ledger, assignment, reward, request, customer, at, reads);
    if (failure != null) {
      return failed(attempt(id, request, program, card, assignment, reward.id(), at, automatic, order), failure.code(),
          failure.message());
    }
    long cost;
    long discount = 0;
    Order after = order;
    if (reward.kind() instanceof RewardKind.Coin coin) {
      // checked: paying with points has a request and an order (missing_order otherwise)
      Order paid = Objects.requireNonNull(order, "order");
      CoinMath.Payment payment = CoinMath.pay(coin, paid.currency(), paid.totalAmount(), ledger.balanceAt(at),
          Objects.requireNonNull(request, "request").points());
      cost = payment.points();
      discount = payment.discount();
      after = order.withDiscount(discount);
    } else {
      long balance = ledger.balanceAt(at);
      cost = Tiers.price(assignment, TierTimeline.tierAt(program, card, balance, at));
    }
    LedgerEntry debit = ledger.debit(new Debit(EntryType.POINTS_REDEMPTION, cost, new LedgerKey.OfRedemption(LedgerKey.OfRedemption.Kind.DEBIT, id), null,
        order == null ? null : order.id(), program.version(), (automatic ? "auto-redeemed " : "redeemed ") + reward.name(),
        null), at);
    List<CardWrite> otherCards = new ArrayList<>();
    List<LedgerEntry> otherEntries = new ArrayList<>();
    List<OutboxEvent> joins = new ArrayList<>(0);
    Fulfilment fulfilment = fulfil(reward, card, id, at, otherCards, otherEntries, joins, staging, reads);
    Redemption redemption = attempt(id, request, program, card, assignment, reward.id(), at, automatic, after)
        .status(Redemption.Status.SUCCEEDED).points(cost).draws(debit.draws()).discount(discount).fulfilment(fulfilment)
        .build();
    return new Plan(redemption, new RewardWrite(reward.withRedeemed(reward.redeemed() + 1), reward.version()), otherCards,
        otherEntries, joins);
  }

  /**
   * Auto-redeem: when a credit brings the card's balance from below the price of the program's auto-redeem
   * reward ({@code before}) to at least it (now, in {@code ledger}), that reward is redeemed in the same commit,
   * once per reach. Returns {@code null} when it is not due; when it is due but cannot be made (the reward deleted,
   * the day's 10 automatic transactions made, a check of the redemption failing) a failed redemption that takes
   * nothing, with its reason, so the skip is recorded and seen in the outbox.
   */
  @Nullable Plan autoRedeem(Program program, Card card, CardLedger ledger, long before, Supplier<RedemptionId> ids,
      Customer customer, Instant at, CardStaging staging, Reads reads) {
    RewardAssignment assignment = autoRedeemed(program);
    if (assignment == null) {
      return null;
    }
    long after = ledger.balanceAt(at);
    // priced by the tier the card is in when the redemption runs, after the credit (tiers are checked after it, 5.8)
    long due = Tiers.price(assignment, TierTimeline.tierAt(program, card, after, at));
    if (before >= due || after < due) {
      return null;
    }
    RedemptionId id = ids.get(); // due: only now derive its id (a SHA-256 of its causes)
    Reward reward = reads.reward(assignment.reward());
    if (reward == null || reward.deleted()) {
      return failed(attempt(id, null, program, card, assignment, assignment.reward(), at, true, null),
          ErrorCode.MISSING_REWARD, "the auto-redeem reward " + assignment.reward() + " is deleted");
    }
    if (automaticToday(program, card, at, reads) >= MAX_AUTOMATIC_PER_DAY) {
      return failed(attempt(id, null, program, card, assignment, reward.id(), at, true, null),
          ErrorCode.AUTO_REDEEM_DAILY_LIMIT, "the card made its " + MAX_AUTOMATIC_PER_DAY
          + " automatic transactions of the day");
    }
    Plan plan = redeem(program, card, ledger, assignment, reward, id, null, customer, at, true, staging, reads);
    if (plan.failed()) {
      return plan;
    }
    if (reward.kind() instanceof RewardKind.Campaign c && c.type() == RewardKind.CampaignType.LOYALTY_PROGRAM) {
      return plan; // it credits another card, which a second unit would have to chain: one per transaction
    }
    // One transaction covers as many rewards as the balance pays for, up to 25, each passing every check again
    // (stock, the card's redemption quantity) on what the units before it took.
    List<Redemption> batch = new ArrayList<>();
    Reward taken = reward;
    Card spent = card;
    long price = due;
    for (int unit = 2; unit <= MAX_REWARDS_PER_AUTOMATIC && ledger.balanceAt(at) >= price; unit++) {
      taken = new Reward(taken.id(), taken.version(), taken.name(), taken.kind(), taken.stock(), taken.redeemed() + 1,
          taken.deleted(), taken.metadata(), taken.costs());
      spent = spent.withRedemptions(spent.redemptions() + 1);
      Plan next = redeem(program, spent, ledger, assignment, taken, DerivedIds.batchRedemption(id, unit), null, customer,
          at, true, staging, reads);
      if (next.failed()) {
        break;
      }
      batch.add(next.redemption());
    }
    if (batch.isEmpty()) {
      return plan;
    }
    return new Plan(plan.redemption(), new RewardWrite(reward.withRedeemed(reward.redeemed() + 1 + batch.size()),
        reward.version()), plan.otherCards(), plan.otherEntries(), plan.joins(), batch);
  }

  /** A redemption that was not made: recorded FAILED with its key and message, taking nothing. */
  private static Plan failed(Redemption.Builder attempt, ErrorCode code, String message) {
    return new Plan(attempt.status(Redemption.Status.FAILED).failureCode(code.key()).failureMessage(message)
        .fulfilment(Fulfilment.NONE).build(), null, List.of(), List.of(), List.of());
  }

  /**
   * The auto-redemption a change on an open ledger triggers, planned on it and staged with {@code staging}, or
   * {@code null}: when the balance last recorded on the card ({@link Card#ledgerBalance()}, so activations this write
   * settled count too) was below the price and the ledger now reaches it, within Voucherify's daily limit; {@code id}
   * is asked only when it is due.
   */
  public @Nullable Plan autoRedeemOnReach(Program program, Card card, CardLedger ledger, Supplier<RedemptionId> id,
      Customer customer, Instant at, CardStaging staging, Reads reads) {
    if (!hasAutoRedeem(program)) {
      return null;
    }
    return autoRedeem(program, card, ledger, card.ledgerBalance(), id, customer, at, staging, reads);
  }

  /** Whether the program has a reward it redeems by itself. */
  public static boolean hasAutoRedeem(Program program) {
    for (int i = 0; i < program.rewards().size(); i++) {
      if (program.rewards().get(i).autoRedeem()) {
        return true;
      }
    }
    return false;
  }

  /** The assignment auto-redeem uses: the program's first auto-redeem one, when it has a price; else {@code null}. */
  public static @Nullable RewardAssignment autoRedeemed(Program program) {
    List<RewardAssignment> rewards = program.rewards();
    for (int i = 0; i < rewards.size(); i++) {
      RewardAssignment assignment = rewards.get(i);
      if (assignment.autoRedeem()) {
        return assignment.points() == null ? null : assignment;
      }
    }
    return null;
  }

  /** What every redemption of this request records, whatever its outcome. */
  private static Redemption.Builder attempt(RedemptionId id, @Nullable RedeemRequest request, Program program, Card card,
      RewardAssignment assignment, RewardId reward, Instant at, boolean automatic, @Nullable Order order) {
    return Redemption.builder().id(id).version(1).request(request).program(program.id()).card(card.code())
        .assignment(assignment.id()).reward(reward).at(at).automatic(automatic).order(order);
  }

  /** Voucherify's anti-fraud limit: at most this many automatic transactions per card and day (digest §5.8). */
  public static final int MAX_AUTOMATIC_PER_DAY = 10;
  /** And at most this many rewards in one automatic transaction. */
  public static final int MAX_REWARDS_PER_AUTOMATIC = 25;

  /**
   * The card's automatic transactions on the day of {@code at} in the program's zone: its successful automatic
   * redemptions, less the further units of a transaction (recognised by their ids, derived from the first's).
   */
  private static int automaticToday(Program program, Card card, Instant at, Reads reads) {
    if (card.redemptions() == 0) {
      return 0; // the common case: nothing to read
    }
    java.time.LocalDate today = at.atZone(program.zone()).toLocalDate();
    java.util.Set<RedemptionId> ids = new java.util.HashSet<>();
    for (Redemption r : reads.redemptions(card.code())) {
      if (r.automatic() && r.status() == Redemption.Status.SUCCEEDED && r.at().atZone(program.zone()).toLocalDate()
          .equals(today)) {
        ids.add(r.id());
      }
    }
    int transactions = ids.size();
    for (RedemptionId first : List.copyOf(ids)) {
      for (int unit = 2; unit <= MAX_REWARDS_PER_AUTOMATIC; unit++) {
        if (!ids.contains(DerivedIds.batchRedemption(first, unit))) {
          break;
        }
        transactions--;
      }
    }
    return transactions;
  }

  /** The points a LOYALTY_PROGRAM reward gives (validated: 1 to MAX_POINTS). */
  private static long campaignPoints(RewardKind.Campaign campaign) {
    return Objects.requireNonNull(campaign.balance(), "a points reward gives points");
  }

  /** Why a redemption failed: its code in the registry and a message that names no customer. */
  private record Failure(ErrorCode code, String message) {}

  /** The first failed check, or {@code null} when the redemption may go ahead. */
  /**
   * Whether the assignment's own condition holds for the customer (and order), on the host's answers in {@code reads}:
   * how a v2 offer's first matching cost is found.
   */
  public boolean conditionHolds(RewardAssignment assignment, Customer customer, @Nullable Order order, Reads reads) {
    Condition condition = assignment.condition();
    return condition == null || conditions.compile(condition).check(EvaluationContext.forRedemption(customer, order,
        reads.answers())) == null;
  }

  /**
   * Whether a v2 cost restricted to tiers is the price for the holder at {@code at}: the member holds one of its tiers
   * in the program's structure (read on its card of the structure's wallet, settled to {@code at}); true for a cost
   * for every member.
   */
  public static boolean tierHolds(Program program, RewardAssignment assignment, @Nullable CustomerId holder,
      Reads reads, Instant at) {
    RewardAssignment.CostOf cost = assignment.cost();
    if (cost == null || cost.tiers().isEmpty()) {
      return true;
    }
    io.loyalty.spi.tier.TierStructure s = program.tierStructure();
    Card tracked = s == null || holder == null ? null : reads.cardOf(program.id(), holder, s.tracking().wallet());
    if (s == null || tracked == null) {
      return false;
    }
    io.loyalty.spi.tier.StructureTier held = io.loyalty.core.internal.eval.StructureTimeline.heldAt(s,
        io.loyalty.core.internal.eval.StructureTimeline.settled(s, program.zone(), tracked, at), at);
    return held != null && cost.tiers().contains(held.id());
  }

  private @Nullable Failure check(Program program, Card card, CardLedger ledger, RewardAssignment assignment, Reward reward,
      @Nullable RedeemRequest request, Customer customer, Instant at, Reads reads) {
    if (!card.isPublished()) {
      return new Failure(ErrorCode.CARD_NOT_PUBLISHED, "card " + card.code() + " is not published to a customer");
    }
    if (!card.active()) {
      return new Failure(ErrorCode.VOUCHER_DISABLED, "card " + card.code() + " is not active");
    }
    if (!card.isValidAt(at)) {
      return new Failure(ErrorCode.VOUCHER_EXPIRED, "card " + card.code() + " expired at " + card.expiresAt());
    }
    if (!program.active() || ValidityWindow.forProgram(program.validity(), program.zone()).check(at) != null) {
      return new Failure(ErrorCode.CAMPAIGN_NOT_ACTIVE, "program " + program.id() + " is not in force");
    }
    boolean coin = reward.kind() instanceof RewardKind.Coin;
    Order order = request == null ? null : request.order();
    if (coin && order == null) {
      return new Failure(ErrorCode.MISSING_ORDER, "paying with points needs an order");
    }
    Long quantity = program.card().redemptionQuantity() == null ? null : program.card().redemptionQuantity().longValue();
    if (quantity != null && card.redemptions() >= quantity) {
      return new Failure(ErrorCode.QUANTITY_EXCEEDED, "card " + card.code() + " has used its " + quantity + " redemptions");
    }
    if (!reward.inStock()) {
      return new Failure(ErrorCode.REWARD_OUT_OF_STOCK, "reward " + reward.id() + " has none of its " + reward.stock() + " left");
    }
    for (Condition condition : new Condition[] {program.redemptionCondition(), assignment.condition()}) {
      if (condition != null) {
        CompiledCondition.Failure failed = conditions.compile(condition).check(EvaluationContext.forRedemption(customer, order,
            reads.answers()));
        if (failed != null) {
          return new Failure(ErrorCode.CUSTOMER_RULES_VIOLATED, failed.description());
        }
      }
    }
    if (!tierHolds(program, assignment, card.holder(), reads, at)) {
      return new Failure(ErrorCode.CUSTOMER_RULES_VIOLATED, "cost " + assignment.id() + " is for members in "
          + Objects.requireNonNull(assignment.cost(), "a v2 cost").tiers() + " only");
    }
    long balance = ledger.balanceAt(at);
    if (coin) {
      Long requested = Objects.requireNonNull(request, "a payment is requested").points();
      Order paying = Objects.requireNonNull(order, "checked above: missing_order");
      if (requested != null && requested > balance) {
        return new Failure(ErrorCode.LOYALTY_CARD_POINTS_EXCEEDED, "card " + card.code() + " has " + balance + " usable points, not " + requested);
      }
      if (paying.totalAmount() == 0) {
        return new Failure(ErrorCode.PAYMENT_EXCEEDS_ORDER_TOTAL, "order " + paying.id() + " has nothing left to pay");
      }
      if (CoinMath.pay((RewardKind.Coin) reward.kind(), paying.currency(), paying.totalAmount(), balance, requested).points() == 0) {
        return new Failure(ErrorCode.LOYALTY_CARD_POINTS_EXCEEDED, "card " + card.code() + " has no usable points to pay with");
      }
    } else {
      long price = Tiers.price(assignment, TierTimeline.tierAt(program, card, balance, at));
      if (balance < price) {
        return new Failure(ErrorCode.LOYALTY_CARD_POINTS_EXCEEDED, "card " + card.code() + " has " + balance
            + " usable points, the reward costs " + price);
      }
      String over = spendingLimitPassed(program, card, price, at,
          program.wallet(card.wallet()).filter(w -> w.spendingLimits().countsHistory()).isPresent()
              ? reads.redemptions(card.code()) : List.of());
      if (over != null) {
        return new Failure(ErrorCode.SPENDING_LIMIT_EXCEEDED, "card " + card.code() + ": " + over);
      }
    }
    return null;
  }

  /**
   * Which of the card's v2 wallet's spending limits spending {@code price} more at {@code at} would pass, {@code null}
   * when none: the most per purchase, in all, or in the current calendar period, counting what the card's
   * redemptions spent and still hold (a rolled-back one gave its points back).
   */
  public static @Nullable String spendingLimitPassed(Program program, Card card, long price, Instant at,
      List<Redemption> earlier) {
    io.loyalty.spi.program.SpendingLimits limits = program.wallet(card.wallet())
        .map(io.loyalty.spi.program.CardDefinition::spendingLimits).orElse(io.loyalty.spi.program.SpendingLimits.NONE);
    if (limits.isNone()) {
      return null;
    }
    if (limits.perTransaction() != null && price > limits.perTransaction()) {
      return "a purchase of " + price + " points passes the wallet's " + limits.perTransaction() + " per purchase";
    }
    Instant from = limits.period() == null ? null
        : io.loyalty.core.internal.eval.WalletOutcomes.periodStart(limits.period().unit(), at, program.zone());
    long spent = 0;
    long inPeriod = 0;
    for (Redemption r : earlier) {
      if (r.status() == Redemption.Status.SUCCEEDED) {
        spent = Math.addExact(spent, r.points());
        if (from != null && !r.at().isBefore(from)) {
          inPeriod = Math.addExact(inPeriod, r.points());
        }
      }
    }
    if (limits.lifetime() != null && Math.addExact(spent, price) > limits.lifetime()) {
      return "spending " + price + " more points passes the wallet's " + limits.lifetime() + " in all (" + spent
          + " spent)";
    }
    if (limits.period() != null && Math.addExact(inPeriod, price) > limits.period().points()) {
      return "spending " + price + " more points passes the wallet's " + limits.period().points() + " per "
          + limits.period().unit() + " (" + inPeriod + " spent)";
    }
    return null;
  }

  /** The reward's delivery: points into another program's card now, anything else pending. */
  private static Fulfilment fulfil(Reward reward, Card card, RedemptionId id, Instant at, List<CardWrite> cards,
      List<LedgerEntry> entries, List<OutboxEvent> joins, CardStaging staging, Reads reads) {
    if (reward.kind() instanceof RewardKind.Coin) {
      return Fulfilment.NONE;
    }
    if (reward.kind() instanceof RewardKind.Campaign campaign && campaign.type() == RewardKind.CampaignType.LOYALTY_PROGRAM) {
      ProgramId otherId = ProgramId.of(campaign.campaign());
      Program other = reads.program(otherId);
      if (other == null) {
        throw new io.loyalty.spi.NotFoundException("program", otherId);
      }
      CustomerId holder = Objects.requireNonNull(card.holder(), "a published card has a holder");
      Card target = staging.cardOf(otherId, holder, WalletId.MAIN, reads);
      Card base = target; // as read from the store unless a write of this change set staged it
      long expected;
      List<Credit> credits = new ArrayList<>();
      if (target == null) {
        Publication joined = Publication.ofPool(other, holder, reads.pool(other, holder, at), at, true);
        target = joined.card();
        base = null;
        expected = joined.expectedVersion();
        credits.addAll(joined.initialCredits());
        if (joined.refill() > 0) {
          staging.refill(new Refill(other, joined.refill(), target.code()));
        }
        joins.add(Outbox.joined(target, at));
      } else {
        expected = staging.expectedFor(target);
      }
      credits.add(Credit.now(EntryType.POINTS_ADDITION, campaignPoints(campaign),
          new LedgerKey.OfRedemption(LedgerKey.OfRedemption.Kind.REWARD, id),
          new LotSource(null, null, other.version(), null), "reward " + reward.name(),
          CreditTerms.forProgram(other, at).expiresAt()));
      CardTransition t = CardLedger.credit(target, credits, at);
      cards.add(new CardWrite(t.card(), expected, base != null && base.version() == expected ? base : null));
      entries.addAll(t.entries());
      return new Fulfilment(FulfilmentStatus.COMPLETE, target.code().value());
    }
    return new Fulfilment(FulfilmentStatus.PENDING, "");
  }

  /**
   * Plans giving a redemption back: its points to the lots they came from (or a fresh lot where those expired),
   * its stock and the card's redemption count; a LOYALTY_PROGRAM reward's points are taken back from the other
   * card as far as its balance goes.
   */
  public Plan giveBack(Program program, Card card, CardLedger ledger, Redemption redemption, @Nullable Reward reward,
      Instant at, Redemption.Status status, @Nullable String failureCode, String reason, List<CardWrite> otherCards,
      List<LedgerEntry> otherEntries, Reads reads) {
    if (redemption.points() > 0) {
      ledger.restore(redemption.draws(), at, CreditTerms.forProgram(program, at).expiresAt(),
          new LotSource(null, null, program.version(), null), new LedgerKey.OfRedemption(LedgerKey.OfRedemption.Kind.ROLLBACK, redemption.id()),
          "redemption " + redemption.id() + " given back: " + reason);
    }
    if (reward != null && reward.kind() instanceof RewardKind.Campaign campaign
        && campaign.type() == RewardKind.CampaignType.LOYALTY_PROGRAM && !redemption.fulfilment().reference().isEmpty()) {
      Card other = reads.card(io.loyalty.spi.CardCode.of(redemption.fulfilment().reference()));
      if (other != null) {
        CardLedger otherLedger = CardLedger.open(other).settle(at);
        long take = Math.min(campaignPoints(campaign), Math.max(0, otherLedger.balanceAt(at)));
        if (take > 0) {
          otherLedger.debit(Debit.manual(EntryType.POINTS_REMOVAL, take, new LedgerKey.OfRedemption(LedgerKey.OfRedemption.Kind.REWARD_ROLLBACK, redemption.id()),
              program.version(), "reward of redemption " + redemption.id() + " given back"), at);
        }
        // written even when nothing is taken: the compare-and-set proves the balance was read as stored
        CardTransition t = otherLedger.finish();
        otherCards.add(CardWrite.over(other, t.card()));
        otherEntries.addAll(t.entries());
      }
    }
    FulfilmentStatus delivery = redemption.fulfilment().status() == FulfilmentStatus.NONE ? FulfilmentStatus.NONE
        : status == Redemption.Status.FAILED ? FulfilmentStatus.FAILED : FulfilmentStatus.REVOKED;
    Redemption back = redemption.with(status, new Fulfilment(delivery, redemption.fulfilment().reference()), failureCode,
        status == Redemption.Status.FAILED ? reason : redemption.failureMessage(),
        status == Redemption.Status.ROLLED_BACK ? at : null, status == Redemption.Status.ROLLED_BACK ? reason : "");
    RewardWrite rewardWrite = reward == null ? null
        : new RewardWrite(reward.withRedeemed(Math.max(0, reward.redeemed() - 1)), reward.version());
    return new Plan(back, rewardWrite, otherCards, otherEntries, List.of());
  }
}
