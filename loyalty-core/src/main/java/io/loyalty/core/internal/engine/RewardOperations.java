package io.loyalty.core.internal.engine;

import io.loyalty.core.AlreadyRolledBackException;
import io.loyalty.core.DefinitionConflictException;
import io.loyalty.core.MemberReward;
import io.loyalty.core.MissingRewardException;
import io.loyalty.core.RedemptionIdReusedException;
import io.loyalty.core.RollbackWindowPassedException;
import io.loyalty.core.internal.decide.CardStaging;
import io.loyalty.core.internal.decide.Outbox;
import io.loyalty.core.internal.decide.ReadSet;
import io.loyalty.core.internal.decide.RedemptionPlanner;
import io.loyalty.core.internal.ledger.CardLedger;
import io.loyalty.core.internal.load.Enrolment;
import io.loyalty.core.internal.load.Loader;
import io.loyalty.core.internal.ledger.CardTransition;
import io.loyalty.core.internal.validation.RedeemRequestValidator;
import io.loyalty.core.internal.validation.RewardValidator;
import io.loyalty.core.internal.validation.Violations;
import io.loyalty.spi.CardCode;
import io.loyalty.spi.ErrorCode;
import io.loyalty.spi.InvalidInputException;
import io.loyalty.spi.NotFoundException;
import io.loyalty.spi.ProgramId;
import io.loyalty.spi.RedemptionId;
import io.loyalty.spi.RewardId;
import io.loyalty.spi.card.Card;
import io.loyalty.spi.card.LedgerEntry;
import io.loyalty.spi.event.Customer;
import io.loyalty.spi.host.RewardFulfilment;
import io.loyalty.spi.program.Program;
import io.loyalty.spi.reward.RedeemRequest;
import io.loyalty.spi.reward.Redemption;
import io.loyalty.spi.reward.Redemption.Fulfilment;
import io.loyalty.spi.reward.Redemption.FulfilmentStatus;
import io.loyalty.spi.reward.Reward;
import io.loyalty.spi.reward.RewardAssignment;
import io.loyalty.spi.reward.RewardKind;
import io.loyalty.spi.store.CardWrite;
import io.loyalty.spi.store.ChangeSet;
import io.loyalty.spi.store.CommitResult;
import io.loyalty.spi.store.LoyaltyStore;
import io.loyalty.spi.store.RedemptionWrite;
import io.loyalty.spi.store.RewardWrite;
import java.time.Instant;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The reward catalog and redemptions: define and delete rewards, redeem exactly once per idempotency key,
 * deliver campaign rewards through the host after the commit (and give everything back if it refuses), roll
 * back within the window, complete material deliveries, list a member's rewards. Thread-safe.
 */
public final class RewardOperations {
  private static final Logger LOG = LoggerFactory.getLogger(RewardOperations.class);

  private final LoyaltyStore store;
  private final Committer committer;
  private final EngineClock clock;
  private final Retry retry;
  private final RedemptionPlanner planner;
  private final Loader loader;
  private final Enrolment enrolment;
  private final RewardFulfilment fulfilment;
  private final Period rollbackWindow;

  RewardOperations(LoyaltyStore store, Committer committer, EngineClock clock, Retry retry, RedemptionPlanner planner,
      Loader loader, Enrolment enrolment, RewardFulfilment fulfilment, Period rollbackWindow) {
    this.store = store;
    this.loader = loader;
    this.enrolment = enrolment;
    this.committer = committer;
    this.clock = clock;
    this.retry = retry;
    this.planner = planner;
    this.fulfilment = fulfilment;
    this.rollbackWindow = rollbackWindow;
  }

  /**
   * Validates and stores the reward as its next version; its redeemed count stays the engine's. A LOYALTY_PROGRAM
   * reward must name a program that is defined (programs are never deleted, so it stays redeemable).
   */
  public Reward define(Reward reward, @Nullable Long expectedVersion) {
    Violations violations = new Violations();
    violations.addAll(RewardValidator.validate(reward));
    if (violations.isEmpty() && reward.kind() instanceof RewardKind.Campaign c
        && c.type() == RewardKind.CampaignType.LOYALTY_PROGRAM) {
      ProgramId target = programId(c.campaign());
      violations.check(target != null && store.program(target).isPresent(), "parameters.campaign.id",
          "names no loyalty program; define the program the points go into first", c.campaign());
    }
    violations.throwIfAny();
    return retry.run("define reward " + reward.id(), () -> {
      Optional<Reward> stored = store.reward(reward.id());
      long version = stored.map(Reward::version).orElse(0L);
      if (expectedVersion != null && version != expectedVersion) {
        throw new DefinitionConflictException("reward " + reward.id(), expectedVersion, version);
      }
      Reward next = new Reward(reward.id(), version + 1, reward.name(), reward.kind(), reward.stock(),
          stored.map(Reward::redeemed).orElse(0L), false, reward.metadata(), reward.costs());
      return commitRewards(new RewardWrite(next, version)) ? next : null;
    });
  }

  private static @Nullable ProgramId programId(String text) {
    try {
      return ProgramId.of(text);
    } catch (InvalidInputException e) {
      return null; // not even an id: it names no program
    }
  }

  /** Deletes the reward: it can no longer be redeemed; past redemptions still name it. */
  public Reward delete(RewardId id) {
    return retry.run("delete reward " + id, () -> {
      Reward stored = store.reward(id).orElseThrow(() -> new NotFoundException("reward", id));
      Reward deleted = new Reward(id, stored.version() + 1, stored.name(), stored.kind(), stored.stock(), stored.redeemed(),
          true, stored.metadata(), stored.costs());
      return commitRewards(new RewardWrite(deleted, stored.version())) ? deleted : null;
    });
  }

  /** The reward, if defined and not deleted. */
  public Reward reward(RewardId id) {
    return store.reward(id).filter(r -> !r.deleted()).orElseThrow(() -> new NotFoundException("reward", id));
  }

  /**
   * Redeems once per request id: a failed check is recorded as a failed redemption that took nothing; a
   * campaign reward is delivered by the host after the commit, from the redemption's outbox event, and if the host
   * refuses, everything is given back and the redemption is recorded as failed ({@code reward_fulfilment_failed}). The request is validated whole
   * before anything is read; its conditions are checked against the card's holder.
   *
   * @throws MissingRewardException when the request names no reward assignment
   * @throws InvalidInputException listing every offending field, or on {@code customer.id} when the request names a
   *     customer who is not the card's holder; nothing is written
   */
  public Redemption redeem(RedeemRequest request) {
    if (request.assignment() == null) {
      throw new MissingRewardException();
    }
    Violations violations = new Violations();
    violations.addAll(RedeemRequestValidator.validate(request));
    violations.throwIfAny();
    Redemption committed = retry.run("redeem ", request.id(), () -> {
      Optional<Redemption> existing = store.redemption(request.id());
      if (existing.isPresent()) {
        if (!request.equals(existing.get().request())) {
          throw new RedemptionIdReusedException("redemption id " + request.id() + " was used for another request");
        }
        return existing.get();
      }
      Card named = store.card(request.card()).orElseThrow(() -> new NotFoundException("card", request.card()));
      Program program = store.program(named.program()).orElseThrow(() -> new NotFoundException("program", named.program()));
      Instant now = clock.now();
      Customer customer = conditionsSubject(request, named);
      Card card = named;
      RewardAssignment assignment;
      if (program.isV2()) {
        // a v2 offer: its first cost whose condition holds is the price, paid from that wallet's card (never another)
        Priced priced = price(program, named, request, customer, now);
        card = priced.card();
        assignment = priced.cost();
      } else {
        assignment = program.reward(request.assignment())
            .orElseThrow(() -> new NotFoundException("reward_assignment", request.assignment() + " in program " + program.id()));
      }
      Reward reward = reward(assignment.reward());
      CardLedger ledger = CardLedger.open(card).settle(now);
      // what the redemption reads besides the card is gathered first, then it is decided from that alone
      ReadSet reads = loader.forRedemption(program, card, assignment, reward, request.order(), now);
      CardStaging staging = new CardStaging();
      RedemptionPlanner.Plan plan = planner.redeem(program, card, ledger, assignment, reward, request.id(), request,
          customer, now, false, staging, reads);
      plan = new RedemptionPlanner.Plan(plan.redemption(), plan.reward(),
          enrolment.withRefills(plan.otherCards(), staging.refills(), now), plan.otherEntries(), plan.joins(), plan.batch());
      return commit(program, card, ledger, plan, plan.failed() ? 0 : 1, 0) ? plan.redemption() : null;
    });
    return settle(committed);
  }

  /** A v2 offer's cost that is the price, and the member's card of its wallet, which pays it. */
  private record Priced(Card card, RewardAssignment cost) {}

  /**
   * The cost of the v2 offer the request names that is its price for the member: the first whose condition holds (on
   * the host's answers for it, gathered first), with the member's card of its wallet. When none holds, the first: its
   * condition then fails the redemption, recorded as any failed one ({@code customer_rules_violated}).
   */
  private Priced price(Program program, Card named, RedeemRequest request, Customer customer, Instant now) {
    List<RewardAssignment> costs = costsOf(program, request.assignment());
    if (costs.isEmpty()) {
      throw new NotFoundException("reward_assignment", request.assignment() + " in program " + program.id());
    }
    Priced matched = named.holder() == null ? null : matchCost(program, named, costs, customer, request.order(), now);
    if (matched != null) {
      return matched;
    }
    RewardAssignment first = costs.get(0);
    io.loyalty.spi.CustomerId holder = named.holder();
    return new Priced(holder == null ? named : store.cardOf(program.id(), holder, first.wallet()).orElse(named), first);
  }

  /** The offer's costs, in order (empty when the program has no such offer). */
  private static List<RewardAssignment> costsOf(Program program, io.loyalty.spi.AssignmentId offer) {
    List<RewardAssignment> costs = new ArrayList<>();
    for (RewardAssignment a : program.rewards()) {
      if (a.cost() != null && a.cost().offer().equals(offer)) {
        costs.add(a);
      }
    }
    return costs;
  }

  /**
   * The first of {@code costs} whose condition holds for the customer (on the host's answers for it, gathered first),
   * with the holder's card of its wallet ({@code named} when they hold none there); {@code null} when none holds.
   */
  private @Nullable Priced matchCost(Program program, Card named, List<RewardAssignment> costs, Customer customer,
      io.loyalty.spi.event.@Nullable Order order, Instant now) {
    io.loyalty.spi.CustomerId holder = java.util.Objects.requireNonNull(named.holder(), "a member's card");
    for (RewardAssignment cost : costs) {
      Card card = store.cardOf(program.id(), holder, cost.wallet()).orElse(named);
      ReadSet reads = loader.forRedemption(program, card, cost, reward(cost.reward()), order, now);
      if (planner.conditionHolds(cost, customer, order, reads)
          && RedemptionPlanner.tierHolds(program, cost, holder, reads, now)) {
        return new Priced(card, cost);
      }
    }
    return null;
  }

  /**
   * Whether each of the program's v2 offers is available to the member now, and if not why: a dry run of
   * {@link #redeem} that writes nothing, checking what it checks in the same order.
   */
  public List<io.loyalty.core.RewardExamination> examine(io.loyalty.spi.ProgramId programId,
      io.loyalty.spi.CustomerId member, @Nullable Customer context) {
    Program program = store.program(programId).orElseThrow(() -> new NotFoundException("program", programId));
    List<Card> cards = store.cardsOf(programId, member); // any of them: a member's cards are switched together
    if (cards.isEmpty()) {
      throw new NotFoundException("member", "of program " + programId);
    }
    Card named = cards.get(0);
    Customer customer = context == null ? Customer.of(member) : context;
    if (!customer.id().equals(member)) {
      throw InvalidInputException.of("customer.id", "must be the member examined", null);
    }
    Instant now = clock.now();
    boolean inForce = program.active()
        && io.loyalty.core.internal.validity.ValidityWindow.forProgram(program.validity(), program.zone()).check(now) == null;
    List<io.loyalty.core.RewardExamination> out = new ArrayList<>();
    for (io.loyalty.spi.reward.WalletReward offer : program.walletRewards()) {
      out.add(examine(program, named, offer, customer, inForce, now));
    }
    return List.copyOf(out);
  }

  private io.loyalty.core.RewardExamination examine(Program program, Card named,
      io.loyalty.spi.reward.WalletReward offer, Customer customer, boolean inForce, Instant now) {
    io.loyalty.core.RewardExamination.Reason reason;
    Reward reward = store.reward(offer.reward()).orElse(null);
    if (!named.active() || !named.isValidAt(now)) {
      reason = io.loyalty.core.RewardExamination.Reason.MEMBER_INACTIVE;
    } else if (!inForce) {
      reason = io.loyalty.core.RewardExamination.Reason.PROGRAM_INACTIVE;
    } else if (reward == null || reward.deleted()) {
      reason = io.loyalty.core.RewardExamination.Reason.REWARD_INACTIVE;
    } else if (!reward.inStock()) {
      reason = io.loyalty.core.RewardExamination.Reason.OUT_OF_STOCK;
    } else {
      List<RewardAssignment> costs = costsOf(program, offer.id());
      Priced matched = matchCost(program, named, costs, customer, null, now);
      if (matched == null) {
        reason = io.loyalty.core.RewardExamination.Reason.NO_MATCHING_COST;
      } else if (!matched.card().wallet().equals(matched.cost().wallet())) {
        return io.loyalty.core.RewardExamination.unavailable(offer, io.loyalty.core.RewardExamination.Reason.NO_CARD_FOR_COST,
            matched.cost().wallet(), null, null);
      } else {
        long required = java.util.Objects.requireNonNull(matched.cost().points(), "a v2 cost has points");
        long available = matched.card().balanceAt(now);
        if (available >= required && RedemptionPlanner.spendingLimitPassed(program, matched.card(), required, now,
            store.redemptions(matched.card().code())) != null) {
          return io.loyalty.core.RewardExamination.unavailable(offer,
              io.loyalty.core.RewardExamination.Reason.SPENDING_LIMIT, matched.cost().wallet(), required, available);
        }
        return available >= required
            ? io.loyalty.core.RewardExamination.available(offer, matched.cost().wallet(), required, available)
            : io.loyalty.core.RewardExamination.unavailable(offer,
                io.loyalty.core.RewardExamination.Reason.INSUFFICIENT_BALANCE, matched.cost().wallet(), required,
                available);
      }
    }
    return io.loyalty.core.RewardExamination.unavailable(offer, reason, null, null, null);
  }

  /**
   * Settles a redemption's delivery on the operation's own path: the commit's outbox consumers did it already,
   * unless the store failed after committing (then the event is still pending, and this delivers and acknowledges it).
   */
  Redemption settle(Redemption committed) {
    Redemption settled = deliver(committed);
    if (committed.version() == 1) {
      store.acknowledge(Fulfilments.CONSUMER, List.of(Outbox.redemptionEventId(committed)));
    }
    return settled;
  }

  /**
   * Whom the redemption's conditions are checked against: the card's holder, as the request's customer when the host
   * gave its view of them. A request naming anyone else is refused, so a condition never passes for another
   * customer's segments or metadata. Neither id goes into the error: they are customer identifiers.
   */
  private static Customer conditionsSubject(RedeemRequest request, Card card) {
    Customer named = request.customer();
    if (card.holder() == null) {
      return named != null ? named : Customer.of("unknown"); // an unpublished card fails before any condition
    }
    if (named == null) {
      return Customer.of(Objects.requireNonNull(card.holder(), "a published card has a holder"));
    }
    if (!named.id().equals(card.holder())) {
      throw InvalidInputException.of("customer.id", "must be the holder of the card (conditions are checked against "
          + "the member who holds it)", null);
    }
    return named;
  }

  /**
   * Asks the host to deliver a committed campaign reward that is still pending delivery (as stored now: a delivery
   * is made at most once per engine, and the host's idempotency by redemption id covers engines racing); gives
   * everything back if it refuses.
   */
  Redemption deliver(Redemption committed) {
    Redemption redemption = store.redemption(committed.id()).orElse(committed);
    if (!redemption.succeeded() || redemption.fulfilment().status() != FulfilmentStatus.PENDING) {
      return redemption;
    }
    Reward reward = store.reward(redemption.reward()).orElse(null);
    if (reward == null || !(reward.kind() instanceof RewardKind.Campaign)) {
      return redemption; // material rewards wait for completeFulfilment
    }
    Card card = store.card(redemption.card()).orElseThrow();
    String reference;
    try {
      reference = fulfilment.fulfil(new RewardFulfilment.Request(redemption.id(), Objects.requireNonNull(card.holder(), "a published card has a holder"), card.code(), reward));
    } catch (RuntimeException e) {
      // the host's exception text may name the customer: the log gets its type only
      LOG.warn("fulfilment of redemption {} failed ({}), giving everything back", redemption.id(), e.getClass().getName());
      return giveBack(redemption.id(), Redemption.Status.FAILED, ErrorCode.REWARD_FULFILMENT_FAILED.key(),
          "the host could not deliver the reward (" + e.getClass().getName() + ")", false);
    }
    return retry.run("record delivery of " + redemption.id(), () -> {
      Redemption current = store.redemption(redemption.id()).orElseThrow();
      if (current.fulfilment().status() != FulfilmentStatus.PENDING) {
        return current;
      }
      Redemption done = current.with(current.status(), new Fulfilment(FulfilmentStatus.COMPLETE, reference),
          current.failureCode(), current.failureMessage(), current.rolledBackAt(), current.rollbackReason());
      return commitRedemption(done, current.version()) ? done : null;
    });
  }

  /** Marks a material reward delivered (PENDING to COMPLETE). Idempotent. */
  public Redemption completeFulfilment(RedemptionId id) {
    return retry.run("complete delivery of " + id, () -> {
      Redemption r = store.redemption(id).orElseThrow(() -> new NotFoundException("redemption", id));
      if (r.fulfilment().status() == FulfilmentStatus.COMPLETE) {
        return r;
      }
      if (!r.succeeded() || r.fulfilment().status() != FulfilmentStatus.PENDING) {
        throw InvalidInputException.of("redemption", "has no pending delivery (" + r.status() + ", "
            + r.fulfilment().status() + ")", id);
      }
      Redemption done = r.with(r.status(), new Fulfilment(FulfilmentStatus.COMPLETE, r.fulfilment().reference()),
          null, "", null, "");
      return commitRedemption(done, r.version()) ? done : null;
    });
  }

  /**
   * Rolls a successful redemption back within the window: the exact lots get their points back (a fresh lot
   * for any that expired meanwhile), the stock and the card's redemption count are restored, a delivered
   * campaign reward is revoked through the host.
   *
   * @throws AlreadyRolledBackException on a second rollback
   * @throws RollbackWindowPassedException past the window
   */
  public Redemption rollback(RedemptionId id, String reason) {
    Redemption r = store.redemption(id).orElseThrow(() -> new NotFoundException("redemption", id));
    if (r.status() == Redemption.Status.ROLLED_BACK) {
      throw new AlreadyRolledBackException("redemption " + id + " was rolled back at " + r.rolledBackAt());
    }
    if (r.status() == Redemption.Status.FAILED) {
      throw InvalidInputException.of("redemption", "failed and took nothing, so there is nothing to roll back", id);
    }
    Instant now = clock.now();
    if (now.isAfter(r.at().atZone(ZoneOffset.UTC).plus(rollbackWindow).toInstant())) {
      throw new RollbackWindowPassedException("redemption " + id + " of " + r.at() + " is older than the rollback window "
          + rollbackWindow);
    }
    // the rollback's outbox event drives the revocation (Fulfilments): a refusal leaves it pending, to be retried
    return giveBack(id, Redemption.Status.ROLLED_BACK, null, reason == null ? "" : reason, true);
  }

  /**
   * Asks the host to revoke a rolled-back campaign reward it delivered (anything else needs nothing).
   *
   * @throws RuntimeException whatever the host threw: the revocation is to be tried again
   */
  void revoke(Redemption back) {
    if (back.fulfilment().status() != FulfilmentStatus.REVOKED || back.fulfilment().reference().isEmpty()) {
      return;
    }
    Reward reward = store.reward(back.reward()).orElse(null);
    Card card = store.card(back.card()).orElse(null);
    if (reward != null && card != null && reward.kind() instanceof RewardKind.Campaign c
        && c.type() != RewardKind.CampaignType.LOYALTY_PROGRAM) {
      fulfilment.revoke(new RewardFulfilment.Request(back.id(),
          Objects.requireNonNull(card.holder(), "a published card has a holder"), card.code(), reward),
          back.fulfilment().reference());
    }
  }

  private Redemption giveBack(RedemptionId id, Redemption.Status status, @Nullable String code, String reason,
      boolean rollback) {
    return retry.run((rollback ? "roll back " : "give back ") + id, () -> {
      Redemption r = store.redemption(id).orElseThrow(() -> new NotFoundException("redemption", id));
      if (r.status() == Redemption.Status.ROLLED_BACK) {
        if (rollback) {
          throw new AlreadyRolledBackException("redemption " + id + " was rolled back at " + r.rolledBackAt());
        }
        return r;
      }
      if (r.status() == Redemption.Status.FAILED) {
        return r;
      }
      Card card = store.card(r.card()).orElseThrow();
      Program program = store.program(card.program()).orElseThrow();
      Reward reward = store.reward(r.reward()).orElse(null);
      Instant now = clock.now();
      CardLedger ledger = CardLedger.open(card).settle(now);
      RedemptionPlanner.Plan plan = planner.giveBack(program, card, ledger, r, reward, now, status, code, reason,
          new ArrayList<>(), new ArrayList<>(), loader.forGiveBack(card, r, reward, now));
      return commit(program, card, ledger, plan, -1, r.version()) ? plan.redemption() : null;
    });
  }

  /** The rewards the card's program offers, with prices and whether the card can afford them now. */
  public List<MemberReward> rewardsOf(CardCode code, boolean affordableOnly) {
    Card card = store.card(code).orElseThrow(() -> new NotFoundException("card", code));
    Program program = store.program(card.program()).orElseThrow();
    long balance;
    Instant now = clock.now();
    try {
      balance = card.balanceAt(now);
    } catch (ArithmeticException e) {
      throw new io.loyalty.core.OverflowException("card " + code + ": the sum of its points exceeds the range of exact points");
    }
    List<MemberReward> list = new ArrayList<>();
    io.loyalty.spi.tier.Tier tier = io.loyalty.core.internal.eval.TierTimeline.tierAt(program, card, balance, now);
    for (RewardAssignment a : program.rewards()) {
      if (!a.wallet().equals(card.wallet())) {
        continue; // a v2 cost paid from another wallet
      }
      Reward reward = store.reward(a.reward()).filter(r -> !r.deleted()).orElse(null);
      if (reward == null) {
        continue;
      }
      // priced by the card's tier (section 6.1 rewards mapping)
      Long price = a.points() == null ? null : io.loyalty.core.internal.eval.Tiers.price(a, tier);
      boolean affordable = price == null ? balance > 0 : balance >= price;
      if (!affordableOnly || affordable) {
        list.add(new MemberReward(a, reward, price, affordable, reward.inStock()));
      }
    }
    return List.copyOf(list);
  }

  /** The card's redemptions, oldest first. */
  public List<Redemption> redemptionsOf(CardCode code) {
    return store.redemptions(code);
  }

  private boolean commit(Program program, Card card, CardLedger ledger, RedemptionPlanner.Plan plan, int countDelta,
      long redemptionVersion) {
    CardTransition t = ledger.finish();
    List<CardWrite> cards = new ArrayList<>(plan.otherCards());
    List<LedgerEntry> entries = new ArrayList<>(t.entries());
    entries.addAll(plan.otherEntries());
    // The card is always written, even by a failed redemption: the compare-and-set proves the decision was made on
    // the card as stored, so a stale read can never make a wrong failure permanent.
    cards.add(CardWrite.over(card, t.card().withRedemptions(Math.max(0, card.redemptions() + countDelta))));
    ChangeSet.Builder changes = ChangeSet.builder().cards(cards).entries(entries)
        .redemption(new RedemptionWrite(plan.redemption(), redemptionVersion)).events(plan.joins());
    RewardWrite rewardWrite = plan.reward();
    if (rewardWrite != null) {
      changes.reward(rewardWrite);
    }
    CommitResult result = committer.commit(changes.build(), List.of(program)); // its tier step follows this definition
    return result.applied();
  }

  private boolean commitRedemption(Redemption redemption, long expected) {
    return committer.commit(ChangeSet.builder().redemption(new RedemptionWrite(redemption, expected)).build()).applied();
  }

  private boolean commitRewards(RewardWrite write) {
    return committer.commit(ChangeSet.builder().reward(write).build()).applied();
  }
}
