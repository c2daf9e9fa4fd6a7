package io.loyalty.testkit;

import io.loyalty.spi.card.LedgerKey;
import io.loyalty.spi.WalletId;
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
import io.loyalty.spi.store.CardWrite;
import io.loyalty.spi.store.ChangeSet;
import io.loyalty.spi.store.Aggregate;
import io.loyalty.spi.store.CommitResult;
import io.loyalty.spi.store.UniqueKey;
import io.loyalty.spi.store.EventReceipt;
import io.loyalty.spi.store.LoyaltyStore;
import io.loyalty.spi.store.OutboxEvent;
import io.loyalty.spi.store.OutboxStore;
import io.loyalty.spi.store.ProgramWrite;
import io.loyalty.spi.store.RedemptionWrite;
import io.loyalty.spi.store.RewardWrite;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * The kit's oracle: a store written to be obviously correct rather than fast. One lock, plain maps, and a commit
 * that copies the whole state, applies every write to the copy with its check, and keeps the copy only when all of
 * them pass. Every read scans. Optimised stores (the engine's in-memory one among them) are checked against it, so
 * no store is its own reference. Thread-safe; not for production.
 */
public final class ReferenceStore implements LoyaltyStore {
  /** Everything stored; replaced whole by a commit, never changed in place. */
  private record State(Map<ProgramId, TreeMap<Long, Program>> programs, Map<CardCode, Card> cards,
      List<LedgerEntry> entries, Map<EventId, EventReceipt> receipts, Map<RewardId, Reward> rewards,
      Map<RedemptionId, Redemption> redemptions, List<OutboxEvent> outbox,
      List<io.loyalty.spi.store.StoredComponent> components, List<io.loyalty.spi.card.Member> members) {
    State copy() {
      Map<ProgramId, TreeMap<Long, Program>> p = new HashMap<>();
      programs.forEach((id, versions) -> p.put(id, new TreeMap<>(versions)));
      return new State(p, new HashMap<>(cards), new ArrayList<>(entries), new HashMap<>(receipts),
          new HashMap<>(rewards), new HashMap<>(redemptions), new ArrayList<>(outbox), new ArrayList<>(components),
          new ArrayList<>(members));
    }
  }

  private State state = new State(new HashMap<>(), new HashMap<>(), new ArrayList<>(), new HashMap<>(),
      new HashMap<>(), new HashMap<>(), new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
  /** Each consumer's acknowledged event ids (not part of a commit: a consumer writes them). */
  private final Map<String, Set<String>> acknowledged = new HashMap<>();

  /** A new, empty store. */
  public ReferenceStore() {}

  /** Thrown inside a commit to stop at the first failed check with its answer. */
  private static final class Refused extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final transient CommitResult answer;

    Refused(CommitResult answer) {
      super(null, null, false, false);
      this.answer = answer;
    }
  }

  private static Refused conflict(Aggregate aggregate) {
    return new Refused(new CommitResult.Conflict(aggregate));
  }

  private static Refused duplicate(UniqueKey key) {
    return new Refused(new CommitResult.Duplicate(key));
  }

  @Override
  public synchronized CommitResult commit(ChangeSet changes) {
    State next = state.copy();
    try {
      receipt(next, changes.receipt());
      for (ProgramWrite w : changes.programs()) {
        program(next, w);
      }
      for (io.loyalty.spi.store.ComponentWrite w : changes.components()) {
        component(next, w);
      }
      for (io.loyalty.spi.store.MemberWrite w : changes.members()) {
        member(next, w);
      }
      for (CardWrite w : changes.cards()) {
        card(next, w);
      }
      entries(next, changes.entries());
      for (RewardWrite w : changes.rewards()) {
        reward(next, w);
      }
      for (RedemptionWrite w : changes.redemptions()) {
        redemption(next, w);
      }
      for (OutboxEvent e : changes.events()) {
        event(next, e);
      }
    } catch (Refused refused) {
      return refused.answer;
    }
    state = next;
    return CommitResult.APPLIED;
  }

  private static void event(State s, OutboxEvent event) {
    for (OutboxEvent stored : s.outbox) {
      if (stored.id().equals(event.id())) {
        throw duplicate(new UniqueKey.OutboxKey(event.id()));
      }
    }
    s.outbox.add(event);
  }

  @Override
  public synchronized List<OutboxEvent> pending(String consumer, Set<OutboxEvent.Type> types, int limit) {
    OutboxStore.checkConsumer(consumer);
    if (limit < 1) {
      throw new IllegalArgumentException("limit must be at least 1");
    }
    Set<String> acks = acknowledged.getOrDefault(consumer, Set.of());
    return state.outbox.stream().filter(e -> types.isEmpty() || types.contains(e.type()))
        .filter(e -> !acks.contains(e.id())).limit(limit).toList();
  }

  @Override
  public synchronized void acknowledge(String consumer, Collection<String> eventIds) {
    OutboxStore.checkConsumer(consumer);
    Set<String> acks = acknowledged.computeIfAbsent(consumer, c -> new HashSet<>());
    Map<CardCode, Line> cards = linesOf(consumer);
    for (String id : eventIds) {
      OutboxEvent e = stored(id);
      if (e != null) {
        acks.add(id);
        Line line = cards.get(e.card());
        if (line != null && id.equals(line.failedId())) {
          cards.put(e.card(), line.cleared()); // a failed event acknowledged after all no longer holds its line
        }
      }
    }
  }

  /** A card's line for one consumer, replaced whole on every change: its holder, and its failed event if any. */
  private record Line(@Nullable String owner, @Nullable Instant leaseUntil, @Nullable String failedId, int failures,
      @Nullable Instant retryAt, boolean dead, @Nullable Instant failedAt, @Nullable String reason) {
    static final Line FREE = new Line(null, null, null, 0, null, false, null, null);

    boolean claimableBy(String claimer, Instant now) {
      boolean free = owner == null || leaseUntil == null || !leaseUntil.isAfter(now) || owner.equals(claimer);
      return free && !dead && (retryAt == null || !retryAt.isAfter(now));
    }

    Line leased(@Nullable String to, @Nullable Instant until) {
      return new Line(to, until, failedId, failures, retryAt, dead, failedAt, reason);
    }

    Line cleared() {
      return new Line(owner, leaseUntil, null, 0, null, false, null, null);
    }
  }

  /** Each consumer's lines by card. */
  private final Map<String, Map<CardCode, Line>> lines = new HashMap<>();

  private Map<CardCode, Line> linesOf(String consumer) {
    return lines.computeIfAbsent(OutboxStore.checkConsumer(consumer), c -> new HashMap<>());
  }

  private @Nullable OutboxEvent stored(String id) {
    return state.outbox.stream().filter(e -> e.id().equals(id)).findFirst().orElse(null);
  }

  @Override
  public synchronized List<io.loyalty.spi.store.ClaimedEvent> claim(String consumer, String owner, int limit,
      Instant now, java.time.Duration lease) {
    OutboxStore.checkClaim(consumer, owner, limit, now, lease);
    Instant until;
    try {
      until = now.plus(lease);
    } catch (java.time.DateTimeException e) {
      until = Instant.MAX;
    }
    Set<String> acks = acknowledged.getOrDefault(consumer, Set.of());
    Map<CardCode, Line> cards = linesOf(consumer);
    Set<CardCode> taken = new HashSet<>();
    Set<CardCode> refused = new HashSet<>();
    List<io.loyalty.spi.store.ClaimedEvent> claimed = new ArrayList<>();
    for (OutboxEvent e : state.outbox) {
      if (claimed.size() == limit) {
        break;
      }
      if (acks.contains(e.id()) || refused.contains(e.card())) {
        continue;
      }
      Line line = cards.getOrDefault(e.card(), Line.FREE);
      if (!taken.contains(e.card()) && !line.claimableBy(owner, now)) {
        refused.add(e.card());
        continue;
      }
      taken.add(e.card());
      claimed.add(new io.loyalty.spi.store.ClaimedEvent(e, e.id().equals(line.failedId()) ? line.failures() : 0));
    }
    for (CardCode card : taken) {
      cards.put(card, cards.getOrDefault(card, Line.FREE).leased(owner, until));
    }
    return claimed;
  }

  @Override
  public synchronized void settle(String consumer, String owner, Collection<String> delivered,
      List<io.loyalty.spi.store.DeliveryFailure> failures) {
    OutboxStore.checkOwner(owner);
    acknowledge(consumer, delivered);
    Set<String> acks = acknowledged.getOrDefault(consumer, Set.of());
    Map<CardCode, Line> cards = linesOf(consumer);
    for (io.loyalty.spi.store.DeliveryFailure f : failures) {
      OutboxEvent e = stored(f.eventId());
      if (e == null || acks.contains(e.id())) {
        continue;
      }
      Line line = cards.getOrDefault(e.card(), Line.FREE);
      if (owner.equals(line.owner())) {
        int count = (e.id().equals(line.failedId()) ? line.failures() : 0) + 1;
        cards.put(e.card(), new Line(line.owner(), line.leaseUntil(), e.id(), count, f.retryAt(), f.deadLetters(),
            f.at(), f.reason()));
      }
    }
    cards.replaceAll((card, line) -> owner.equals(line.owner()) ? line.leased(null, null) : line);
  }

  @Override
  public synchronized List<io.loyalty.spi.store.DeadLetter> deadLetters(String consumer, int limit) {
    if (limit < 1) {
      throw new IllegalArgumentException("limit must be at least 1: " + limit);
    }
    Map<CardCode, Line> cards = linesOf(consumer);
    List<io.loyalty.spi.store.DeadLetter> dead = new ArrayList<>();
    for (OutboxEvent e : state.outbox) {
      Line line = cards.getOrDefault(e.card(), Line.FREE);
      if (dead.size() < limit && line.dead() && e.id().equals(line.failedId())) {
        dead.add(new io.loyalty.spi.store.DeadLetter(e, line.failures(), java.util.Objects.requireNonNull(line.failedAt()),
            java.util.Objects.requireNonNull(line.reason())));
      }
    }
    return dead;
  }

  @Override
  public synchronized int requeue(String consumer, Collection<String> eventIds) {
    Map<CardCode, Line> cards = linesOf(consumer);
    int requeued = 0;
    for (String id : eventIds) {
      OutboxEvent e = stored(id);
      Line line = e == null ? null : cards.get(e.card());
      if (e != null && line != null && line.dead() && id.equals(line.failedId())) {
        cards.put(e.card(), line.cleared());
        requeued++;
      }
    }
    return requeued;
  }

  private static void receipt(State s, @Nullable EventReceipt receipt) {
    if (receipt == null) {
      return;
    }
    if (s.receipts.containsKey(receipt.event().id())) {
      throw duplicate(new UniqueKey.EventKey(receipt.event().id()));
    }
    s.receipts.put(receipt.event().id(), receipt);
  }

  private static void program(State s, ProgramWrite w) {
    TreeMap<Long, Program> versions = s.programs.computeIfAbsent(w.program().id(), id -> new TreeMap<>());
    long latest = versions.isEmpty() ? 0 : versions.lastKey();
    if (w.expectedVersion() != latest || w.program().version() != latest + 1) {
      throw conflict(new Aggregate.ProgramRef(w.program().id()));
    }
    versions.put(w.program().version(), w.program());
  }

  private static void member(State s, io.loyalty.spi.store.MemberWrite w) {
    io.loyalty.spi.card.Member m = w.member();
    io.loyalty.spi.card.Member stored = memberOf(s, m.program(), m.customer());
    long latest = stored == null ? 0 : stored.version();
    if (w.expectedVersion() != latest || m.version() != latest + 1) {
      throw conflict(new Aggregate.MemberRef(m.program(), m.customer()));
    }
    if (stored != null) {
      s.members.remove(stored);
    }
    s.members.add(m);
  }

  private static io.loyalty.spi.card.@Nullable Member memberOf(State s, ProgramId program, CustomerId customer) {
    for (io.loyalty.spi.card.Member m : s.members) {
      if (m.program().equals(program) && m.customer().equals(customer)) {
        return m;
      }
    }
    return null;
  }

  @Override
  public synchronized Optional<io.loyalty.spi.card.Member> member(ProgramId program, CustomerId customer) {
    return Optional.ofNullable(memberOf(state, program, customer));
  }

  @Override
  public synchronized List<io.loyalty.spi.card.Member> members(ProgramId program, int limit) {
    return state.members.stream().filter(m -> m.program().equals(program))
        .sorted(Comparator.comparing(io.loyalty.spi.card.Member::createdAt).thenComparing(m -> m.customer().value()))
        .limit(limit).toList();
  }

  private static void component(State s, io.loyalty.spi.store.ComponentWrite w) {
    io.loyalty.spi.program.Component part = w.component().component();
    long latest = versionsOf(s, part.kind(), part.componentId()).size();
    if (w.expectedVersion() != latest || w.component().version() != latest + 1) {
      throw conflict(new Aggregate.ComponentRef(part.kind(), part.componentId()));
    }
    s.components.add(w.component());
  }

  /** Every stored version of the component, oldest first (a scan). */
  private static List<io.loyalty.spi.store.StoredComponent> versionsOf(State s, io.loyalty.spi.program.ComponentKind kind,
      String id) {
    return s.components.stream().filter(c -> c.component().kind() == kind && c.component().componentId().equals(id))
        .sorted(Comparator.comparingLong(io.loyalty.spi.store.StoredComponent::version)).toList();
  }

  @Override
  public synchronized Optional<io.loyalty.spi.store.StoredComponent> component(io.loyalty.spi.program.ComponentKind kind,
      String id) {
    List<io.loyalty.spi.store.StoredComponent> versions = versionsOf(state, kind, id);
    return versions.isEmpty() ? Optional.empty() : Optional.of(versions.get(versions.size() - 1));
  }

  @Override
  public synchronized Optional<io.loyalty.spi.store.StoredComponent> component(io.loyalty.spi.program.ComponentKind kind,
      String id, long version) {
    return versionsOf(state, kind, id).stream().filter(c -> c.version() == version).findFirst();
  }

  @Override
  public synchronized List<io.loyalty.spi.store.StoredComponent> components(io.loyalty.spi.program.ComponentKind kind) {
    return state.components.stream().filter(c -> c.component().kind() == kind)
        .map(c -> c.component().componentId()).distinct().sorted()
        .map(id -> component(kind, id).orElseThrow()).toList();
  }

  private static void card(State s, CardWrite w) {
    Card card = w.card();
    Card current = s.cards.get(card.code());
    if (current == null) {
      if (w.expectedVersion() != 0 || card.version() != 1) {
        throw conflict(new Aggregate.CardRef(card.code()));
      }
    } else {
      if (w.expectedVersion() == 0) {
        throw duplicate(new UniqueKey.CodeKey(card.code()));
      }
      if (w.expectedVersion() != current.version() || card.version() != current.version() + 1) {
        throw conflict(new Aggregate.CardRef(card.code()));
      }
      if (!card.program().equals(current.program()) || !card.wallet().equals(current.wallet())) {
        throw new IllegalArgumentException("card " + card.code() + " cannot move to another program or wallet");
      }
      Card base = w.base();
      if (base != null && !base.equals(current)) {
        // a store may write only what differs from the base: a base that is not the stored card would corrupt it
        throw new IllegalArgumentException("the base of a write of card " + card.code() + " is not the stored card");
      }
    }
    CustomerId holder = card.holder();
    if (holder != null && (current == null || !holder.equals(current.holder()))) {
      for (Card other : s.cards.values()) {
        if (!other.code().equals(card.code()) && other.program().equals(card.program())
            && other.wallet().equals(card.wallet()) && holder.equals(other.holder())) {
          throw duplicate(UniqueKey.MemberKey.of(card, holder));
        }
      }
    }
    s.cards.put(card.code(), card);
  }

  private static void entries(State s, List<LedgerEntry> appended) {
    Set<String> keys = new HashSet<>();
    for (LedgerEntry e : s.entries) {
      keys.add(e.key().text());
    }
    for (LedgerEntry e : appended) {
      if (e.seq() < 1) {
        throw new IllegalArgumentException("ledger entry " + e.key() + " has seq " + e.seq() + ", expected 1 or more");
      }
      if (!keys.add(e.key().text())) {
        throw duplicate(new UniqueKey.EntryKey(e.key()));
      }
      if (!s.cards.containsKey(e.card())) {
        throw new IllegalArgumentException("ledger entry " + e.key() + " is for card " + e.card()
            + ", which is neither stored nor written in the same change set");
      }
    }
    // append-only per card: each new seq is new and above the card's stored last
    Map<CardCode, List<LedgerEntry>> byCard = appended.stream().sorted(Comparator.comparingLong(LedgerEntry::seq))
        .collect(Collectors.groupingBy(LedgerEntry::card, TreeMap::new, Collectors.toList()));
    for (Map.Entry<CardCode, List<LedgerEntry>> group : byCard.entrySet()) {
      Set<Long> storedSeqs = new HashSet<>();
      long last = 0;
      for (LedgerEntry e : s.entries) {
        if (e.card().equals(group.getKey())) {
          storedSeqs.add(e.seq());
          last = Math.max(last, e.seq());
        }
      }
      long storedLast = last;
      for (LedgerEntry e : group.getValue()) {
        if (e.seq() <= last) {
          if (e.seq() == last || storedSeqs.contains(e.seq())) {
            throw duplicate(new UniqueKey.SeqKey(e.card(), e.seq()));
          }
          throw new IllegalArgumentException("the ledger of card " + e.card() + " is append-only: entry " + e.key()
              + " has seq " + e.seq() + " but the card's ledger already reaches seq " + storedLast);
        }
        last = e.seq();
      }
    }
    s.entries.addAll(appended);
  }

  private static void reward(State s, RewardWrite w) {
    Reward current = s.rewards.get(w.reward().id());
    long version = current == null ? 0 : current.version();
    if (w.expectedVersion() != version || w.reward().version() != version + 1) {
      throw conflict(new Aggregate.RewardRef(w.reward().id()));
    }
    s.rewards.put(w.reward().id(), w.reward());
  }

  private static void redemption(State s, RedemptionWrite w) {
    Redemption current = s.redemptions.get(w.redemption().id());
    long version = current == null ? 0 : current.version();
    if (w.expectedVersion() == 0 && current != null) {
      throw duplicate(new UniqueKey.RedemptionKey(w.redemption().id()));
    }
    if (w.expectedVersion() != version || w.redemption().version() != version + 1) {
      throw conflict(new Aggregate.RedemptionRef(w.redemption().id()));
    }
    s.redemptions.put(w.redemption().id(), w.redemption());
  }

  @Override
  public synchronized Optional<Program> program(ProgramId id) {
    TreeMap<Long, Program> versions = state.programs.get(id);
    return versions == null || versions.isEmpty() ? Optional.empty() : Optional.of(versions.lastEntry().getValue());
  }

  @Override
  public synchronized Optional<Program> program(ProgramId id, long version) {
    TreeMap<Long, Program> versions = state.programs.get(id);
    return versions == null ? Optional.empty() : Optional.ofNullable(versions.get(version));
  }

  @Override
  public synchronized List<Program> programs() {
    return state.programs.values().stream().filter(v -> !v.isEmpty()).map(v -> v.lastEntry().getValue())
        .sorted(Comparator.comparing(p -> p.id().value())).toList();
  }

  @Override
  public synchronized long catalogVersion() {
    return state.programs.values().stream().mapToLong(TreeMap::size).sum();
  }

  @Override
  public synchronized List<Card> cardsOf(CustomerId holder) {
    return state.cards.values().stream().filter(c -> holder.equals(c.holder()))
        .sorted(Comparator.comparing((Card c) -> c.program().value()).thenComparing(c -> c.wallet().value())).toList();
  }

  @Override
  public synchronized Optional<Card> card(CardCode code) {
    return Optional.ofNullable(state.cards.get(code));
  }

  @Override
  public synchronized Optional<Card> cardOf(ProgramId program, CustomerId holder, WalletId wallet) {
    return state.cards.values().stream()
        .filter(c -> c.program().equals(program) && c.wallet().equals(wallet) && holder.equals(c.holder())).findFirst();
  }

  private List<Card> cardsOf(ProgramId program) {
    return state.cards.values().stream().filter(c -> c.program().equals(program))
        .sorted(Comparator.comparing(c -> c.code().value())).toList();
  }

  @Override
  public synchronized List<Card> unpublishedCards(ProgramId program, String from, int limit) {
    checkLimit(limit);
    List<Card> free = cardsOf(program).stream().filter(c -> c.holder() == null).toList();
    List<Card> found = new ArrayList<>();
    for (Card c : free) {
      if (found.size() < limit && c.code().value().compareTo(from) >= 0) {
        found.add(c);
      }
    }
    for (Card c : free) {
      if (found.size() < limit && c.code().value().compareTo(from) < 0) {
        found.add(c);
      }
    }
    return List.copyOf(found);
  }

  @Override
  public synchronized List<Card> cards(ProgramId program, String afterCode, int limit) {
    checkLimit(limit);
    return cardsOf(program).stream().filter(c -> c.code().value().compareTo(afterCode) > 0).limit(limit).toList();
  }

  @Override
  public synchronized long cardCount(ProgramId program) {
    return cardsOf(program).size();
  }

  @Override
  public synchronized List<LedgerEntry> ledger(CardCode card, long afterSeq, int limit) {
    checkLimit(limit);
    return state.entries.stream().filter(e -> e.card().equals(card) && e.seq() > afterSeq)
        .sorted(Comparator.comparingLong(LedgerEntry::seq)).limit(limit).toList();
  }

  @Override
  public synchronized List<LedgerEntry> entriesForOrder(CardCode card, OrderId order) {
    return state.entries.stream().filter(e -> e.card().equals(card) && order.equals(e.order()))
        .sorted(Comparator.comparingLong(LedgerEntry::seq)).toList();
  }

  @Override
  public synchronized Optional<LedgerEntry> entry(LedgerKey key) {
    return state.entries.stream().filter(e -> e.key().text().equals(key.text())).findFirst();
  }

  @Override
  public synchronized Optional<EventReceipt> receipt(EventId event) {
    return Optional.ofNullable(state.receipts.get(event));
  }

  @Override
  public synchronized Optional<Reward> reward(RewardId id) {
    return Optional.ofNullable(state.rewards.get(id));
  }

  @Override
  public synchronized List<Reward> rewards() {
    return state.rewards.values().stream().sorted(Comparator.comparing(r -> r.id().value())).toList();
  }

  @Override
  public synchronized Optional<Redemption> redemption(RedemptionId id) {
    return Optional.ofNullable(state.redemptions.get(id));
  }

  @Override
  public synchronized List<Redemption> redemptions(CardCode card) {
    return state.redemptions.values().stream().filter(r -> r.card().equals(card))
        .sorted(Comparator.comparing(Redemption::at, Comparator.<Instant>naturalOrder())
            .thenComparing(r -> r.id().value()))
        .toList();
  }

  private static void checkLimit(int limit) {
    if (limit < 0) {
      throw new IllegalArgumentException("limit must be zero or more: " + limit);
    }
  }
}
