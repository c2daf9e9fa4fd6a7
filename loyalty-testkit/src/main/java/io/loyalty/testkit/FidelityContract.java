package io.loyalty.testkit;

import io.loyalty.spi.WalletId;
import static io.loyalty.testkit.Changes.changes;
import static org.assertj.core.api.Assertions.assertThat;

import io.loyalty.spi.CustomerId;
import io.loyalty.spi.card.Card;
import io.loyalty.spi.card.LedgerEntry;
import io.loyalty.spi.program.Program;
import io.loyalty.spi.reward.Redemption;
import io.loyalty.spi.reward.Reward;
import io.loyalty.spi.store.ChangeSet;
import io.loyalty.spi.store.EventReceipt;
import io.loyalty.spi.store.LoyaltyStore;
import io.loyalty.spi.store.ProgramWrite;
import io.loyalty.spi.store.RedemptionWrite;
import io.loyalty.spi.store.RewardWrite;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

/**
 * Fidelity: every record a store keeps reads back {@code equals} to what was written, with every variant of every
 * sealed hierarchy, nullable fields set and unset, decimals of any scale (negative too), nanosecond instants, time
 * zones, ISO durations and non-ASCII text.
 */
@DisplayName("fidelity: what is written reads back equal")
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
public abstract class FidelityContract extends StoreContract {
  /** The store of the current test, created by {@link #newStore()} before each test. */
  protected LoyaltyStore store;

  @BeforeEach
  void createStore() {
    store = newStore();
  }

  @Test
  void a_program_using_every_rule_trigger_formula_condition_and_window_reads_back_equal() {
    Program program = RichValues.program();
    store.commit(new ChangeSet(List.of(new ProgramWrite(program, 0)), List.of(), List.of(), null));
    Program second = program.toBuilder().active(true).build().withVersion(2);
    changes().program(second).applyTo(store);
    assertThat(store.program(RichValues.PROGRAM, 1)).contains(program);
    assertThat(store.program(RichValues.PROGRAM)).contains(second);
    assertThat(store.programs()).containsExactly(second);
  }

  @Test
  void a_published_card_with_lots_in_every_state_and_a_debt_reads_back_equal_by_every_query() {
    Card card = RichValues.card();
    changes().insert(card).applyTo(store);
    assertThat(store.card(card.code())).contains(card);
    assertThat(store.cardOf(card.program(), CustomerId.of("cust_ü"), card.wallet())).contains(card);
    assertThat(store.cards(card.program(), "", 10)).containsExactly(card);
    Card unpublished = Card.generated(io.loyalty.spi.CardCode.of("RICH-0000-☕"), card.program(), StoreValues.T0.plusNanos(7));
    changes().insert(unpublished).applyTo(store);
    assertThat(store.unpublishedCards(card.program(), "", 10)).containsExactly(unpublished);
  }

  @Test
  void ledger_entries_of_every_type_read_back_equal_by_every_query() {
    Card card = RichValues.card();
    Changes changes = changes().insert(card);
    List<LedgerEntry> entries = RichValues.entries();
    entries.forEach(changes::entry);
    changes.applyTo(store);
    assertThat(store.ledger(card.code(), 0, 100)).containsExactlyElementsOf(entries);
    for (LedgerEntry entry : entries) {
      assertThat(store.entry(entry.key())).contains(entry);
      if (entry.order() != null) {
        assertThat(store.entriesForOrder(card.code(), entry.order())).contains(entry);
      }
    }
  }

  @Test
  void receipts_of_every_event_kind_with_full_outcomes_read_back_equal() {
    for (EventReceipt receipt : RichValues.receipts()) {
      store.commit(new ChangeSet(List.of(), List.of(), List.of(), receipt));
      assertThat(store.receipt(receipt.event().id())).contains(receipt);
    }
  }

  @Test
  void rewards_of_every_kind_and_redemptions_in_every_status_read_back_equal() {
    List<Reward> rewards = RichValues.rewards();
    List<Redemption> redemptions = RichValues.redemptions();
    store.commit(new ChangeSet(List.of(), List.of(), List.of(), null,
        rewards.stream().map(r -> new RewardWrite(r, 0)).toList(),
        redemptions.stream().map(r -> new RedemptionWrite(r, 0)).toList()));
    assertThat(store.rewards()).containsExactlyElementsOf(
        rewards.stream().sorted(java.util.Comparator.comparing(Reward::id)).toList());
    for (Reward reward : rewards) {
      assertThat(store.reward(reward.id())).contains(reward);
    }
    Redemption undone = RichValues.undone(redemptions.get(0));
    changes().redemption(undone).applyTo(store);
    assertThat(store.redemption(undone.id())).contains(undone);
    assertThat(store.redemptions(RichValues.CARD)).containsExactly(undone, redemptions.get(1), redemptions.get(2));
    assertThat(store.redemption(redemptions.get(1).id())).contains(redemptions.get(1));
  }
}
