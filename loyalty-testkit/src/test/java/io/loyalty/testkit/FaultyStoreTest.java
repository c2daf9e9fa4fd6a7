package io.loyalty.testkit;

import static io.loyalty.testkit.Changes.changes;
import static io.loyalty.testkit.StoreValues.code;
import static io.loyalty.testkit.StoreValues.generated;
import static io.loyalty.testkit.StoreValues.next;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.loyalty.core.InMemoryLoyaltyStore;
import io.loyalty.spi.card.Card;
import io.loyalty.spi.store.CommitResult;
import io.loyalty.spi.store.LoyaltyStore;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("FaultyStore injects the faults its plan names, and the same seed injects the same ones")
class FaultyStoreTest {
  private final LoyaltyStore inner = InMemoryLoyaltyStore.create();

  @Test
  void a_commit_that_fails_before_the_store_writes_nothing() {
    FaultyStore faulty = new FaultyStore(inner, new FaultPlan(0.5, 0, 0, 0, 0, Duration.ZERO), 1);
    int failed = 0;
    for (int i = 0; i < 40; i++) {
      try {
        faulty.commit(changes().insert(generated("C" + i, "P1")).build());
      } catch (FaultInjectedException e) {
        assertThat(e.fault()).isEqualTo(FaultyStore.Fault.FAIL_BEFORE_COMMIT);
        assertThat(e.written()).isFalse();
        assertThat(inner.card(code("C" + i))).isEmpty();
        failed++;
      }
    }
    assertThat(failed).isPositive().isEqualTo(faulty.counts().get(FaultyStore.Fault.FAIL_BEFORE_COMMIT).intValue());
  }

  @Test
  void a_lost_acknowledgement_is_written_but_thrown() {
    FaultyStore faulty = new FaultyStore(inner, new FaultPlan(0, 0.5, 0, 0, 0, Duration.ZERO), 2);
    int lost = 0;
    for (int i = 0; i < 40; i++) {
      try {
        assertThat(faulty.commit(changes().insert(generated("C" + i, "P1")).build())).isEqualTo(CommitResult.APPLIED);
      } catch (FaultInjectedException e) {
        assertThat(e.written()).isTrue();
        lost++;
      }
      assertThat(inner.card(code("C" + i))).isPresent();
    }
    assertThat(lost).isPositive();
  }

  @Test
  void a_stale_read_answers_an_older_version_it_saw_never_a_newer_one() {
    Card c = generated("C", "P1");
    changes().insert(c).applyTo(inner);
    FaultyStore faulty = new FaultyStore(inner, new FaultPlan(0, 0, 0.5, 0, 0, Duration.ZERO), 3);
    Card latest = c;
    int stale = 0;
    for (int i = 0; i < 30; i++) {
      Card read = faulty.card(code("C")).orElseThrow();
      assertThat(read.version()).isLessThanOrEqualTo(latest.version());
      if (read.version() < latest.version()) {
        stale++;
      }
      latest = next(latest);
      changes().write(latest).applyTo(inner);
    }
    assertThat(stale).isPositive();
  }

  @Test
  void the_same_seed_injects_the_same_faults_in_the_same_order() {
    assertThat(trace(77)).isEqualTo(trace(77)).isNotEqualTo(trace(78));
  }

  @Test
  void faults_can_be_suspended_while_a_world_is_set_up() {
    FaultyStore faulty = new FaultyStore(inner, new FaultPlan(0.5, 0.5, 0.5, 0.5, 0.5, Duration.ZERO), 4);
    faulty.withoutFaults(() -> {
      for (int i = 0; i < 20; i++) {
        assertThat(faulty.commit(changes().insert(generated("C" + i, "P1")).build())).isEqualTo(CommitResult.APPLIED);
      }
      return null;
    });
    assertThat(faulty.injected()).isZero();
    assertThatThrownBy(() -> {
      for (int i = 0; i < 20; i++) {
        faulty.card(code("C" + i));
      }
    }).isInstanceOf(FaultInjectedException.class);
  }

  private List<String> trace(long seed) {
    FaultyStore faulty = new FaultyStore(InMemoryLoyaltyStore.create(), FaultPlan.DEFAULT, seed);
    List<String> trace = new ArrayList<>();
    for (int i = 0; i < 200; i++) {
      try {
        faulty.commit(changes().insert(generated("C" + i, "P1")).build());
        trace.add("ok");
      } catch (FaultInjectedException e) {
        trace.add(e.fault().name());
      }
    }
    return trace;
  }
}
