package io.loyalty.core.internal.memory;

import io.loyalty.spi.CardCode;
import io.loyalty.spi.CustomerId;
import io.loyalty.spi.ProgramId;
import io.loyalty.spi.card.Card;
import io.loyalty.spi.card.LedgerEntry;
import io.loyalty.spi.program.Program;
import io.loyalty.spi.store.CardWrite;
import io.loyalty.spi.store.ChangeSet;
import io.loyalty.spi.store.CommitResult;
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
    final List<LedgerEntry> appended = new ArrayList<>(1);

    CardChange(@Nullable CardSlot base, Card card) {
      this.base = base;
      this.card = card;
    }
  }

  final List<Program> programs = new ArrayList<>();
  final Map<CardCode, CardChange> cards = new LinkedHashMap<>();
  @Nullable EventReceipt receipt;
  final Map<RewardId, Reward> rewards = new LinkedHashMap<>();
  final Map<RedemptionId, Redemption> redemptions = new LinkedHashMap<>();
  @Nullable CommitResult rejection;

  private CommitPlan() {}

  /** Checks the change set; the plan's {@code rejection} is set when nothing may be written. */
  static CommitPlan check(MemoryTables stored, ChangeSet changes) {
    CommitPlan plan = new CommitPlan();
    plan.rejection = plan.checkReceipt(stored, changes.receipt());
    if (plan.rejection == null) {
      plan.rejection = plan.checkPrograms(stored, changes.programs());
    }
    if (plan.rejection == null) {
      plan.rejection = plan.checkCards(stored, changes.cards());
    }
    if (plan.rejection == null) {
      plan.rejection = plan.checkEntries(stored, changes.entries());
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
      return new CommitResult.Duplicate("event:" + receipt.event().id());
    }
    this.receipt = receipt;
    return null;
  }

  private @Nullable CommitResult checkPrograms(MemoryTables stored, List<ProgramWrite> writes) {
    Map<ProgramId, Long> latest = new HashMap<>();
    for (ProgramWrite write : writes) {
      Program program = write.program();
      ProgramId id = program.id();
      Long pending = latest.get(id);
      long current = pending != null ? pending : stored.latestProgramVersion(id);
      if (write.expectedVersion() != current || program.version() != current + 1) {
        return new CommitResult.Conflict("program:" + id);
      }
      latest.put(id, program.version());
      programs.add(program);
    }
    return null;
  }

  private @Nullable CommitResult checkCards(MemoryTables stored, List<CardWrite> writes) {
    // Memberships as this change set leaves them; a null value is a membership it releases.
    Map<MemberKey, @Nullable CardCode> members = new HashMap<>();
    for (CardWrite write : writes) {
      Card card = write.card();
      CardCode code = card.code();
      CardChange change = cards.get(code);
      CardSlot slot = change == null ? stored.slot(code) : null;
      Card current = change != null ? change.card : slot != null ? slot.card() : null;
      if (current == null) {
        if (write.expectedVersion() != 0 || card.version() != 1) {
          return new CommitResult.Conflict("card:" + code);
        }
      } else {
        if (write.expectedVersion() == 0) {
          return new CommitResult.Duplicate("code:" + code);
        }
        if (write.expectedVersion() != current.version() || card.version() != current.version() + 1) {
          return new CommitResult.Conflict("card:" + code);
        }
        if (!card.program().equals(current.program())) {
          throw new IllegalArgumentException("card " + code + " cannot move from program " + current.program()
              + " to program " + card.program());
        }
      }
      CustomerId holder = card.holder();
      CustomerId previous = current == null ? null : current.holder();
      if (holder != null && !holder.equals(previous)) {
        MemberKey key = new MemberKey(card.program(), holder);
        CardCode owner = members.containsKey(key) ? members.get(key) : stored.memberOwner(key);
        if (owner != null && !owner.equals(code)) {
          return new CommitResult.Duplicate(key.describe());
        }
        members.put(key, code);
      }
      if (previous != null && !previous.equals(holder)) {
        members.put(new MemberKey(card.program(), previous), null);
      }
      if (change == null) {
        cards.put(code, new CardChange(slot, card));
      } else {
        change.card = card;
      }
    }
    return null;
  }

  private @Nullable CommitResult checkRewards(MemoryTables stored, List<RewardWrite> writes) {
    for (RewardWrite write : writes) {
      Reward reward = write.reward();
      Reward pending = rewards.get(reward.id());
      long current = pending != null ? pending.version() : stored.rewardVersion(reward.id());
      if (write.expectedVersion() != current || reward.version() != current + 1) {
        return new CommitResult.Conflict("reward:" + reward.id());
      }
      rewards.put(reward.id(), reward);
    }
    return null;
  }

  private @Nullable CommitResult checkRedemptions(MemoryTables stored, List<RedemptionWrite> writes) {
    for (RedemptionWrite write : writes) {
      Redemption redemption = write.redemption();
      Redemption pending = redemptions.get(redemption.id());
      long current = pending != null ? pending.version() : stored.redemptionVersion(redemption.id());
      if (write.expectedVersion() == 0 && current != 0) {
        return new CommitResult.Duplicate("redemption:" + redemption.id());
      }
      if (write.expectedVersion() != current || redemption.version() != current + 1) {
        return new CommitResult.Conflict("redemption:" + redemption.id());
      }
      redemptions.put(redemption.id(), redemption);
    }
    return null;
  }

  private @Nullable CommitResult checkEntries(MemoryTables stored, List<LedgerEntry> entries) {
    Set<String> keys = new HashSet<>();
    for (LedgerEntry entry : entries) {
      if (entry.seq() < 1) {
        throw new IllegalArgumentException(
            "ledger entry " + entry.key() + " of card " + entry.card() + " has seq " + entry.seq() + ", expected 1 or more");
      }
      if (!keys.add(entry.key()) || stored.hasEntryKey(entry.key())) {
        return new CommitResult.Duplicate("entry:" + entry.key());
      }
      CardChange change = cards.get(entry.card());
      if (change == null) {
        CardSlot slot = stored.slot(entry.card());
        if (slot == null) {
          throw new IllegalArgumentException("ledger entry " + entry.key() + " is for card " + entry.card()
              + ", which is neither stored nor written in the same change set");
        }
        change = new CardChange(slot, slot.card());
        cards.put(entry.card(), change);
      }
      change.appended.add(entry);
    }
    for (CardChange change : cards.values()) {
      CommitResult taken = checkSeqs(change);
      if (taken != null) {
        return taken;
      }
    }
    return null;
  }

  /** The (card, seq) pairs must be new, and the ledger is append-only: each seq above the stored last. */
  private static @Nullable CommitResult checkSeqs(CardChange change) {
    if (change.appended.isEmpty()) {
      return null;
    }
    change.appended.sort(BY_SEQ);
    CardSlot base = change.base;
    long storedLast = base == null ? 0 : base.lastSeq();
    long last = storedLast;
    for (LedgerEntry entry : change.appended) {
      long seq = entry.seq();
      if (seq <= last) {
        if (seq == last || base != null && base.containsSeq(seq)) {
          return new CommitResult.Duplicate("entry:" + entry.card() + "#" + seq);
        }
        throw new IllegalArgumentException("the ledger of card " + entry.card() + " is append-only: entry "
            + entry.key() + " has seq " + seq + " but the card's ledger already reaches seq " + storedLast);
      }
      last = seq;
    }
    return null;
  }
}
