package io.loyalty.testkit;

import static io.loyalty.testkit.Changes.changes;
import static io.loyalty.testkit.StoreValues.advanced;
import static io.loyalty.testkit.StoreValues.entry;
import static io.loyalty.testkit.StoreValues.generated;
import static io.loyalty.testkit.StoreValues.program;
import static io.loyalty.testkit.StoreValues.publish;
import static io.loyalty.testkit.StoreValues.redemption;
import static io.loyalty.testkit.StoreValues.reward;
import static org.assertj.core.api.Assertions.assertThat;

import io.loyalty.spi.card.Card;
import io.loyalty.spi.store.ChangeSet;
import io.loyalty.spi.store.CommitResult;
import io.loyalty.spi.store.LoyaltyStore;
import java.util.Map;

/** The small world most port contracts start from, and the check that a rejected change set changed nothing. */
final class PortWorld {
  private PortWorld() {}

  /**
   * Program P1 (version 1); card A published to cust1 (version 3) with entries 1 ({@code k1}, order ord1) and 2
   * ({@code k2}), written with receipt evt1; unpublished cards B and C; reward rew1 (version 1, stock 5) and
   * redemption r1 (version 1) on card A.
   *
   * @return card A as stored
   */
  static Card seed(LoyaltyStore store) {
    Card a = generated("A", "P1");
    changes().program(program("P1", 1), 0).insert(a).insert(generated("B", "P1")).insert(generated("C", "P1"))
        .reward(reward("rew1", 1, 5L, 0), 0).applyTo(store);
    Card published = advanced(publish(a, "cust1"), 2);
    changes().write(publish(a, "cust1")).write(published).entry(entry("A", 1, "k1", "ord1"))
        .entry(entry("A", 2, "k2", null)).receipt("evt1").redemption(redemption("r1", 1, "A", 1), 0).applyTo(store);
    return published;
  }

  /** Commits the change set, requires exactly {@code expected}, and requires every read to answer as before. */
  static void assertRejectedAndUnchanged(LoyaltyStore store, ChangeSet changes, CommitResult expected) {
    Map<String, Object> before = StoreObservation.of(store);
    assertThat(store.commit(changes)).as("the store's answer").isEqualTo(expected);
    Map<String, Object> after = StoreObservation.of(store);
    assertThat(after).as("every read after a change set answered %s", expected).isEqualTo(before);
  }
}
