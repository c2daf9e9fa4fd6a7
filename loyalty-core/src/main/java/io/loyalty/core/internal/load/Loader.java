package io.loyalty.core.internal.load;

import io.loyalty.core.internal.decide.Answering;
import io.loyalty.core.internal.decide.ReadSet;
import io.loyalty.core.internal.decide.ReadSet.Found;
import io.loyalty.core.internal.decide.ReadSet.ProgramReads;
import io.loyalty.core.internal.decide.Pool;
import io.loyalty.core.internal.decide.ProgramEntry;
import io.loyalty.core.internal.decide.RedemptionPlanner;
import io.loyalty.core.internal.eval.Answers;
import io.loyalty.core.internal.eval.Asks;
import io.loyalty.core.internal.eval.PlanCache;
import io.loyalty.spi.CardCode;
import io.loyalty.spi.CustomerId;
import io.loyalty.spi.EventId;
import io.loyalty.spi.InvalidInputException;
import io.loyalty.spi.NotFoundException;
import io.loyalty.spi.OrderId;
import io.loyalty.spi.ProgramId;
import io.loyalty.spi.WalletId;
import io.loyalty.spi.RewardId;
import io.loyalty.spi.card.Card;
import io.loyalty.spi.card.EntryType;
import io.loyalty.spi.card.LedgerEntry;
import io.loyalty.spi.earning.HostAnswers;
import io.loyalty.spi.earning.ProgramInputs;
import io.loyalty.spi.event.LoyaltyEvent;
import io.loyalty.spi.event.Order;
import io.loyalty.spi.event.OrderPaid;
import io.loyalty.spi.event.OrderRefunded;
import io.loyalty.spi.program.Program;
import io.loyalty.spi.reward.Redemption;
import io.loyalty.spi.reward.Reward;
import io.loyalty.spi.reward.RewardAssignment;
import io.loyalty.spi.reward.RewardKind;
import io.loyalty.spi.store.EventReads;
import io.loyalty.spi.store.EventReceipt;
import io.loyalty.spi.store.LoyaltyStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Gathers the read set of one event before it is decided ({@link ReadSet}): the programs whose rules can fire
 * for it ({@link ProgramIndex}), the customer's cards and each card's entries for the order, every host answer the
 * programs' rules can ask (derived from the compiled rules, {@link io.loyalty.core.internal.eval.CompiledProgram#asks}),
 * the pools a join may draw from, and what auto-redeem may need (the reward, the card's redemptions, the program and
 * card a LOYALTY_PROGRAM reward credits, and the programs such a card makes the event visit). For a refund: the
 * payment's and earlier refunds' receipts, the granting program version, and the host's answers the payment's do
 * not hold. Thread-safe.
 */
public final class Loader {
  private final LoyaltyStore store;
  private final PlanCache plans;
  private final ProgramIndex index;
  private final Enrolment enrolment;
  private final HostPorts host;

  /** A loader over the store and the host's ports. */
  public Loader(LoyaltyStore store, PlanCache plans, Enrolment enrolment, HostPorts host) {
    this.store = store;
    this.plans = plans;
    this.index = new ProgramIndex(store, plans);
    this.enrolment = enrolment;
    this.host = host;
  }

  /** The program's latest definition as the catalog was last read (see {@link ProgramIndex#known}). */
  public @Nullable Program known(ProgramId id) {
    return index.known(id);
  }

  /**
   * The event's read set at {@code now}, against the catalog as stored or, with {@code candidate}, with it in place
   * of its program's definition.
   *
   * @throws NotFoundException when the event names a card that does not exist
   * @throws InvalidInputException when it names a card the event's customer does not hold
   */
  public ReadSet load(LoyaltyEvent event, Instant now, @Nullable Program candidate) {
    return load(event, now, candidate, null);
  }

  /**
   * The event's first reads, in one call to the store ({@link LoyaltyStore#eventReads}): its receipt and, when it was
   * not applied, the catalog version, the customer's cards and their entries for the event's order.
   */
  public EventReads first(LoyaltyEvent event) {
    return store.eventReads(event.id(), event.customer().id(), orderOf(event));
  }

  /**
   * As {@link #load(LoyaltyEvent, Instant, Program)}, taking the catalog version, the customer's cards and their
   * entries for the event's order from {@code first} ({@link LoyaltyStore#eventReads}, {@code null}: read them here)
   * instead of asking the store for each again.
   */
  public ReadSet load(LoyaltyEvent event, Instant now, @Nullable Program candidate, @Nullable EventReads first) {
    Card targeted = targetedCard(event);
    ProgramIndex.Catalog stored = first == null ? index.current() : index.current(first.catalogVersion());
    ProgramIndex.Catalog catalog = candidate == null ? stored : stored.with(candidate, plans);
    // a card of a v2 wallet comes with the member's other cards of its program: the program earns into each
    List<Card> held = targeted == null ? (first == null ? store.cardsOf(event.customer().id()) : first.cards())
        : targeted.wallet().equals(WalletId.MAIN) ? List.of(targeted)
        : store.cardsOf(targeted.program(), event.customer().id());
    return new Gathering(event, now, event.customer().id(), targeted, catalog, held, first).gather();
  }

  /**
   * The read set of a manual write's follow-ups on one card (a point operation, a sweep): when the write
   * {@code changed} the card, what auto-redeem on it may read ({@link RedemptionPlanner#autoRedeemOnReach}), and with {@code everyAutoReward} the rewards of all the
   * program's auto-redeem assignments (whether one credits another card of the same write).
   */
  public ReadSet forWrite(Program program, Card card, boolean changed, boolean everyAutoReward, Instant now) {
    CustomerId holder = card.holder();
    Gathering g = new Gathering(null, now, holder, card, null, List.of(card), null);
    if (changed && holder != null) { // auto-redeem follows a change on a published card only
      g.autoRedeem(program, card, -1, false);
    }
    if (everyAutoReward) {
      for (RewardAssignment a : program.rewards()) {
        if (a.autoRedeem()) {
          g.reward(a.reward());
        }
      }
    }
    return g.readSet();
  }

  /**
   * The read set of a redemption by hand on a card: the host's answers for its conditions (on the request's order),
   * and for a LOYALTY_PROGRAM reward the program it credits and the holder's card there, or that program's pool.
   */
  public ReadSet forRedemption(Program program, Card card, RewardAssignment assignment, Reward reward,
      @Nullable Order order, Instant now) {
    CustomerId holder = card.holder();
    List<Card> held = List.of(card);
    io.loyalty.spi.tier.TierStructure structure = program.tierStructure();
    if (holder != null && structure != null && assignment.cost() != null && !assignment.cost().tiers().isEmpty()
        && !card.wallet().equals(structure.tracking().wallet())) {
      // a cost restricted to tiers: the member's card of the structure's wallet says which tier it holds
      Card tracked = store.cardOf(program.id(), holder, structure.tracking().wallet()).orElse(null);
      held = tracked == null ? held : List.of(card, tracked);
    }
    Gathering g = new Gathering(null, now, holder, card, null, held, null);
    if (holder != null) { // an unpublished card fails its first check: nothing else is read
      g.redemptionAnswers(program, assignment, order);
      if (program.wallet(card.wallet()).filter(w -> w.spendingLimits().countsHistory()).isPresent()) {
        g.redemptionsOf(card); // what the card spent before, for its wallet's spending limits
      }
      if (!reward.deleted() && reward.kind() instanceof RewardKind.Campaign campaign
          && campaign.type() == RewardKind.CampaignType.LOYALTY_PROGRAM) {
        g.credits(ProgramId.of(campaign.campaign()), -1);
      }
    }
    return g.readSet();
  }

  /** The read set of giving a redemption back: the card its LOYALTY_PROGRAM reward credited, when it did. */
  public ReadSet forGiveBack(Card card, Redemption redemption, @Nullable Reward reward, Instant now) {
    Gathering g = new Gathering(null, now, card.holder(), card, null, List.of(card), null);
    if (reward != null && reward.kind() instanceof RewardKind.Campaign campaign
        && campaign.type() == RewardKind.CampaignType.LOYALTY_PROGRAM && !redemption.fulfilment().reference().isEmpty()) {
      g.card(CardCode.of(redemption.fulfilment().reference()));
    }
    return g.readSet();
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

  private static @Nullable Card heldIn(List<Card> held, ProgramId program) {
    for (int i = 0; i < held.size(); i++) {
      if (held.get(i).program().equals(program) && held.get(i).wallet().equals(WalletId.MAIN)) {
        return held.get(i);
      }
    }
    return null;
  }

  /** The customer's cards of a v2 program's wallets among {@code held}, in the program's wallet order. */
  private static List<Card> walletCards(List<Card> held, Program program) {
    List<Card> cards = new ArrayList<>(program.wallets().size());
    for (WalletId wallet : program.walletIds()) {
      for (int i = 0; i < held.size(); i++) {
        if (held.get(i).program().equals(program.id()) && held.get(i).wallet().equals(wallet)) {
          cards.add(held.get(i));
        }
      }
    }
    return cards;
  }

  private static <K, V> @Nullable Found<K, V> found(List<Found<K, V>> found, K key) {
    for (int i = 0; i < found.size(); i++) {
      if (found.get(i).key().equals(key)) {
        return found.get(i);
      }
    }
    return null;
  }

  /** One decision's gathering: what has been read so far. Not thread-safe. */
  private final class Gathering {
    private final @Nullable LoyaltyEvent event;
    private final Instant now;
    private final @Nullable CustomerId customer;
    private final @Nullable Card targeted;
    private final ProgramIndex.@Nullable Catalog catalog;
    private final List<Card> held;
    /** What the store answered the event's first reads with, or {@code null}. */
    private final @Nullable EventReads first;
    private final @Nullable Order order;
    private final List<ProgramReads> programs = new ArrayList<>(2);
    private List<Found<ProgramId, Card>> cards = List.of();
    private List<Pool> pools = List.of();
    private List<Found<ProgramId, Program>> stored = List.of();
    private List<Found<RewardId, Reward>> rewards = List.of();
    private List<Found<CardCode, List<Redemption>>> redemptions = List.of();
    private List<Found<EventId, EventReceipt>> receipts = List.of();
    private List<Found<CardCode, Card>> byCode = List.of();
    private Answering.@Nullable Table redemptionAnswers;
    /** The programs whose auto-redeem reads are gathered. */
    private List<ProgramId> autoRedeeming = List.of();
    /** The programs a LOYALTY_PROGRAM reward of another may credit. */
    private List<ProgramId> credited = List.of();

    /**
     * A gathering for {@code event} (a manual write's: {@code null}, with no catalog) by {@code customer}, who holds
     * {@code held} ({@code targeted}: the one card the decision concerns, else every card they hold).
     */
    Gathering(@Nullable LoyaltyEvent event, Instant now, @Nullable CustomerId customer, @Nullable Card targeted,
        ProgramIndex.@Nullable Catalog catalog, List<Card> held, @Nullable EventReads first) {
      this.event = event;
      this.now = now;
      this.customer = customer;
      this.targeted = targeted;
      this.catalog = catalog;
      this.held = held;
      this.first = first;
      this.order = event instanceof OrderPaid paid ? paid.order() : null;
    }

    ReadSet gather() {
      LoyaltyEvent event = java.util.Objects.requireNonNull(this.event, "an event's gathering");
      ProgramIndex.Catalog catalog = java.util.Objects.requireNonNull(this.catalog, "an event's gathering");
      // the programs the event can concern, in catalog order: the targeted card's program alone, or the programs of
      // the customer's cards (all of them for a refund, which must reach every program that granted the order's
      // points, whatever its rules are now; those with a rule the event triggers otherwise) and the auto-join
      // programs with such a rule
      List<ProgramEntry> candidates = new ArrayList<>(2);
      for (int i = 0; i < held.size(); i++) {
        ProgramEntry entry = catalog.entry(held.get(i).program());
        if (entry != null && (event instanceof OrderRefunded || entry.plan().concerns(event))) {
          insert(candidates, entry);
        }
      }
      if (targeted == null) {
        List<ProgramEntry> autoJoin = catalog.autoJoin(event);
        for (int i = 0; i < autoJoin.size(); i++) {
          insert(candidates, autoJoin.get(i));
        }
      }
      for (int i = 0; i < candidates.size(); i++) {
        ProgramEntry entry = candidates.get(i);
        if (entry.program().isV2()) {
          wallets(entry, event);
          continue;
        }
        Card card = heldIn(held, entry.program().id());
        if (event instanceof OrderRefunded refund) {
          programs.add(refund(entry, card, refund));
        } else if (card != null || entry.program().autoJoin()) {
          earning(entry, true, card);
        } else {
          programs.add(new ProgramReads(entry, true, null, List.of(), Answering.none(), List.of()));
        }
      }
      // a card a reward credits may be staged with another balance than read: its own auto-redeem reads are needed
      for (int i = 0; i < programs.size(); i++) {
        ProgramReads p = programs.get(i);
        if (credited.contains(p.entry().program().id())) {
          autoRedeem(p.entry().program(), p.card(), p.entry().position(), true);
        }
      }
      return readSet();
    }

    ReadSet readSet() {
      return new ReadSet(customer, targeted, programs, held, targeted == null, cards, pools, stored, rewards,
          redemptions, receipts, byCode, redemptionAnswers == null ? Answering.none() : redemptionAnswers);
    }

    /**
     * Gathers what a v2 program's decision reads: for a refund, each wallet card's as a v1 card's; else the host's
     * answers and the order's entries on every wallet card, under the first card (the decision finds the others among
     * the held cards).
     */
    private void wallets(ProgramEntry entry, LoyaltyEvent event) {
      List<Card> cards = walletCards(held, entry.program());
      if (event instanceof OrderRefunded refund) {
        for (Card card : cards) {
          programs.add(refund(entry, card, refund));
        }
        return;
      }
      if (cards.isEmpty()) {
        programs.add(new ProgramReads(entry, true, null, List.of(), Answering.none(), List.of()));
        return;
      }
      Card first = cards.get(0);
      Instant at = event.occurredAt();
      boolean evaluated = entry.plan().inForce(at) && first.active() && first.isValidAt(at) && first.isValidAt(now);
      Answers answers = evaluated ? host.ask(entry.plan().asks(event), order, HostAnswers.NONE) : Answering.none();
      List<LedgerEntry> entries = new ArrayList<>();
      if (order != null) {
        for (Card card : cards) {
          entries.addAll(entriesForOrder(card, order.id()));
        }
      }
      programs.add(new ProgramReads(entry, true, first, entries, answers, List.of()));
    }

    /** Gathers what the program's earning decision reads, with {@code card} as read ({@code null}: none). */
    private void earning(ProgramEntry entry, boolean candidate, @Nullable Card card) {
      LoyaltyEvent event = java.util.Objects.requireNonNull(this.event, "an event's gathering");
      Program program = entry.program();
      // rules are skipped before their conditions when the program is off or out of its window, or the card cannot
      // earn (switched off, or not valid when the event happened or now): the host is asked nothing then
      Instant at = event.occurredAt();
      boolean evaluated = entry.plan().inForce(at)
          && (card == null || card.active() && card.isValidAt(at) && card.isValidAt(now));
      Answers answers = evaluated ? host.ask(entry.plan().asks(event), order, HostAnswers.NONE) : Answering.none();
      List<LedgerEntry> entries = card != null && order != null ? entriesForOrder(card, order.id()) : List.of();
      programs.add(new ProgramReads(entry, candidate, card, entries, answers, List.of()));
      if (candidate && card == null) {
        pool(program);
      }
      autoRedeem(program, card, entry.position(), !candidate);
    }

    /**
     * Gathers what auto-redeem in the program may read: unless {@code force}, only when the card's recorded balance is
     * below the reward's price (a card that starts at or above it cannot reach it on this event).
     */
    void autoRedeem(Program program, @Nullable Card card, int position, boolean force) {
      RewardAssignment assignment = RedemptionPlanner.autoRedeemed(program);
      if (assignment == null || autoRedeeming.contains(program.id())) {
        return;
      }
      // the lowest price any tier gives it: a card at or above that cannot reach it on this event
      long price = io.loyalty.core.internal.eval.Tiers.lowestPrice(program, assignment);
      if (!force && card != null && card.ledgerBalance() >= price) {
        return;
      }
      autoRedeeming = add(autoRedeeming, program.id());
      Reward reward = reward(assignment.reward());
      if (card != null && card.redemptions() > 0 && found(redemptions, card.code()) == null) {
        redemptions = add(redemptions, new Found<>(card.code(), store.redemptions(card.code())));
      }
      redemptionAnswers(program, assignment, null); // an automatic redemption has no order
      if (reward != null && !reward.deleted() && reward.kind() instanceof RewardKind.Campaign campaign
          && campaign.type() == RewardKind.CampaignType.LOYALTY_PROGRAM) {
        credits(ProgramId.of(campaign.campaign()), position);
      }
    }

    /** The card's redemptions, read once (none to read when it never redeemed). */
    void redemptionsOf(Card card) {
      if (found(redemptions, card.code()) == null) {
        redemptions = add(redemptions, new Found<>(card.code(),
            card.redemptions() > 0 ? store.redemptions(card.code()) : List.of()));
      }
    }

    /** The reward, read once. */
    @Nullable Reward reward(RewardId id) {
      Found<RewardId, Reward> read = found(rewards, id);
      if (read == null) {
        read = new Found<>(id, store.reward(id).orElse(null));
        rewards = add(rewards, read);
      }
      return read.value();
    }

    /** The card with this code, read once. */
    void card(CardCode code) {
      if (found(byCode, code) == null) {
        byCode = add(byCode, new Found<>(code, store.card(code).orElse(null)));
      }
    }

    /** Gathers the host's answers a redemption's conditions (the program's and the assignment's) can ask. */
    void redemptionAnswers(Program program, RewardAssignment assignment, @Nullable Order on) {
      Asks asks = Asks.ofConditions(Arrays.asList(program.redemptionCondition(), assignment.condition()));
      if (!asks.isEmpty()) {
        if (redemptionAnswers == null) {
          redemptionAnswers = new Answering.Table();
        }
        host.askInto(asks, on, HostAnswers.NONE, redemptionAnswers);
      }
    }

    /** Gathers what crediting the customer's card in {@code other} reads: its definition, the card or its pool. */
    void credits(ProgramId other, int position) {
      CustomerId customer = java.util.Objects.requireNonNull(this.customer, "a credit goes to a holder's card");
      if (!credited.contains(other)) {
        credited = add(credited, other);
      }
      Found<ProgramId, Program> definition = found(stored, other);
      if (definition == null) {
        definition = new Found<>(other, store.program(other).orElse(null));
        stored = add(stored, definition);
      }
      Card card;
      if (targeted == null) {
        card = heldIn(held, other);
      } else {
        Found<ProgramId, Card> read = found(cards, other);
        if (read == null) {
          read = new Found<>(other, store.cardOf(other, customer, WalletId.MAIN).orElse(null));
          cards = add(cards, read);
        }
        card = read.value();
      }
      Program program = definition.value();
      if (program != null && card == null) {
        pool(program);
      }
      LoyaltyEvent event = this.event;
      ProgramIndex.Catalog catalog = this.catalog;
      if (targeted == null && card == null && event != null && catalog != null) {
        // a card published there makes the event visit the program, when it comes later in the catalog
        ProgramEntry entry = catalog.entry(other);
        if (entry != null && entry.position() > position && entry.plan().concerns(event) && !visits(other)) {
          earning(entry, false, null);
        }
      }
    }

    private boolean visits(ProgramId program) {
      for (int i = 0; i < programs.size(); i++) {
        if (programs.get(i).entry().program().id().equals(program)) {
          return true;
        }
      }
      return false;
    }

    private void pool(Program program) {
      for (int i = 0; i < pools.size(); i++) {
        if (pools.get(i).program().equals(program.id())) {
          return;
        }
      }
      pools = add(pools, enrolment.pool(program,
          java.util.Objects.requireNonNull(customer, "a pool is read for a holder"), now));
    }

    /**
     * Gathers what the refund's decision on the card reads: the card's entries for the order, the receipts of the
     * payment (the first accrual's that is one) and of earlier refunds, the program version that granted the points,
     * and the host's answers for that version's rules on the paid order that the payment's receipt does not hold.
     */
    private ProgramReads refund(ProgramEntry entry, @Nullable Card card, OrderRefunded refund) {
      if (card == null) {
        return new ProgramReads(entry, true, null, List.of(), Answering.none(), List.of());
      }
      Program program = entry.program();
      List<LedgerEntry> entries = entriesForOrder(card, refund.order());
      OrderPaid paid = null;
      HostAnswers paidAnswers = null;
      List<Program> versions = List.of();
      for (LedgerEntry e : entries) {
        EventId cause = e.event();
        if (e.rule() == null || cause == null) {
          continue;
        }
        if ((e.type() == EntryType.POINTS_ACCRUAL || e.type() == EntryType.PENDING_POINTS_ADDED) && paid == null) {
          EventReceipt payment = receipt(cause);
          if (payment != null && payment.event() instanceof OrderPaid p) {
            paid = p;
            versions = store.program(program.id(), e.programVersion()).map(List::of).orElse(List.of());
            paidAnswers = payment.inputsOf(program.id()).map(ProgramInputs::answers).orElse(null);
          }
        } else if (e.type() == EntryType.POINTS_REVERSAL && !cause.equals(refund.id())) {
          receipt(cause);
        }
      }
      Answers live = Answering.none();
      if (paid != null) {
        Program granting = versions.isEmpty() ? program : versions.get(0);
        live = host.ask(plans.plan(granting).asks(paid), paid.order(), paidAnswers == null ? HostAnswers.NONE : paidAnswers);
      }
      return new ProgramReads(entry, true, card, entries, live, versions);
    }

    /**
     * The card's entries for the order: those read with the event's first reads when the card is one of those read
     * there (the same version) and the order the event's, else read now.
     */
    private List<LedgerEntry> entriesForOrder(Card card, OrderId orderId) {
      EventReads first = this.first;
      if (first != null && orderId.equals(orderOf(event))) {
        for (Card read : first.cards()) {
          if (read.code().equals(card.code()) && read.version() == card.version()) {
            return first.entriesOf(card.code());
          }
        }
      }
      return store.entriesForOrder(card.code(), orderId);
    }

    private @Nullable EventReceipt receipt(EventId id) {
      Found<EventId, EventReceipt> read = found(receipts, id);
      if (read == null) {
        read = new Found<>(id, store.receipt(id).orElse(null));
        receipts = add(receipts, read);
      }
      return read.value();
    }
  }

  /** The order an event names, or {@code null}. */
  private static @Nullable OrderId orderOf(@Nullable LoyaltyEvent event) {
    return event instanceof OrderPaid paid ? paid.order().id()
        : event instanceof OrderRefunded refund ? refund.order() : null;
  }

  /** Inserts the entry in catalog order, once. */
  private static void insert(List<ProgramEntry> entries, ProgramEntry entry) {
    int i = entries.size();
    while (i > 0 && entries.get(i - 1).position() > entry.position()) {
      i--;
    }
    if (i == 0 || entries.get(i - 1).position() != entry.position()) {
      entries.add(i, entry);
    }
  }

  private static <T> List<T> add(List<T> list, T item) {
    List<T> grown = list.isEmpty() ? new ArrayList<>(2) : list;
    grown.add(item);
    return grown;
  }
}
