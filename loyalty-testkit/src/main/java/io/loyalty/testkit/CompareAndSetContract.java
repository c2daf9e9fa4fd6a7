package io.loyalty.testkit;

import static io.loyalty.testkit.Changes.changes;
import static io.loyalty.testkit.PortWorld.assertRejectedAndUnchanged;
import static io.loyalty.testkit.StoreValues.code;
import static io.loyalty.testkit.StoreValues.generated;
import static io.loyalty.testkit.StoreValues.next;
import static io.loyalty.testkit.StoreValues.pid;
import static io.loyalty.testkit.StoreValues.program;
import static io.loyalty.testkit.StoreValues.redemption;
import static io.loyalty.testkit.StoreValues.reward;
import static io.loyalty.testkit.StoreValues.rolledBack;
import static org.assertj.core.api.Assertions.assertThat;

import io.loyalty.spi.RedemptionId;
import io.loyalty.spi.RewardId;
import io.loyalty.spi.card.Card;
import io.loyalty.spi.reward.Redemption;
import io.loyalty.spi.reward.Reward;
import io.loyalty.spi.store.CommitResult;
import io.loyalty.spi.store.LoyaltyStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Compare-and-set on aggregate versions: a write applies only over the version it expects and must be exactly one
 * version on; a stale write is answered {@code Conflict("<kind>:<id>")} and changes nothing readable.
 */
@DisplayName("compare-and-set on versions: a stale write is a conflict that changes nothing")
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
public abstract class CompareAndSetContract extends StoreContract {
  /** The store of the current test, created by {@link #newStore()} before each test. */
  protected LoyaltyStore store;

  @BeforeEach
  void createStore() {
    store = newStore();
  }

  @Nested
  @DisplayName("programs")
  class Programs {
    @Test
    void a_program_is_stored_at_version_1_when_expected_version_is_0() {
      changes().program(program("P1", 1), 0).applyTo(store);
      assertThat(store.program(pid("P1"))).contains(program("P1", 1));
    }

    @Test
    void a_stale_expected_version_is_a_conflict() {
      PortWorld.seed(store);
      assertRejectedAndUnchanged(store, changes().program(program("P1", 1), 0).build(), Answers.staleProgram("P1"));
    }

    @Test
    void an_expected_version_ahead_of_the_stored_one_is_a_conflict() {
      PortWorld.seed(store);
      assertRejectedAndUnchanged(store, changes().program(program("P1", 4), 3).build(), Answers.staleProgram("P1"));
    }

    @Test
    void a_version_other_than_expected_plus_one_is_a_conflict() {
      PortWorld.seed(store);
      assertRejectedAndUnchanged(store, changes().program(program("P1", 3), 1).build(), Answers.staleProgram("P1"));
    }

    @Test
    void versions_written_in_one_change_set_chain_in_order() {
      changes().program(program("P1", 1), 0).program(program("P1", 2), 1).program(program("P1", 3), 2).applyTo(store);
      assertThat(store.program(pid("P1"))).contains(program("P1", 3));
      assertThat(store.program(pid("P1"), 2)).contains(program("P1", 2));
    }
  }

  @Nested
  @DisplayName("cards")
  class Cards {
    @Test
    void a_new_card_is_stored_at_version_1_unpublished_in_its_program() {
      changes().insert(generated("A", "P1")).applyTo(store);
      assertThat(store.card(code("A"))).contains(generated("A", "P1"));
      assertThat(store.unpublishedCards(pid("P1"), "", 10)).containsExactly(generated("A", "P1"));
      assertThat(store.cardCount(pid("P1"))).isEqualTo(1);
    }

    @Test
    void a_write_over_the_stored_version_applies() {
      Card a = PortWorld.seed(store);
      changes().write(next(a)).applyTo(store);
      assertThat(store.card(code("A"))).contains(next(a));
    }

    @Test
    void a_stale_card_write_is_a_conflict() {
      Card a = PortWorld.seed(store);
      // A well-formed write (one version on) over the version before the stored one: another writer got there first.
      assertRejectedAndUnchanged(store, changes().write(a).build(), Answers.staleCard("A"));
    }

    @Test
    void an_expected_version_ahead_of_the_stored_one_is_a_conflict() {
      Card a = PortWorld.seed(store);
      assertRejectedAndUnchanged(store, changes().write(next(next(a))).build(), Answers.staleCard("A"));
    }

    @Test
    void a_version_other_than_expected_plus_one_is_a_conflict() {
      Card a = PortWorld.seed(store);
      assertRejectedAndUnchanged(store, changes().write(next(next(a)), a.version()).build(),
          Answers.staleCard("A"));
    }

    @Test
    void an_update_of_a_card_that_is_not_stored_is_a_conflict() {
      PortWorld.seed(store);
      assertRejectedAndUnchanged(store, changes().write(next(generated("Z", "P1"))).build(),
          Answers.staleCard("Z"));
    }

    @Test
    void a_new_card_written_at_a_version_other_than_1_is_a_conflict() {
      PortWorld.seed(store);
      assertRejectedAndUnchanged(store, changes().write(next(generated("Z", "P1")), 0).build(),
          Answers.staleCard("Z"));
    }

    @Test
    void chained_writes_of_one_card_in_a_change_set_apply_in_order() {
      Card d = generated("D", "P1");
      changes().insert(d).write(next(d)).write(next(next(d))).applyTo(store);
      assertThat(store.card(code("D"))).contains(next(next(d)));
      assertThat(store.cardCount(pid("P1"))).isEqualTo(1);
    }
  }

  @Nested
  @DisplayName("rewards (stock counts)")
  class Rewards {
    @Test
    void a_new_reward_is_stored_at_version_1() {
      changes().reward(reward("rew2", 1, null, 0), 0).applyTo(store);
      assertThat(store.reward(RewardId.of("rew2"))).contains(reward("rew2", 1, null, 0));
    }

    @Test
    void a_write_over_the_stored_version_applies() {
      PortWorld.seed(store);
      Reward taken = reward("rew1", 1, 5L, 0).withRedeemed(1);
      changes().reward(taken).applyTo(store);
      assertThat(store.reward(RewardId.of("rew1"))).contains(taken);
    }

    @Test
    void a_stale_reward_write_is_a_conflict() {
      PortWorld.seed(store);
      Reward taken = reward("rew1", 1, 5L, 0).withRedeemed(1);
      changes().reward(taken).applyTo(store);
      assertRejectedAndUnchanged(store, changes().reward(reward("rew1", 1, 5L, 0).withRedeemed(1), 1).build(),
          Answers.staleReward("rew1"));
    }

    @Test
    void inserting_a_stored_reward_again_is_a_conflict() {
      PortWorld.seed(store);
      assertRejectedAndUnchanged(store, changes().reward(reward("rew1", 1, 9L, 0), 0).build(),
          Answers.staleReward("rew1"));
    }

    @Test
    void a_version_other_than_expected_plus_one_is_a_conflict() {
      PortWorld.seed(store);
      assertRejectedAndUnchanged(store, changes().reward(reward("rew1", 3, 5L, 1), 1).build(),
          Answers.staleReward("rew1"));
    }
  }

  @Nested
  @DisplayName("redemptions")
  class Redemptions {
    @Test
    void a_write_over_the_stored_version_applies() {
      PortWorld.seed(store);
      Redemption undone = rolledBack(redemption("r1", 1, "A", 1));
      changes().redemption(undone).applyTo(store);
      assertThat(store.redemption(RedemptionId.of("r1"))).contains(undone);
      assertThat(store.redemptions(code("A"))).containsExactly(undone);
    }

    @Test
    void a_stale_redemption_write_is_a_conflict() {
      PortWorld.seed(store);
      Redemption undone = rolledBack(redemption("r1", 1, "A", 1));
      changes().redemption(undone).applyTo(store);
      assertRejectedAndUnchanged(store, changes().redemption(rolledBack(redemption("r1", 1, "A", 1)), 1).build(),
          Answers.staleRedemption("r1"));
    }

    @Test
    void an_update_of_a_redemption_that_is_not_stored_is_a_conflict() {
      PortWorld.seed(store);
      assertRejectedAndUnchanged(store, changes().redemption(rolledBack(redemption("r3", 1, "A", 1)), 1).build(),
          Answers.staleRedemption("r3"));
    }
  }
}
