package io.loyalty.core.internal.engine;

import io.loyalty.core.CommitObserver;
import io.loyalty.core.EventIdReusedException;
import io.loyalty.core.DefinitionConflictException;
import io.loyalty.core.CardAlreadyPublishedException;
import io.loyalty.core.MemberAlreadyExistsException;
import io.loyalty.core.internal.codes.CodeGenerator;
import io.loyalty.core.internal.condition.ConditionCompiler;
import io.loyalty.core.internal.decide.EventDecision;
import io.loyalty.core.internal.decide.EventPlan;
import io.loyalty.core.internal.decide.Outbox;
import io.loyalty.core.internal.decide.Publication;
import io.loyalty.core.internal.decide.RedemptionPlanner;
import io.loyalty.core.internal.decide.RefundDecision;
import io.loyalty.core.internal.eval.EarningEvaluator;
import io.loyalty.core.internal.eval.PlanCache;
import io.loyalty.core.internal.load.Enrolment;
import io.loyalty.core.internal.load.Loader;
import io.loyalty.core.internal.load.HostPorts;
import io.loyalty.core.internal.ledger.CardLedger;
import io.loyalty.core.internal.ledger.CardTransition;
import io.loyalty.core.internal.validation.EventValidator;
import io.loyalty.core.internal.validation.ProgramValidator;
import io.loyalty.core.internal.validation.Violations;
import io.loyalty.spi.CardCode;
import io.loyalty.spi.CustomerId;
import io.loyalty.spi.NotFoundException;
import io.loyalty.spi.ProgramId;
import io.loyalty.spi.WalletId;
import io.loyalty.spi.RedemptionId;
import io.loyalty.spi.card.Card;
import io.loyalty.spi.earning.EventOutcome;
import io.loyalty.spi.earning.ProgramOutcome;
import io.loyalty.spi.event.LoyaltyEvent;
import io.loyalty.spi.event.TierMoved;
import io.loyalty.spi.host.EventSchemas;
import io.loyalty.spi.host.ProductCollections;
import io.loyalty.spi.host.RandomSource;
import io.loyalty.spi.host.ValidationRules;
import io.loyalty.spi.program.CardPool;
import io.loyalty.spi.program.Program;
import io.loyalty.spi.store.CardWrite;
import io.loyalty.spi.store.ChangeSet;
import io.loyalty.spi.store.CommitResult;
import io.loyalty.spi.store.EventReads;
import io.loyalty.spi.store.EventReceipt;
import io.loyalty.spi.store.LoyaltyStore;
import io.loyalty.spi.store.ProgramWrite;
import io.loyalty.spi.host.RewardFulfilment;
import java.time.Period;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * The engine's write operations: validate, plan with the pure functions, commit one change set, and
 * retry a bounded number of times when a concurrent writer got there first. Thread-safe.
 */
public final class Operations {
  private final LoyaltyStore store;
  private final Committer committer;
  private final Fulfilments fulfilments;
  private final TierRules tierRules;
  private final EngineClock clock;
  private final Retry retry;
  private final ProgramValidator programValidator;
  private final EventValidator eventValidator;
  private final Enrolment enrolment;
  private final EventApplication events;
  private final Loader loader;
  private final PointOperations points;
  private final CardReports reports;
  private final RewardOperations rewards;
  private final ComponentOperations components;

  /** Wires the operations over a store and the host's ports. */
  public Operations(
      LoyaltyStore store, EngineClock clock, RandomSource random, ValidationRules validationRules, EventSchemas schemas,
      ProductCollections collections, RewardFulfilment fulfilment, Period rollbackWindow) {
    this(store, clock, random, validationRules, schemas, collections, fulfilment, rollbackWindow, CommitObserver.none());
  }

  /** Wires the operations over a store and the host's ports, telling the observer of every commit conflict. */
  public Operations(
      LoyaltyStore store, EngineClock clock, RandomSource random, ValidationRules validationRules, EventSchemas schemas,
      ProductCollections collections, RewardFulfilment fulfilment, Period rollbackWindow, CommitObserver observer) {
    this.store = store;
    this.committer = new Committer(store, clock);
    this.clock = clock;
    this.retry = new Retry(random, observer);
    this.programValidator = new ProgramValidator(validationRules, schemas, collections, store::reward);
    this.eventValidator = new EventValidator(schemas);
    this.enrolment = new Enrolment(store, new CodeGenerator(random));
    ConditionCompiler conditions = new ConditionCompiler();
    PlanCache plans = new PlanCache(conditions);
    RedemptionPlanner planner = new RedemptionPlanner(conditions);
    Loader loader = new Loader(store, plans, enrolment, new HostPorts(validationRules, collections));
    this.loader = loader;
    committer.programs(loader::known);
    this.rewards = new RewardOperations(store, committer, clock, retry, planner, loader, enrolment, fulfilment,
        rollbackWindow, programValidator::validate);
    this.fulfilments = new Fulfilments(store, rewards);
    this.tierRules = new TierRules(store, plans, this::applyOwn);
    committer.afterCommit(events -> {
      fulfilments.consume(events);
      tierRules.consume(events);
    });
    Reactions reactions = new Reactions(committer, planner, loader, enrolment);
    EarningEvaluator evaluator = new EarningEvaluator();
    RefundDecision refunds = new RefundDecision(plans, evaluator);
    this.events = new EventApplication(store, plans, evaluator, enrolment, loader,
        new EventDecision(evaluator, refunds, planner), refunds, validationRules, collections);
    this.points = new PointOperations(store, clock, retry, reactions);
    this.reports = new CardReports(store, clock, retry, reactions);
    this.components = new ComponentOperations(store, committer, clock, retry, programValidator::validate);
  }

  /** Loyalty v2 components and the programs assembled from them. */
  public ComponentOperations components() {
    return components;
  }

  /** The reward catalog and redemptions. */
  public RewardOperations rewards() {
    return rewards;
  }

  /** Manual point operations: additions, removals, transfers, pending points. */
  public PointOperations points() {
    return points;
  }

  /** Sweeps and read models: counters, expiry schedules, liability. */
  public CardReports reports() {
    return reports;
  }

  /**
   * Validates and stores a new version of the program, generating its pool's missing cards with it. With an
   * expected version, the store's latest must still be that version (0: not defined yet), else nothing is stored
   * and {@link DefinitionConflictException} says so; without one, the latest version, whatever it is, is replaced.
   */
  public Program define(Program program, @Nullable Long expectedVersion) {
    validateProgram(program);
    return withRetries("define program " + program.id(), () -> {
      long stored = store.program(program.id()).map(Program::version).orElse(0L);
      if (expectedVersion != null && stored != expectedVersion) {
        throw new DefinitionConflictException("program " + program.id(), expectedVersion, stored);
      }
      return commitDefinition(program, stored);
    });
  }

  /**
   * Applies an edit to the latest version of the program and stores the result as the next version, inside the
   * retry: when another edit lands in between, this one is applied again to that version, so none is lost.
   */
  public Program edit(ProgramId id, UnaryOperator<Program> change) {
    return withRetries("edit program " + id, () -> {
      Program current = store.program(id).orElseThrow(() -> new NotFoundException("program", id));
      Program next = change.apply(current);
      validateProgram(next);
      return commitDefinition(next, current.version());
    });
  }

  /** Commits the program as version {@code stored + 1} with its pool's missing cards; {@code null} on a conflict. */
  private @Nullable Program commitDefinition(Program program, long stored) {
    if (stored > 0) {
      Optional<Program> previous = store.program(program.id());
      if (previous.isPresent() && previous.get().version() == stored) {
        ProgramValidator.checkEdit(previous.get(), program);
      }
    } else {
      ProgramValidator.checkCreate(program);
    }
    Program next = program.withVersion(stored + 1);
    long have = store.cardCount(program.id());
    long want = program.pool().vouchersCount();
    if (program.isV2()) {
      want = 0; // a v2 program has no pool: each wallet's cards are made as members join
    } else if (program.pool().type() == CardPool.Type.AUTO_UPDATE && want <= have
        && store.unpublishedCards(program.id(), "", 1).isEmpty()) {
      want = have + 1; // an auto-update pool always has a spare card, so a quote of an auto-join names the card apply takes
    }
    List<CardWrite> cards = new ArrayList<>();
    Instant now = clock.now();
    for (Card card : enrolment.generate(next, (int) Math.max(0, want - have), now)) {
      cards.add(new CardWrite(card, 0));
    }
    CommitResult result = committer.commit(ChangeSet.builder().program(new ProgramWrite(next, stored)).cards(cards).build());
    return result.applied() ? next : null;
  }

  /** Publishes a card of the program to the customer: the requested code, or the next one of the pool. */
  public Card enrol(ProgramId programId, CustomerId customer, @Nullable CardCode requested) {
    return withRetries("enrol in " + programId, () -> {
      Program program = store.program(programId).orElseThrow(() -> new NotFoundException("program", programId));
      if (program.isV2()) {
        throw io.loyalty.spi.InvalidInputException.of("program_id",
            "is a loyalty v2 program: members join it with addMember, one card per wallet", programId);
      }
      Optional<Card> existing = store.cardOf(programId, customer, WalletId.MAIN);
      if (existing.isPresent()) {
        throw new MemberAlreadyExistsException("the customer already holds card " + existing.get().code()
            + " in program " + programId);
      }
      Instant now = clock.now();
      Publication publication = enrolment.prepare(program, customer, requested, now, true);
      CardTransition transition = CardLedger.credit(publication.card(), publication.initialCredits(), now);
      List<CardWrite> writes = new ArrayList<>(enrolment.refills(program, publication.refill(), publication.card().code(),
          now));
      writes.add(new CardWrite(transition.card(), publication.expectedVersion()));
      CommitResult result = committer.commit(ChangeSet.builder().cards(writes).entries(transition.entries())
          .events(List.of(Outbox.joined(transition.card(), now))).build(), List.of(program));
      return result.applied() ? transition.card() : null;
    });
  }

  /**
   * Makes the customer a member of the program: in a v2 program, one new card of each wallet, published together in
   * one commit (codes by each wallet's code configuration); in a v1 program, {@link #enrol} from the pool.
   */
  public List<Card> addMember(ProgramId programId, CustomerId customer) {
    return addMember(programId, customer, io.loyalty.spi.card.MemberStatus.ACTIVE, io.loyalty.spi.Metadata.EMPTY);
  }

  /**
   * Makes the customer a member with the status (ACTIVE or INACTIVE) and metadata: of a v2 program, one card per wallet
   * and the member record in one commit; of a v1 program, the next card of its pool (no record, no metadata).
   */
  public List<Card> addMember(ProgramId programId, CustomerId customer, io.loyalty.spi.card.MemberStatus status,
      io.loyalty.spi.Metadata metadata) {
    Program known = store.program(programId).orElseThrow(() -> new NotFoundException("program", programId));
    if (status == io.loyalty.spi.card.MemberStatus.DELETED) {
      throw io.loyalty.spi.InvalidInputException.of("status", "a member joins as ACTIVE or INACTIVE", status);
    }
    if (!known.isV2()) {
      return List.of(enrol(programId, customer, null));
    }
    boolean active = status == io.loyalty.spi.card.MemberStatus.ACTIVE;
    return withRetries("add a member to " + programId, () -> {
      Program program = store.program(programId).orElseThrow(() -> new NotFoundException("program", programId));
      if (!program.active()) {
        throw new io.loyalty.core.ProgramNotActiveException("program " + programId + " is not active");
      }
      List<Card> held = store.cardsOf(programId, customer);
      if (!held.isEmpty()) {
        throw new MemberAlreadyExistsException("the customer already holds card " + held.get(0).code()
            + " in program " + programId);
      }
      Instant now = clock.now();
      List<Card> cards = new ArrayList<>();
      List<CardWrite> writes = new ArrayList<>();
      List<io.loyalty.spi.store.OutboxEvent> joined = new ArrayList<>();
      for (WalletId wallet : program.walletIds()) {
        Card card = enrolment.generate(program, wallet, 1, now).get(0).toBuilder().holder(customer).publishedAt(now)
            .active(active).build();
        cards.add(card);
        writes.add(new CardWrite(card, 0));
        joined.add(Outbox.joined(card, now));
      }
      ChangeSet.Builder changes = ChangeSet.builder().cards(writes).events(joined);
      if (keepsMembers()) {
        changes.member(new io.loyalty.spi.store.MemberWrite(
            new io.loyalty.spi.card.Member(programId, customer, status, metadata, 1, now, now), 0));
      } else if (!metadata.isEmpty()) {
        throw io.loyalty.spi.InvalidInputException.of("metadata", "this store keeps no member records", null);
      }
      CommitResult result = committer.commit(changes.build(), List.of(program));
      return result.applied() ? List.copyOf(cards) : null;
    });
  }

  /**
   * Whether the store keeps member records (a store on the port's defaults does not): asked of the store once, on the
   * first member operation, since a store's ports do not change while it runs.
   */
  private boolean keepsMembers() {
    Boolean known = keepsMembers;
    if (known == null) {
      try {
        store.members(ProgramId.of("member_records_probe"), 1);
        known = true;
      } catch (UnsupportedOperationException none) {
        known = false;
      }
      keepsMembers = known;
    }
    return known;
  }

  /** The answer of {@link #keepsMembers()}, {@code null} until asked. */
  private volatile @Nullable Boolean keepsMembers;

  /**
   * The customer's member record in a v2 program: the stored one, or for a member who joined before records were
   * kept (or on a store without them) one read from the cards: ACTIVE when any card is switched on, no metadata,
   * version 0, joined when the first card was published.
   */
  public io.loyalty.spi.card.Member member(ProgramId programId, CustomerId customer) {
    List<Card> cards = store.cardsOf(programId, customer);
    if (cards.isEmpty()) {
      throw new NotFoundException("member", "of program " + programId);
    }
    if (keepsMembers()) {
      Optional<io.loyalty.spi.card.Member> stored = store.member(programId, customer);
      if (stored.isPresent()) {
        return stored.get();
      }
    }
    Instant joined = cards.stream().map(c -> c.publishedAt() != null ? c.publishedAt() : c.createdAt())
        .min(java.util.Comparator.naturalOrder()).orElseThrow();
    boolean active = cards.stream().anyMatch(Card::active);
    return new io.loyalty.spi.card.Member(programId, customer,
        active ? io.loyalty.spi.card.MemberStatus.ACTIVE : io.loyalty.spi.card.MemberStatus.INACTIVE,
        io.loyalty.spi.Metadata.EMPTY, 0, joined, joined);
  }

  /** The program's stored member records, oldest joined first, at most {@code limit}. */
  public List<io.loyalty.spi.card.Member> members(ProgramId programId, int limit) {
    if (limit < 1) {
      throw io.loyalty.spi.InvalidInputException.of("limit", "must be at least 1", limit);
    }
    return store.members(programId, limit);
  }

  /**
   * Merges the metadata into the member's (Voucherify's member update: a key with a null value is removed); never
   * changes the status. A deleted member cannot change.
   */
  public io.loyalty.spi.card.Member updateMember(ProgramId programId, CustomerId customer,
      java.util.Map<String, io.loyalty.spi.@org.jspecify.annotations.Nullable MetaValue> changes) {
    return withRetries("update a member of " + programId, () -> {
      io.loyalty.spi.card.Member current = member(programId, customer);
      if (current.status() == io.loyalty.spi.card.MemberStatus.DELETED) {
        throw io.loyalty.spi.InvalidInputException.of("status", "a deleted member cannot change", current.status());
      }
      java.util.Map<String, io.loyalty.spi.MetaValue> merged = new java.util.LinkedHashMap<>(current.metadata().values());
      changes.forEach((key, value) -> {
        if (value == null) {
          merged.remove(key);
        } else {
          merged.put(key, value);
        }
      });
      io.loyalty.spi.card.Member next = current.next(current.status(), new io.loyalty.spi.Metadata(merged), clock.now());
      CommitResult result = committer.commit(ChangeSet.builder()
          .member(new io.loyalty.spi.store.MemberWrite(next, current.version())).build());
      return result.applied() ? next : null;
    });
  }

  /**
   * Deletes the member softly: every card switched off and the record DELETED, in one commit; the cards and their
   * history stay readable, and nothing about the member changes any more.
   */
  public io.loyalty.spi.card.Member deleteMember(ProgramId programId, CustomerId customer) {
    return setMemberStatus(programId, customer, io.loyalty.spi.card.MemberStatus.DELETED);
  }

  private io.loyalty.spi.card.Member setMemberStatus(ProgramId programId, CustomerId customer,
      io.loyalty.spi.card.MemberStatus status) {
    return withRetries("set the status of a member of " + programId, () -> {
      List<Card> cards = store.cardsOf(programId, customer);
      io.loyalty.spi.card.Member current = member(programId, customer);
      if (current.status() == io.loyalty.spi.card.MemberStatus.DELETED) {
        if (status == io.loyalty.spi.card.MemberStatus.DELETED) {
          return current;
        }
        throw io.loyalty.spi.InvalidInputException.of("status", "a deleted member cannot change", status);
      }
      boolean active = status == io.loyalty.spi.card.MemberStatus.ACTIVE;
      List<CardWrite> writes = new ArrayList<>();
      for (Card card : cards) {
        if (card.active() != active) {
          writes.add(CardWrite.over(card, card.withActive(active)));
        }
      }
      io.loyalty.spi.card.Member next = current.status() == status ? current
          : current.next(status, current.metadata(), clock.now());
      ChangeSet.Builder changes = ChangeSet.builder().cards(writes);
      if (next != current) {
        if (keepsMembers()) {
          changes.member(new io.loyalty.spi.store.MemberWrite(next, current.version()));
        } else if (status == io.loyalty.spi.card.MemberStatus.DELETED) {
          throw io.loyalty.spi.InvalidInputException.of("status", "this store keeps no member records", status);
        }
      }
      ChangeSet built = changes.build();
      if (built.isEmpty()) {
        return next;
      }
      return committer.commit(built).applied() ? next : null;
    });
  }

  /**
   * Creates and publishes a card with a code it was given elsewhere (an import from Voucherify), or returns it when
   * it exists already, published to the same customer in the same program (an import run twice changes nothing).
   */
  public Card importCard(ProgramId programId, CustomerId customer, CardCode code) {
    return withRetries("import card into " + programId, () -> {
      Program program = store.program(programId).orElseThrow(() -> new NotFoundException("program", programId));
      Optional<Card> same = store.card(code);
      if (same.isPresent()) {
        Card card = same.get();
        if (card.program().equals(programId) && customer.equals(card.holder())) {
          return card;
        }
        throw new CardAlreadyPublishedException("card " + code + " exists already in program " + card.program()
            + (card.isPublished() ? ", published" : ", unpublished"));
      }
      Optional<Card> existing = store.cardOf(programId, customer, WalletId.MAIN);
      if (existing.isPresent()) {
        throw new MemberAlreadyExistsException("the customer already holds card " + existing.get().code()
            + " in program " + programId);
      }
      Instant now = clock.now();
      Card card = Card.generated(code, programId, now).toBuilder().holder(customer).publishedAt(now).build();
      CommitResult result = committer.commit(ChangeSet.builder().card(new CardWrite(card, 0))
          .events(List.of(Outbox.joined(card, now))).build(), List.of(program));
      return result.applied() ? card : null;
    });
  }

  /** Switches a card on or off; an inactive card earns nothing until it is switched on again. */
  public Card setActive(CardCode code, boolean active) {
    return withRetries((active ? "enable" : "disable") + " card " + code, () -> {
      Card card = store.card(code).orElseThrow(() -> new NotFoundException("card", code));
      if (card.active() == active) {
        return card;
      }
      Card next = card.withActive(active);
      CommitResult result = committer.commit(ChangeSet.builder().card(CardWrite.over(card, next)).build());
      return result.applied() ? next : null;
    });
  }

  /**
   * Switches every card the customer holds in the program on or off together, in one commit (a v2 member's status:
   * an INACTIVE member neither earns nor spends); cards already so are left as they are.
   */
  public List<Card> setMemberActive(ProgramId program, CustomerId customer, boolean active) {
    setMemberStatus(program, customer,
        active ? io.loyalty.spi.card.MemberStatus.ACTIVE : io.loyalty.spi.card.MemberStatus.INACTIVE);
    return store.cardsOf(program, customer);
  }

  /**
   * What the customer would earn now from the probe's imagined events, per membership and card (Voucherify v2's
   * examine of earning rules); writes nothing.
   */
  public io.loyalty.core.EarningExamination examineEarning(io.loyalty.core.EarningProbe probe,
      @Nullable ProgramId program) {
    return new EarningExaminer(store, this::quote).examine(probe, program, clock.now());
  }

  /** What the event would earn, committing nothing; equals what {@link #apply} would commit at the same instant. */
  public EventOutcome quote(LoyaltyEvent event) {
    validate(event);
    Instant now = clock.now();
    Optional<EventOutcome> replay = checkTime(event, now);
    if (replay.isPresent()) {
      return replay.get();
    }
    EventReads reads = reads(event);
    Optional<EventOutcome> first = firstOutcome(event, reads.receipt());
    return first.orElseGet(() -> events.plan(event, false, now, reads).outcome());
  }

  /**
   * What the event would earn had {@code candidate} been its program's definition now (validated first; nothing is
   * stored): the card's state and the host's answers as today, the candidate's rules. An event already applied is
   * quoted as a new one would be.
   */
  public EventOutcome quote(LoyaltyEvent event, Program candidate) {
    validate(event);
    validateProgram(candidate);
    Instant now = clock.now();
    Violations time = new Violations();
    if (!clock.checkEventTime(time, event.occurredAt(), now)) {
      time.throwIfAny();
    }
    return events.plan(event, false, now, candidate).outcome();
  }

  /**
   * Applies the event exactly once: a retry with the same id returns the first outcome. The event's time is
   * what its rules are evaluated as of; the card is settled and written as of the engine's clock, and the time
   * must lie within the engine's event window. A redelivery of an event already applied returns its first
   * outcome even once the window has moved past it: it settles and writes nothing.
   */
  public EventOutcome apply(LoyaltyEvent event) {
    if (event instanceof TierMoved) {
      Violations refused = new Violations();
      refused.add("event", "a tier move is the engine's own event, applied from its outbox; it cannot be sent", event.name());
      refused.throwIfAny();
    }
    validate(event);
    return applyValid(event, checkTime(event, clock.now()));
  }

  /**
   * Applies a tier move the engine recorded (its outbox's {@code tier.*} events, {@link TierRules}): exactly once, as
   * any event, and with no check of its time against the clock, since a recovery may come long after the move.
   */
  EventOutcome applyOwn(TierMoved event) {
    validate(event);
    return applyValid(event, Optional.empty());
  }

  private EventOutcome applyValid(LoyaltyEvent event, Optional<EventOutcome> replayed) {
    EventOutcome outcome = replayed.orElseGet(() -> retry.run("apply event ", event.id(), () -> {
      EventReads reads = reads(event); // the receipt, the catalog version, the cards and the order's entries at once
      Optional<EventOutcome> first = firstOutcome(event, reads.receipt());
      if (first.isPresent()) {
        return first.get();
      }
      EventPlan plan = events.plan(event, true, clock.now(), reads);
      CommitResult result = committer.commit(plan.changes());
      return result.applied() ? plan.outcome() : null;
    }));
    List<ProgramOutcome> programs = outcome.programs();
    for (int i = 0; i < programs.size(); i++) {
      RedemptionId auto = programs.get(i).autoRedemption();
      if (auto != null) {
        store.redemption(auto).ifPresent(rewards::settle);
      }
    }
    return outcome;
  }

  /**
   * Consumes up to {@code limit} of the engine's own outbox events still pending (the deliveries and revocations of
   * rewards that a crash, a store failure after a commit, or a refusal of the host left undone), oldest first.
   *
   * @return how many were settled
   */
  public int recoverOutbox(int limit) {
    if (limit < 1) {
      throw io.loyalty.spi.InvalidInputException.of("limit", "must be at least 1", limit);
    }
    int settled = fulfilments.recover(limit);
    return settled + tierRules.recover(Math.max(0, limit - settled));
  }

  /**
   * The event's outcome derived again from its receipt alone (see {@link EventApplication#replay}), beside the
   * outcome recorded.
   */
  public io.loyalty.core.Replay replay(io.loyalty.spi.EventId event) {
    EventReceipt receipt = store.receipt(event).orElseThrow(() -> new NotFoundException("event", event));
    return new io.loyalty.core.Replay(receipt.outcome(), events.replay(receipt));
  }

  /**
   * What the event would have earned had {@code candidate} been its program's definition: the recorded event, card
   * state and host answers, with the candidate's rules (validated first; nothing is stored).
   */
  public io.loyalty.core.Replay replay(io.loyalty.spi.EventId event, Program candidate) {
    validateProgram(candidate);
    EventReceipt receipt = store.receipt(event).orElseThrow(() -> new NotFoundException("event", event));
    return new io.loyalty.core.Replay(receipt.outcome(), events.replay(receipt, candidate));
  }

  /** Validates a definition whole, as {@link #define} stores it; nothing is read but the host's ports. */
  private void validateProgram(Program program) {
    Violations violations = new Violations();
    violations.addAll(programValidator.validate(program));
    violations.throwIfAny();
  }

  /** Validates the event whole (ids, amounts, metadata) before anything is read. */
  private void validate(LoyaltyEvent event) {
    Violations violations = new Violations();
    violations.addAll(eventValidator.validate(event));
    violations.throwIfAny();
  }

  /**
   * Checks the event's time against the engine's clock before anything is planned. Outside the window, an event
   * already applied is a redelivery: its first outcome is returned (idempotency outlives the window, and a replay
   * settles nothing); any other is rejected on {@code created_at}.
   */
  private Optional<EventOutcome> checkTime(LoyaltyEvent event, Instant now) {
    Violations violations = new Violations();
    if (clock.checkEventTime(violations, event.occurredAt(), now)) {
      return Optional.empty();
    }
    Optional<EventOutcome> replay = firstOutcome(event);
    if (replay.isEmpty()) {
      violations.throwIfAny();
    }
    return replay;
  }

  private Optional<EventOutcome> firstOutcome(LoyaltyEvent event) {
    return firstOutcome(event, store.receipt(event.id()).orElse(null));
  }

  private static Optional<EventOutcome> firstOutcome(LoyaltyEvent event, @Nullable EventReceipt receipt) {
    if (receipt == null) {
      return Optional.empty();
    }
    if (!receipt.event().equals(event)) {
      throw new EventIdReusedException("event " + event.id() + " was applied before with a different payload");
    }
    return Optional.of(receipt.outcome());
  }

  /** What deciding the event reads first, in one call to the store ({@link Loader#first}). */
  private EventReads reads(LoyaltyEvent event) {
    return loader.first(event);
  }

  private <T> T withRetries(String what, Supplier<@Nullable T> attempt) {
    return retry.run(what, attempt);
  }

}
