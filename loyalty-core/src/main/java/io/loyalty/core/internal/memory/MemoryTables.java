package io.loyalty.core.internal.memory;

import io.loyalty.spi.card.LedgerKey;
import io.loyalty.spi.CardCode;
import io.loyalty.spi.CustomerId;
import io.loyalty.spi.EventId;
import io.loyalty.spi.OrderId;
import io.loyalty.spi.ProgramId;
import io.loyalty.spi.WalletId;
import io.loyalty.spi.card.Card;
import io.loyalty.spi.card.LedgerEntry;
import io.loyalty.spi.program.Program;
import io.loyalty.spi.store.CardWrite;
import io.loyalty.spi.store.ChangeSet;
import io.loyalty.spi.store.CommitResult;
import io.loyalty.spi.store.UniqueKey;
import io.loyalty.spi.store.EventReceipt;
import io.loyalty.spi.store.OutboxEvent;
import io.loyalty.spi.store.ProgramWrite;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import io.loyalty.spi.RedemptionId;
import io.loyalty.spi.RewardId;
import io.loyalty.spi.reward.Redemption;
import io.loyalty.spi.reward.Reward;
import io.loyalty.spi.store.RedemptionWrite;
import io.loyalty.spi.store.RewardWrite;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;

/**
 * The state of the in-memory store and its one write path. Reads are lock-free map lookups; a commit
 * locks the stripes of every key it touches, checks the whole change set, then publishes each card's new
 * slot with one put, its memberships and pool changes after it, and the event receipt last.
 */
public final class MemoryTables {
  private static final int STRIPES = 256;
  private static final int PROGRAM = 1;
  private static final int CARD = 2;
  private static final int MEMBER = 3;
  private static final int ENTRY = 4;
  private static final int EVENT = 5;
  private static final int REWARD = 6;
  private static final int REDEMPTION = 7;
  private static final int COMPONENT = 8;

  private final ConcurrentSkipListMap<ProgramId, ProgramHistory> programs = new ConcurrentSkipListMap<>();
  /** Loyalty v2 member records by program, then customer. */
  private final ConcurrentHashMap<ProgramId, ConcurrentSkipListMap<CustomerId, io.loyalty.spi.card.Member>>
      memberRecords = new ConcurrentHashMap<>();
  /** Every stored version of each loyalty v2 component, oldest first, by kind and id (lists replaced whole). */
  private final java.util.EnumMap<io.loyalty.spi.program.ComponentKind,
      ConcurrentSkipListMap<String, List<io.loyalty.spi.store.StoredComponent>>> components = componentTables();
  private final ConcurrentHashMap<CardCode, CardSlot> cards = new ConcurrentHashMap<>();
  private final ConcurrentHashMap<MemberKey, CardCode> members = new ConcurrentHashMap<>();
  /** The codes of the cards each customer holds; a reader checks each card still names its holder. */
  private final ConcurrentHashMap<CustomerId, ConcurrentSkipListSet<CardCode>> holders = new ConcurrentHashMap<>();
  private final ConcurrentHashMap<ProgramId, ConcurrentSkipListSet<CardCode>> unpublished = new ConcurrentHashMap<>();
  private final ConcurrentHashMap<ProgramId, AtomicLong> cardCounts = new ConcurrentHashMap<>();
  /**
   * Entry keys that are not local to their card (not {@link CardSlot#isLocal}); local keys are indexed in the card's
   * slot. Both places of one key are guarded by one lock: the stripe of the card the key names ({@link LedgerKey#card()},
   * which for a local key is the lock the commit already holds for the card), else the key's own stripe.
   */
  private final ConcurrentHashMap<LedgerKey, EntryRef> entryKeys = new ConcurrentHashMap<>();
  /** The latest version of every program in id order, rebuilt under {@link #programsLock} when one is stored. */
  private volatile Catalog catalog = new Catalog(List.of(), 0);
  private final Object programsLock = new Object();
  /** Each committing thread's buffer for encoding receipts (the encoded bytes are then copied out at their size). */
  private final ThreadLocal<byte[]> receiptScratch = ThreadLocal.withInitial(() -> new byte[1024]);
  private final ConcurrentHashMap<ProgramId, ConcurrentSkipListSet<CardCode>> programCards = new ConcurrentHashMap<>();
  /** Each applied event's receipt, kept as {@link ReceiptCodec} bytes (or as the record, if it cannot be encoded). */
  private final ConcurrentHashMap<EventId, Object> receipts = new ConcurrentHashMap<>();
  private final LockStripes locks = new LockStripes(STRIPES);
  private final ConcurrentSkipListMap<RewardId, Reward> rewards = new ConcurrentSkipListMap<>();
  private final ConcurrentHashMap<RedemptionId, Redemption> redemptions = new ConcurrentHashMap<>();
  private final ConcurrentHashMap<CardCode, List<RedemptionId>> redemptionsByCard = new ConcurrentHashMap<>();
  private final OutboxLog outbox = new OutboxLog();

  /** Empty tables. */
  public MemoryTables() {}

  /** Applies the change set all-or-nothing under the locks of every key it touches. */
  public CommitResult commit(ChangeSet changes) {
    Objects.requireNonNull(changes, "changes");
    List<LedgerEntry> entries = changes.entries();
    boolean[] localKeys = new boolean[entries.size()];
    for (int i = 0; i < localKeys.length; i++) {
      LedgerEntry entry = entries.get(i);
      localKeys[i] = CardSlot.isLocal(entry.key(), entry.card());
    }
    int[] stripes = stripesOf(changes, localKeys);
    int count = LockStripes.distinct(stripes, stripes.length);
    locks.lockAll(stripes, count);
    try {
      CommitPlan plan = CommitPlan.check(this, changes, localKeys);
      CommitResult rejection = plan.rejection != null ? plan.rejection : checkEvents(changes.events());
      if (rejection != null) {
        return rejection;
      }
      apply(plan);
      outbox.append(changes.events());
      return CommitResult.APPLIED;
    } finally {
      locks.unlockAll(stripes, count);
    }
  }

  private int[] stripesOf(ChangeSet changes, boolean[] localKeys) {
    int[] stripes = new int[changes.programs().size() + 2 * changes.cards().size() + 2 * changes.entries().size() + 1
        + changes.rewards().size() + changes.redemptions().size() + changes.events().size()
        + changes.components().size() + changes.members().size()];
    int n = 0;
    for (io.loyalty.spi.store.MemberWrite write : changes.members()) {
      // the stripe of the customer's memberships (the cards' holder stripe), so a join and its record lock alike
      io.loyalty.spi.card.Member m = write.member();
      stripes[n++] = locks.stripeOf(31 * m.program().value().hashCode() + m.customer().value().hashCode(), MEMBER);
    }
    for (io.loyalty.spi.store.ComponentWrite write : changes.components()) {
      io.loyalty.spi.program.Component component = write.component().component();
      stripes[n++] = locks.stripeOf(31 * component.kind().hashCode() + component.componentId().hashCode(), COMPONENT);
    }
    for (ProgramWrite write : changes.programs()) {
      stripes[n++] = locks.stripeOf(write.program().id(), PROGRAM);
    }
    List<CardWrite> cardWrites = changes.cards();
    for (int i = 0; i < cardWrites.size(); i++) {
      Card card = cardWrites.get(i).card();
      stripes[n++] = cardStripe(card.code().value().hashCode());
      CustomerId holder = card.holder();
      if (holder != null) {
        stripes[n++] = locks.stripeOf(31 * card.program().value().hashCode() + holder.value().hashCode(), MEMBER);
      }
    }
    List<LedgerEntry> entries = changes.entries();
    int last = -1; // entries mostly come in runs of one card: its stripe is listed once per run
    for (int i = 0; i < entries.size(); i++) {
      LedgerEntry entry = entries.get(i);
      int cardStripe = cardStripe(entry.card().value().hashCode());
      if (cardStripe != last) {
        stripes[n++] = cardStripe;
        last = cardStripe;
      }
      if (!localKeys[i]) {
        // A key is guarded by the stripe of the card its segment names (the entry's own card for a local key).
        LedgerKey key = entry.key();
        CardCode home = key.card();
        stripes[n++] = home != null ? cardStripe(home.value().hashCode()) : locks.stripeOf(key, ENTRY);
      }
    }
    EventReceipt receipt = changes.receipt();
    if (receipt != null) {
      stripes[n++] = locks.stripeOf(receipt.event().id(), EVENT);
    }
    for (RewardWrite write : changes.rewards()) {
      stripes[n++] = locks.stripeOf(write.reward().id(), REWARD);
    }
    for (RedemptionWrite write : changes.redemptions()) {
      stripes[n++] = locks.stripeOf(write.redemption().id(), REDEMPTION);
    }
    // An event's id is checked under its card's lock: the engine's ids name the card or a redemption of it, so two
    // writers of one id hold the same lock (and the card's lock is most often taken already).
    int lastEventCard = -1;
    for (OutboxEvent event : changes.events()) {
      int stripe = cardStripe(event.card().value().hashCode());
      if (stripe != lastEventCard) {
        stripes[n++] = stripe;
        lastEventCard = stripe;
      }
    }
    return n == stripes.length ? stripes : Arrays.copyOf(stripes, n);
  }

  private @Nullable CommitResult checkEvents(List<OutboxEvent> events) {
    int n = events.size();
    // a few events are compared pairwise by hash (no set); many go through a hash set
    java.util.HashSet<String> ids = n > 16 ? new java.util.HashSet<>() : null;
    for (int i = 0; i < n; i++) {
      String id = events.get(i).id();
      boolean seen = false;
      if (ids != null) {
        seen = !ids.add(id);
      } else {
        int hash = id.hashCode();
        for (int j = 0; j < i && !seen; j++) {
          String other = events.get(j).id();
          seen = other.hashCode() == hash && other.equals(id);
        }
      }
      if (seen) {
        return new CommitResult.Duplicate(new UniqueKey.OutboxKey(id));
      }
    }
    String taken = outbox.firstTaken(events);
    return taken == null ? null : new CommitResult.Duplicate(new UniqueKey.OutboxKey(taken));
  }

  /** Up to {@code limit} events of the types that the consumer has not acknowledged, in commit order. */
  public List<OutboxEvent> pending(String consumer, Set<OutboxEvent.Type> types, int limit) {
    return outbox.pending(consumer, types, limit);
  }

  /** Records the consumer's acknowledgement of these events. */
  public void acknowledge(String consumer, java.util.Collection<String> ids) {
    outbox.acknowledge(consumer, ids);
  }

  /** Claims a prefix of the consumer's free lines for the owner, as {@code OutboxStore.claim} describes. */
  public List<io.loyalty.spi.store.ClaimedEvent> claim(String consumer, String owner, int limit, java.time.Instant now,
      java.time.Duration lease) {
    return outbox.claim(consumer, owner, limit, now, lease);
  }

  /** Acknowledges, records failures and releases the owner's lines, as {@code OutboxStore.settle} describes. */
  public void settle(String consumer, String owner, java.util.Collection<String> delivered,
      List<io.loyalty.spi.store.DeliveryFailure> failures) {
    outbox.settle(consumer, owner, delivered, failures);
  }

  /** The consumer's dead letters in commit order. */
  public List<io.loyalty.spi.store.DeadLetter> deadLetters(String consumer, int limit) {
    return outbox.deadLetters(consumer, limit);
  }

  /** Puts dead letters back on their lines; how many were dead. */
  public int requeue(String consumer, java.util.Collection<String> ids) {
    return outbox.requeue(consumer, ids);
  }

  /** The stripe of the card whose code has this {@code String} hash. */
  private int cardStripe(int codeHash) {
    return locks.stripeOf(codeHash, CARD);
  }

  private void apply(CommitPlan plan) {
    for (Program program : plan.programs) {
      programs.put(program.id(), ProgramHistory.plus(programs.get(program.id()), program));
    }
    if (!plan.programs.isEmpty()) {
      synchronized (programsLock) {
        // Read after this commit's puts: whichever commit rebuilds last sees every stored version.
        List<Program> latest = new ArrayList<>();
        long versions = 0;
        for (ProgramHistory history : programs.values()) {
          latest.add(history.latest());
          versions += history.latestVersion();
        }
        catalog = new Catalog(List.copyOf(latest), versions);
      }
    }
    for (io.loyalty.spi.card.Member member : plan.memberRecords) {
      memberRecords.computeIfAbsent(member.program(), p -> new ConcurrentSkipListMap<>()).put(member.customer(), member);
    }
    for (io.loyalty.spi.store.StoredComponent component : plan.components) {
      table(component.component().kind()).merge(component.component().componentId(), List.of(component),
          MemoryTables::append);
    }
    for (Reward reward : plan.rewards.values()) {
      rewards.put(reward.id(), reward);
    }
    for (Redemption redemption : plan.redemptions.values()) {
      if (redemptions.put(redemption.id(), redemption) == null) {
        redemptionsByCard.merge(redemption.card(), List.of(redemption.id()), MemoryTables::append);
      }
    }
    for (int i = 0; i < plan.cards.size(); i++) {
      CommitPlan.CardChange change = plan.cards.get(i);
      for (int k = 0; k < change.appended.size(); k++) {
        if (!change.local[k]) {
          LedgerEntry entry = change.appended.get(k);
          entryKeys.put(entry.key(), new EntryRef(entry.card(), entry.seq()));
        }
      }
      publish(change);
    }
    EventReceipt receipt = plan.receipt;
    if (receipt != null) {
      // Last, so a reader that sees the receipt sees every card the event wrote.
      receipts.put(receipt.event().id(), compact(receipt));
    }
  }

  private void publish(CommitPlan.CardChange change) {
    Card card = change.card;
    CardCode code = card.code();
    CardSlot base = change.base;
    cards.put(code, (base == null ? CardSlot.empty(card) : base).next(card, change.appended, change.local));
    CustomerId previous = base == null ? null : base.card().holder();
    CustomerId holder = card.holder();
    if (!Objects.equals(previous, holder)) {
      if (previous != null) {
        // Conditional: the membership may already belong to a card that a later commit published.
        members.remove(MemberKey.of(card, previous), code);
        ConcurrentSkipListSet<CardCode> held = holders.get(previous);
        if (held != null) {
          held.remove(code);
        }
      }
      if (holder != null) {
        members.put(MemberKey.of(card, holder), code);
        holders.computeIfAbsent(holder, h -> new ConcurrentSkipListSet<>()).add(code);
      }
    }
    if (holder == null) {
      unpublished.computeIfAbsent(card.program(), p -> new ConcurrentSkipListSet<>()).add(code);
    } else if (base == null || previous == null) {
      ConcurrentSkipListSet<CardCode> pool = unpublished.get(card.program());
      if (pool != null) {
        pool.remove(code);
      }
    }
    if (base == null) {
      cardCounts.computeIfAbsent(card.program(), p -> new AtomicLong()).incrementAndGet();
      programCards.computeIfAbsent(card.program(), p -> new ConcurrentSkipListSet<>()).add(code);
    }
  }

  // ---- reads used by the check phase (under the commit's locks) ----

  @Nullable
  CardSlot slot(CardCode code) {
    return cards.get(code);
  }

  private static java.util.EnumMap<io.loyalty.spi.program.ComponentKind,
      ConcurrentSkipListMap<String, List<io.loyalty.spi.store.StoredComponent>>> componentTables() {
    java.util.EnumMap<io.loyalty.spi.program.ComponentKind,
        ConcurrentSkipListMap<String, List<io.loyalty.spi.store.StoredComponent>>> tables =
        new java.util.EnumMap<>(io.loyalty.spi.program.ComponentKind.class);
    for (io.loyalty.spi.program.ComponentKind kind : io.loyalty.spi.program.ComponentKind.values()) {
      tables.put(kind, new ConcurrentSkipListMap<>());
    }
    return tables;
  }

  private ConcurrentSkipListMap<String, List<io.loyalty.spi.store.StoredComponent>> table(
      io.loyalty.spi.program.ComponentKind kind) {
    return Objects.requireNonNull(components.get(kind), "kind");
  }

  /** The customer's member record in the program, if stored. */
  public Optional<io.loyalty.spi.card.Member> memberRecord(ProgramId program, CustomerId customer) {
    ConcurrentSkipListMap<CustomerId, io.loyalty.spi.card.Member> of = memberRecords.get(program);
    return of == null ? Optional.empty() : Optional.ofNullable(of.get(customer));
  }

  /** The program's member records, oldest joined first, then by customer id, at most {@code limit}. */
  public List<io.loyalty.spi.card.Member> memberRecords(ProgramId program, int limit) {
    ConcurrentSkipListMap<CustomerId, io.loyalty.spi.card.Member> of = memberRecords.get(program);
    if (of == null) {
      return List.of();
    }
    return of.values().stream().sorted(java.util.Comparator.comparing(io.loyalty.spi.card.Member::createdAt)
        .thenComparing(m -> m.customer().value())).limit(limit).toList();
  }

  long latestComponentVersion(io.loyalty.spi.program.ComponentKind kind, String id) {
    List<io.loyalty.spi.store.StoredComponent> versions = table(kind).get(id);
    return versions == null ? 0 : versions.get(versions.size() - 1).version();
  }

  /** The latest version of the component, if stored. */
  public Optional<io.loyalty.spi.store.StoredComponent> component(io.loyalty.spi.program.ComponentKind kind,
      String id) {
    List<io.loyalty.spi.store.StoredComponent> versions = table(kind).get(id);
    return versions == null ? Optional.empty() : Optional.of(versions.get(versions.size() - 1));
  }

  /** One stored version of the component, if it exists. */
  public Optional<io.loyalty.spi.store.StoredComponent> component(io.loyalty.spi.program.ComponentKind kind,
      String id, long version) {
    List<io.loyalty.spi.store.StoredComponent> versions = table(kind).get(id);
    return versions == null || version < 1 || version > versions.size() ? Optional.empty()
        : Optional.of(versions.get((int) version - 1));
  }

  /** The latest version of every component of the kind, in id order. */
  public List<io.loyalty.spi.store.StoredComponent> components(io.loyalty.spi.program.ComponentKind kind) {
    List<io.loyalty.spi.store.StoredComponent> latest = new ArrayList<>();
    for (List<io.loyalty.spi.store.StoredComponent> versions : table(kind).values()) {
      latest.add(versions.get(versions.size() - 1));
    }
    return latest;
  }

  long latestProgramVersion(ProgramId id) {
    ProgramHistory history = programs.get(id);
    return history == null ? 0 : history.latestVersion();
  }

  @Nullable
  CardCode memberOwner(MemberKey key) {
    return members.get(key);
  }

  /**
   * Whether a stored entry has the key, which an entry of {@code card} is about to take ({@code local} to it or not);
   * {@code cardSlot} is that card's stored state ({@code null} when it is new).
   */
  boolean hasEntryKey(LedgerKey key, CardCode card, boolean local, @Nullable CardSlot cardSlot) {
    if (entryKeys.containsKey(key)) {
      return true;
    }
    CardSlot slot;
    if (local) {
      slot = cardSlot; // the card's stored state, read by the caller under the same lock
    } else {
      CardCode home = key.card();
      slot = home == null ? null : cards.get(home);
    }
    return slot != null && slot.entryWithKey(key) != null;
  }

  boolean hasReceipt(EventId id) {
    return receipts.containsKey(id);
  }

  // ---- lock-free public reads ----

  /** The latest version of a program. */
  public Optional<Program> program(ProgramId id) {
    ProgramHistory history = programs.get(id);
    return history == null ? Optional.empty() : Optional.of(history.latest());
  }

  /** One stored version of a program. */
  public Optional<Program> program(ProgramId id, long version) {
    ProgramHistory history = programs.get(id);
    return history == null ? Optional.empty() : Optional.ofNullable(history.version(version));
  }

  /** The latest version of every program, in id order. */
  public List<Program> programs() {
    return catalog.latest();
  }

  /** How many program versions are stored: one more with every program write. */
  public long catalogVersion() {
    return catalog.versions();
  }

  /** The latest programs and how many versions they sum to, published together. */
  private record Catalog(List<Program> latest, long versions) {}

  /** The card with this code. */
  public Optional<Card> card(CardCode code) {
    CardSlot slot = cards.get(code);
    return slot == null ? Optional.empty() : Optional.of(slot.card());
  }

  /** The customer's card of the program's wallet. */
  public Optional<Card> cardOf(ProgramId program, CustomerId holder, WalletId wallet) {
    CardCode code = members.get(new MemberKey(program, holder, wallet));
    CardSlot slot = code == null ? null : cards.get(code);
    // The index is updated after the slot, so check the card still says so.
    if (slot == null || !holder.equals(slot.card().holder()) || !program.equals(slot.card().program())
        || !wallet.equals(slot.card().wallet())) {
      return Optional.empty();
    }
    return Optional.of(slot.card());
  }

  /** The cards the customer holds, in program id order, then wallet id order. */
  public List<Card> cardsOf(CustomerId holder) {
    ConcurrentSkipListSet<CardCode> held = holders.get(holder);
    if (held == null) {
      return List.of();
    }
    List<Card> found = new ArrayList<>(2);
    for (CardCode code : held) {
      CardSlot slot = cards.get(code);
      // The index is updated after the slot, so check the card still says so.
      if (slot != null && holder.equals(slot.card().holder())) {
        found.add(slot.card());
      }
    }
    found.sort(java.util.Comparator.comparing(Card::program).thenComparing(Card::wallet));
    return List.copyOf(found);
  }

  /** Up to {@code limit} unpublished cards of the program, in code order from {@code from}, wrapping around. */
  public List<Card> unpublishedCards(ProgramId program, String from, int limit) {
    ConcurrentSkipListSet<CardCode> pool = unpublished.get(program);
    if (pool == null || limit == 0) {
      return List.of();
    }
    List<Card> found = new ArrayList<>(Math.min(limit, 64));
    Iterable<CardCode> tail = from.isEmpty() ? pool : pool.tailSet(CardCode.of(from), true);
    collect(tail, limit, found, null);
    if (!from.isEmpty() && found.size() < limit) {
      collect(pool, limit, found, CardCode.of(from));
    }
    return List.copyOf(found);
  }

  private void collect(Iterable<CardCode> codes, int limit, List<Card> found, @Nullable CardCode before) {
    for (CardCode code : codes) {
      if (found.size() >= limit || (before != null && code.compareTo(before) >= 0)) {
        return;
      }
      CardSlot slot = cards.get(code);
      if (slot != null && !slot.card().isPublished()) {
        found.add(slot.card());
      }
    }
  }

  /** How many cards the program has. */
  public long cardCount(ProgramId program) {
    AtomicLong count = cardCounts.get(program);
    return count == null ? 0 : count.get();
  }

  /** Up to {@code limit} ledger entries of the card with {@code seq > afterSeq}, in seq order. */
  public List<LedgerEntry> ledger(CardCode card, long afterSeq, int limit) {
    CardSlot slot = cards.get(card);
    return slot == null ? List.of() : slot.page(afterSeq, limit);
  }

  /** The stored reward, if any. */
  public Optional<Reward> reward(RewardId id) {
    return Optional.ofNullable(rewards.get(id));
  }

  /** Every stored reward in id order. */
  public List<Reward> rewards() {
    return List.copyOf(rewards.values());
  }

  /** The stored redemption, if any. */
  public Optional<Redemption> redemption(RedemptionId id) {
    return Optional.ofNullable(redemptions.get(id));
  }

  /** The card's redemptions, oldest first. */
  public List<Redemption> redemptions(CardCode card) {
    List<Redemption> found = new ArrayList<>();
    for (RedemptionId id : redemptionsByCard.getOrDefault(card, List.of())) {
      Redemption r = redemptions.get(id);
      if (r != null) {
        found.add(r);
      }
    }
    found.sort(java.util.Comparator.comparing(Redemption::at).thenComparing(Redemption::id));
    return List.copyOf(found);
  }

  long rewardVersion(RewardId id) {
    Reward r = rewards.get(id);
    return r == null ? 0 : r.version();
  }

  long redemptionVersion(RedemptionId id) {
    Redemption r = redemptions.get(id);
    return r == null ? 0 : r.version();
  }

  private static <T> List<T> append(List<T> a, List<T> b) {
    List<T> all = new ArrayList<>(a);
    all.addAll(b);
    return List.copyOf(all);
  }

  /** The committed entry with this key, if any. */
  public Optional<LedgerEntry> entry(LedgerKey key) {
    EntryRef ref = entryKeys.get(key);
    if (ref == null) {
      CardCode home = key.card();
      CardSlot slot = home == null ? null : cards.get(home);
      return Optional.ofNullable(slot == null ? null : slot.entryWithKey(key));
    }
    CardSlot slot = cards.get(ref.card());
    List<LedgerEntry> page = slot == null ? List.of() : slot.page(ref.seq() - 1, 1);
    return page.isEmpty() || page.get(0).seq() != ref.seq() ? Optional.empty() : Optional.of(page.get(0));
  }

  /** Up to {@code limit} cards of the program with codes after {@code afterCode}, in code order. */
  public List<Card> cards(ProgramId program, String afterCode, int limit) {
    ConcurrentSkipListSet<CardCode> codes = programCards.get(program);
    if (codes == null || limit == 0) {
      return List.of();
    }
    List<Card> found = new ArrayList<>(Math.min(limit, 256));
    for (CardCode code : afterCode.isEmpty() ? codes : codes.tailSet(CardCode.of(afterCode), false)) {
      if (found.size() >= limit) {
        break;
      }
      CardSlot slot = cards.get(code);
      if (slot != null) {
        found.add(slot.card());
      }
    }
    return List.copyOf(found);
  }

  /** Where an entry with a given key is: its card and seq. */
  private record EntryRef(CardCode card, long seq) {}

  /** The card's entries for one order, in seq order. */
  public List<LedgerEntry> entriesForOrder(CardCode card, OrderId order) {
    CardSlot slot = cards.get(card);
    return slot == null ? List.of() : slot.entriesForOrder(order);
  }

  /** The receipt of an applied event. */
  public Optional<EventReceipt> receipt(EventId event) {
    Object stored = receipts.get(event);
    if (stored == null) {
      return Optional.empty();
    }
    return Optional.of(stored instanceof byte[] bytes ? ReceiptCodec.decode(event, bytes, this::storedProgram)
        : (EventReceipt) stored);
  }

  private @Nullable Program storedProgram(ProgramId id, long version) {
    ProgramHistory history = programs.get(id);
    return history == null ? null : history.version(version);
  }

  /** The receipt in its compact form, or as it is when it cannot be encoded and read back equal. */
  private Object compact(EventReceipt receipt) {
    try {
      return ReceiptCodec.encode(receipt, this::storedProgram, receiptScratch.get());
    } catch (RuntimeException e) {
      return receipt;
    }
  }
}
