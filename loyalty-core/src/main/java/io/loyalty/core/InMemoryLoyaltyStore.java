package io.loyalty.core;

import io.loyalty.core.internal.memory.MemoryTables;
import io.loyalty.spi.CardCode;
import io.loyalty.spi.CustomerId;
import io.loyalty.spi.EventId;
import io.loyalty.spi.OrderId;
import io.loyalty.spi.ProgramId;
import io.loyalty.spi.WalletId;
import io.loyalty.spi.card.Card;
import io.loyalty.spi.card.LedgerEntry;
import io.loyalty.spi.program.Program;
import io.loyalty.spi.store.ChangeSet;
import io.loyalty.spi.store.CommitResult;
import io.loyalty.spi.store.EventReceipt;
import io.loyalty.spi.store.LoyaltyStore;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import io.loyalty.spi.store.ClaimedEvent;
import io.loyalty.spi.store.DeadLetter;
import io.loyalty.spi.store.DeliveryFailure;
import io.loyalty.spi.store.OutboxEvent;
import java.time.Duration;
import java.time.Instant;
import io.loyalty.spi.RedemptionId;
import io.loyalty.spi.RewardId;
import io.loyalty.spi.reward.Redemption;
import io.loyalty.spi.reward.Reward;
import java.util.Objects;
import java.util.Optional;

/**
 * The engine's embedded default store: programs, cards, ledgers and event receipts kept in memory, for
 * tests, demos and hosts that need no persistence. It implements the {@link LoyaltyStore} contract
 * exactly: compare-and-set on program and card versions, unique codes, memberships, entry keys,
 * (card, seq) pairs and event ids, each change set applied all-or-nothing.
 *
 * <p>Thread-safe. Reads never block and see each card together with exactly its committed ledger; a
 * commit locks only the stripes of the aggregates and keys it touches, so commits on different cards run
 * in parallel. Lists returned are immutable snapshots.
 */
public final class InMemoryLoyaltyStore implements LoyaltyStore {
  private final MemoryTables tables = new MemoryTables();

  private InMemoryLoyaltyStore() {}

  /** An empty store. */
  public static InMemoryLoyaltyStore create() {
    return new InMemoryLoyaltyStore();
  }

  /**
   * Applies the change set all-or-nothing. Answers {@link CommitResult.Duplicate} for a taken key
   * ({@code event:<id>}, {@code code:<code>}, {@code member:<program>:<customer>}, {@code entry:<key>},
   * {@code entry:<card>#<seq>}) and {@link CommitResult.Conflict} for a stale version ({@code card:<code>},
   * {@code program:<id>}), checking the receipt first, then programs, cards and entries in order.
   *
   * @throws IllegalArgumentException for a change set no caller should build, such as a ledger entry for
   *     a card that is neither stored nor written, a seq below 1 or below the card's ledger end, or a card
   *     moved to another program; nothing is written
   */
  @Override
  public CommitResult commit(ChangeSet changes) {
    return tables.commit(Objects.requireNonNull(changes, "changes"));
  }

  /** The latest version of the program, if defined. */
  @Override
  public Optional<Program> program(ProgramId id) {
    return tables.program(Objects.requireNonNull(id, "id"));
  }

  /** One stored version of the program, if it exists; every stored version stays readable. */
  @Override
  public Optional<Program> program(ProgramId id, long version) {
    return tables.program(Objects.requireNonNull(id, "id"), version);
  }

  /** The latest version of every program, in id order. */
  @Override
  public List<Program> programs() {
    return tables.programs();
  }

  /** The customer's loyalty v2 member record in the program, if stored. */
  @Override
  public Optional<io.loyalty.spi.card.Member> member(ProgramId program, CustomerId customer) {
    return tables.memberRecord(Objects.requireNonNull(program, "program"), Objects.requireNonNull(customer, "customer"));
  }

  /** The program's member records, oldest joined first, at most {@code limit}. */
  @Override
  public List<io.loyalty.spi.card.Member> members(ProgramId program, int limit) {
    return tables.memberRecords(Objects.requireNonNull(program, "program"), limit);
  }

  /** The latest version of the loyalty v2 component, if stored. */
  @Override
  public Optional<io.loyalty.spi.store.StoredComponent> component(io.loyalty.spi.program.ComponentKind kind,
      String id) {
    return tables.component(Objects.requireNonNull(kind, "kind"), Objects.requireNonNull(id, "id"));
  }

  /** One stored version of the loyalty v2 component, if it exists. */
  @Override
  public Optional<io.loyalty.spi.store.StoredComponent> component(io.loyalty.spi.program.ComponentKind kind,
      String id, long version) {
    return tables.component(Objects.requireNonNull(kind, "kind"), Objects.requireNonNull(id, "id"), version);
  }

  /** The latest version of every loyalty v2 component of the kind, in id order. */
  @Override
  public List<io.loyalty.spi.store.StoredComponent> components(io.loyalty.spi.program.ComponentKind kind) {
    return tables.components(Objects.requireNonNull(kind, "kind"));
  }

  /** How many program versions are stored: one more with every program write, read without a lock. */
  @Override
  public long catalogVersion() {
    return tables.catalogVersion();
  }

  /** The cards the customer holds, in program id order then wallet order, from an index by holder. */
  @Override
  public List<Card> cardsOf(CustomerId holder) {
    return tables.cardsOf(Objects.requireNonNull(holder, "holder"));
  }

  /** The card with this code, in any program. */
  @Override
  public Optional<Card> card(CardCode code) {
    return tables.card(Objects.requireNonNull(code, "code"));
  }

  /** The customer's card of the program's wallet, if they are a member. */
  @Override
  public Optional<Card> cardOf(ProgramId program, CustomerId holder, WalletId wallet) {
    return tables.cardOf(Objects.requireNonNull(program, "program"), Objects.requireNonNull(holder, "holder"),
        Objects.requireNonNull(wallet, "wallet"));
  }

  /** Up to {@code limit} (zero or more) unpublished cards of the program, in code order from {@code from}, wrapping. */
  @Override
  public List<Card> unpublishedCards(ProgramId program, String from, int limit) {
    return tables.unpublishedCards(Objects.requireNonNull(program, "program"), Objects.requireNonNull(from, "from"),
        checkLimit(limit));
  }

  /** How many cards the program has, published or not. */
  @Override
  public long cardCount(ProgramId program) {
    return tables.cardCount(Objects.requireNonNull(program, "program"));
  }

  /** The reward, deleted or not. */
  @Override
  public Optional<Reward> reward(RewardId id) {
    return tables.reward(Objects.requireNonNull(id, "id"));
  }

  /** Every reward in id order. */
  @Override
  public List<Reward> rewards() {
    return tables.rewards();
  }

  /** The redemption with this id. */
  @Override
  public Optional<Redemption> redemption(RedemptionId id) {
    return tables.redemption(Objects.requireNonNull(id, "id"));
  }

  /** The card's redemptions, oldest first. */
  @Override
  public List<Redemption> redemptions(CardCode card) {
    return tables.redemptions(Objects.requireNonNull(card, "card"));
  }

  /** The committed entry with this key, if any. */
  @Override
  public Optional<LedgerEntry> entry(io.loyalty.spi.card.LedgerKey key) {
    return tables.entry(Objects.requireNonNull(key, "key"));
  }

  /** Up to {@code limit} (zero or more) cards of the program with codes after {@code afterCode}, in code order. */
  @Override
  public List<Card> cards(ProgramId program, String afterCode, int limit) {
    return tables.cards(Objects.requireNonNull(program, "program"), Objects.requireNonNull(afterCode, "afterCode"),
        checkLimit(limit));
  }

  /** Up to {@code limit} (zero or more) entries of the card with {@code seq > afterSeq}, in seq order. */
  @Override
  public List<LedgerEntry> ledger(CardCode card, long afterSeq, int limit) {
    return tables.ledger(Objects.requireNonNull(card, "card"), afterSeq, checkLimit(limit));
  }

  /** The card's entries for one order, in seq order; empty when there are none. */
  @Override
  public List<LedgerEntry> entriesForOrder(CardCode card, OrderId order) {
    return tables.entriesForOrder(Objects.requireNonNull(card, "card"), Objects.requireNonNull(order, "order"));
  }

  /** The receipt of an applied event, if it was applied. */
  @Override
  public Optional<EventReceipt> receipt(EventId event) {
    return tables.receipt(Objects.requireNonNull(event, "event"));
  }

  private static int checkLimit(int limit) {
    if (limit < 0) {
      throw new IllegalArgumentException("limit must be zero or more: " + limit);
    }
    return limit;
  }

  @Override
  public List<OutboxEvent> pending(String consumer, Set<OutboxEvent.Type> types, int limit) {
    return tables.pending(consumer, Objects.requireNonNull(types, "types"), limit);
  }

  @Override
  public void acknowledge(String consumer, Collection<String> eventIds) {
    tables.acknowledge(consumer, Objects.requireNonNull(eventIds, "eventIds"));
  }

  /** Claims lines of the consumer for the owner; see {@link io.loyalty.spi.store.OutboxStore#claim}. */
  @Override
  public List<ClaimedEvent> claim(String consumer, String owner, int limit, Instant now, Duration lease) {
    return tables.claim(consumer, owner, limit, now, lease);
  }

  /** Settles an owner's claim; see {@link io.loyalty.spi.store.OutboxStore#settle}. */
  @Override
  public void settle(String consumer, String owner, Collection<String> delivered, List<DeliveryFailure> failures) {
    tables.settle(consumer, owner, List.copyOf(delivered), List.copyOf(failures));
  }

  /** The consumer's dead letters in commit order. */
  @Override
  public List<DeadLetter> deadLetters(String consumer, int limit) {
    return tables.deadLetters(consumer, limit);
  }

  /** Puts dead letters back on their lines. */
  @Override
  public int requeue(String consumer, Collection<String> eventIds) {
    return tables.requeue(consumer, List.copyOf(eventIds));
  }
}
