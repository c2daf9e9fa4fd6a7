package io.loyalty.testkit;

import io.loyalty.spi.card.LedgerKey;
import io.loyalty.spi.WalletId;
import static io.loyalty.testkit.Changes.changes;
import static io.loyalty.testkit.PortWorld.assertRejectedAndUnchanged;
import static io.loyalty.testkit.StoreValues.advanced;
import static io.loyalty.testkit.StoreValues.code;
import static io.loyalty.testkit.StoreValues.cust;
import static io.loyalty.testkit.StoreValues.entry;
import static io.loyalty.testkit.StoreValues.generated;
import static io.loyalty.testkit.StoreValues.pid;
import static io.loyalty.testkit.StoreValues.program;
import static io.loyalty.testkit.StoreValues.publish;
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
import io.loyalty.spi.store.CommitResult;
import io.loyalty.spi.store.LoyaltyStore;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * A change set is applied all-or-nothing: one stale version or taken key anywhere in it, even in its last write,
 * leaves every read answering as before, and reserves none of its keys, so the same change set without the bad
 * write then applies whole.
 */
@DisplayName("a change set is all-or-nothing: a rejected one leaves every read unchanged and reserves nothing")
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
public abstract class AllOrNothingContract extends StoreContract {

  /** A change set that writes every kind of thing over {@link PortWorld#seed}, and applies cleanly there. */
  private static Changes everything(Card a) {
    Card d = generated("D", "P1", 1);
    return changes()
        .program(program("P2", 1), 0).program(program("P1", 2), 1)
        .insert(d).entry(entry("D", 1, "d1", "ord1"))
        .write(publish(generated("B", "P1"), "cust2"))
        .write(advanced(a, 3)).entry(entry("A", 3, "k3", "ord2"))
        .receipt("evt2")
        .reward(reward("rew1", 1, 5L, 0).withRedeemed(1)).reward(reward("rew2", 1, null, 0), 0)
        .redemption(rolledBack(redemption("r1", 1, "A", 1))).redemption(redemption("r2", 1, "B", 2), 0);
  }

  private record Rejection(String name, Consumer<Changes> badWrite, CommitResult expected) {}

  private static List<Rejection> rejections() {
    return List.of(
        new Rejection("a stale program version", c -> c.program(program("P10", 2), 1), Answers.staleProgram("P10")),
        new Rejection("a stale card version", c -> c.write(advanced(advanced(generated("C", "P1"), 0), 0), 5),
            Answers.staleCard("C")),
        new Rejection("a taken card code", c -> c.insert(generated("A", "P2")), Answers.codeTaken("A")),
        new Rejection("a taken membership", c -> c.write(publish(generated("C", "P1"), "cust1")),
            Answers.memberTaken("P1", "cust1")),
        new Rejection("a taken entry key", c -> c.entry(entry("D", 2, "k1", null)), Answers.entryTaken("k1")),
        new Rejection("a taken (card, seq) pair", c -> c.entry(entry("A", 2, "k4", null)), Answers.seqTaken("A", 2)),
        new Rejection("an event already applied", c -> c.receipt("evt1"), Answers.eventTaken("evt1")),
        new Rejection("a stale reward version", c -> c.reward(reward("rew2", 5, null, 0), 4), Answers.staleReward("rew2")),
        new Rejection("a stale redemption version", c -> c.redemption(rolledBack(redemption("r3", 1, "A", 3)), 1),
            Answers.staleRedemption("r3")),
        new Rejection("a taken redemption id", c -> c.redemption(redemption("r1", 1, "C", 4), 0),
            Answers.redemptionTaken("r1")));
  }

  @TestFactory
  @DisplayName("a change set writing every kind of thing is rejected whole by one bad write, then applies without it")
  Stream<DynamicTest> one_bad_write_rejects_the_whole_change_set() {
    return rejections().stream().map(r -> DynamicTest.dynamicTest("rejected by " + r.name() + " as " + r.expected(), () -> {
      LoyaltyStore store = newStore();
      Card a = PortWorld.seed(store);
      Changes bad = everything(a);
      r.badWrite().accept(bad);
      assertRejectedAndUnchanged(store, bad.build(), r.expected());

      everything(a).applyTo(store);
      assertEverythingWasWritten(store, a);
    }));
  }

  private static void assertEverythingWasWritten(LoyaltyStore store, Card a) {
    assertThat(store.program(pid("P2"))).contains(program("P2", 1));
    assertThat(store.program(pid("P1"))).contains(program("P1", 2));
    assertThat(store.card(code("D"))).contains(generated("D", "P1", 1));
    assertThat(store.entry(LedgerKey.parse("d1"))).contains(entry("D", 1, "d1", "ord1"));
    assertThat(store.cardOf(pid("P1"), cust("cust2"), WalletId.MAIN)).map(Card::code).contains(code("B"));
    assertThat(store.card(code("A"))).contains(advanced(a, 3));
    assertThat(store.ledger(code("A"), 0, 10)).extracting(e -> e.key().text()).containsExactly("k1", "k2", "k3");
    assertThat(store.entriesForOrder(code("A"), OrderId.of("ord2"))).extracting(e -> e.key().text()).containsExactly("k3");
    assertThat(store.receipt(EventId.of("evt2"))).isPresent();
    assertThat(store.reward(RewardId.of("rew1"))).map(x -> x.redeemed()).contains(1L);
    assertThat(store.reward(RewardId.of("rew2"))).isPresent();
    assertThat(store.redemption(RedemptionId.of("r1"))).contains(rolledBack(redemption("r1", 1, "A", 1)));
    assertThat(store.redemptions(code("B"))).containsExactly(redemption("r2", 1, "B", 2));
  }

  @Test
  void an_empty_change_set_applies_and_changes_nothing() {
    LoyaltyStore store = newStore();
    PortWorld.seed(store);
    assertRejectedAndUnchanged(store, changes().build(), CommitResult.APPLIED);
  }

  @Test
  void a_change_set_the_store_cannot_apply_is_refused_whole_whether_it_throws_or_answers() {
    LoyaltyStore store = newStore();
    Card a = PortWorld.seed(store);
    // A ledger entry for a card that is neither stored nor written: no engine builds this, a store may throw.
    Changes broken = everything(a).entry(entry("Q", 1, "q1", null));
    java.util.Map<String, Object> before = StoreObservation.of(store);
    CommitResult answer;
    try {
      answer = store.commit(broken.build());
    } catch (RuntimeException thrown) {
      answer = null;
    }
    assertThat(answer).as("the answer to a change set with an entry for an unknown card").isNotEqualTo(CommitResult.APPLIED);
    assertThat(StoreObservation.of(store)).as("every read after the refusal").isEqualTo(before);
    assertThat(store.entry(LedgerKey.parse("q1"))).isEmpty();
  }

  @Test
  void a_rejected_publication_reserves_neither_the_card_nor_the_customer() {
    LoyaltyStore store = newStore();
    PortWorld.seed(store);
    CommitResult rejected = store.commit(changes().write(publish(generated("B", "P1"), "cust2"))
        .write(publish(generated("C", "P1"), "cust1")).build());
    assertThat(rejected).isEqualTo(Answers.memberTaken("P1", "cust1"));
    changes().write(publish(generated("C", "P1"), "cust2")).applyTo(store);
    assertThat(store.cardOf(pid("P1"), cust("cust2"), WalletId.MAIN)).map(Card::code).contains(code("C"));
    assertThat(store.unpublishedCards(pid("P1"), "", 10)).containsExactly(generated("B", "P1"));
  }
}
