package io.loyalty.core.internal.memory;

import io.loyalty.spi.card.LedgerKey;
import io.loyalty.spi.CardCode;
import io.loyalty.spi.CustomerId;
import io.loyalty.spi.ProgramId;
import io.loyalty.spi.card.Card;
import io.loyalty.spi.card.LedgerEntry;
import io.loyalty.spi.program.Program;
import io.loyalty.spi.store.CardWrite;
import io.loyalty.spi.store.ChangeSet;
import io.loyalty.spi.store.CommitResult;
import io.loyalty.spi.store.UniqueKey;
import io.loyalty.spi.store.Aggregate;
import io.loyalty.spi.store.EventReceipt;
import io.loyalty.spi.store.ProgramWrite;
import io.loyalty.spi.RedemptionId;
import io.loyalty.spi.RewardId;
import io.loyalty.spi.reward.Redemption;
import io.loyalty.spi.reward.Reward;
import io.loyalty.spi.store.RedemptionWrite;
import io.loyalty.spi.store.RewardWrite;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The check phase of a commit: a change set's writes replayed in order against the stored state (read
 * under the commit's locks) and against its own earlier writes, so duplicates inside one change set count
 * too. Either rejects the whole change set or yields what to apply; it never writes.
 */
final class CommitPlan {
  private static final Comparator<LedgerEntry> BY_SEQ = Comparator.comparingLong(LedgerEntry::seq);

  /** The final state of one card touched by the change set. */
  static final class CardChange {
    final @Nullable CardSlot base;
    Card card;
    List<LedgerEntry> appended = List.of();
    /** For each appended entry, whether its key is local to this card ({@link CardSlot#isLocal}). */
    boolean[] local = NO_FLAGS;

    CardChange(@Nullable CardSlot base, Card card) {
      this.base = base;
      this.card = card;
    }

    void append(LedgerEntry entry, boolean isLocal, int expected) {
      if (appended.isEmpty()) {
        appended = new ArrayList<>(expected);
        local = new boolean[expected];
      } else if (appended.size() == local.length) {
        local = java.util.Arrays.copyOf(local, local.length * 2 + 1);
      }
      local[appended.size()] = isLocal;
      appended.add(entry);
    }
  }

  private static final boolean[] NO_FLAGS = new boolean[0];

  /** Past this many cards, changes are also found through a hash map rather than a scan. */
  private static final int SCANNED = 8;

  // Allocated on first use: most change sets write one card and its entries, and nothing else.
  List<Program> programs = List.of();
  /** The cards touched, in first-touch order. */
  final List<CardChange> cards = new ArrayList<>(2);
  private @Nullable Map<CardCode, CardChange> cardIndex;
  @Nullable EventReceipt receipt;
  Map<RewardId, Reward> rewards = Map.of();
  List<io.loyalty.spi.store.StoredComponent> components = List.of();
  List<io.loyalty.spi.card.Member> memberRecords = List.of();
  Map<RedemptionId, Redemption> redemptions = Map.of();
  @Nullable CommitResult rejection;

  private CommitPlan() {}

  private @Nullable CardChange change(CardCode code) {
    if (cardIndex != null) {
      return cardIndex.get(code);
    }
    for (int i = 0; i < cards.size(); i++) {
      CardChange change = cards.get(i);
      if (change.card.code().equals(code)) {
        return change;
      }
    }
    return null;
  }

  private void addChange(CardChange change) {
    cards.add(change);
    if (cardIndex != null) {
      cardIndex.put(change.card.code(), change);
    } else if (cards.size() > SCANNED) {
      cardIndex = new HashMap<>();
      for (CardChange c : cards) {
        cardIndex.put(c.card.code(), c);
      }
    }
  }

  /** Checks the change set; the plan's {@code rejection} is set when nothing may be written. */
  static CommitPlan check(MemoryTables stored, ChangeSet changes, boolean[] localKeys) {
    CommitPlan plan = new CommitPlan();
    plan.rejection = plan.checkReceipt(stored, changes.receipt());
    if (plan.rejection == null) {
      plan.rejection = plan.checkPrograms(stored, changes.programs());
    }
    if (plan.rejection == null) {
      plan.rejection = plan.checkCards(stored, changes.cards());
    }
    if (plan.rejection == null) {
      plan.rejection = plan.checkEntries(stored, changes.entries(), localKeys);
    }
    if (plan.rejection == null) {
      plan.rejection = plan.checkComponents(stored, changes.components());
    }
    if (plan.rejection == null) {
      plan.rejection = plan.checkMemberRecords(stored, changes.members());
    }
    if (plan.rejection == null) {
      plan.rejection = plan.checkRewards(stored, changes.rewards());
    }
    if (plan.rejection == null) {
      plan.rejection = plan.checkRedemptions(stored, changes.redemptions());
    }
    return plan;
  }

  private @Nullable CommitResult checkReceipt(MemoryTables stored, @Nullable EventReceipt receipt) {
    // Checked first: an event already applied is the answer that ends a caller's retry loop.
    if (receipt != null && stored.hasReceipt(receipt.event().id())) {
      return new CommitResult.Duplicate(new UniqueKey.EventKey(receipt.event().id()));
    }
    this.receipt = receipt;
    return null;
  }

  private @Nullable CommitResult checkPrograms(MemoryTables stored, List<ProgramWrite> writes) {
    if (writes.isEmpty()) {
      return null;
    }
    programs = new ArrayList<>();
    Map<ProgramId, Long> latest = new HashMap<>();
    for (ProgramWrite write : writes) {
      Program program = write.program();
      ProgramId id = program.id();
      Long pending = latest.get(id);
      long current = pending != null ? pending : stored.latestProgramVersion(id);
      if (write.expectedVersion() != current || program.version() != current + 1) {
        return new CommitResult.Conflict(new Aggregate.ProgramRef(id));
      }
      latest.put(id, program.version());
      programs.add(program);
    }
    return null;
  }

  private @Nullable CommitResult checkComponents(MemoryTables stored,
      List<io.loyalty.spi.store.ComponentWrite> writes) {
    if (writes.isEmpty()) {
      return null;
    }
    components = new ArrayList<>();
    Map<Aggregate.ComponentRef, Long> latest = new HashMap<>();
    for (io.loyalty.spi.store.ComponentWrite write : writes) {
      io.loyalty.spi.store.StoredComponent component = write.component();
      Aggregate.ComponentRef ref = new Aggregate.ComponentRef(component.component().kind(),
          component.component().componentId());
      Long pending = latest.get(ref);
      long current = pending != null ? pending : stored.latestComponentVersion(ref.kind(), ref.id());
      if (write.expectedVersion() != current || component.version() != current + 1) {
        return new CommitResult.Conflict(ref);
      }
      latest.put(ref, component.version());
      components.add(component);
    }
    return null;
  }

  private @Nullable CommitResult checkMemberRecords(MemoryTables stored,
      List<io.loyalty.spi.store.MemberWrite> writes) {
    if (writes.isEmpty()) {
      return null;
    }
    memberRecords = new ArrayList<>();
    Map<Aggregate.MemberRef, Long> latest = new HashMap<>();
    for (io.loyalty.spi.store.MemberWrite write : writes) {
      io.loyalty.spi.card.Member member = write.member();
      Aggregate.MemberRef ref = new Aggregate.MemberRef(member.program(), member.customer());
      Long pending = latest.get(ref);
      long current = pending != null ? pending
          : stored.memberRecord(member.program(), member.customer()).map(io.loyalty.spi.card.Member::version).orElse(0L);
      if (write.expectedVersion() != current || member.version() != current + 1) {
        return new CommitResult.Conflict(ref);
      }
      latest.put(ref, member.version());
      memberRecords.add(member);
    }
    return null;
  }

  private @Nullable CommitResult checkCards(MemoryTables stored, List<CardWrite> writes) {
    // Memberships as this change set leaves them; a null value is a membership it releases.
    Map<MemberKey, @Nullable CardCode> members = null;
    for (int w = 0; w < writes.size(); w++) {
      CardWrite write = writes.get(w);
      Card card = write.card();
      CardCode code = card.code();
      CardChange change = change(code);
      CardSlot slot = change == null ? stored.slot(code) : null;
      Card current = change != null ? change.card : slot != null ? slot.card() : null;
      if (current == null) {
        if (write.expectedVersion() != 0 || card.version() != 1) {
          return new CommitResult.Conflict(new Aggregate.CardRef(code));
        }
      } else {
        if (write.expectedVersion() == 0) {
          return new CommitResult.Duplicate(new UniqueKey.CodeKey(code));
        }
        if (write.expectedVersion() != current.version() || card.version() != current.version() + 1) {
          return new CommitResult.Conflict(new Aggregate.CardRef(code));
        }
        if (!card.program().equals(current.program()) || !card.wallet().equals(current.wallet())) {
          throw new IllegalArgumentException("card " + code + " cannot move from program " + current.program()
              + " (wallet " + current.wallet() + ") to program " + card.program() + " (wallet " + card.wallet() + ")");
        }
      }
      CustomerId holder = card.holder();
      CustomerId previous = current == null ? null : current.holder();
      if (holder != null && !holder.equals(previous)) {
        MemberKey key = MemberKey.of(card, holder);
        if (members == null) {
          members = new HashMap<>();
        }
        CardCode owner = members.containsKey(key) ? members.get(key) : stored.memberOwner(key);
        if (owner != null && !owner.equals(code)) {
          return new CommitResult.Duplicate(UniqueKey.MemberKey.of(card, holder));
        }
        members.put(key, code);
      }
      if (previous != null && !previous.equals(holder)) {
        if (members == null) {
          members = new HashMap<>();
        }
        members.put(MemberKey.of(card, previous), null);
      }
      if (change == null) {
        addChange(new CardChange(slot, card));
      } else {
        change.card = card;
      }
    }
    return null;
  }

  private @Nullable CommitResult checkRewards(MemoryTables stored, List<RewardWrite> writes) {
    if (!writes.isEmpty()) {
      rewards = new LinkedHashMap<>();
    }
    for (RewardWrite write : writes) {
      Reward reward = write.reward();
      Reward pending = rewards.get(reward.id());
      long current = pending != null ? pending.version() : stored.rewardVersion(reward.id());
      if (write.expectedVersion() != current || reward.version() != current + 1) {
        return new CommitResult.Conflict(new Aggregate.RewardRef(reward.id()));
      }
      rewards.put(reward.id(), reward);
    }
    return null;
  }

  private @Nullable CommitResult checkRedemptions(MemoryTables stored, List<RedemptionWrite> writes) {
    if (!writes.isEmpty()) {
      redemptions = new LinkedHashMap<>();
    }
    for (RedemptionWrite write : writes) {
      Redemption redemption = write.redemption();
      Redemption pending = redemptions.get(redemption.id());
      long current = pending != null ? pending.version() : stored.redemptionVersion(redemption.id());
      if (write.expectedVersion() == 0 && current != 0) {
        return new CommitResult.Duplicate(new UniqueKey.RedemptionKey(redemption.id()));
      }
      if (write.expectedVersion() != current || redemption.version() != current + 1) {
        return new CommitResult.Conflict(new Aggregate.RedemptionRef(redemption.id()));
      }
      redemptions.put(redemption.id(), redemption);
    }
    return null;
  }

  private @Nullable CommitResult checkEntries(MemoryTables stored, List<LedgerEntry> entries, boolean[] localKeys) {
    SeenKeys seen = new SeenKeys(entries.size());
    for (int i = 0; i < entries.size(); i++) {
      LedgerEntry entry = entries.get(i);
      if (entry.seq() < 1) {
        throw new IllegalArgumentException(
            "ledger entry " + entry.key() + " of card " + entry.card() + " has seq " + entry.seq() + ", expected 1 or more");
      }
      CardChange change = change(entry.card());
      // The card's stored state, for a key local to it: the change already holds it, no second lookup.
      CardSlot slot = change != null ? change.base : stored.slot(entry.card());
      if (!seen.add(entry.key()) || stored.hasEntryKey(entry.key(), entry.card(), localKeys[i], slot)) {
        return new CommitResult.Duplicate(new UniqueKey.EntryKey(entry.key()));
      }
      if (change == null) {
        if (slot == null) {
          throw new IllegalArgumentException("ledger entry " + entry.key() + " is for card " + entry.card()
              + ", which is neither stored nor written in the same change set");
        }
        change = new CardChange(slot, slot.card());
        addChange(change);
      }
      change.append(entry, localKeys[i], Math.min(entries.size() - i, 16));
    }
    for (int i = 0; i < cards.size(); i++) {
      CommitResult taken = checkSeqs(cards.get(i));
      if (taken != null) {
        return taken;
      }
    }
    return null;
  }

  /** The keys of one change set so far: a scan over their hashes for a few, a hash set for many. */
  private static final class SeenKeys {
    private final LedgerKey[] keys;
    private final int[] hashes;
    private final @Nullable Set<LedgerKey> many;
    private int size;

    SeenKeys(int expected) {
      boolean small = expected <= 32;
      keys = small ? new LedgerKey[expected] : new LedgerKey[0];
      hashes = small ? new int[expected] : new int[0];
      many = small ? null : new HashSet<>();
    }

    /** Adds the key; {@code false} when it was already there. */
    boolean add(LedgerKey key) {
      if (many != null) {
        return many.add(key);
      }
      int h = key.hashCode();
      for (int i = 0; i < size; i++) {
        if (hashes[i] == h && keys[i].equals(key)) {
          return false;
        }
      }
      keys[size] = key;
      hashes[size++] = h;
      return true;
    }
  }

  private static boolean sortedBySeq(List<LedgerEntry> entries) {
    for (int i = 1; i < entries.size(); i++) {
      if (entries.get(i - 1).seq() > entries.get(i).seq()) {
        return false;
      }
    }
    return true;
  }

  /** The (card, seq) pairs must be new, and the ledger is append-only: each seq above the stored last. */
  private static @Nullable CommitResult checkSeqs(CardChange change) {
    if (change.appended.isEmpty()) {
      return null;
    }
    if (!sortedBySeq(change.appended)) {
      change.appended.sort(BY_SEQ);
      CardCode code = change.card.code();
      for (int i = 0; i < change.appended.size(); i++) {
        change.local[i] = CardSlot.isLocal(change.appended.get(i).key(), code);
      }
    }
    CardSlot base = change.base;
    long storedLast = base == null ? 0 : base.lastSeq();
    long last = storedLast;
    for (LedgerEntry entry : change.appended) {
      long seq = entry.seq();
      if (seq <= last) {
        if (seq == last || base != null && base.containsSeq(seq)) {
          return new CommitResult.Duplicate(new UniqueKey.SeqKey(entry.card(), seq));
        }
        throw new IllegalArgumentException("the ledger of card " + entry.card() + " is append-only: entry "
            + entry.key() + " has seq " + seq + " but the card's ledger already reaches seq " + storedLast);
      }
      last = seq;
    }
    return null;
  }
}
