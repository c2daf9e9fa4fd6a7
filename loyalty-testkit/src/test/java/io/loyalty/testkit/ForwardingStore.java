package io.loyalty.testkit;

import java.util.Set;
import java.util.Collection;
import io.loyalty.spi.store.OutboxEvent;
import io.loyalty.spi.CardCode;
import io.loyalty.spi.CustomerId;
import io.loyalty.spi.EventId;
import io.loyalty.spi.OrderId;
import io.loyalty.spi.ProgramId;
import io.loyalty.spi.RedemptionId;
import io.loyalty.spi.RewardId;
import io.loyalty.spi.card.Card;
import io.loyalty.spi.card.LedgerEntry;
import io.loyalty.spi.program.Program;
import io.loyalty.spi.reward.Redemption;
import io.loyalty.spi.reward.Reward;
import io.loyalty.spi.store.ChangeSet;
import io.loyalty.spi.store.CommitResult;
import io.loyalty.spi.store.EventReceipt;
import io.loyalty.spi.store.LoyaltyStore;
import java.util.List;
import java.util.Optional;

/** A store that forwards every call to another; the mutants override what they break. */
abstract class ForwardingStore implements LoyaltyStore {
  final LoyaltyStore delegate;

  ForwardingStore(LoyaltyStore delegate) {
    this.delegate = delegate;
  }

  @Override
  public CommitResult commit(ChangeSet changes) {
    return delegate.commit(changes);
  }

  @Override
  public java.util.Optional<io.loyalty.spi.store.StoredComponent> component(io.loyalty.spi.program.ComponentKind kind,
      String id) {
    return delegate.component(kind, id);
  }

  @Override
  public java.util.Optional<io.loyalty.spi.store.StoredComponent> component(io.loyalty.spi.program.ComponentKind kind,
      String id, long version) {
    return delegate.component(kind, id, version);
  }

  @Override
  public java.util.List<io.loyalty.spi.store.StoredComponent> components(io.loyalty.spi.program.ComponentKind kind) {
    return delegate.components(kind);
  }

  @Override
  public java.util.Optional<io.loyalty.spi.card.Member> member(io.loyalty.spi.ProgramId program,
      io.loyalty.spi.CustomerId customer) {
    return delegate.member(program, customer);
  }

  @Override
  public java.util.List<io.loyalty.spi.card.Member> members(io.loyalty.spi.ProgramId program, int limit) {
    return delegate.members(program, limit);
  }

  @Override
  public Optional<Program> program(ProgramId id) {
    return delegate.program(id);
  }

  @Override
  public Optional<Program> program(ProgramId id, long version) {
    return delegate.program(id, version);
  }

  @Override
  public List<Program> programs() {
    return delegate.programs();
  }

  @Override
  public long catalogVersion() {
    return delegate.catalogVersion();
  }

  @Override
  public List<Card> cardsOf(CustomerId holder) {
    return delegate.cardsOf(holder);
  }

  @Override
  public Optional<Card> card(CardCode code) {
    return delegate.card(code);
  }

  @Override
  public Optional<Card> cardOf(ProgramId program, CustomerId holder, io.loyalty.spi.WalletId wallet) {
    return delegate.cardOf(program, holder, wallet);
  }

  @Override
  public List<Card> cardsOf(ProgramId program, CustomerId holder) {
    return delegate.cardsOf(program, holder);
  }

  @Override
  public List<Card> unpublishedCards(ProgramId program, String from, int limit) {
    return delegate.unpublishedCards(program, from, limit);
  }

  @Override
  public List<Card> cards(ProgramId program, String afterCode, int limit) {
    return delegate.cards(program, afterCode, limit);
  }

  @Override
  public long cardCount(ProgramId program) {
    return delegate.cardCount(program);
  }

  @Override
  public List<LedgerEntry> ledger(CardCode card, long afterSeq, int limit) {
    return delegate.ledger(card, afterSeq, limit);
  }

  @Override
  public List<LedgerEntry> entriesForOrder(CardCode card, OrderId order) {
    return delegate.entriesForOrder(card, order);
  }

  @Override
  public Optional<LedgerEntry> entry(io.loyalty.spi.card.LedgerKey key) {
    return delegate.entry(key);
  }

  @Override
  public Optional<EventReceipt> receipt(EventId event) {
    return delegate.receipt(event);
  }

  @Override
  public Optional<Reward> reward(RewardId id) {
    return delegate.reward(id);
  }

  @Override
  public List<Reward> rewards() {
    return delegate.rewards();
  }

  @Override
  public Optional<Redemption> redemption(RedemptionId id) {
    return delegate.redemption(id);
  }

  @Override
  public List<Redemption> redemptions(CardCode card) {
    return delegate.redemptions(card);
  }

  @Override
  public List<OutboxEvent> pending(String consumer, Set<OutboxEvent.Type> types, int limit) {
    return delegate.pending(consumer, types, limit);
  }

  @Override
  public void acknowledge(String consumer, Collection<String> eventIds) {
    delegate.acknowledge(consumer, eventIds);
  }

  @Override
  public List<io.loyalty.spi.store.ClaimedEvent> claim(String consumer, String owner, int limit,
      java.time.Instant now, java.time.Duration lease) {
    return delegate.claim(consumer, owner, limit, now, lease);
  }

  @Override
  public void settle(String consumer, String owner, Collection<String> delivered,
      List<io.loyalty.spi.store.DeliveryFailure> failures) {
    delegate.settle(consumer, owner, delivered, failures);
  }

  @Override
  public List<io.loyalty.spi.store.DeadLetter> deadLetters(String consumer, int limit) {
    return delegate.deadLetters(consumer, limit);
  }

  @Override
  public int requeue(String consumer, Collection<String> eventIds) {
    return delegate.requeue(consumer, eventIds);
  }
}
