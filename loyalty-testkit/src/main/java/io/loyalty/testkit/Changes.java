package io.loyalty.testkit;

import io.loyalty.spi.card.Card;
import io.loyalty.spi.card.LedgerEntry;
import io.loyalty.spi.program.Program;
import io.loyalty.spi.reward.Redemption;
import io.loyalty.spi.reward.Reward;
import io.loyalty.spi.store.CardWrite;
import io.loyalty.spi.store.ChangeSet;
import io.loyalty.spi.store.CommitResult;
import io.loyalty.spi.store.EventReceipt;
import io.loyalty.spi.store.OutboxEvent;
import io.loyalty.spi.store.LoyaltyStore;
import io.loyalty.spi.store.ProgramWrite;
import io.loyalty.spi.store.RedemptionWrite;
import io.loyalty.spi.store.RewardWrite;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** Builds a {@link ChangeSet} write by write, in the order the contracts need; not thread-safe. */
final class Changes {
  private final List<ProgramWrite> programs = new ArrayList<>();
  private final List<CardWrite> cards = new ArrayList<>();
  private final List<LedgerEntry> entries = new ArrayList<>();
  private @Nullable EventReceipt receipt;
  private final List<RewardWrite> rewards = new ArrayList<>();
  private final List<RedemptionWrite> redemptions = new ArrayList<>();
  private final List<OutboxEvent> events = new ArrayList<>();

  static Changes changes() {
    return new Changes();
  }

  Changes program(Program program, long expectedVersion) {
    programs.add(new ProgramWrite(program, expectedVersion));
    return this;
  }

  Changes program(Program program) {
    return program(program, program.version() - 1);
  }

  /** Inserts a new card (expected version 0). */
  Changes insert(Card card) {
    return write(card, 0);
  }

  /** Writes the card expecting the version just before its own. */
  Changes write(Card card) {
    return write(card, card.version() - 1);
  }

  Changes write(Card card, long expectedVersion) {
    cards.add(new CardWrite(card, expectedVersion));
    return this;
  }

  Changes entry(LedgerEntry entry) {
    entries.add(entry);
    return this;
  }

  Changes receipt(String event) {
    receipt = StoreValues.receipt(event);
    return this;
  }

  Changes reward(Reward reward, long expectedVersion) {
    rewards.add(new RewardWrite(reward, expectedVersion));
    return this;
  }

  Changes reward(Reward reward) {
    return reward(reward, reward.version() - 1);
  }

  Changes redemption(Redemption redemption, long expectedVersion) {
    redemptions.add(new RedemptionWrite(redemption, expectedVersion));
    return this;
  }

  Changes redemption(Redemption redemption) {
    return redemption(redemption, redemption.version() - 1);
  }

  Changes event(OutboxEvent event) {
    events.add(event);
    return this;
  }

  ChangeSet build() {
    return new ChangeSet(programs, cards, entries, receipt, rewards, redemptions, events);
  }

  /** Commits and requires the answer {@link CommitResult#APPLIED}. */
  void applyTo(LoyaltyStore store) {
    CommitResult result = store.commit(build());
    if (!result.applied()) {
      throw new AssertionError("expected the change set to apply, but the store answered " + result);
    }
  }
}
