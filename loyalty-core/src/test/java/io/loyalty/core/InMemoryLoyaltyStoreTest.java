package io.loyalty.core;

import static io.loyalty.core.InMemoryLoyaltyStoreTest.Fixture.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.loyalty.spi.CardCode;
import io.loyalty.spi.CustomerId;
import io.loyalty.spi.EventId;
import io.loyalty.spi.OrderId;
import io.loyalty.spi.ProgramId;
import io.loyalty.spi.card.Card;
import io.loyalty.spi.card.EntryType;
import io.loyalty.spi.card.LedgerEntry;
import io.loyalty.spi.earning.EventOutcome;
import io.loyalty.spi.event.Customer;
import io.loyalty.spi.event.Order;
import io.loyalty.spi.event.OrderPaid;
import io.loyalty.spi.program.Program;
import io.loyalty.spi.store.CardWrite;
import io.loyalty.spi.store.ChangeSet;
import io.loyalty.spi.store.CommitResult;
import io.loyalty.spi.store.EventReceipt;
import io.loyalty.spi.store.LoyaltyStore;
import io.loyalty.spi.store.ProgramWrite;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

@DisplayName("InMemoryLoyaltyStore")
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class InMemoryLoyaltyStoreTest {
  private final InMemoryLoyaltyStore store = InMemoryLoyaltyStore.create();

  /** A program P1 (version 1) with card A published to cust1 holding entries 1 and 2, and unpublished B and C. */
  private Card seedWorld() {
    Card a = generated("A", "P1");
    applied(store, changes().program(program("P1", 1), 0).insert(a).insert(generated("B", "P1")).insert(generated("C", "P1")));
    Card published = advanced(publish(a, "cust1"), 2);
    applied(store, changes().write(publish(a, "cust1")).write(published)
        .entry(entry("A", 1, "k1", "ord1")).entry(entry("A", 2, "k2", null)).receipt("evt1"));
    return published;
  }

  private void assertRejectedAndUnchanged(ChangeSet changes, CommitResult expected) {
    Map<String, Object> before = observe(store);
    assertThat(store.commit(changes)).isEqualTo(expected);
    assertThat(observe(store)).isEqualTo(before);
  }

  @Nested
  @DisplayName("program versions are compare-and-set")
  class Programs {
    @Test
    void a_program_is_stored_at_version_1_when_expected_version_is_0() {
      applied(store, changes().program(program("P1", 1), 0));
      assertThat(store.program(pid("P1"))).contains(program("P1", 1));
    }

    @Test
    void a_stale_expected_version_is_a_conflict_that_changes_nothing() {
      seedWorld();
      assertRejectedAndUnchanged(changes().program(program("P1", 1), 0).build(), new CommitResult.Conflict("program:P1"));
    }

    @Test
    void a_version_other_than_expected_plus_one_is_a_conflict() {
      seedWorld();
      assertRejectedAndUnchanged(changes().program(program("P1", 3), 1).build(), new CommitResult.Conflict("program:P1"));
    }

    @Test
    void every_stored_version_stays_readable_and_the_latest_is_returned() {
      applied(store, changes().program(program("P1", 1), 0));
      applied(store, changes().program(program("P1", 2), 1));
      applied(store, changes().program(program("P1", 3), 2).program(program("P1", 4), 3));
      assertThat(store.program(pid("P1"))).contains(program("P1", 4));
      assertThat(store.program(pid("P1"), 2)).contains(program("P1", 2));
      assertThat(store.program(pid("P1"), 5)).isEmpty();
      assertThat(store.program(pid("P1"), 0)).isEmpty();
    }

    @Test
    void programs_lists_the_latest_version_of_each_in_id_order() {
      applied(store, changes().program(program("P2", 1), 0).program(program("P10", 1), 0));
      applied(store, changes().program(program("P1", 1), 0).program(program("P2", 2), 1));
      assertThat(store.programs()).containsExactly(program("P1", 1), program("P10", 1), program("P2", 2));
    }
  }

  @Nested
  @DisplayName("card versions are compare-and-set and codes are unique")
  class Cards {
    @Test
    void a_new_card_is_stored_unpublished_in_its_program_pool() {
      applied(store, changes().insert(generated("A", "P1")));
      assertThat(store.card(code("A"))).contains(generated("A", "P1"));
      assertThat(store.unpublishedCards(pid("P1"), "", 10)).containsExactly(generated("A", "P1"));
      assertThat(store.cardCount(pid("P1"))).isEqualTo(1);
    }

    @Test
    void a_write_with_the_stored_version_applies() {
      Card a = seedWorld();
      applied(store, changes().write(next(a)));
      assertThat(store.card(code("A"))).contains(next(a));
    }

    @Test
    void a_stale_card_write_is_a_conflict_and_leaves_every_index_untouched() {
      Card a = seedWorld();
      assertRejectedAndUnchanged(changes().program(program("P2", 1), 0).insert(generated("D", "P1"))
          .write(publish(generated("B", "P1"), "cust2")).write(next(next(a)), 1)
          .entry(entry("D", 1, "k9", "ord2")).receipt("evt2").build(), new CommitResult.Conflict("card:A"));
    }

    @Test
    void a_version_other_than_expected_plus_one_is_a_conflict() {
      Card a = seedWorld();
      assertRejectedAndUnchanged(changes().write(next(next(a)), a.version()).build(), new CommitResult.Conflict("card:A"));
    }

    @Test
    void an_update_of_a_card_that_is_not_stored_is_a_conflict() {
      seedWorld();
      assertRejectedAndUnchanged(changes().write(next(generated("Z", "P1"))).build(), new CommitResult.Conflict("card:Z"));
    }

    @Test
    void inserting_a_stored_code_is_a_duplicate_code_not_a_conflict() {
      seedWorld();
      assertRejectedAndUnchanged(changes().insert(generated("D", "P1")).insert(generated("A", "P2")).build(),
          new CommitResult.Duplicate("code:A"));
    }

    @Test
    void inserting_one_code_twice_in_a_change_set_is_a_duplicate_code() {
      seedWorld();
      assertRejectedAndUnchanged(changes().insert(generated("D", "P1")).insert(generated("D", "P2")).build(),
          new CommitResult.Duplicate("code:D"));
    }

    @Test
    void chained_writes_of_one_card_in_a_change_set_apply_in_order() {
      Card d = generated("D", "P1");
      applied(store, changes().insert(d).write(next(d)).write(next(next(d))));
      assertThat(store.card(code("D"))).contains(next(next(d)));
      assertThat(store.cardCount(pid("P1"))).isEqualTo(1);
    }

    @Test
    void moving_a_card_to_another_program_is_a_programming_error_that_writes_nothing() {
      seedWorld();
      Card b = generated("B", "P1");
      Card moved = new Card(b.code(), pid("P2"), 2, null, T0, null, null, true, List.of(), 0, 0, 0);
      Map<String, Object> before = observe(store);
      assertThatThrownBy(() -> store.commit(changes().write(moved).build()))
          .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("card B cannot move from program P1 to program P2");
      assertThat(observe(store)).isEqualTo(before);
    }
  }

  @Nested
  @DisplayName("a customer holds at most one card per program")
  class Memberships {
    @Test
    void publishing_a_card_makes_it_the_customers_card_and_takes_it_out_of_the_pool() {
      seedWorld();
      Card b = publish(generated("B", "P1"), "cust2");
      applied(store, changes().write(b));
      assertThat(store.cardOf(pid("P1"), cust("cust2"))).contains(b);
      assertThat(store.unpublishedCards(pid("P1"), "", 10)).containsExactly(generated("C", "P1"));
      assertThat(store.cardCount(pid("P1"))).isEqualTo(3);
    }

    @Test
    void publishing_a_second_card_to_a_member_is_a_duplicate_membership_that_writes_nothing() {
      seedWorld();
      assertRejectedAndUnchanged(changes().write(publish(generated("C", "P1"), "cust3"))
          .write(publish(generated("B", "P1"), "cust1")).build(), new CommitResult.Duplicate("member:P1:cust1"));
    }

    @Test
    void publishing_two_cards_to_one_customer_in_one_change_set_is_a_duplicate_membership() {
      seedWorld();
      assertRejectedAndUnchanged(changes().write(publish(generated("B", "P1"), "cust2"))
          .write(publish(generated("C", "P1"), "cust2")).build(), new CommitResult.Duplicate("member:P1:cust2"));
    }

    @Test
    void a_customer_may_hold_one_card_in_each_program() {
      seedWorld();
      Card other = publish(generated("X", "P2"), "cust1");
      applied(store, changes().insert(generated("X", "P2")));
      applied(store, changes().write(other));
      assertThat(store.cardOf(pid("P2"), cust("cust1"))).contains(other);
      assertThat(store.cardOf(pid("P1"), cust("cust1"))).map(Card::code).contains(code("A"));
    }

    @Test
    void updating_the_members_own_card_keeps_the_membership() {
      Card a = seedWorld();
      applied(store, changes().write(next(a)));
      assertThat(store.cardOf(pid("P1"), cust("cust1"))).contains(next(a));
    }

    @Test
    void a_rejected_publication_reserves_neither_the_card_nor_the_customer() {
      seedWorld();
      store.commit(changes().write(publish(generated("B", "P1"), "cust2")).write(publish(generated("C", "P1"), "cust1")).build());
      applied(store, changes().write(publish(generated("C", "P1"), "cust2")));
      assertThat(store.cardOf(pid("P1"), cust("cust2"))).map(Card::code).contains(code("C"));
      assertThat(store.unpublishedCards(pid("P1"), "", 10)).containsExactly(generated("B", "P1"));
    }

    @Test
    void the_unpublished_pool_is_paged_in_code_order_from_a_starting_code_wrapping_around() {
      applied(store, changes().insert(generated("C3", "P1")).insert(generated("C1", "P1")).insert(generated("C2", "P1")));
      assertThat(store.unpublishedCards(pid("P1"), "", 2)).extracting(Card::code).containsExactly(code("C1"), code("C2"));
      assertThat(store.unpublishedCards(pid("P1"), "", 0)).isEmpty();
      assertThat(store.unpublishedCards(pid("P1"), "C2", 5)).extracting(Card::code)
          .containsExactly(code("C2"), code("C3"), code("C1"));
      assertThat(store.unpublishedCards(pid("P1"), "C25", 2)).extracting(Card::code).containsExactly(code("C3"), code("C1"));
      assertThat(store.unpublishedCards(pid("P9"), "", 5)).isEmpty();
      assertThatThrownBy(() -> store.unpublishedCards(pid("P1"), "", -1)).isInstanceOf(IllegalArgumentException.class);
    }
  }

  @Nested
  @DisplayName("the ledger is append-only with unique keys and (card, seq) pairs")
  class Ledger {
    @Test
    void entries_are_paged_after_a_seq_in_seq_order() {
      Card d = generated("D", "P1");
      applied(store, changes().insert(d));
      for (int seq = 1; seq <= 25; seq++) {
        applied(store, changes().write(advanced(store.card(code("D")).orElseThrow(), seq)).entry(entry("D", seq, "d" + seq, null)));
      }
      assertThat(store.ledger(code("D"), 0, 100)).extracting(LedgerEntry::seq).containsExactlyElementsOf(range(1, 25));
      assertThat(store.ledger(code("D"), 10, 5)).extracting(LedgerEntry::seq).containsExactly(11L, 12L, 13L, 14L, 15L);
      assertThat(store.ledger(code("D"), 23, Integer.MAX_VALUE)).extracting(LedgerEntry::seq).containsExactly(24L, 25L);
      assertThat(store.ledger(code("D"), 25, 10)).isEmpty();
      assertThat(store.ledger(code("D"), 0, 0)).isEmpty();
      assertThat(store.ledger(code("nope"), 0, 10)).isEmpty();
    }

    @Test
    void a_negative_limit_is_rejected() {
      assertThatThrownBy(() -> store.ledger(code("A"), 0, -1)).isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("-1");
    }

    @Test
    void entries_given_out_of_seq_order_are_stored_in_seq_order() {
      Card d = generated("D", "P1");
      applied(store, changes().insert(d).entry(entry("D", 2, "d2", null)).entry(entry("D", 1, "d1", null)));
      assertThat(store.ledger(code("D"), 0, 10)).extracting(LedgerEntry::key).containsExactly("d1", "d2");
    }

    @Test
    void a_stored_entry_key_is_a_duplicate_that_writes_nothing() {
      Card a = seedWorld();
      assertRejectedAndUnchanged(changes().write(advanced(a, 3)).entry(entry("A", 3, "k1", null)).build(),
          new CommitResult.Duplicate("entry:k1"));
    }

    @Test
    void an_entry_key_used_twice_in_one_change_set_is_a_duplicate() {
      Card a = seedWorld();
      assertRejectedAndUnchanged(changes().write(advanced(a, 4)).entry(entry("A", 3, "k3", null))
          .entry(entry("A", 4, "k3", null)).build(), new CommitResult.Duplicate("entry:k3"));
    }

    @Test
    void a_stored_card_and_seq_pair_is_a_duplicate_that_writes_nothing() {
      Card a = seedWorld();
      assertRejectedAndUnchanged(changes().write(next(a)).entry(entry("A", 2, "other", null)).build(),
          new CommitResult.Duplicate("entry:A#2"));
    }

    @Test
    void a_card_and_seq_pair_used_twice_in_one_change_set_is_a_duplicate() {
      Card a = seedWorld();
      assertRejectedAndUnchanged(changes().write(advanced(a, 3)).entry(entry("A", 3, "x", null))
          .entry(entry("A", 3, "y", null)).build(), new CommitResult.Duplicate("entry:A#3"));
    }

    @Test
    void an_entry_for_a_card_neither_stored_nor_written_is_a_programming_error_that_writes_nothing() {
      seedWorld();
      Map<String, Object> before = observe(store);
      assertThatThrownBy(() -> store.commit(changes().insert(generated("D", "P1")).entry(entry("Q", 1, "q1", null)).build()))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("ledger entry q1 is for card Q, which is neither stored nor written");
      assertThat(observe(store)).isEqualTo(before);
    }

    @Test
    void an_entry_below_the_end_of_the_ledger_is_a_programming_error() {
      applied(store, changes().insert(generated("D", "P1")).entry(entry("D", 1, "d1", null)).entry(entry("D", 3, "d3", null)));
      assertThatThrownBy(() -> store.commit(changes().entry(entry("D", 2, "d2", null)).build()))
          .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("append-only");
    }

    @Test
    void entries_for_an_order_are_the_cards_entries_of_that_order_in_seq_order() {
      Card a = seedWorld();
      applied(store, changes().insert(generated("D", "P1")).write(advanced(a, 5)).entry(entry("A", 3, "k3", "ord2"))
          .entry(entry("A", 4, "k4", "ord1")).entry(entry("A", 5, "k5", null)).entry(entry("D", 1, "d1", "ord1")));
      assertThat(store.entriesForOrder(code("A"), OrderId.of("ord1"))).extracting(LedgerEntry::key).containsExactly("k1", "k4");
      assertThat(store.entriesForOrder(code("D"), OrderId.of("ord1"))).extracting(LedgerEntry::key).containsExactly("d1");
      assertThat(store.entriesForOrder(code("A"), OrderId.of("ord9"))).isEmpty();
      assertThat(store.entriesForOrder(code("Z"), OrderId.of("ord1"))).isEmpty();
    }
  }

  @Nested
  @DisplayName("event receipts are unique per event id")
  class Receipts {
    @Test
    void an_applied_receipt_is_readable_by_event_id() {
      applied(store, changes().receipt("evt1"));
      assertThat(store.receipt(EventId.of("evt1"))).contains(receipt("evt1"));
      assertThat(store.receipt(EventId.of("evt2"))).isEmpty();
    }

    @Test
    void a_second_receipt_for_an_event_is_a_duplicate_that_writes_nothing() {
      Card a = seedWorld();
      assertRejectedAndUnchanged(changes().write(advanced(a, 3)).entry(entry("A", 3, "k3", null)).receipt("evt1").build(),
          new CommitResult.Duplicate("event:evt1"));
    }

    @Test
    void a_duplicate_event_is_reported_before_a_stale_version() {
      Card a = seedWorld();
      assertRejectedAndUnchanged(changes().write(next(a), 1).receipt("evt1").build(), new CommitResult.Duplicate("event:evt1"));
    }
  }

  @Nested
  @DisplayName("a change set is applied all-or-nothing")
  class AllOrNothing {
    @Test
    void an_empty_change_set_applies_and_changes_nothing() {
      seedWorld();
      assertRejectedAndUnchanged(changes().build(), CommitResult.APPLIED);
    }

    @Test
    void a_rejected_change_set_reserves_none_of_its_keys() {
      Card a = seedWorld();
      ChangeSet rejected = changes().insert(generated("D", "P1")).write(publish(generated("B", "P1"), "cust2"))
          .entry(entry("D", 1, "d1", "ord1")).receipt("evt2").write(next(a), 7).build();
      assertThat(store.commit(rejected)).isEqualTo(new CommitResult.Conflict("card:A"));
      ChangeSet retried = changes().insert(generated("D", "P1")).write(publish(generated("B", "P1"), "cust2"))
          .entry(entry("D", 1, "d1", "ord1")).receipt("evt2").write(next(a)).build();
      assertThat(store.commit(retried)).isEqualTo(CommitResult.APPLIED);
      assertThat(store.receipt(EventId.of("evt2"))).isPresent();
      assertThat(store.entriesForOrder(code("D"), OrderId.of("ord1"))).hasSize(1);
    }

    @Test
    void a_null_change_set_is_rejected() {
      assertThatThrownBy(() -> store.commit(null)).isInstanceOf(NullPointerException.class).hasMessageContaining("changes");
    }
  }

  /** Values and change-set building shared by the store tests. */
  static final class Fixture {
    static final Instant T0 = Instant.parse("2024-03-01T10:00:00Z");

    private Fixture() {}

    static ProgramId pid(String id) {
      return ProgramId.of(id);
    }

    static CardCode code(String code) {
      return CardCode.of(code);
    }

    static CustomerId cust(String id) {
      return CustomerId.of(id);
    }

    static Program program(String id, long version) {
      return Program.builder(pid(id), "Program " + id).build().withVersion(version);
    }

    static Card generated(String code, String program) {
      return Card.generated(code(code), pid(program), T0);
    }

    /** A new card whose first {@code lastSeq} entries are written with it. */
    static Card generated(String code, String program, long lastSeq) {
      return new Card(code(code), pid(program), 1, null, T0, null, null, true, List.of(), 0, lastSeq, 0);
    }

    static Card next(Card c) {
      return advanced(c, c.lastSeq());
    }

    static Card advanced(Card c, long lastSeq) {
      return new Card(c.code(), c.program(), c.version() + 1, c.holder(), c.createdAt(), c.publishedAt(), c.expiresAt(),
          c.active(), c.lots(), c.debt(), lastSeq, c.redemptions());
    }

    static Card publish(Card c, String customer) {
      return new Card(c.code(), c.program(), c.version() + 1, cust(customer), c.createdAt(), T0, c.expiresAt(), c.active(),
          c.lots(), c.debt(), c.lastSeq(), c.redemptions());
    }

    static LedgerEntry entry(String card, long seq, String key, @Nullable String order) {
      return new LedgerEntry(code(card), seq, EntryType.POINTS_ADDITION, 10, 0, 10 * seq, T0, key, null, null, 1,
          order == null ? null : OrderId.of(order), "", List.of(), null);
    }

    static EventReceipt receipt(String event) {
      OrderPaid paid = OrderPaid.of(event, T0, Customer.of("cust1"), Order.ofAmount("ord1", "EUR", 1000));
      return new EventReceipt(paid, new EventOutcome(paid.id(), paid.name(), T0, List.of()));
    }

    static List<Long> range(long from, long to) {
      List<Long> values = new ArrayList<>();
      for (long v = from; v <= to; v++) {
        values.add(v);
      }
      return values;
    }

    static Changes changes() {
      return new Changes();
    }

    static void applied(LoyaltyStore store, Changes changes) {
      assertThat(store.commit(changes.build())).isEqualTo(CommitResult.APPLIED);
    }

    /** Everything readable about a small universe of ids, to compare before and after a rejected commit. */
    static Map<String, Object> observe(LoyaltyStore store) {
      Map<String, Object> seen = new LinkedHashMap<>();
      seen.put("programs", store.programs());
      for (String p : List.of("P1", "P2")) {
        seen.put("program " + p + " v2", store.program(pid(p), 2));
        seen.put("pool " + p, store.unpublishedCards(pid(p), "", 100));
        seen.put("count " + p, store.cardCount(pid(p)));
        for (String c : List.of("cust1", "cust2", "cust3")) {
          seen.put("member " + p + ":" + c, store.cardOf(pid(p), cust(c)));
        }
      }
      for (String c : List.of("A", "B", "C", "D", "Z")) {
        seen.put("card " + c, store.card(code(c)));
        seen.put("ledger " + c, store.ledger(code(c), 0, 100));
        seen.put("order " + c, store.entriesForOrder(code(c), OrderId.of("ord1")));
        seen.put("order2 " + c, store.entriesForOrder(code(c), OrderId.of("ord2")));
      }
      for (String e : List.of("evt1", "evt2")) {
        seen.put("receipt " + e, store.receipt(EventId.of(e)));
      }
      return seen;
    }
  }

  /** Builds a {@link ChangeSet}. */
  static final class Changes {
    private final List<ProgramWrite> programs = new ArrayList<>();
    private final List<CardWrite> cards = new ArrayList<>();
    private final List<LedgerEntry> entries = new ArrayList<>();
    private @Nullable EventReceipt receipt;

    Changes program(Program program, long expectedVersion) {
      programs.add(new ProgramWrite(program, expectedVersion));
      return this;
    }

    Changes insert(Card card) {
      return write(card, 0);
    }

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
      receipt = Fixture.receipt(event);
      return this;
    }

    ChangeSet build() {
      return new ChangeSet(programs, cards, entries, receipt);
    }
  }
}
