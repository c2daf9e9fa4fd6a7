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
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.loyalty.spi.EventId;
import io.loyalty.spi.RedemptionId;
import io.loyalty.spi.RewardId;
import io.loyalty.spi.card.Card;
import io.loyalty.spi.card.LedgerEntry;
import io.loyalty.spi.program.Program;
import io.loyalty.spi.reward.Reward;
import io.loyalty.spi.store.CommitResult;
import io.loyalty.spi.store.LoyaltyStore;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

/**
 * The write contract under real threads: read-modify-compare-and-set loops lose no update, a unique key is won by
 * exactly one of many racing writers, a reward's stock is never oversold, and a reader never sees a card without
 * exactly its committed ledger.
 */
@DisplayName("the port under real threads: no lost update, one winner per key, stock never oversold")
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
public abstract class ConcurrencyContract extends StoreContract {
  /** The store of the current test, created by {@link #newStore()} before each test. */
  protected LoyaltyStore store;

  @BeforeEach
  void createStore() {
    assumeTrue(supportsConcurrency(), "the adapter declares it does not support concurrent callers");
    store = newStore();
  }

  @Test
  void read_modify_compare_and_set_loops_on_one_card_lose_no_update_and_keep_the_ledger_contiguous() throws Exception {
    int threads = budget().threads();
    int perThread = budget().opsPerThread();
    changes().insert(generated("HOT", "P1")).applyTo(store);
    List<Callable<Integer>> writers = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      int thread = t;
      writers.add(() -> {
        int conflicts = 0;
        for (int i = 0; i < perThread; ) {
          Card card = store.card(code("HOT")).orElseThrow();
          long seq = card.lastSeq() + 1;
          CommitResult result = store.commit(changes().write(advanced(card, seq))
              .entry(entry("HOT", seq, "t" + thread + "-" + i, null)).build());
          if (result.applied()) {
            i++;
          } else {
            assertThat(result).isIn(Answers.staleCard("HOT"), Answers.seqTaken("HOT", seq));
            conflicts++;
          }
        }
        return conflicts;
      });
    }
    Race.run(threads, writers);
    int total = threads * perThread;
    Card card = store.card(code("HOT")).orElseThrow();
    List<LedgerEntry> ledger = store.ledger(code("HOT"), 0, Integer.MAX_VALUE);
    assertThat(card.version()).isEqualTo(1 + total);
    assertThat(card.lastSeq()).isEqualTo(total);
    assertThat(ledger).extracting(LedgerEntry::seq).containsExactlyElementsOf(range(1, total));
    Set<String> keys = new HashSet<>();
    ledger.forEach(e -> keys.add(e.key().text()));
    assertThat(keys).hasSize(total);
  }

  @Test
  void threads_publishing_different_cards_to_one_customer_make_exactly_one_membership() throws Exception {
    int threads = budget().threads();
    int rounds = Math.max(5, budget().opsPerThread() / 5);
    for (int round = 0; round < rounds; round++) {
      String customer = "cust" + round;
      List<Callable<CommitResult>> publishers = new ArrayList<>();
      Changes pool = changes();
      for (int t = 0; t < threads; t++) {
        Card card = generated("R" + round + "-" + t, "P1");
        pool.insert(card);
        publishers.add(() -> store.commit(changes().write(publish(card, customer)).build()));
      }
      pool.applyTo(store);
      List<CommitResult> results = Race.run(threads, publishers);
      assertThat(results).filteredOn(CommitResult::applied).hasSize(1);
      assertThat(results).filteredOn(r -> !r.applied())
          .allSatisfy(r -> assertThat(r).isEqualTo(Answers.memberTaken("P1", customer)));
      Card winner = store.cardOf(pid("P1"), cust(customer), WalletId.MAIN).orElseThrow();
      assertThat(winner.code().value()).isEqualTo("R" + round + "-" + results.indexOf(CommitResult.APPLIED));
    }
    assertThat(store.unpublishedCards(pid("P1"), "", 10_000)).hasSize(rounds * (threads - 1));
  }

  @Test
  void the_same_event_receipt_committed_from_many_threads_is_applied_exactly_once_and_whole() throws Exception {
    int threads = budget().threads();
    int rounds = Math.max(5, budget().opsPerThread() / 5);
    for (int round = 0; round < rounds; round++) {
      String event = "evt" + round;
      List<Callable<CommitResult>> appliers = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        String card = "E" + round + "-" + t;
        appliers.add(() -> store.commit(changes().insert(generated(card, "P1", 1))
            .entry(entry(card, 1, card + "-k", null)).receipt(event).build()));
      }
      List<CommitResult> results = Race.run(threads, appliers);
      assertThat(results).filteredOn(CommitResult::applied).hasSize(1);
      assertThat(results).filteredOn(r -> !r.applied())
          .allSatisfy(r -> assertThat(r).isEqualTo(Answers.eventTaken(event)));
      assertThat(store.receipt(EventId.of(event))).isPresent();
      int winner = results.indexOf(CommitResult.APPLIED);
      for (int t = 0; t < threads; t++) {
        String card = "E" + round + "-" + t;
        assertThat(store.card(code(card)).isPresent()).as("card %s written", card).isEqualTo(t == winner);
        assertThat(store.entry(LedgerKey.parse(card + "-k")).isPresent()).as("entry of %s written", card).isEqualTo(t == winner);
      }
    }
    assertThat(store.cardCount(pid("P1"))).isEqualTo(rounds);
  }

  @Test
  void racing_redemptions_of_a_reward_never_take_more_than_its_stock() throws Exception {
    int threads = budget().threads();
    long stock = Math.max(10, budget().opsPerThread() / 2L);
    changes().reward(reward("rew1", 1, stock, 0), 0).applyTo(store);
    List<Callable<Integer>> redeemers = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      redeemers.add(() -> {
        int taken = 0;
        while (true) {
          Reward current = store.reward(RewardId.of("rew1")).orElseThrow();
          if (!current.inStock()) {
            return taken;
          }
          CommitResult result = store.commit(changes().reward(current.withRedeemed(current.redeemed() + 1)).build());
          if (result.applied()) {
            taken++;
          } else {
            assertThat(result).isEqualTo(Answers.staleReward("rew1"));
          }
        }
      });
    }
    List<Integer> taken = Race.run(threads, redeemers);
    assertThat(taken.stream().mapToLong(Integer::longValue).sum()).isEqualTo(stock);
    Reward after = store.reward(RewardId.of("rew1")).orElseThrow();
    assertThat(after.redeemed()).isEqualTo(stock);
    assertThat(after.version()).isEqualTo(1 + stock);
  }

  @Test
  void one_redemption_id_inserted_from_many_threads_is_stored_once() throws Exception {
    int threads = budget().threads();
    List<Callable<CommitResult>> inserts = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      int minutes = t;
      inserts.add(() -> store.commit(changes().redemption(redemption("r1", 1, "A", minutes), 0).build()));
    }
    List<CommitResult> results = Race.run(threads, inserts);
    assertThat(results).filteredOn(CommitResult::applied).hasSize(1);
    assertThat(results).filteredOn(r -> !r.applied())
        .allSatisfy(r -> assertThat(r).isEqualTo(Answers.redemptionTaken("r1")));
    int winner = results.indexOf(CommitResult.APPLIED);
    assertThat(store.redemption(RedemptionId.of("r1"))).contains(redemption("r1", 1, "A", winner));
  }

  @Test
  void racing_program_definitions_keep_every_version_with_none_lost() throws Exception {
    int threads = budget().threads();
    int perThread = Math.max(5, budget().opsPerThread() / 10);
    List<Callable<Integer>> definers = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      definers.add(() -> {
        for (int i = 0; i < perThread; ) {
          long latest = store.program(pid("P1")).map(Program::version).orElse(0L);
          CommitResult result = store.commit(changes().program(program("P1", latest + 1), latest).build());
          if (result.applied()) {
            i++;
          } else {
            assertThat(result).isEqualTo(Answers.staleProgram("P1"));
          }
        }
        return perThread;
      });
    }
    Race.run(threads, definers);
    long total = (long) threads * perThread;
    assertThat(store.program(pid("P1"))).contains(program("P1", total));
    for (long v = 1; v <= total; v++) {
      assertThat(store.program(pid("P1"), v)).contains(program("P1", v));
    }
  }

  @Test
  void a_reader_never_sees_a_card_without_exactly_its_committed_ledger() throws Exception {
    changes().insert(generated("W", "P1")).applyTo(store);
    AtomicBoolean writing = new AtomicBoolean(true);
    AtomicReference<String> violation = new AtomicReference<>();
    int commits = budget().opsPerThread() * budget().threads();
    Callable<Integer> reader = () -> {
      int reads = 0;
      while ((writing.get() || reads == 0) && violation.get() == null) {
        Card before = store.card(code("W")).orElseThrow();
        List<LedgerEntry> ledger = store.ledger(code("W"), 0, Integer.MAX_VALUE);
        Card after = store.card(code("W")).orElseThrow();
        boolean contiguous = ledger.isEmpty() || ledger.get(ledger.size() - 1).seq() == ledger.size();
        if (ledger.size() < before.lastSeq() || ledger.size() > after.lastSeq() || !contiguous) {
          violation.set("card lastSeq " + before.lastSeq() + ".." + after.lastSeq() + " but a ledger of " + ledger.size());
        }
        reads++;
      }
      return reads;
    };
    Callable<Integer> writer = () -> {
      try {
        for (int i = 0; i < commits && violation.get() == null; i++) {
          Card card = store.card(code("W")).orElseThrow();
          int count = 1 + i % 3;
          Changes changes = changes().write(advanced(card, card.lastSeq() + count));
          for (int k = 1; k <= count; k++) {
            long seq = card.lastSeq() + k;
            changes.entry(entry("W", seq, "w" + seq, null));
          }
          changes.applyTo(store);
        }
        return commits;
      } finally {
        writing.set(false);
      }
    };
    List<Integer> done = Race.run(2, List.of(reader, writer));
    assertThat(violation.get()).isNull();
    assertThat(done.get(0)).isPositive();
  }
}
