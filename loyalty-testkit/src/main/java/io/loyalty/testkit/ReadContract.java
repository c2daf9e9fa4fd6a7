package io.loyalty.testkit;

import io.loyalty.spi.card.LedgerKey;
import io.loyalty.spi.WalletId;
import static io.loyalty.testkit.Changes.changes;
import static io.loyalty.testkit.StoreValues.advanced;
import static io.loyalty.testkit.StoreValues.code;
import static io.loyalty.testkit.StoreValues.cust;
import static io.loyalty.testkit.StoreValues.entry;
import static io.loyalty.testkit.StoreValues.generated;
import static io.loyalty.testkit.StoreValues.pid;
import static io.loyalty.testkit.StoreValues.program;
import static io.loyalty.testkit.StoreValues.publish;
import static io.loyalty.testkit.StoreValues.range;
import static io.loyalty.testkit.StoreValues.redemption;
import static io.loyalty.testkit.StoreValues.reward;
import static io.loyalty.testkit.StoreValues.rolledBack;
import static org.assertj.core.api.Assertions.assertThat;

import io.loyalty.spi.EventId;
import io.loyalty.spi.OrderId;
import io.loyalty.spi.RedemptionId;
import io.loyalty.spi.RewardId;
import io.loyalty.spi.card.Card;
import io.loyalty.spi.card.LedgerEntry;
import io.loyalty.spi.reward.Redemption;
import io.loyalty.spi.reward.Reward;
import io.loyalty.spi.store.EventReads;
import io.loyalty.spi.store.LoyaltyStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Reads: what each query returns, in which order, and how it pages; unknown ids read as empty, never as errors. */
@DisplayName("reads: paging and ordering of every query")
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
public abstract class ReadContract extends StoreContract {
  /** The store of the current test, created by {@link #newStore()} before each test. */
  protected LoyaltyStore store;

  @BeforeEach
  void createStore() {
    store = newStore();
  }

  @Nested
  @DisplayName("the ledger")
  class Ledger {
    @Test
    void entries_are_paged_after_a_seq_in_seq_order() {
      Card d = generated("D", "P1");
      changes().insert(d).applyTo(store);
      for (int seq = 1; seq <= 25; seq++) {
        changes().write(advanced(store.card(code("D")).orElseThrow(), seq)).entry(entry("D", seq, "d" + seq, null))
            .applyTo(store);
      }
      assertThat(store.ledger(code("D"), 0, 100)).extracting(LedgerEntry::seq).containsExactlyElementsOf(range(1, 25));
      assertThat(store.ledger(code("D"), 10, 5)).extracting(LedgerEntry::seq).containsExactly(11L, 12L, 13L, 14L, 15L);
      assertThat(store.ledger(code("D"), 23, Integer.MAX_VALUE)).extracting(LedgerEntry::seq).containsExactly(24L, 25L);
      assertThat(store.ledger(code("D"), 25, 10)).isEmpty();
      assertThat(store.ledger(code("D"), 0, 0)).isEmpty();
      assertThat(store.ledger(code("nope"), 0, 10)).isEmpty();
    }

    @Test
    void entries_given_out_of_seq_order_are_read_in_seq_order() {
      changes().insert(generated("D", "P1", 3)).entry(entry("D", 3, "d3", null)).entry(entry("D", 1, "d1", null))
          .entry(entry("D", 2, "d2", null)).applyTo(store);
      assertThat(store.ledger(code("D"), 0, 10)).extracting(e -> e.key().text()).containsExactly("d1", "d2", "d3");
    }

    @Test
    void entries_for_an_order_are_the_cards_entries_of_that_order_in_seq_order() {
      Card a = PortWorld.seed(store);
      changes().insert(generated("D", "P1", 1)).write(advanced(a, 5)).entry(entry("A", 3, "k3", "ord2"))
          .entry(entry("A", 4, "k4", "ord1")).entry(entry("A", 5, "k5", null)).entry(entry("D", 1, "d1", "ord1"))
          .applyTo(store);
      assertThat(store.entriesForOrder(code("A"), OrderId.of("ord1"))).extracting(e -> e.key().text()).containsExactly("k1", "k4");
      assertThat(store.entriesForOrder(code("D"), OrderId.of("ord1"))).containsExactly(entry("D", 1, "d1", "ord1"));
      assertThat(store.entriesForOrder(code("A"), OrderId.of("ord9"))).isEmpty();
      assertThat(store.entriesForOrder(code("Z"), OrderId.of("ord1"))).isEmpty();
    }

    @Test
    void an_entry_is_found_by_its_key_in_any_card() {
      PortWorld.seed(store);
      changes().insert(generated("D", "P1", 1)).entry(entry("D", 1, "d1", null)).applyTo(store);
      assertThat(store.entry(LedgerKey.parse("k2"))).contains(entry("A", 2, "k2", null));
      assertThat(store.entry(LedgerKey.parse("d1"))).contains(entry("D", 1, "d1", null));
      assertThat(store.entry(LedgerKey.parse("nope"))).isEmpty();
    }

    @Test
    void an_event_that_was_not_applied_has_no_receipt() {
      PortWorld.seed(store);
      assertThat(store.receipt(EventId.of("evt9"))).isEmpty();
    }
  }

  @Nested
  @DisplayName("the event's first reads")
  class FirstReads {
    /** Seeds the port world, and cards D (P2, entries d1 of ord1 and d2 of ord2) of cust1 and E (ord1) of cust2. */
    private void seed() {
      PortWorld.seed(store);
      changes().program(program("P2", 1), 0).insert(generated("D", "P2")).insert(generated("E", "P2")).applyTo(store);
      changes().write(publish(generated("D", "P2", 2), "cust1")).entry(entry("D", 1, "d1", "ord1"))
          .entry(entry("D", 2, "d2", "ord2")).write(publish(generated("E", "P2", 1), "cust2"))
          .entry(entry("E", 1, "e1", "ord1")).applyTo(store);
    }

    @Test
    void an_event_not_applied_reads_the_catalog_version_the_customers_cards_and_their_entries_for_the_order() {
      seed();
      EventReads reads = store.eventReads(EventId.of("evt9"), cust("cust1"), OrderId.of("ord1"));
      assertThat(reads.receipt()).isNull();
      assertThat(reads.catalogVersion()).isEqualTo(store.catalogVersion());
      assertThat(reads.cards()).isEqualTo(store.cardsOf(cust("cust1"))).extracting(Card::code)
          .containsExactly(code("A"), code("D"));
      assertThat(reads.entriesOf(code("A"))).isEqualTo(store.entriesForOrder(code("A"), OrderId.of("ord1")))
          .extracting(e -> e.key().text()).containsExactly("k1");
      assertThat(reads.entriesOf(code("D"))).containsExactly(entry("D", 1, "d1", "ord1"));
      assertThat(reads.orderEntries()).as("another customer's entries of the order are not read")
          .extracting(e -> e.key().text()).containsExactlyInAnyOrder("k1", "d1");
    }

    @Test
    void an_event_of_no_order_reads_the_cards_and_no_entries() {
      seed();
      EventReads reads = store.eventReads(EventId.of("evt9"), cust("cust1"), null);
      assertThat(reads.cards()).isEqualTo(store.cardsOf(cust("cust1")));
      assertThat(reads.orderEntries()).isEmpty();
    }

    @Test
    void an_applied_event_reads_its_receipt() {
      seed();
      EventReads reads = store.eventReads(EventId.of("evt1"), cust("cust1"), OrderId.of("ord1"));
      assertThat(reads.receipt()).isNotNull().isEqualTo(store.receipt(EventId.of("evt1")).orElseThrow());
    }

    @Test
    void a_customer_with_no_cards_reads_none() {
      seed();
      EventReads reads = store.eventReads(EventId.of("evt9"), cust("cust9"), OrderId.of("ord1"));
      assertThat(reads.receipt()).isNull();
      assertThat(reads.cards()).isEmpty();
      assertThat(reads.orderEntries()).isEmpty();
      assertThat(reads.catalogVersion()).isEqualTo(store.catalogVersion());
    }
  }

  @Nested
  @DisplayName("cards and the unpublished pool")
  class Cards {
    @Test
    void the_cards_of_a_program_are_paged_in_code_order_after_a_code() {
      changes().insert(generated("C3", "P1")).insert(generated("C1", "P1")).insert(generated("C2", "P1"))
          .insert(generated("C10", "P1")).insert(generated("X1", "P2")).applyTo(store);
      changes().write(publish(generated("C2", "P1"), "cust1")).applyTo(store);
      assertThat(store.cards(pid("P1"), "", 2)).extracting(Card::code).containsExactly(code("C1"), code("C10"));
      assertThat(store.cards(pid("P1"), "C10", 10)).extracting(Card::code).containsExactly(code("C2"), code("C3"));
      assertThat(store.cards(pid("P1"), "C25", 10)).extracting(Card::code).containsExactly(code("C3"));
      assertThat(store.cards(pid("P1"), "C3", 10)).isEmpty();
      assertThat(store.cards(pid("P1"), "", 0)).isEmpty();
      assertThat(store.cards(pid("P9"), "", 10)).isEmpty();
      assertThat(store.cardCount(pid("P1"))).isEqualTo(4);
      assertThat(store.cardCount(pid("P9"))).isZero();
    }

    @Test
    void the_unpublished_pool_is_read_in_code_order_from_a_starting_code_wrapping_around() {
      changes().insert(generated("C3", "P1")).insert(generated("C1", "P1")).insert(generated("C2", "P1"))
          .insert(generated("C4", "P1")).insert(generated("X1", "P2")).applyTo(store);
      changes().write(publish(generated("C4", "P1"), "cust1")).applyTo(store);
      assertThat(store.unpublishedCards(pid("P1"), "", 2)).extracting(Card::code).containsExactly(code("C1"), code("C2"));
      assertThat(store.unpublishedCards(pid("P1"), "", 0)).isEmpty();
      assertThat(store.unpublishedCards(pid("P1"), "C2", 5)).extracting(Card::code)
          .containsExactly(code("C2"), code("C3"), code("C1"));
      assertThat(store.unpublishedCards(pid("P1"), "C25", 2)).extracting(Card::code).containsExactly(code("C3"), code("C1"));
      assertThat(store.unpublishedCards(pid("P1"), "Z", 5)).extracting(Card::code)
          .containsExactly(code("C1"), code("C2"), code("C3"));
      assertThat(store.unpublishedCards(pid("P9"), "", 5)).isEmpty();
    }

    @Test
    void a_used_up_pool_reads_as_empty() {
      changes().insert(generated("C1", "P1")).applyTo(store);
      changes().write(publish(generated("C1", "P1"), "cust1")).applyTo(store);
      assertThat(store.unpublishedCards(pid("P1"), "", 5)).isEmpty();
      assertThat(store.unpublishedCards(pid("P1"), "C1", 5)).isEmpty();
    }

    @Test
    void a_member_is_found_by_program_and_customer() {
      Card a = PortWorld.seed(store);
      assertThat(store.cardOf(pid("P1"), cust("cust1"), WalletId.MAIN)).contains(a);
      assertThat(store.cardOf(pid("P1"), cust("cust2"), WalletId.MAIN)).isEmpty();
      assertThat(store.cardOf(pid("P2"), cust("cust1"), WalletId.MAIN)).isEmpty();
      assertThat(store.card(code("Z"))).isEmpty();
    }

    @Test
    void a_customers_cards_across_programs_are_read_by_holder_in_program_id_order() {
      changes().insert(generated("C1", "P2")).insert(generated("C2", "P10")).insert(generated("C3", "P1"))
          .insert(generated("C4", "P1")).insert(generated("C5", "P3")).applyTo(store);
      changes().write(publish(generated("C1", "P2"), "cust1")).write(publish(generated("C2", "P10"), "cust1"))
          .write(publish(generated("C4", "P1"), "cust1")).write(publish(generated("C5", "P3"), "cust2")).applyTo(store);
      assertThat(store.cardsOf(cust("cust1"))).extracting(Card::code).containsExactly(code("C4"), code("C2"), code("C1"));
      assertThat(store.cardsOf(cust("cust1"))).first().isEqualTo(store.card(code("C4")).orElseThrow());
      assertThat(store.cardsOf(cust("cust2"))).extracting(Card::code).containsExactly(code("C5"));
      assertThat(store.cardsOf(cust("cust9"))).isEmpty();
    }
  }

  @Nested
  @DisplayName("programs")
  class Programs {
    @Test
    void programs_lists_the_latest_version_of_each_in_id_order() {
      changes().program(program("P2", 1), 0).program(program("P10", 1), 0).applyTo(store);
      changes().program(program("P1", 1), 0).program(program("P2", 2), 1).applyTo(store);
      assertThat(store.programs()).containsExactly(program("P1", 1), program("P10", 1), program("P2", 2));
    }

    @Test
    void the_catalog_version_grows_with_every_program_write_and_with_nothing_else() {
      long empty = store.catalogVersion();
      changes().program(program("P1", 1), 0).applyTo(store);
      long one = store.catalogVersion();
      changes().program(program("P2", 1), 0).program(program("P1", 2), 1).applyTo(store);
      long three = store.catalogVersion();
      changes().insert(generated("C1", "P1")).applyTo(store);
      changes().write(publish(generated("C1", "P1"), "cust1")).applyTo(store);
      store.commit(changes().program(program("P2", 3), 1).build());
      assertThat(one).isGreaterThan(empty);
      assertThat(three).isGreaterThan(one);
      assertThat(store.catalogVersion()).as("cards and a refused program write leave it").isEqualTo(three);
    }

    @Test
    void every_stored_version_stays_readable_and_the_latest_is_returned() {
      changes().program(program("P1", 1), 0).applyTo(store);
      changes().program(program("P1", 2), 1).applyTo(store);
      changes().program(program("P1", 3), 2).applyTo(store);
      assertThat(store.program(pid("P1"))).contains(program("P1", 3));
      assertThat(store.program(pid("P1"), 1)).contains(program("P1", 1));
      assertThat(store.program(pid("P1"), 2)).contains(program("P1", 2));
      assertThat(store.program(pid("P1"), 4)).isEmpty();
      assertThat(store.program(pid("P1"), 0)).isEmpty();
      assertThat(store.program(pid("P9"))).isEmpty();
      assertThat(store.program(pid("P9"), 1)).isEmpty();
    }
  }

  @Nested
  @DisplayName("rewards and redemptions")
  class Rewards {
    @Test
    void rewards_are_listed_in_id_order() {
      changes().reward(reward("rew2", 1, null, 0), 0).reward(reward("rew10", 1, 3L, 0), 0).reward(reward("rew1", 1, 1L, 0), 0)
          .applyTo(store);
      assertThat(store.rewards()).extracting(Reward::id).extracting(RewardId::value).containsExactly("rew1", "rew10", "rew2");
      assertThat(store.reward(RewardId.of("rew9"))).isEmpty();
    }

    @Test
    void a_cards_redemptions_are_read_oldest_first_whatever_the_insertion_order() {
      PortWorld.seed(store);
      changes().redemption(redemption("r3", 1, "A", 0), 0).redemption(redemption("r2", 1, "A", 30), 0)
          .redemption(redemption("r0", 1, "A", 30), 0).redemption(redemption("rB", 1, "B", 2), 0).applyTo(store);
      Redemption undone = rolledBack(redemption("r1", 1, "A", 1));
      changes().redemption(undone).applyTo(store);
      assertThat(store.redemptions(code("A"))).extracting(r -> r.id().value()).containsExactly("r3", "r1", "r0", "r2");
      assertThat(store.redemptions(code("A")).get(1)).isEqualTo(undone);
      assertThat(store.redemptions(code("B"))).extracting(r -> r.id().value()).containsExactly("rB");
      assertThat(store.redemptions(code("Z"))).isEmpty();
      assertThat(store.redemption(RedemptionId.of("r9"))).isEmpty();
    }
  }
}
