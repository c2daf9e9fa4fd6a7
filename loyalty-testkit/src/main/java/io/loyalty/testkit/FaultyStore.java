package io.loyalty.testkit;

import io.loyalty.spi.card.LedgerKey;
import io.loyalty.spi.WalletId;
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
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Wraps any store and injects faults by a seeded random: commits that fail before reaching the store, commits that
 * are written but throw (a lost acknowledgement), stale card and program reads (an older version this wrapper read
 * earlier, from a small history per id, never an unpublished card for a published one), failed reads, and short
 * sleeps. Injected failures are {@link FaultInjectedException}s. Thread-safe; a single-threaded caller gets the same
 * faults for the same seed, so a failing seed replays exactly.
 */
public final class FaultyStore implements LoyaltyStore {
  /** The kinds of fault. */
  public enum Fault {
    FAIL_BEFORE_COMMIT,
    LOSE_ACKNOWLEDGEMENT,
    STALE_READ,
    FAIL_READ,
    SLOW_CALL
  }

  private static final int HISTORY = 4;

  private final LoyaltyStore delegate;
  private final FaultPlan plan;
  private final SplittableRandom random;
  private final Map<CardCode, Deque<Card>> cards = new HashMap<>();
  private final Map<ProgramId, Deque<Program>> programs = new HashMap<>();
  private final Map<Fault, Long> counts = new EnumMap<>(Fault.class);
  private long injected;
  private volatile boolean suspended;
  private volatile boolean freshReads;

  /** Wraps {@code delegate}, injecting faults as {@code plan} says, drawn from a random seeded with {@code seed}. */
  public FaultyStore(LoyaltyStore delegate, FaultPlan plan, long seed) {
    this.delegate = Objects.requireNonNull(delegate, "delegate");
    this.plan = Objects.requireNonNull(plan, "plan");
    this.random = new SplittableRandom(seed);
  }

  /** The wrapped store, for reads that must not see faults (checks). */
  public LoyaltyStore delegate() {
    return delegate;
  }

  /** How many faults were injected so far: compare before and after a call to know whether it met one. */
  public synchronized long injected() {
    return injected;
  }

  /** How many faults of each kind were injected so far. */
  public synchronized Map<Fault, Long> counts() {
    return Map.copyOf(counts);
  }

  /** Runs {@code work} with no faults injected (setting up a world), then injects again. */
  public <T> T withoutFaults(Supplier<T> work) {
    suspended = true;
    try {
      return work.get();
    } finally {
      suspended = false;
    }
  }

  /**
   * Runs {@code work} with every fault but stale reads, then injects those again: for operations whose decision a
   * stale read can make permanent without any compare-and-set to catch it (see the kit's findings).
   */
  public <T> T withoutStaleReads(Supplier<T> work) {
    freshReads = true;
    try {
      return work.get();
    } finally {
      freshReads = false;
    }
  }

  private synchronized boolean roll(Fault fault, double probability) {
    if (suspended || (fault == Fault.STALE_READ && freshReads) || probability == 0 || random.nextDouble() >= probability) {
      return false;
    }
    injected++;
    counts.merge(fault, 1L, Long::sum);
    return true;
  }

  private void enter(String call) {
    slow();
    if (roll(Fault.FAIL_READ, plan.failRead())) {
      throw new FaultInjectedException(Fault.FAIL_READ, false, "injected: " + call + " failed");
    }
  }

  private void slow() {
    if (roll(Fault.SLOW_CALL, plan.slowCall())) {
      long nanos;
      synchronized (this) {
        nanos = 1 + random.nextLong(Math.max(1, plan.maxDelay().toNanos()));
      }
      try {
        TimeUnit.NANOSECONDS.sleep(nanos);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  @Override
  public CommitResult commit(ChangeSet changes) {
    slow();
    if (roll(Fault.FAIL_BEFORE_COMMIT, plan.failBeforeCommit())) {
      throw new FaultInjectedException(Fault.FAIL_BEFORE_COMMIT, false, "injected: commit failed before the store");
    }
    CommitResult result = delegate.commit(changes);
    if (roll(Fault.LOSE_ACKNOWLEDGEMENT, plan.loseAcknowledgement())) {
      throw new FaultInjectedException(Fault.LOSE_ACKNOWLEDGEMENT, result.applied(),
          "injected: the store answered " + result + " but the answer was lost");
    }
    return result;
  }

  /** Remembers what was read and, now and then, answers an older version of it instead. */
  private Optional<Card> maybeStale(Optional<Card> fresh) {
    if (fresh.isEmpty()) {
      return fresh;
    }
    Card card = fresh.get();
    synchronized (this) {
      Deque<Card> seen = cards.computeIfAbsent(card.code(), c -> new ArrayDeque<>());
      if (seen.isEmpty() || seen.peekLast().version() < card.version()) {
        seen.addLast(card);
        if (seen.size() > HISTORY) {
          seen.removeFirst();
        }
      }
      List<Card> older = new ArrayList<>();
      for (Card c : seen) {
        if (c.version() < card.version() && Objects.equals(c.holder(), card.holder())) {
          older.add(c);
        }
      }
      if (!older.isEmpty() && roll(Fault.STALE_READ, plan.staleRead())) {
        return Optional.of(older.get(random.nextInt(older.size())));
      }
    }
    return fresh;
  }

  private Optional<Program> maybeStaleProgram(Optional<Program> fresh) {
    if (fresh.isEmpty()) {
      return fresh;
    }
    Program program = fresh.get();
    synchronized (this) {
      Deque<Program> seen = programs.computeIfAbsent(program.id(), c -> new ArrayDeque<>());
      if (seen.isEmpty() || seen.peekLast().version() < program.version()) {
        seen.addLast(program);
        if (seen.size() > HISTORY) {
          seen.removeFirst();
        }
      }
      List<Program> older = seen.stream().filter(p -> p.version() < program.version()).toList();
      if (!older.isEmpty() && roll(Fault.STALE_READ, plan.staleRead())) {
        return Optional.of(older.get(random.nextInt(older.size())));
      }
    }
    return fresh;
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
    enter("program");
    return maybeStaleProgram(delegate.program(id));
  }

  @Override
  public Optional<Program> program(ProgramId id, long version) {
    enter("program version");
    return delegate.program(id, version);
  }

  @Override
  public List<Program> programs() {
    enter("programs");
    return delegate.programs();
  }

  @Override
  public long catalogVersion() {
    enter("catalogVersion");
    return delegate.catalogVersion();
  }

  @Override
  public List<Card> cardsOf(CustomerId holder) {
    enter("cardsOf");
    List<Card> cards = new ArrayList<>();
    for (Card card : delegate.cardsOf(holder)) {
      cards.add(maybeStale(Optional.of(card)).orElseThrow());
    }
    return List.copyOf(cards);
  }

  @Override
  public Optional<Card> card(CardCode code) {
    enter("card");
    return maybeStale(delegate.card(code));
  }

  @Override
  public Optional<Card> cardOf(ProgramId program, CustomerId holder, WalletId wallet) {
    enter("cardOf");
    return maybeStale(delegate.cardOf(program, holder, wallet));
  }

  @Override
  public List<Card> cardsOf(ProgramId program, CustomerId holder) {
    enter("cardsOf");
    List<Card> cards = new ArrayList<>();
    for (Card card : delegate.cardsOf(program, holder)) {
      cards.add(maybeStale(Optional.of(card)).orElseThrow());
    }
    return List.copyOf(cards);
  }

  @Override
  public List<Card> unpublishedCards(ProgramId program, String from, int limit) {
    enter("unpublishedCards");
    return delegate.unpublishedCards(program, from, limit);
  }

  @Override
  public List<Card> cards(ProgramId program, String afterCode, int limit) {
    enter("cards");
    return delegate.cards(program, afterCode, limit);
  }

  @Override
  public long cardCount(ProgramId program) {
    enter("cardCount");
    return delegate.cardCount(program);
  }

  @Override
  public List<LedgerEntry> ledger(CardCode card, long afterSeq, int limit) {
    enter("ledger");
    return delegate.ledger(card, afterSeq, limit);
  }

  @Override
  public List<LedgerEntry> entriesForOrder(CardCode card, OrderId order) {
    enter("entriesForOrder");
    return delegate.entriesForOrder(card, order);
  }

  @Override
  public Optional<LedgerEntry> entry(LedgerKey key) {
    enter("entry");
    return delegate.entry(key);
  }

  @Override
  public Optional<EventReceipt> receipt(EventId event) {
    enter("receipt");
    return delegate.receipt(event);
  }

  @Override
  public Optional<Reward> reward(RewardId id) {
    enter("reward");
    return delegate.reward(id);
  }

  @Override
  public List<Reward> rewards() {
    enter("rewards");
    return delegate.rewards();
  }

  @Override
  public Optional<Redemption> redemption(RedemptionId id) {
    enter("redemption");
    return delegate.redemption(id);
  }

  @Override
  public List<Redemption> redemptions(CardCode card) {
    enter("redemptions");
    return delegate.redemptions(card);
  }

  @Override
  public List<OutboxEvent> pending(String consumer, Set<OutboxEvent.Type> types, int limit) {
    enter("pending");
    return delegate.pending(consumer, types, limit);
  }

  @Override
  public void acknowledge(String consumer, Collection<String> eventIds) {
    enter("acknowledge");
    delegate.acknowledge(consumer, eventIds);
  }

  @Override
  public List<io.loyalty.spi.store.ClaimedEvent> claim(String consumer, String owner, int limit, java.time.Instant now,
      java.time.Duration lease) {
    enter("claim");
    return delegate.claim(consumer, owner, limit, now, lease);
  }

  @Override
  public void settle(String consumer, String owner, Collection<String> delivered,
      List<io.loyalty.spi.store.DeliveryFailure> failures) {
    enter("settle");
    delegate.settle(consumer, owner, delivered, failures);
  }

  @Override
  public List<io.loyalty.spi.store.DeadLetter> deadLetters(String consumer, int limit) {
    enter("deadLetters");
    return delegate.deadLetters(consumer, limit);
  }

  @Override
  public int requeue(String consumer, Collection<String> eventIds) {
    enter("requeue");
    return delegate.requeue(consumer, eventIds);
  }
}
