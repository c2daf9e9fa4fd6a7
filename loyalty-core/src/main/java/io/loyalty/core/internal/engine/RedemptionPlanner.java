package io.loyalty.core.internal.engine;

import io.loyalty.core.internal.ledger.EntryKey;
import io.loyalty.core.internal.condition.CompiledCondition;
import io.loyalty.core.internal.condition.ConditionCompiler;
import io.loyalty.core.internal.eval.EvaluationContext;
import io.loyalty.core.internal.ledger.CardLedger;
import io.loyalty.core.internal.ledger.CardTransition;
import io.loyalty.core.internal.ledger.Credit;
import io.loyalty.core.internal.ledger.Debit;
import io.loyalty.core.internal.reward.CoinMath;
import io.loyalty.core.internal.validity.ValidityWindow;
import io.loyalty.spi.CustomerId;
import io.loyalty.spi.ErrorCode;
import io.loyalty.spi.ProgramId;
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
import io.loyalty.spi.store.LoyaltyStore;
import io.loyalty.spi.store.RewardWrite;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Plans one redemption or its rollback on an open card ledger: the checks in Voucherify's order (each failure
 * with its key), the points drawn from lots, the stock and the card's redemption count, and the reward's
 * effect (points into another program's card, a pending delivery, an order discount).
 */
final class RedemptionPlanner {
  private final LoyaltyStore store;
  private final ConditionCompiler conditions;
  private final Enrolment enrolment;
  private final java.util.function.Supplier<io.loyalty.core.internal.eval.Answers> answers;

  RedemptionPlanner(LoyaltyStore store, ConditionCompiler conditions, Enrolment enrolment,
      java.util.function.Supplier<io.loyalty.core.internal.eval.Answers> answers) {
    this.answers = answers;
    this.store = store;
    this.conditions = conditions;
    this.enrolment = enrolment;
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
  record Plan(Redemption redemption, @Nullable RewardWrite reward, List<CardWrite> otherCards, List<LedgerEntry> otherEntries,
      List<OutboxEvent> joins, List<Redemption> batch) {
    Plan(Redemption redemption, @Nullable RewardWrite reward, List<CardWrite> otherCards, List<LedgerEntry> otherEntries,
        List<OutboxEvent> joins) {
      this(redemption, reward, otherCards, otherEntries, joins, List.of());
    }

    boolean failed() {
      return redemption.status() == Redemption.Status.FAILED;
    }

    /** The redemptions the plan inserts: the first, then the batch. */
    List<Redemption> redemptions() {
      if (batch.isEmpty()) {
        return List.of(redemption);
      }
      List<Redemption> all = new ArrayList<>(1 + batch.size());
      all.add(redemption);
      all.addAll(batch);
      return all;
    }
  }

  /** Plans a redemption at {@code at}; on success it debits {@code ledger} (the caller finishes it). */
  Plan redeem(Program program, Card card, CardLedger ledger, RewardAssignment assignment, Reward reward, RedemptionId id,
      @Nullable RedeemRequest request, Customer customer, Instant at, boolean automatic, CardStaging staging) {
    Order order = request == null ? null : request.order();
    Failure failure = check(program, card, ledger, assignment, reward, request, customer, at);
    if (failure != null) {
      return new Plan(attempt(id, request, program, card, assignment, reward, at, automatic, order)
          .status(Redemption.Status.FAILED).failureCode(failure.code().key()).failureMessage(failure.message())
          .fulfilment(Fulfilment.NONE).build(), null, List.of(), List.of(), List.of());
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
      cost = price(assignment);
    }
    LedgerEntry debit = ledger.debit(new Debit(EntryType.POINTS_REDEMPTION, cost, new EntryKey.OfRedemption(EntryKey.OfRedemption.Kind.DEBIT, id).text(), null,
        order == null ? null : order.id(), program.version(), (automatic ? "auto-redeemed " : "redeemed ") + reward.name(),
        null), at);
    List<CardWrite> otherCards = new ArrayList<>();
    List<LedgerEntry> otherEntries = new ArrayList<>();
    List<OutboxEvent> joins = new ArrayList<>(0);
    Fulfilment fulfilment = fulfil(reward, card, id, at, otherCards, otherEntries, joins, staging);
    Redemption redemption = attempt(id, request, program, card, assignment, reward, at, automatic, after)
        .status(Redemption.Status.SUCCEEDED).points(cost).draws(debit.draws()).discount(discount).fulfilment(fulfilment)
        .build();
    return new Plan(redemption, new RewardWrite(reward.withRedeemed(reward.redeemed() + 1), reward.version()), otherCards,
        otherEntries, joins);
  }

  /**
   * Auto-redeem: when a credit brings the card's balance from below the price of the program's auto-redeem
   * reward ({@code before}) to at least it (now, in {@code ledger}), that reward is redeemed in the same commit,
   * once per reach. Returns {@code null} when it does not fire or a check fails (it is then skipped silently).
   */
  @Nullable Plan autoRedeem(Program program, Card card, CardLedger ledger, long before, RedemptionId id,
      Customer customer, Instant at, CardStaging staging) {
    RewardAssignment assignment = program.rewards().stream().filter(RewardAssignment::autoRedeem).findFirst().orElse(null);
    if (assignment == null || assignment.points() == null) {
      return null;
    }
    long after = ledger.balanceAt(at);
    if (before >= assignment.points() || after < assignment.points()) {
      return null;
    }
    Reward reward = store.reward(assignment.reward()).filter(r -> !r.deleted()).orElse(null);
    if (reward == null || automaticToday(program, card, at) >= MAX_AUTOMATIC_PER_DAY) {
      return null;
    }
    Plan plan = redeem(program, card, ledger, assignment, reward, id, null, customer, at, true, staging);
    if (plan.failed()) {
      return null;
    }
    if (reward.kind() instanceof RewardKind.Campaign c && c.type() == RewardKind.CampaignType.LOYALTY_PROGRAM) {
      return plan; // it credits another card, which a second unit would have to chain: one per transaction
    }
    // One transaction covers as many rewards as the balance pays for, up to 25, each passing every check again
    // (stock, the card's redemption quantity) on what the units before it took.
    List<Redemption> batch = new ArrayList<>();
    Reward taken = reward;
    Card spent = card;
    long price = price(assignment);
    for (int unit = 2; unit <= MAX_REWARDS_PER_AUTOMATIC && ledger.balanceAt(at) >= price; unit++) {
      taken = new Reward(taken.id(), taken.version(), taken.name(), taken.kind(), taken.stock(), taken.redeemed() + 1,
          taken.deleted(), taken.metadata());
      spent = spent.withRedemptions(spent.redemptions() + 1);
      Plan next = redeem(program, spent, ledger, assignment, taken, EntryKey.batchRedemption(id, unit), null, customer,
          at, true, staging);
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

  /** What every redemption of this request records, whatever its outcome. */
  private static Redemption.Builder attempt(RedemptionId id, @Nullable RedeemRequest request, Program program, Card card,
      RewardAssignment assignment, Reward reward, Instant at, boolean automatic, @Nullable Order order) {
    return Redemption.builder().id(id).version(1).request(request).program(program.id()).card(card.code())
        .assignment(assignment.id()).reward(reward.id()).at(at).automatic(automatic).order(order);
  }

  /** Voucherify's anti-fraud limit: at most this many automatic transactions per card and day (digest §5.8). */
  static final int MAX_AUTOMATIC_PER_DAY = 10;
  /** And at most this many rewards in one automatic transaction. */
  static final int MAX_REWARDS_PER_AUTOMATIC = 25;

  /**
   * The card's automatic transactions on the day of {@code at} in the program's zone: its successful automatic
   * redemptions, less the further units of a transaction (recognised by their ids, derived from the first's).
   */
  private int automaticToday(Program program, Card card, Instant at) {
    if (card.redemptions() == 0) {
      return 0; // the common case: nothing to read
    }
    java.time.LocalDate today = at.atZone(program.zone()).toLocalDate();
    java.util.Set<RedemptionId> ids = new java.util.HashSet<>();
    for (Redemption r : store.redemptions(card.code())) {
      if (r.automatic() && r.status() == Redemption.Status.SUCCEEDED && r.at().atZone(program.zone()).toLocalDate()
          .equals(today)) {
        ids.add(r.id());
      }
    }
    int transactions = ids.size();
    for (RedemptionId first : List.copyOf(ids)) {
      for (int unit = 2; unit <= MAX_REWARDS_PER_AUTOMATIC; unit++) {
        if (!ids.contains(EntryKey.batchRedemption(first, unit))) {
          break;
        }
        transactions--;
      }
    }
    return transactions;
  }

  /** The price of an assignment that is not pay-with-points (validated: such an assignment has one). */
  private static long price(RewardAssignment assignment) {
    return Objects.requireNonNull(assignment.points(), "an assignment that is not pay-with-points has a price");
  }

  /** The points a LOYALTY_PROGRAM reward gives (validated: 1 to MAX_POINTS). */
  private static long campaignPoints(RewardKind.Campaign campaign) {
    return Objects.requireNonNull(campaign.balance(), "a points reward gives points");
  }

  /** Why a redemption failed: its code in the registry and a message that names no customer. */
  private record Failure(ErrorCode code, String message) {}

  /** The first failed check, or {@code null} when the redemption may go ahead. */
  private @Nullable Failure check(Program program, Card card, CardLedger ledger, RewardAssignment assignment, Reward reward,
      @Nullable RedeemRequest request, Customer customer, Instant at) {
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
            answers.get()));
        if (failed != null) {
          return new Failure(ErrorCode.CUSTOMER_RULES_VIOLATED, failed.description());
        }
      }
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
    } else if (balance < price(assignment)) {
      return new Failure(ErrorCode.LOYALTY_CARD_POINTS_EXCEEDED, "card " + card.code() + " has " + balance + " usable points, the reward costs "
          + price(assignment));
    }
    return null;
  }

  /** The reward's delivery: points into another program's card now, anything else pending. */
  private Fulfilment fulfil(Reward reward, Card card, RedemptionId id, Instant at, List<CardWrite> cards, List<LedgerEntry> entries,
      List<OutboxEvent> joins, CardStaging staging) {
    if (reward.kind() instanceof RewardKind.Coin) {
      return Fulfilment.NONE;
    }
    if (reward.kind() instanceof RewardKind.Campaign campaign && campaign.type() == RewardKind.CampaignType.LOYALTY_PROGRAM) {
      ProgramId otherId = ProgramId.of(campaign.campaign());
      Program other = store.program(otherId).orElseThrow(() -> new io.loyalty.spi.NotFoundException("program", otherId));
      CustomerId holder = Objects.requireNonNull(card.holder(), "a published card has a holder");
      Card target = staging.cardOf(otherId, holder);
      Card base = target; // as read from the store unless a write of this change set staged it
      long expected;
      List<Credit> credits = new ArrayList<>();
      if (target == null) {
        Publication joined = enrolment.prepare(other, holder, null, at, true);
        target = joined.card();
        base = null;
        expected = joined.expectedVersion();
        credits.addAll(joined.initialCredits());
        cards.addAll(joined.refills());
        joins.add(Outbox.joined(target, at));
      } else {
        expected = staging.expectedFor(target);
      }
      credits.add(Credit.now(EntryType.POINTS_ADDITION, campaignPoints(campaign),
          new EntryKey.OfRedemption(EntryKey.OfRedemption.Kind.REWARD, id).text(),
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
  Plan giveBack(Program program, Card card, CardLedger ledger, Redemption redemption, @Nullable Reward reward, Instant at,
      Redemption.Status status, @Nullable String failureCode, String reason, List<CardWrite> otherCards,
      List<LedgerEntry> otherEntries) {
    if (redemption.points() > 0) {
      ledger.restore(redemption.draws(), at, CreditTerms.forProgram(program, at).expiresAt(),
          new LotSource(null, null, program.version(), null), new EntryKey.OfRedemption(EntryKey.OfRedemption.Kind.ROLLBACK, redemption.id()).text(),
          "redemption " + redemption.id() + " given back: " + reason);
    }
    if (reward != null && reward.kind() instanceof RewardKind.Campaign campaign
        && campaign.type() == RewardKind.CampaignType.LOYALTY_PROGRAM && !redemption.fulfilment().reference().isEmpty()) {
      Card other = store.card(io.loyalty.spi.CardCode.of(redemption.fulfilment().reference())).orElse(null);
      if (other != null) {
        CardLedger otherLedger = CardLedger.open(other).settle(at);
        long take = Math.min(campaignPoints(campaign), Math.max(0, otherLedger.balanceAt(at)));
        if (take > 0) {
          otherLedger.debit(Debit.manual(EntryType.POINTS_REMOVAL, take, new EntryKey.OfRedemption(EntryKey.OfRedemption.Kind.REWARD_ROLLBACK, redemption.id()).text(),
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
