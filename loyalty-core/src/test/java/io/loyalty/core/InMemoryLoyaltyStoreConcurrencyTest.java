package io.loyalty.core;

import static io.loyalty.core.InMemoryLoyaltyStoreTest.Fixture.*;
import static org.assertj.core.api.Assertions.assertThat;

import io.loyalty.spi.EventId;
import io.loyalty.spi.card.Card;
import io.loyalty.spi.card.LedgerEntry;
import io.loyalty.spi.store.CommitResult;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@DisplayName("InMemoryLoyaltyStore under concurrent commits from real threads")
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
@Timeout(value = 10, unit = TimeUnit.SECONDS)
class InMemoryLoyaltyStoreConcurrencyTest {
  private static final int THREADS = 8;

  private final InMemoryLoyaltyStore store = InMemoryLoyaltyStore.create();
  private final ExecutorService pool = Executors.newFixedThreadPool(THREADS);

  @AfterEach
  void stopThreads() throws InterruptedException {
    pool.shutdownNow();
    assertThat(pool.awaitTermination(5, TimeUnit.SECONDS)).isTrue();
  }

  /** Runs the tasks on the pool, released together by one start gate, and returns their results in order. */
  private <T> List<T> race(List<Callable<T>> tasks) throws Exception {
    CountDownLatch gate = new CountDownLatch(1);
    List<Future<T>> futures = new ArrayList<>();
    for (Callable<T> task : tasks) {
      futures.add(pool.submit(() -> {
        assertThat(gate.await(5, TimeUnit.SECONDS)).isTrue();
        return task.call();
      }));
    }
    gate.countDown();
    List<T> results = new ArrayList<>();
    for (Future<T> future : futures) {
      results.add(future.get(8, TimeUnit.SECONDS));
    }
    return results;
  }

  @Test
  void read_modify_compare_and_set_loops_lose_no_update_and_keep_the_ledger_contiguous() throws Exception {
    int perThread = 500;
    applied(store, changes().insert(generated("HOT", "P1")));
    List<Callable<Integer>> writers = new ArrayList<>();
    for (int t = 0; t < THREADS; t++) {
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
            assertThat(result).isEqualTo(new CommitResult.Conflict("card:HOT"));
            conflicts++;
          }
        }
        return conflicts;
      });
    }
    race(writers);

    int total = THREADS * perThread;
    Card card = store.card(code("HOT")).orElseThrow();
    List<LedgerEntry> ledger = store.ledger(code("HOT"), 0, Integer.MAX_VALUE);
    assertThat(card.version()).isEqualTo(1 + total);
    assertThat(card.lastSeq()).isEqualTo(total);
    assertThat(ledger).extracting(LedgerEntry::seq).containsExactlyElementsOf(range(1, total));
    Set<String> expectedKeys = new HashSet<>();
    for (int t = 0; t < THREADS; t++) {
      for (int i = 0; i < perThread; i++) {
        expectedKeys.add("t" + t + "-" + i);
      }
    }
    assertThat(ledger).extracting(LedgerEntry::key).containsExactlyInAnyOrderElementsOf(expectedKeys);
  }

  @Test
  void threads_publishing_different_cards_to_one_customer_make_exactly_one_membership() throws Exception {
    for (int round = 0; round < 40; round++) {
      String customer = "cust" + round;
      List<Callable<CommitResult>> publishers = new ArrayList<>();
      for (int t = 0; t < THREADS; t++) {
        Card card = generated("R" + round + "-" + t, "P1");
        applied(store, changes().insert(card));
        publishers.add(() -> store.commit(changes().write(publish(card, customer)).build()));
      }
      List<CommitResult> results = race(publishers);

      assertThat(results).filteredOn(CommitResult::applied).hasSize(1);
      assertThat(results).filteredOn(r -> !r.applied()).hasSize(THREADS - 1)
          .allSatisfy(r -> assertThat(r).isEqualTo(new CommitResult.Duplicate("member:P1:" + customer)));
      Card winner = store.cardOf(pid("P1"), cust(customer)).orElseThrow();
      assertThat(winner.code().value()).isEqualTo("R" + round + "-" + results.indexOf(CommitResult.APPLIED));
    }
    assertThat(store.unpublishedCards(pid("P1"), "", 1000)).hasSize(40 * (THREADS - 1));
  }

  @Test
  void the_same_event_receipt_committed_from_many_threads_is_applied_exactly_once() throws Exception {
    for (int round = 0; round < 40; round++) {
      String event = "evt" + round;
      List<Callable<CommitResult>> appliers = new ArrayList<>();
      for (int t = 0; t < THREADS; t++) {
        String code = "E" + round + "-" + t;
        appliers.add(() -> store.commit(changes().insert(generated(code, "P1", 1))
            .entry(entry(code, 1, code + "-k", null)).receipt(event).build()));
      }
      List<CommitResult> results = race(appliers);

      assertThat(results).filteredOn(CommitResult::applied).hasSize(1);
      assertThat(results).filteredOn(r -> !r.applied())
          .allSatisfy(r -> assertThat(r).isEqualTo(new CommitResult.Duplicate("event:" + event)));
      assertThat(store.receipt(EventId.of(event))).isPresent();
      int winner = results.indexOf(CommitResult.APPLIED);
      for (int t = 0; t < THREADS; t++) {
        // All-or-nothing: only the winner's card and entry were written.
        assertThat(store.card(code("E" + round + "-" + t)).isPresent()).isEqualTo(t == winner);
      }
    }
    assertThat(store.cardCount(pid("P1"))).isEqualTo(40);
  }

  @Test
  void a_reader_never_sees_a_card_without_exactly_its_committed_ledger() throws Exception {
    applied(store, changes().insert(generated("W", "P1")));
    AtomicBoolean writing = new AtomicBoolean(true);
    AtomicReference<String> violation = new AtomicReference<>();
    Future<Integer> reader = pool.submit(() -> {
      int reads = 0;
      while (writing.get() && violation.get() == null) {
        Card before = store.card(code("W")).orElseThrow();
        List<LedgerEntry> ledger = store.ledger(code("W"), 0, Integer.MAX_VALUE);
        Card after = store.card(code("W")).orElseThrow();
        boolean contiguous = ledger.isEmpty() || ledger.get(ledger.size() - 1).seq() == ledger.size();
        if (ledger.size() < before.lastSeq() || ledger.size() > after.lastSeq() || !contiguous) {
          violation.set("card lastSeq " + before.lastSeq() + ".." + after.lastSeq() + " but ledger of " + ledger.size());
        }
        reads++;
      }
      return reads;
    });
    Future<?> writer = pool.submit(() -> {
      try {
        for (int i = 0; i < 3000 && violation.get() == null; i++) {
          Card card = store.card(code("W")).orElseThrow();
          int count = 1 + i % 3;
          InMemoryLoyaltyStoreTest.Changes changes = changes().write(advanced(card, card.lastSeq() + count));
          for (int k = 1; k <= count; k++) {
            long seq = card.lastSeq() + k;
            changes.entry(entry("W", seq, "w" + seq, null));
          }
          assertThat(store.commit(changes.build())).isEqualTo(CommitResult.APPLIED);
        }
      } finally {
        writing.set(false);
      }
      return null;
    });
    writer.get(8, TimeUnit.SECONDS);
    assertThat(reader.get(8, TimeUnit.SECONDS)).isPositive();
    assertThat(violation.get()).isNull();
    assertThat(store.ledger(code("W"), 0, Integer.MAX_VALUE)).hasSize(6000);
  }
}
