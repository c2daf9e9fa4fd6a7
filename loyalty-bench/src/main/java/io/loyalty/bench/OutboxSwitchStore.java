package io.loyalty.bench;

import io.loyalty.spi.CardCode;
import io.loyalty.spi.CustomerId;
import io.loyalty.spi.EventId;
import io.loyalty.spi.OrderId;
import io.loyalty.spi.ProgramId;
import io.loyalty.spi.RedemptionId;
import io.loyalty.spi.RewardId;
import io.loyalty.spi.WalletId;
import io.loyalty.spi.card.Card;
import io.loyalty.spi.card.LedgerEntry;
import io.loyalty.spi.card.LedgerKey;
import io.loyalty.spi.program.Program;
import io.loyalty.spi.reward.Redemption;
import io.loyalty.spi.reward.Reward;
import io.loyalty.spi.store.ChangeSet;
import io.loyalty.spi.store.ClaimedEvent;
import io.loyalty.spi.store.CommitResult;
import io.loyalty.spi.store.DeadLetter;
import io.loyalty.spi.store.DeliveryFailure;
import io.loyalty.spi.store.EventReceipt;
import io.loyalty.spi.store.LoyaltyStore;
import io.loyalty.spi.store.OutboxEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import java.util.Set;

/**
 * A bench-only store decorator for {@link OutboxCostRun}: every call goes to the store it wraps, and when the outbox is
 * switched off a commit writes the same change set with its outbox events removed ({@link ChangeSet#withEvents}
 * with none). Both sides of the measurement run through it, so the only difference is the outbox rows. Never use it
 * outside a benchmark: without the outbox nothing after the commit hears of the change.
 */
final class OutboxSwitchStore implements LoyaltyStore {
  private final LoyaltyStore store;
  private final boolean outbox;

  private OutboxSwitchStore(LoyaltyStore store, boolean outbox) {
    this.store = store;
    this.outbox = outbox;
  }

  /** The store as it is, through the decorator. */
  static OutboxSwitchStore withOutbox(LoyaltyStore store) {
    return new OutboxSwitchStore(store, true);
  }

  /** The store, committing every change set without its outbox events. */
  static OutboxSwitchStore withoutOutbox(LoyaltyStore store) {
    return new OutboxSwitchStore(store, false);
  }

  /** Whether commits keep their outbox events. */
  boolean outbox() {
    return outbox;
  }

  @Override
  public CommitResult commit(ChangeSet changes) {
    return store.commit(outbox || changes.events().isEmpty() ? changes : changes.withEvents(List.of()));
  }

  @Override
  public java.util.Optional<io.loyalty.spi.store.StoredComponent> component(io.loyalty.spi.program.ComponentKind kind,
      String id) {
    return store.component(kind, id);
  }

  @Override
  public java.util.Optional<io.loyalty.spi.store.StoredComponent> component(io.loyalty.spi.program.ComponentKind kind,
      String id, long version) {
    return store.component(kind, id, version);
  }

  @Override
  public java.util.List<io.loyalty.spi.store.StoredComponent> components(io.loyalty.spi.program.ComponentKind kind) {
    return store.components(kind);
  }

  @Override
  public java.util.Optional<io.loyalty.spi.card.Member> member(io.loyalty.spi.ProgramId program,
      io.loyalty.spi.CustomerId customer) {
    return store.member(program, customer);
  }

  @Override
  public java.util.List<io.loyalty.spi.card.Member> members(io.loyalty.spi.ProgramId program, int limit) {
    return store.members(program, limit);
  }

  @Override
  public Optional<Program> program(ProgramId id) {
    return store.program(id);
  }

  @Override
  public Optional<Program> program(ProgramId id, long version) {
    return store.program(id, version);
  }

  @Override
  public List<Program> programs() {
    return store.programs();
  }

  @Override
  public long catalogVersion() {
    return store.catalogVersion();
  }

  @Override
  public Optional<Card> card(CardCode code) {
    return store.card(code);
  }

  @Override
  public Optional<Card> cardOf(ProgramId program, CustomerId holder, WalletId wallet) {
    return store.cardOf(program, holder, wallet);
  }

  @Override
  public List<Card> cardsOf(CustomerId holder) {
    return store.cardsOf(holder);
  }

  @Override
  public List<Card> cardsOf(ProgramId program, CustomerId holder) {
    return store.cardsOf(program, holder);
  }

  @Override
  public List<Card> unpublishedCards(ProgramId program, String from, int limit) {
    return store.unpublishedCards(program, from, limit);
  }

  @Override
  public List<Card> cards(ProgramId program, String afterCode, int limit) {
    return store.cards(program, afterCode, limit);
  }

  @Override
  public long cardCount(ProgramId program) {
    return store.cardCount(program);
  }

  @Override
  public List<LedgerEntry> ledger(CardCode card, long afterSeq, int limit) {
    return store.ledger(card, afterSeq, limit);
  }

  @Override
  public List<LedgerEntry> entriesForOrder(CardCode card, OrderId order) {
    return store.entriesForOrder(card, order);
  }

  @Override
  public Optional<LedgerEntry> entry(LedgerKey key) {
    return store.entry(key);
  }

  @Override
  public Optional<EventReceipt> receipt(EventId event) {
    return store.receipt(event);
  }

  @Override
  public io.loyalty.spi.store.EventReads eventReads(EventId event, io.loyalty.spi.CustomerId holder,
      io.loyalty.spi.@Nullable OrderId order) {
    return store.eventReads(event, holder, order);
  }

  @Override
  public Optional<Reward> reward(RewardId id) {
    return store.reward(id);
  }

  @Override
  public List<Reward> rewards() {
    return store.rewards();
  }

  @Override
  public Optional<Redemption> redemption(RedemptionId id) {
    return store.redemption(id);
  }

  @Override
  public List<Redemption> redemptions(CardCode card) {
    return store.redemptions(card);
  }

  @Override
  public List<OutboxEvent> pending(String consumer, Set<OutboxEvent.Type> types, int limit) {
    return store.pending(consumer, types, limit);
  }

  @Override
  public void acknowledge(String consumer, Collection<String> eventIds) {
    store.acknowledge(consumer, eventIds);
  }

  @Override
  public List<ClaimedEvent> claim(String consumer, String owner, int limit, Instant now, Duration lease) {
    return store.claim(consumer, owner, limit, now, lease);
  }

  @Override
  public void settle(String consumer, String owner, Collection<String> delivered, List<DeliveryFailure> failures) {
    store.settle(consumer, owner, delivered, failures);
  }

  @Override
  public List<DeadLetter> deadLetters(String consumer, int limit) {
    return store.deadLetters(consumer, limit);
  }

  @Override
  public int requeue(String consumer, Collection<String> eventIds) {
    return store.requeue(consumer, eventIds);
  }
}
