package io.loyalty.testkit;

import io.loyalty.spi.WalletId;
import static io.loyalty.testkit.Changes.changes;
import static io.loyalty.testkit.PortWorld.assertRejectedAndUnchanged;
import static io.loyalty.testkit.StoreValues.advanced;
import static io.loyalty.testkit.StoreValues.code;
import static io.loyalty.testkit.StoreValues.cust;
import static io.loyalty.testkit.StoreValues.entry;
import static io.loyalty.testkit.StoreValues.generated;
import static io.loyalty.testkit.StoreValues.next;
import static io.loyalty.testkit.StoreValues.pid;
import static io.loyalty.testkit.StoreValues.publish;
import static io.loyalty.testkit.StoreValues.receipt;
import static io.loyalty.testkit.StoreValues.redemption;
import static org.assertj.core.api.Assertions.assertThat;

import io.loyalty.spi.EventId;
import io.loyalty.spi.card.Card;
import io.loyalty.spi.store.CommitResult;
import io.loyalty.spi.store.LoyaltyStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Unique keys: card codes, memberships, ledger entry keys, (card, seq) pairs, event receipt ids and redemption ids.
 * A taken key, in the store or earlier in the same change set, is answered {@code Duplicate} with the key string
 * documented in {@link io.loyalty.spi.store.ChangeSetWriter}, and nothing is written.
 */
@DisplayName("unique keys: a duplicate is reported with its key string and never applied twice")
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
public abstract class UniqueKeyContract extends StoreContract {
  /** The store of the current test, created by {@link #newStore()} before each test. */
  protected LoyaltyStore store;

  @BeforeEach
  void createStore() {
    store = newStore();
  }

  @Nested
  @DisplayName("card codes: code:<code>")
  class Codes {
    @Test
    void inserting_a_stored_code_is_a_duplicate_code_even_in_another_program() {
      PortWorld.seed(store);
      assertRejectedAndUnchanged(store, changes().insert(generated("D", "P1")).insert(generated("A", "P2")).build(),
          Answers.codeTaken("A"));
    }

    @Test
    void inserting_one_code_twice_in_a_change_set_is_a_duplicate_code() {
      PortWorld.seed(store);
      assertRejectedAndUnchanged(store, changes().insert(generated("D", "P1")).insert(generated("D", "P2")).build(),
          Answers.codeTaken("D"));
    }
  }

  @Nested
  @DisplayName("memberships: member:<program>:<wallet>:<customer>")
  class Memberships {
    @Test
    void a_member_holds_one_card_per_wallet_and_a_second_card_of_a_wallet_is_a_duplicate_membership() {
      PortWorld.seed(store);
      WalletId miles = WalletId.of("lcd_miles");
      Card milesCard = generated("M1", "P1").toBuilder().wallet(miles).holder(cust("cust1")).publishedAt(StoreValues.T0).build();
      changes().insert(milesCard).applyTo(store);
      assertThat(store.cardOf(pid("P1"), cust("cust1"), miles)).contains(milesCard);
      assertThat(store.cardOf(pid("P1"), cust("cust1"), WalletId.MAIN)).map(Card::code).contains(code("A"));
      assertThat(store.cardsOf(pid("P1"), cust("cust1"))).extracting(Card::code).containsExactly(code("M1"), code("A")); // lcd_miles < main
      assertThat(store.cardsOf(cust("cust1"))).extracting(Card::wallet).containsExactly(miles, WalletId.MAIN);
      assertRejectedAndUnchanged(store,
          changes().insert(generated("M2", "P1").toBuilder().wallet(miles).holder(cust("cust1")).publishedAt(StoreValues.T0).build()).build(),
          new io.loyalty.spi.store.CommitResult.Duplicate(
              new io.loyalty.spi.store.UniqueKey.MemberKey(pid("P1"), cust("cust1"), miles)));
    }

    @Test
    void publishing_a_second_card_to_a_member_is_a_duplicate_membership() {
      PortWorld.seed(store);
      assertRejectedAndUnchanged(store, changes().write(publish(generated("C", "P1"), "cust3"))
          .write(publish(generated("B", "P1"), "cust1")).build(), Answers.memberTaken("P1", "cust1"));
    }

    @Test
    void publishing_two_cards_to_one_customer_in_one_change_set_is_a_duplicate_membership() {
      PortWorld.seed(store);
      assertRejectedAndUnchanged(store, changes().write(publish(generated("B", "P1"), "cust2"))
          .write(publish(generated("C", "P1"), "cust2")).build(), Answers.memberTaken("P1", "cust2"));
    }

    @Test
    void inserting_a_card_already_published_to_a_member_is_a_duplicate_membership() {
      PortWorld.seed(store);
      Card published = Card.builder().code(code("D")).program(pid("P1")).version(1).holder(cust("cust1"))
          .createdAt(StoreValues.T0).publishedAt(StoreValues.T0).build();
      assertRejectedAndUnchanged(store, changes().insert(published).build(), Answers.memberTaken("P1", "cust1"));
    }

    @Test
    void a_customer_may_hold_one_card_in_each_program() {
      PortWorld.seed(store);
      changes().insert(generated("X", "P2")).applyTo(store);
      Card other = publish(generated("X", "P2"), "cust1");
      changes().write(other).applyTo(store);
      assertThat(store.cardOf(pid("P2"), cust("cust1"), WalletId.MAIN)).contains(other);
      assertThat(store.cardOf(pid("P1"), cust("cust1"), WalletId.MAIN)).map(Card::code).contains(code("A"));
    }

    @Test
    void updating_the_members_own_card_keeps_the_membership() {
      Card a = PortWorld.seed(store);
      changes().write(next(a)).applyTo(store);
      assertThat(store.cardOf(pid("P1"), cust("cust1"), WalletId.MAIN)).contains(next(a));
    }
  }

  @Nested
  @DisplayName("ledger entries: entry:<key> and entry:<card>#<seq>")
  class Entries {
    @Test
    void a_stored_entry_key_is_a_duplicate_even_for_another_card() {
      Card a = PortWorld.seed(store);
      assertRejectedAndUnchanged(store, changes().insert(generated("D", "P1", 1)).entry(entry("D", 1, "k1", null)).build(),
          Answers.entryTaken("k1"));
      assertRejectedAndUnchanged(store, changes().write(advanced(a, 3)).entry(entry("A", 3, "k2", null)).build(),
          Answers.entryTaken("k2"));
    }

    @Test
    void an_entry_key_used_twice_in_one_change_set_is_a_duplicate() {
      Card a = PortWorld.seed(store);
      assertRejectedAndUnchanged(store, changes().write(advanced(a, 4)).entry(entry("A", 3, "k3", null))
          .entry(entry("A", 4, "k3", null)).build(), Answers.entryTaken("k3"));
    }

    @Test
    void a_stored_card_and_seq_pair_is_a_duplicate() {
      Card a = PortWorld.seed(store);
      assertRejectedAndUnchanged(store, changes().write(next(a)).entry(entry("A", 2, "k3", null)).build(),
          Answers.seqTaken("A", 2));
    }

    @Test
    void a_card_and_seq_pair_used_twice_in_one_change_set_is_a_duplicate() {
      Card a = PortWorld.seed(store);
      assertRejectedAndUnchanged(store, changes().write(advanced(a, 3)).entry(entry("A", 3, "k3", null))
          .entry(entry("A", 3, "k4", null)).build(), Answers.seqTaken("A", 3));
    }
  }

  @Nested
  @DisplayName("event receipts: event:<id>")
  class Receipts {
    @Test
    void an_applied_receipt_is_readable_by_its_event_id() {
      changes().receipt("evt1").applyTo(store);
      assertThat(store.receipt(EventId.of("evt1"))).contains(receipt("evt1"));
      assertThat(store.receipt(EventId.of("evt2"))).isEmpty();
    }

    @Test
    void a_second_receipt_for_an_event_is_a_duplicate_that_writes_nothing() {
      Card a = PortWorld.seed(store);
      assertRejectedAndUnchanged(store, changes().write(advanced(a, 3)).entry(entry("A", 3, "k3", null))
          .receipt("evt1").build(), Answers.eventTaken("evt1"));
    }
  }

  @Nested
  @DisplayName("redemption ids: redemption:<id>")
  class Redemptions {
    @Test
    void inserting_a_stored_redemption_id_is_a_duplicate() {
      PortWorld.seed(store);
      assertRejectedAndUnchanged(store, changes().redemption(redemption("r1", 1, "A", 5), 0).build(),
          Answers.redemptionTaken("r1"));
    }

    @Test
    void inserting_one_redemption_id_twice_in_a_change_set_is_a_duplicate() {
      PortWorld.seed(store);
      assertRejectedAndUnchanged(store, changes().redemption(redemption("r2", 1, "A", 5), 0)
          .redemption(redemption("r2", 1, "B", 6), 0).build(), Answers.redemptionTaken("r2"));
    }
  }
}
