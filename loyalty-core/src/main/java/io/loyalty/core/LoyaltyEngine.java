package io.loyalty.core;

import io.loyalty.core.internal.engine.EngineClock;
import io.loyalty.core.internal.engine.Operations;
import io.loyalty.core.internal.validation.TimeBounds;
import io.loyalty.spi.InvalidInputException;
import io.loyalty.spi.program.IsoDuration;
import java.time.Duration;
import io.loyalty.spi.CardCode;
import io.loyalty.spi.TierId;
import io.loyalty.spi.EventId;
import io.loyalty.spi.CustomerId;
import io.loyalty.spi.Limits;
import io.loyalty.spi.NotFoundException;
import io.loyalty.spi.ProgramId;
import io.loyalty.spi.WalletId;
import io.loyalty.spi.card.Card;
import io.loyalty.spi.card.LedgerEntry;
import io.loyalty.spi.tier.Tier;
import io.loyalty.spi.card.Lot;
import org.jspecify.annotations.Nullable;
import io.loyalty.spi.earning.EventOutcome;
import io.loyalty.spi.event.LoyaltyEvent;
import io.loyalty.spi.host.EventSchemas;
import io.loyalty.spi.host.ProductCollections;
import io.loyalty.spi.host.RandomSource;
import io.loyalty.spi.host.ValidationRules;
import io.loyalty.spi.program.EventSchema;
import io.loyalty.spi.program.Program;
import io.loyalty.spi.program.ValidationRule;
import io.loyalty.spi.store.LoyaltyStore;
import io.loyalty.spi.AssignmentId;
import io.loyalty.spi.RedemptionId;
import io.loyalty.spi.RewardId;
import io.loyalty.spi.host.RewardFulfilment;
import io.loyalty.spi.reward.RedeemRequest;
import io.loyalty.spi.reward.Redemption;
import io.loyalty.spi.reward.Reward;
import io.loyalty.spi.reward.RewardAssignment;
import java.security.SecureRandom;
import java.time.Period;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * An in-process loyalty engine: define programs, enrol members, apply and quote events, and read cards,
 * balances and ledgers. Every write is validated whole, committed as one change set, and idempotent by
 * event id. Thread-safe; build one per application with {@link #builder()}.
 *
 * <p><b>Time.</b> The engine's {@link Clock} is "now": every write settles the card (records the activations and
 * expirations due) up to now and records its entries and lots at now. An event's own time is data about the
 * event: its earning rules, the program's dates and the card's validity are judged as of it, and it must lie
 * from {@link Builder#maxEventAge} before now to {@link Builder#maxEventLead} after it. Points an event grants
 * start their pending period and their expiry at the instant they are recorded, so a late event never credits
 * or expires the past. Reads "as of" an instant see the card's lots as they stand, each counted from the
 * instant it was recorded; they accept any instant.
 *
 * <p><b>Errors.</b> Every method throws only {@link io.loyalty.spi.LoyaltyException}s:
 * {@link InvalidInputException} ({@code invalid_payload}) naming every offending field and its limit,
 * {@link NotFoundException} ({@code not_found}), {@link OverflowException} ({@code value_out_of_range}) when a
 * result would exceed exact {@code long} arithmetic, {@link ClockOutOfRangeException} ({@code clock_out_of_range})
 * when the clock reads outside the years 1 to 9999, {@link ConcurrencyException} when a write keeps losing to
 * concurrent writers, and the specific errors each method names. A {@code null} argument (other than one
 * documented as nullable) throws {@link NullPointerException} naming it. A rejected call writes nothing.
 */
public final class LoyaltyEngine {
  private static final int LEDGER_PAGE = 1000;

  private final LoyaltyStore store;
  private final EngineClock clock;
  private final Operations operations;
  private final ProgramComponents components;

  private LoyaltyEngine(Builder b, Clock clock, LoyaltyStore store, RandomSource random) {
    this.store = store;
    this.clock = new EngineClock(clock, b.maxEventLead, b.maxEventAge);
    this.operations = new Operations(store, this.clock, random, b.validationRules, b.eventSchemas, b.collections,
        b.fulfilment, b.rollbackWindow, b.commitObserver);
    this.components = new ProgramComponents(operations.components());
  }

  /** Starts a builder: a clock is required, everything else has a default. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Validates the program and stores it as its next version (1 for a new program), generating the
   * missing cards of its pool in the same commit. Last writer wins: use {@link #define(Program, long)} to edit a
   * program others may edit too.
   *
   * @return the stored definition, with its version
   * @throws io.loyalty.spi.InvalidInputException listing every offending field; nothing is stored
   * @throws CodesExhaustedException when the code configuration cannot yield the pool's cards
   */
  public Program define(Program program) {
    Objects.requireNonNull(program, "program");
    return operations.define(program, null);
  }

  /**
   * Stores the program as its next version only if the latest stored version is still {@code expectedVersion}
   * (the version the caller read; 0 to create it), so two concurrent edits never lose one.
   *
   * @throws DefinitionConflictException when another version was stored since; nothing is stored
   * @throws io.loyalty.spi.InvalidInputException listing every offending field; nothing is stored
   */
  public Program define(Program program, long expectedVersion) {
    Objects.requireNonNull(program, "program");
    return operations.define(program, expectedVersion);
  }

  /**
   * Loyalty v2's reusable components: card definitions and earning rules stored on their own, programs assembled
   * from them, and assignment batches.
   */
  public ProgramComponents components() {
    return components;
  }

  /** The latest definition of the program. */
  public Program program(ProgramId id) {
    Objects.requireNonNull(id, "id");
    return store.program(id).orElseThrow(() -> new NotFoundException("program", id));
  }

  /**
   * Publishes the next card of the program's pool to the customer (Voucherify's "add member").
   *
   * @throws MemberAlreadyExistsException when the customer already holds a card in the program
   * @throws NoCardAvailableException when a STATIC pool is used up
   */
  public Card enrol(ProgramId program, CustomerId customer) {
    Objects.requireNonNull(program, "program");
    Objects.requireNonNull(customer, "customer");
    return operations.enrol(program, customer, null);
  }

  /**
   * Activates a loyalty v2 program (Voucherify's {@code POST …/activate}): from DRAFT or INACTIVE to ACTIVE, which
   * needs at least one active earning rule; from then on its wallets cannot change. A new program version.
   *
   * @throws io.loyalty.spi.InvalidInputException naming {@code status} when the program cannot be activated
   */
  public Program activateProgram(ProgramId program) {
    return setStatus(program, io.loyalty.spi.program.ProgramStatus.ACTIVE);
  }

  /** Deactivates a loyalty v2 program (ACTIVE to INACTIVE): members keep their cards; nothing is earned or sold. */
  public Program deactivateProgram(ProgramId program) {
    return setStatus(program, io.loyalty.spi.program.ProgramStatus.INACTIVE);
  }

  /**
   * Deletes a loyalty v2 program softly (to DELETED, final): its earning rules and reward offers are removed, its
   * members keep their cards and history.
   */
  public Program deleteProgram(ProgramId program) {
    return setStatus(program, io.loyalty.spi.program.ProgramStatus.DELETED);
  }

  private Program setStatus(ProgramId program, io.loyalty.spi.program.ProgramStatus status) {
    Objects.requireNonNull(program, "program");
    return operations.edit(program, p -> {
      if (!p.isV2()) {
        throw io.loyalty.spi.InvalidInputException.of("status",
            "is a loyalty v2 program's; a v1 program is switched on and off with active", status);
      }
      if (p.status() == io.loyalty.spi.program.ProgramStatus.DELETED) {
        throw io.loyalty.spi.InvalidInputException.of("status", "a deleted program cannot change", status);
      }
      if (status == io.loyalty.spi.program.ProgramStatus.ACTIVE) {
        operations.components().checkActivation(p);
      }
      Program.Builder next = p.toBuilder().status(status);
      return status == io.loyalty.spi.program.ProgramStatus.DELETED
          ? next.earningRules(List.of()).rewards(List.of()).build()
          : next.build();
    });
  }

  /**
   * Makes the customer a member (Voucherify's "add member"): of a loyalty v2 program, with one new card of each of
   * its wallets, published together, in the program's wallet order; of a v1 program, with the next card of its pool.
   *
   * @throws MemberAlreadyExistsException when the customer already holds a card in the program
   * @throws ProgramNotActiveException when a v2 program is switched off
   */
  public List<Card> addMember(ProgramId program, CustomerId customer) {
    Objects.requireNonNull(program, "program");
    Objects.requireNonNull(customer, "customer");
    return operations.addMember(program, customer);
  }

  /**
   * As {@link #addMember(ProgramId, CustomerId)}, with Voucherify v2's member {@code status} (ACTIVE or INACTIVE: an
   * inactive member's cards are switched off) and {@code metadata}, kept in the member record written in the same
   * commit as the cards ({@link #member}).
   *
   * @throws io.loyalty.spi.InvalidInputException naming {@code status} for DELETED, or {@code metadata} on a store
   *     that keeps no member records
   */
  public List<Card> addMember(ProgramId program, CustomerId customer, io.loyalty.spi.card.MemberStatus status,
      io.loyalty.spi.Metadata metadata) {
    Objects.requireNonNull(program, "program");
    Objects.requireNonNull(customer, "customer");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(metadata, "metadata");
    return operations.addMember(program, customer, status, metadata);
  }

  /**
   * The customer's member record in the program: status, metadata, when they joined. A member who joined before
   * records were kept (or on a store that keeps none) gets one read from the cards (version 0, no metadata).
   *
   * @throws NotFoundException when the customer holds no card in the program
   */
  public io.loyalty.spi.card.Member member(ProgramId program, CustomerId customer) {
    Objects.requireNonNull(program, "program");
    Objects.requireNonNull(customer, "customer");
    return operations.member(program, customer);
  }

  /** The program's stored member records, oldest joined first, at most {@code limit} (1 or more). */
  public List<io.loyalty.spi.card.Member> members(ProgramId program, int limit) {
    Objects.requireNonNull(program, "program");
    return operations.members(program, limit);
  }

  /**
   * Merges metadata into the member's (Voucherify v2's member update): a key mapped to {@code null} is removed; the
   * status never changes.
   *
   * @throws io.loyalty.spi.InvalidInputException naming {@code status} when the member is deleted
   */
  public io.loyalty.spi.card.Member updateMember(ProgramId program, CustomerId customer,
      java.util.Map<String, io.loyalty.spi.@Nullable MetaValue> metadata) {
    Objects.requireNonNull(program, "program");
    Objects.requireNonNull(customer, "customer");
    Objects.requireNonNull(metadata, "metadata");
    return operations.updateMember(program, customer, metadata);
  }

  /**
   * Deletes the member softly (Voucherify v2's {@code DELETE …/members/{id}}): every card switched off and the record
   * DELETED in one commit; cards and history stay readable, and the member can no longer change or rejoin (they
   * still hold the cards). Idempotent.
   */
  public io.loyalty.spi.card.Member deleteMember(ProgramId program, CustomerId customer) {
    Objects.requireNonNull(program, "program");
    Objects.requireNonNull(customer, "customer");
    return operations.deleteMember(program, customer);
  }

  /**
   * Creates a card with a code it was given elsewhere and publishes it to the customer (importing members from
   * Voucherify, {@code loyalty-json}'s {@code VoucherifyImport}); when the card exists already, published to the same
   * customer in the same program, returns it, so an import run twice changes nothing.
   *
   * @throws CardAlreadyPublishedException when the code names a card of another program or holder
   * @throws MemberAlreadyExistsException when the customer holds another card of the program
   */
  public Card importCard(ProgramId program, CustomerId customer, CardCode code) {
    Objects.requireNonNull(program, "program");
    Objects.requireNonNull(customer, "customer");
    Objects.requireNonNull(code, "code");
    return operations.importCard(program, customer, code);
  }

  /**
   * Publishes the given unpublished card of the program's pool to the customer.
   *
   * @throws CardAlreadyPublishedException when the card already has a holder
   * @throws NotFoundException when the program has no such card
   */
  public Card enrol(ProgramId program, CustomerId customer, CardCode code) {
    Objects.requireNonNull(program, "program");
    Objects.requireNonNull(customer, "customer");
    Objects.requireNonNull(code, "code");
    return operations.enrol(program, customer, code);
  }

  /** Switches the card on (Voucherify's enable); returns the card. Idempotent. */
  public Card enable(CardCode code) {
    Objects.requireNonNull(code, "code");
    return operations.setActive(code, true);
  }

  /** Switches the card off (Voucherify's disable): it earns nothing until enabled again. Idempotent. */
  public Card disable(CardCode code) {
    Objects.requireNonNull(code, "code");
    return operations.setActive(code, false);
  }

  /**
   * Sets a member's status (Voucherify v2's member {@code ACTIVE} / {@code INACTIVE}): all the customer's cards in the
   * program switched on or off together, in one commit. An inactive member earns nothing ({@code CARD_INACTIVE}) and
   * cannot buy rewards; their points stay.
   *
   * @throws NotFoundException when the customer holds no card in the program
   */
  public List<Card> setMemberActive(ProgramId program, CustomerId customer, boolean active) {
    Objects.requireNonNull(program, "program");
    Objects.requireNonNull(customer, "customer");
    return operations.setMemberActive(program, customer, active);
  }

  /**
   * Applies the event to every program it concerns (or to the card it names) exactly once. Its rules are judged
   * as of the event's time; the cards it touches are settled and written at the engine's clock (see the class
   * comment). The same event id applied again credits nothing and returns the first outcome.
   *
   * @throws io.loyalty.spi.InvalidInputException listing every offending field, {@code created_at} when the event
   *     is stamped more than {@link Builder#maxEventLead} after the engine's clock or more than
   *     {@link Builder#maxEventAge} before it; nothing is written
   * @throws EventIdReusedException when the id was applied before with another payload
   */
  public EventOutcome apply(LoyaltyEvent event) {
    Objects.requireNonNull(event, "event");
    return operations.apply(event);
  }

  /**
   * Replays an applied event from its receipt alone: the decision is made again from the program versions, the
   * card's state and the host's answers the receipt recorded, with no call to the host and no write, and returned
   * beside the recorded outcome ("what happened", derived again).
   *
   * @throws io.loyalty.spi.NotFoundException when no event with this id was applied
   * @throws IllegalStateException when its receipt records no inputs (written before receipts recorded them)
   */
  public Replay replay(EventId event) {
    Objects.requireNonNull(event, "event");
    return operations.replay(event);
  }

  /**
   * What the event would earn now had {@code candidate} been its program's definition (or, for a program not defined
   * yet, had it been defined): the cards, their state and the host's answers as they are, the candidate's rules and
   * rewards. The candidate is validated as {@link #define} validates it and nothing is stored; an event already
   * applied is quoted as if it were new.
   */
  public EventOutcome quote(LoyaltyEvent event, Program candidate) {
    Objects.requireNonNull(event, "event");
    Objects.requireNonNull(candidate, "candidate");
    return operations.quote(event, candidate);
  }

  /**
   * What an applied event would have earned had {@code candidate} been its program's definition then: the event, the
   * card's state and the host's answers its receipt recorded, with the candidate's rules ("what would have
   * happened"). The candidate is validated as {@link #define} validates it and nothing is stored; what its rules ask
   * that the receipt does not hold is asked of the host now. Refunds are replayed as they were.
   */
  public Replay replay(EventId event, Program candidate) {
    Objects.requireNonNull(event, "event");
    Objects.requireNonNull(candidate, "candidate");
    return operations.replay(event, candidate);
  }

  /**
   * What {@link #apply} would return for the event in the current state and at the engine's clock, writing
   * nothing; validated exactly as {@code apply} validates.
   */
  public EventOutcome quote(LoyaltyEvent event) {
    Objects.requireNonNull(event, "event");
    return operations.quote(event);
  }

  /** The card with this code. */
  public Card card(CardCode code) {
    Objects.requireNonNull(code, "code");
    return store.card(code).orElseThrow(() -> new NotFoundException("card", code));
  }

  /** The card the customer holds in the program (its v1 wallet, {@link WalletId#MAIN}), if they are a member. */
  public Optional<Card> cardOf(ProgramId program, CustomerId customer) {
    return cardOf(program, customer, WalletId.MAIN);
  }

  /** The customer's card of one wallet of the program, if they hold one. */
  public Optional<Card> cardOf(ProgramId program, CustomerId customer, WalletId wallet) {
    Objects.requireNonNull(program, "program");
    Objects.requireNonNull(customer, "customer");
    Objects.requireNonNull(wallet, "wallet");
    return store.cardOf(program, customer, wallet);
  }

  /** The customer's cards in the program, one per wallet in wallet id order; empty when they are not a member. */
  public List<Card> cardsOf(ProgramId program, CustomerId customer) {
    Objects.requireNonNull(program, "program");
    Objects.requireNonNull(customer, "customer");
    return store.cardsOf(program, customer);
  }

  /** The card's usable points now, by the engine's clock. */
  public long balance(CardCode code) {
    Objects.requireNonNull(code, "code");
    Instant now = clock.now();
    Card card = card(code);
    // now is never before an entry: the lots answer, no ledger read (balance(code, asOf) reads it for the past)
    return exact(code, () -> card.balanceAt(now));
  }

  /** The card's usable points as of any instant: lots recorded by then, activated and not yet expired, less the debt. */
  public long balance(CardCode code, Instant asOf) {
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(asOf, "asOf");
    Card card = card(code);
    return exact(code, () -> operations.reports().balanceAndPending(card, asOf)[0]);
  }

  /**
   * The tier the card is in now, under its program's tier policy ({@link #tier(CardCode, Instant)}); empty when the
   * program has no tiers or the card holds none.
   */
  public Optional<Tier> tier(CardCode code) {
    return tier(code, clock.now());
  }

  /**
   * The tier the card was (or will be, with nothing else changing) in at {@code asOf}, under the program's current
   * tiers: under {@code BALANCE_DROP} the tier of its balance then ({@link #balance(CardCode, Instant)}); under a
   * policy with terms the highest tier whose term held then, the terms that end before {@code asOf} settled as a
   * write then would settle them (docs/tiers.md).
   */
  public Optional<Tier> tier(CardCode code, Instant asOf) {
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(asOf, "asOf");
    Card card = card(code);
    Program program = program(card.program());
    if (program.tiers().isEmpty()) {
      return Optional.empty();
    }
    long balance = io.loyalty.core.internal.eval.TierTimeline.keepsTerms(program) && card.tiers() != null ? 0
        : balance(code, asOf);
    return Optional.ofNullable(io.loyalty.core.internal.eval.TierTimeline.tierAt(program, card, balance, asOf));
  }

  /**
   * The card's tier at {@code asOf} with its term: since when it has been held and when it ends, as a read at that
   * instant answered ({@link #tierHistory}); empty when the card holds no tier then.
   */
  public Optional<MemberTier> memberTier(CardCode code, Instant asOf) {
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(asOf, "asOf");
    List<TierSpan> spans = tierHistory(code, asOf);
    if (spans.isEmpty() || spans.get(spans.size() - 1).tier() == null) {
      return Optional.empty();
    }
    TierSpan last = spans.get(spans.size() - 1);
    Instant since = last.from();
    for (int i = spans.size() - 2; i >= 0 && spans.get(i).tier() == last.tier(); i--) {
      since = spans.get(i).from(); // the same tier with another expiration: one holding
    }
    return Optional.of(new MemberTier(java.util.Objects.requireNonNull(last.tier()), since, last.expiresAt()));
  }

  /** The card's tier history from its publication to now ({@link #tierHistory(CardCode, Instant)}). */
  public List<TierSpan> tierHistory(CardCode code) {
    return tierHistory(code, clock.now());
  }

  /**
   * The tiers the card held from its publication up to {@code until}, one span per change of the tier or of its
   * expiration, oldest first, each as a read at its instant answered, under the program's current tiers; empty for
   * an unpublished card or a program without tiers. It reads the card's ledger under {@code BALANCE_DROP}.
   */
  public List<TierSpan> tierHistory(CardCode code, Instant until) {
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(until, "until");
    Card card = card(code);
    Program program = program(card.program());
    return operations.reports().tierHistory(card, program, until).stream()
        .map(s -> new TierSpan(s.tier(), s.from(), s.expiresAt())).toList();
  }

  /**
   * The card's tier outlook from {@code asOf} (now or later): the tier held and when it ends, the next tier and the
   * points it takes (more balance, or more points earned by the end of the period), and the first drop that comes if
   * nothing else happens (its term ending on a lower balance, its points expiring) — what a member's loyalty page
   * shows. Under the program's current tiers; an empty outlook (no tier, no next) for a program without tiers.
   */
  public TierOutlook tierOutlook(CardCode code, Instant asOf) {
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(asOf, "asOf");
    Card card = card(code);
    Program program = program(card.program());
    if (program.tiers().isEmpty()) {
      return new TierOutlook(null, null, null, 0, null, null, null);
    }
    return operations.reports().tierOutlook(card, program, asOf);
  }

  /**
   * The member's tier in its program's loyalty v2 tier structure at {@code asOf}, read on its card of the structure's
   * wallet ({@code code}), with since when it has been held and when it ends as known then; empty for no tier, or a
   * card whose program has no structure on its wallet. A read as of an instant answers what a read then answered.
   */
  public Optional<MemberStructureTier> structureTier(CardCode code, Instant asOf) {
    Objects.requireNonNull(asOf, "asOf");
    Card card = card(code);
    return io.loyalty.core.internal.engine.StructureReports.tier(program(card.program()), card, asOf);
  }

  /**
   * The member's history in its program's v2 tier structure up to {@code until}, one span per decision (a move, a
   * new term, a grace period), oldest first; empty for a card whose program has no structure on its wallet.
   */
  public List<StructureTierSpan> structureTierHistory(CardCode code, Instant until) {
    Objects.requireNonNull(until, "until");
    Card card = card(code);
    return io.loyalty.core.internal.engine.StructureReports.history(program(card.program()), card, until);
  }

  /**
   * What the member sees next in its program's v2 tier structure at {@code asOf} (Voucherify's tier progress): the
   * tier held with its points, the drops that come if nothing else happens, and the higher tiers with the points
   * each still takes (docs/tiers.md, "v2 tier structures"); empty for a card whose program has no structure on its
   * wallet.
   */
  public TierProgress tierProgress(CardCode code, Instant asOf) {
    Objects.requireNonNull(asOf, "asOf");
    Card card = card(code);
    return io.loyalty.core.internal.engine.StructureReports.progress(program(card.program()), card, asOf);
  }

  /**
   * How many of the program's members held each of its tiers at {@code asOf}, in the ladder's order (every tier, 0
   * for none), as reads at that instant answered; members in no tier are not counted. It reads every card of the
   * program.
   */
  public java.util.Map<io.loyalty.spi.TierId, Long> membersPerTier(ProgramId program, Instant asOf) {
    Objects.requireNonNull(program, "program");
    Objects.requireNonNull(asOf, "asOf");
    return operations.reports().membersPerTier(program, asOf);
  }

  /**
   * Sets the card's tier by hand from now until {@code until} ({@code null}: until the next override), whatever its
   * points say, with the host's reason (Voucherify's dashboard "change tier"). The move goes to the outbox like any
   * other and the override stays in the tier history; earning mappings and reward prices follow the tier set.
   *
   * @throws io.loyalty.spi.InvalidInputException at {@code loyalty_tier.id} for a tier the program does not have, at
   *     {@code expiration_date} for an end not after the engine's clock
   */
  public Card overrideTier(CardCode code, TierId tier, @Nullable Instant until, String reason) {
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(tier, "tier");
    Objects.requireNonNull(reason, "reason");
    return operations.points().overrideTier(code, tier, until, reason);
  }

  /** Ends the card's tier override in force, if any, from now: its tier follows its points again. */
  public Card endTierOverride(CardCode code, String reason) {
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(reason, "reason");
    return operations.points().overrideTier(code, null, null, reason);
  }

  /**
   * Refreshes the tiers of the program's members after a change of its tier policy (Voucherify's "Refresh tiers",
   * digest section 6.4): each member qualifies again under the current policy now, and a tier above the one held
   * starts its term; nobody is moved down. Without a refresh, a policy change leaves every member's tier as it was.
   *
   * @return how many members moved up
   */
  public int refreshTiers(ProgramId program) {
    Objects.requireNonNull(program, "program");
    return operations.reports().refreshTiers(program);
  }

  /** Every ledger entry of the card, oldest first. */
  public List<LedgerEntry> ledger(CardCode code) {
    Objects.requireNonNull(code, "code");
    card(code);
    List<LedgerEntry> all = new ArrayList<>();
    long after = 0;
    while (true) {
      List<LedgerEntry> page = store.ledger(code, after, LEDGER_PAGE);
      all.addAll(page);
      if (page.size() < LEDGER_PAGE) {
        return List.copyOf(all);
      }
      after = page.get(page.size() - 1).seq();
    }
  }

  /**
   * Adds points to a published card (Voucherify's balance endpoint with positive points): a POINTS_ADDITION
   * lot expiring by the program's rules, never, or after a given day. A source id makes it idempotent.
   *
   * @throws io.loyalty.spi.InvalidInputException on {@code points} outside 1 to 10^12, or {@code expiration_date}
   *     before today in the program's zone or after 9999-12-31
   * @throws SourceIdReusedException when the source id was used for another operation
   */
  public LedgerEntry addPoints(CardCode code, long points, AddedPointsExpiry expiry, String reason, @Nullable String sourceId) {
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(expiry, "expiry");
    Objects.requireNonNull(reason, "reason");
    Limits.checkText("reason", reason, Limits.MAX_TEXT_LENGTH);
    return operations.points().add(code, points, expiry, reason, sourceId);
  }

  /**
   * Removes points from a published card, soonest-expiring first (POINTS_REMOVAL). A source id makes it
   * idempotent.
   *
   * @throws InsufficientPointsException when the card's usable balance is smaller
   */
  public LedgerEntry removePoints(CardCode code, long points, String reason, @Nullable String sourceId) {
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(reason, "reason");
    Limits.checkText("reason", reason, Limits.MAX_TEXT_LENGTH);
    return operations.points().remove(code, points, reason, sourceId);
  }

  /**
   * Moves usable points between two published, active cards, also across programs, atomically: expired and
   * pending points cannot move, and the moved points expire by the destination program's rules from today.
   * Idempotent by the required source id.
   */
  public Transfer transfer(CardCode from, CardCode to, long points, String reason, String sourceId) {
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
    Objects.requireNonNull(reason, "reason");
    Limits.checkText("reason", reason, Limits.MAX_TEXT_LENGTH);
    Objects.requireNonNull(sourceId, "sourceId");
    return operations.points().transfer(from, to, points, reason, sourceId);
  }

  /**
   * Adds pending points to a published card, carried over from another system (such as {@code loyalty-json}'s
   * {@code VoucherifyImport}): a {@code PENDING_POINTS_ADDED} lot that activates at 00:00 of {@code activationDay} in
   * the program's time zone and from then expires by the program's expiration rule. Idempotent: the same source id
   * again returns the first entry and changes nothing.
   *
   * @throws io.loyalty.spi.InvalidInputException on {@code points} outside 1 to 10^12, or {@code activates_at} not
   *     after today in the program's zone or after 9999-12-31
   * @throws SourceIdReusedException when the source id was used for another operation
   */
  public LedgerEntry addPendingPoints(CardCode code, long points, java.time.LocalDate activationDay, String reason,
      String sourceId) {
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(activationDay, "activationDay");
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(sourceId, "sourceId");
    Limits.checkText("reason", reason, Limits.MAX_TEXT_LENGTH);
    return operations.points().addPending(code, points, activationDay, reason, sourceId);
  }

  /** Activates pending points now (their expiry clock starts now). */
  public LedgerEntry activatePendingPoints(CardCode code, long lotId) {
    Objects.requireNonNull(code, "code");
    return operations.points().activatePending(code, lotId);
  }

  /** Changes pending points by {@code delta}; they must stay above zero. */
  public LedgerEntry adjustPendingPoints(CardCode code, long lotId, long delta, String reason) {
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(reason, "reason");
    Limits.checkText("reason", reason, Limits.MAX_TEXT_LENGTH);
    return operations.points().adjustPending(code, lotId, delta, reason);
  }

  /** Cancels pending points: they never become usable. */
  public LedgerEntry cancelPendingPoints(CardCode code, long lotId, String reason) {
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(reason, "reason");
    Limits.checkText("reason", reason, Limits.MAX_TEXT_LENGTH);
    return operations.points().cancelPending(code, lotId, reason);
  }

  /**
   * Records every activation and expiration due by {@code asOf} on the program's cards, exactly once per lot.
   * Balances never depend on it (they are read as of an instant); it is for reporting and ledgers.
   *
   * @throws io.loyalty.spi.InvalidInputException on {@code as_of} when it is after the engine's clock: only what
   *     has happened is recorded
   */
  public SweepReport sweep(ProgramId program, Instant asOf) {
    Objects.requireNonNull(program, "program");
    Objects.requireNonNull(asOf, "asOf");
    return operations.reports().sweep(program, asOf);
  }

  /**
   * Records every activation and expiration due by {@code asOf} on one card, exactly once per lot.
   *
   * @throws io.loyalty.spi.InvalidInputException on {@code as_of} when it is after the engine's clock
   */
  public SweepReport sweep(CardCode code, Instant asOf) {
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(asOf, "asOf");
    return operations.reports().sweep(code, asOf);
  }

  /** The card's counters now (balance, pending, earned, expired, ...). */
  public CardSummary summary(CardCode code) {
    Objects.requireNonNull(code, "code");
    return summary(code, clock.now());
  }

  /**
   * The card's counters as of any instant, as a read at that instant answered (entries recorded later do not count;
   * before the card's latest entry, its lots are rebuilt from the ledger up to then).
   */
  public CardSummary summary(CardCode code, Instant asOf) {
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(asOf, "asOf");
    return operations.reports().summary(code, asOf);
  }

  /** The card's pending points as of any instant. */
  public long pendingPoints(CardCode code, Instant asOf) {
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(asOf, "asOf");
    Card card = card(code);
    return exact(code, () -> operations.reports().balanceAndPending(card, asOf)[1]);
  }

  /**
   * The card's lots usable or pending at any instant {@code asOf}, soonest-expiring first, as a read at that instant
   * answered: what fell due by then is applied (an activated lot is active, less the debt it repaid). For an instant
   * before the card's latest entry the lots are rebuilt from its ledger up to then.
   */
  public List<Lot> lots(CardCode code, Instant asOf) {
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(asOf, "asOf");
    return operations.reports().lots(code, asOf);
  }

  /** The card's usable points by the last day they can be spent, as of any instant, as a read then answered. */
  public ExpirySchedule expirySchedule(CardCode code, Instant asOf) {
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(asOf, "asOf");
    return operations.reports().schedule(code, asOf);
  }

  /**
   * The program's points liability as of any instant: outstanding points and their expiry schedule over the cards
   * generated by then, as a read at that instant answered. It reads every card of the program; for an instant before
   * now, each card written since also has its ledger read up to the instant (one ledger read per such card, plus the
   * card's entries up to then), so a read of the past costs the program's history up to then.
   *
   * @throws OverflowException when a sum over the program's cards exceeds the range of exact points
   */
  public ExpirySchedule liability(ProgramId program, Instant asOf) {
    Objects.requireNonNull(program, "program");
    Objects.requireNonNull(asOf, "asOf");
    return operations.reports().schedule(program, asOf);
  }

  /** Validates and stores a reward of the catalog as its next version (its redeemed count stays the engine's). */
  public Reward defineReward(Reward reward) {
    Objects.requireNonNull(reward, "reward");
    return operations.rewards().define(reward, null);
  }

  /**
   * Stores the reward as its next version only if the latest stored version is still {@code expectedVersion}.
   *
   * @throws DefinitionConflictException when another version was stored since; nothing is stored
   */
  public Reward defineReward(Reward reward, long expectedVersion) {
    Objects.requireNonNull(reward, "reward");
    return operations.rewards().define(reward, expectedVersion);
  }

  /** The reward, if it exists and is not deleted. */
  public Reward reward(RewardId id) {
    Objects.requireNonNull(id, "id");
    return operations.rewards().reward(id);
  }

  /** Deletes a reward: it can no longer be redeemed; past redemptions still name it. */
  public Reward deleteReward(RewardId id) {
    Objects.requireNonNull(id, "id");
    return operations.rewards().delete(id);
  }

  /**
   * Offers a reward in a program at a price (or replaces the assignment with the same id): a new program version.
   * The edit is applied to whatever version is latest when it commits, so a concurrent edit is never lost.
   */
  public Program assignReward(ProgramId program, RewardAssignment assignment) {
    Objects.requireNonNull(program, "program");
    Objects.requireNonNull(assignment, "assignment");
    return operations.edit(program, current -> {
      List<RewardAssignment> rewards = new ArrayList<>(current.rewards());
      rewards.removeIf(a -> a.id().equals(assignment.id()));
      rewards.add(assignment);
      return current.toBuilder().rewards(rewards).build();
    });
  }

  /** Stops offering a reward in a program: a new program version, applied like {@link #assignReward}. */
  public Program unassignReward(ProgramId program, AssignmentId assignment) {
    Objects.requireNonNull(program, "program");
    Objects.requireNonNull(assignment, "assignment");
    return operations.edit(program, current -> {
      List<RewardAssignment> rewards = new ArrayList<>(current.rewards());
      if (!rewards.removeIf(a -> a.id().equals(assignment))) {
        throw new NotFoundException("reward_assignment", assignment + " in program " + program);
      }
      return current.toBuilder().rewards(rewards).build();
    });
  }

  /** The rewards the card's program offers, with prices and affordability; {@code affordableOnly} keeps those the balance covers. */
  public List<MemberReward> rewards(CardCode card, boolean affordableOnly) {
    Objects.requireNonNull(card, "card");
    return operations.rewards().rewardsOf(card, affordableOnly);
  }

  /**
   * Redeems a reward exactly once per request id: the same request again returns the first result, another
   * request under the same id is an error. A failed check (Voucherify's keys: {@code loyalty_card_points_exceeded},
   * {@code reward_out_of_stock}, {@code quantity_exceeded}, {@code customer_rules_violated}, {@code missing_order},
   * ...) is returned as a failed redemption that took nothing; racing redemptions never overdraw a card or oversell
   * stock. Conditions are checked against the card's holder.
   *
   * @throws io.loyalty.spi.InvalidInputException listing every offending field of the request (checked before
   *     anything is read), or on {@code customer.id} when it names a customer who does not hold the card; nothing is
   *     written
   */
  public Redemption redeem(RedeemRequest request) {
    Objects.requireNonNull(request, "request");
    return operations.rewards().redeem(request);
  }

  /**
   * Buys a reward of a loyalty v2 program for a member (Voucherify's reward purchase in {@code TRANSACTION} mode): the
   * offer's first cost whose condition holds is the price, paid from the member's card of that cost's wallet; a failed
   * check (not enough points there, no stock, ...) is a failed redemption that took nothing, never a purchase from
   * another wallet. Exactly once per id, as {@link #redeem}; a rollback is the refund.
   *
   * @throws NotFoundException when the customer is not a member or the program offers no such reward
   */
  public Redemption purchase(RedemptionId id, ProgramId program, CustomerId customer, AssignmentId offer) {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(program, "program");
    Objects.requireNonNull(customer, "customer");
    Objects.requireNonNull(offer, "offer");
    List<Card> cards = cardsOf(program, customer); // any of them: the offer's cost picks the wallet
    if (cards.isEmpty()) {
      throw new NotFoundException("member", "of program " + program);
    }
    return redeem(new RedeemRequest(id, cards.get(0).code(), offer, null, null, io.loyalty.spi.Metadata.EMPTY, null));
  }

  /**
   * Examines the member's v2 program offers (Voucherify's examine of rewards): for each, whether a purchase now would
   * succeed, and if not why, with the matching cost and the member's points in its wallet. Writes nothing; agrees
   * with {@link #purchase} on the same state.
   *
   * @param context the host's view of the member for the costs' conditions (metadata, segments), {@code null} for
   *     the member with no metadata
   * @throws NotFoundException when the customer is not a member of the program
   */
  public List<RewardExamination> examineRewards(ProgramId program, CustomerId customer,
      io.loyalty.spi.event.@Nullable Customer context) {
    Objects.requireNonNull(program, "program");
    Objects.requireNonNull(customer, "customer");
    return operations.rewards().examine(program, customer, context);
  }

  /**
   * What the customer would earn now (Voucherify v2's examine of earning rules): the probe's imagined events (an order,
   * the segments and custom events the member's rules name) quoted at the engine's now, per membership and card, each
   * card's points split by earning rule. The engine's own evaluation, limits included; writes nothing.
   *
   * @param program the one program to examine, {@code null} for every program the customer is a member of
   * @throws io.loyalty.spi.InvalidInputException when the probe's order or custom event is invalid (under
   *     {@link EarningProbe.Trigger#ALL} an imagined custom event its schema refuses is left out instead)
   */
  public EarningExamination examineEarningRules(EarningProbe probe, @Nullable ProgramId program) {
    Objects.requireNonNull(probe, "probe");
    return operations.examineEarning(probe, program);
  }

  /** Rolls a redemption back within the rollback window: the exact lots, the stock and the card's count come back. */
  public Redemption rollback(RedemptionId redemption, String reason) {
    Objects.requireNonNull(redemption, "redemption");
    Objects.requireNonNull(reason, "reason");
    Limits.checkText("reason", reason, Limits.MAX_TEXT_LENGTH);
    return operations.rewards().rollback(redemption, reason);
  }

  /** Marks a material reward delivered (its fulfilment PENDING to COMPLETE). */
  public Redemption completeFulfilment(RedemptionId redemption) {
    Objects.requireNonNull(redemption, "redemption");
    return operations.rewards().completeFulfilment(redemption);
  }

  /**
   * Settles up to {@code limit} of the engine's own outbox events still pending, oldest first: the deliveries of
   * committed campaign rewards and the revocations of rolled-back ones that a crash, a store failure after a commit or
   * a refusal of the host left undone. Every write settles its own events at once; call this at start-up and now and
   * then (say, every minute) so that nothing waits for a write that never comes. Safe to run on several engines.
   *
   * @return how many events were settled
   */
  public int recoverOutbox(int limit) {
    return operations.recoverOutbox(limit);
  }

  /** The card's redemptions, successful, failed or rolled back, oldest first. */
  public List<Redemption> redemptions(CardCode card) {
    Objects.requireNonNull(card, "card");
    return operations.rewards().redemptionsOf(card);
  }

  /** Runs a read whose sums are exact, turning an overflow into the library's typed error. */
  private static long exact(CardCode code, java.util.function.LongSupplier read) {
    try {
      return read.getAsLong();
    } catch (ArithmeticException e) {
      throw new OverflowException("card " + code + ": the sum of its points exceeds the range of exact points");
    }
  }

  /**
   * Builds a {@link LoyaltyEngine}; every setter fails at once on a bad value with an
   * {@link InvalidInputException} naming the option and its limit, and a {@code null} with a
   * {@link NullPointerException}. Not thread-safe.
   */
  public static final class Builder {
    private @Nullable LoyaltyStore store;
    private @Nullable Clock clock;
    private @Nullable RandomSource random;
    private ValidationRules validationRules = ValidationRules.none();
    private EventSchemas eventSchemas = EventSchemas.none();
    private ProductCollections collections = ProductCollections.none();
    private RewardFulfilment fulfilment = RewardFulfilment.none();
    private Period rollbackWindow = Period.ofMonths(3);
    private Duration maxEventLead = DEFAULT_MAX_EVENT_LEAD;
    private Duration maxEventAge = DEFAULT_MAX_EVENT_AGE;
    private CommitObserver commitObserver = CommitObserver.none();

    /** How far after the engine's clock an event may be stamped by default: five minutes of clock skew. */
    public static final Duration DEFAULT_MAX_EVENT_LEAD = Duration.ofMinutes(5);
    /** How far before the engine's clock an event may be stamped by default: 366 days. */
    public static final Duration DEFAULT_MAX_EVENT_AGE = Duration.ofDays(366);

    private Builder() {}

    /** The store; defaults to a new {@link InMemoryLoyaltyStore}. */
    public Builder store(LoyaltyStore store) {
      this.store = Objects.requireNonNull(store, "store");
      return this;
    }

    /**
     * The engine's clock (required): "now" for every write and for the reads that take no instant. Events carry
     * their own time, which must lie within {@link #maxEventAge} before and {@link #maxEventLead} after it.
     */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /** Hears every commit that met a concurrent writer (for metrics); defaults to {@link CommitObserver#none()}. */
    public Builder commitObserver(CommitObserver observer) {
      this.commitObserver = Objects.requireNonNull(observer, "commitObserver");
      return this;
    }

    /** Randomness for card codes and retry jitter; defaults to a {@link SecureRandom}. */
    public Builder random(RandomSource random) {
      this.random = Objects.requireNonNull(random, "random");
      return this;
    }

    /** The host's named validation rules; defaults to none. */
    public Builder validationRules(ValidationRules rules) {
      this.validationRules = Objects.requireNonNull(rules, "validationRules");
      return this;
    }

    /** A fixed set of named validation rules. */
    public Builder validationRules(ValidationRule... rules) {
      return validationRules(ValidationRules.of(rules));
    }

    /** The host's custom event schemas; defaults to none, so custom events are rejected. */
    public Builder eventSchemas(EventSchemas schemas) {
      this.eventSchemas = Objects.requireNonNull(schemas, "eventSchemas");
      return this;
    }

    /** A fixed set of custom event schemas. */
    public Builder eventSchemas(EventSchema... schemas) {
      return eventSchemas(EventSchemas.of(schemas));
    }

    /** The host's products collections; defaults to none. */
    public Builder productCollections(ProductCollections collections) {
      this.collections = Objects.requireNonNull(collections, "productCollections");
      return this;
    }

    /** How the host delivers campaign rewards (coupons, gift credit); defaults to refusing them. */
    public Builder rewardFulfilment(RewardFulfilment fulfilment) {
      this.fulfilment = Objects.requireNonNull(fulfilment, "rewardFulfilment");
      return this;
    }

    /**
     * How long after a redemption it can be rolled back; three months by default (Voucherify's).
     *
     * @throws InvalidInputException on {@code rollback_window} when it is negative or spans more than 100 years
     */
    public Builder rollbackWindow(Period window) {
      Objects.requireNonNull(window, "rollbackWindow");
      if (window.isNegative() || !TimeBounds.withinSpan(new IsoDuration(window, Duration.ZERO))) {
        throw InvalidInputException.of("rollback_window", "must be zero or more and span at most "
            + TimeBounds.MAX_SPAN_TEXT, window);
      }
      this.rollbackWindow = window;
      return this;
    }

    /**
     * How far after the engine's clock an event (refunds included) may be stamped: a little clock skew between the
     * host and the engine; {@link #DEFAULT_MAX_EVENT_LEAD} by default. An event stamped later is rejected on
     * {@code created_at}: nothing is settled or written at an instant that has not come.
     *
     * @throws InvalidInputException on {@code max_event_lead} when it is negative or longer than 36,524 days
     */
    public Builder maxEventLead(Duration lead) {
      this.maxEventLead = span("max_event_lead", Objects.requireNonNull(lead, "maxEventLead"));
      return this;
    }

    /**
     * How far before the engine's clock an event (refunds included) may be stamped: a late delivery or an import
     * of past orders; {@link #DEFAULT_MAX_EVENT_AGE} by default. An older event is rejected on {@code created_at}.
     *
     * @throws InvalidInputException on {@code max_event_age} when it is negative or longer than 36,524 days
     */
    public Builder maxEventAge(Duration age) {
      this.maxEventAge = span("max_event_age", Objects.requireNonNull(age, "maxEventAge"));
      return this;
    }

    private static Duration span(String option, Duration d) {
      if (d.isNegative() || d.compareTo(TimeBounds.MAX_SPAN) > 0) {
        throw InvalidInputException.of(option, "must be from zero to " + TimeBounds.text(TimeBounds.MAX_SPAN) + " ("
            + TimeBounds.MAX_SPAN_TEXT + ")", d);
      }
      return d;
    }

    /**
     * Returns a new engine; the builder is left as it was, so building twice gives two engines, each with its own
     * in-memory store when none was set.
     *
     * @throws InvalidInputException on {@code clock} when no clock was given
     */
    public LoyaltyEngine build() {
      Clock engineClock = clock;
      if (engineClock == null) {
        throw InvalidInputException.of("clock", "is required: LoyaltyEngine.builder().clock(Clock.systemUTC())", null);
      }
      // the builder is never changed by build(): each engine built without a store gets a store of its own
      LoyaltyStore engineStore = store != null ? store : InMemoryLoyaltyStore.create();
      RandomSource engineRandom = random;
      if (engineRandom == null) {
        SecureRandom secure = new SecureRandom();
        engineRandom = bound -> secure.nextInt(bound);
      }
      return new LoyaltyEngine(this, engineClock, engineStore, engineRandom);
    }
  }
}
