package io.loyalty.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.loyalty.spi.ErrorCode;
import io.loyalty.spi.MetaValue;
import io.loyalty.spi.Metadata;
import io.loyalty.spi.program.Program;
import io.loyalty.spi.reward.Reward;
import io.loyalty.spi.reward.RewardAssignment;
import io.loyalty.spi.reward.RewardKind;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Edits of definitions compare and set: a stale edit is a typed conflict, concurrent edits lose none. */
class DefinitionEditsTest {
  private final LoyaltyEngine engine = Fixtures.engine().build();

  @Test
  void an_edit_against_the_version_read_is_stored_and_a_stale_one_is_a_conflict_that_stores_nothing() {
    Program v1 = engine.define(Fixtures.program(Fixtures.perAmount("per_dollar", 100, 1)), 0);
    Program v2 = engine.define(v1.toBuilder().metadata(Metadata.of("label", "Renamed")).build(), v1.version());
    assertThat(v2.version()).isEqualTo(2);
    DefinitionConflictException stale = catchThrowableOfType(DefinitionConflictException.class,
        () -> engine.define(v1.toBuilder().metadata(Metadata.of("label", "Stale")).build(), v1.version()));
    assertThat(stale.errorCode()).isEqualTo(ErrorCode.DEFINITION_CONFLICT);
    assertThat(stale.expectedVersion()).isEqualTo(1);
    assertThat(stale.storedVersion()).isEqualTo(2);
    assertThat(engine.program(Fixtures.PROGRAM).metadata().get("label")).isEqualTo(MetaValue.of("Renamed"));
    assertThat(catchThrowableOfType(DefinitionConflictException.class,
        () -> engine.define(v1, 0))).isNotNull();
  }

  @Test
  void a_reward_edit_compares_and_sets_too() {
    Reward r1 = engine.defineReward(Reward.of("rew_1", "Mug", RewardKind.Campaign.coupon("camp_c")), 0);
    engine.defineReward(Reward.of("rew_1", "Cup", RewardKind.Campaign.coupon("camp_c")), r1.version());
    assertThat(catchThrowableOfType(DefinitionConflictException.class,
        () -> engine.defineReward(Reward.of("rew_1", "Bowl", RewardKind.Campaign.coupon("camp_c")), r1.version())))
        .isNotNull();
    assertThat(engine.reward(r1.id()).name()).isEqualTo("Cup");
  }

  @Test
  void regression_racing_reward_assignments_are_all_kept() throws Exception {
    engine.define(Fixtures.program(Fixtures.perAmount("per_dollar", 100, 1)));
    Reward mug = engine.defineReward(Reward.of("rew_mug", "Mug", RewardKind.Campaign.coupon("camp_c")));
    int threads = 4;
    int each = 15;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    CountDownLatch start = new CountDownLatch(1);
    List<Future<?>> done = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      int thread = t;
      done.add(pool.submit(() -> {
        start.await();
        for (int i = 0; i < each; i++) {
          engine.assignReward(Fixtures.PROGRAM, RewardAssignment.of("rewa_" + thread + "_" + i, mug.id(), 10 + i));
        }
        return null;
      }));
    }
    start.countDown();
    for (Future<?> f : done) {
      f.get(60, TimeUnit.SECONDS);
    }
    pool.shutdown();
    Program last = engine.program(Fixtures.PROGRAM);
    assertThat(last.rewards()).hasSize(threads * each);
    assertThat(last.version()).isEqualTo(1 + threads * each);
  }

  @Test
  void racing_edits_against_one_version_store_exactly_one() throws Exception {
    Program v1 = engine.define(Fixtures.program(Fixtures.perAmount("per_dollar", 100, 1)));
    ExecutorService pool = Executors.newFixedThreadPool(4);
    CountDownLatch start = new CountDownLatch(1);
    List<Future<Boolean>> done = new ArrayList<>();
    for (int t = 0; t < 8; t++) {
      int thread = t;
      done.add(pool.submit(() -> {
        start.await();
        try {
          engine.define(v1.toBuilder().metadata(Metadata.of("label", "edit " + thread)).build(), v1.version());
          return true;
        } catch (DefinitionConflictException lost) {
          return false;
        }
      }));
    }
    start.countDown();
    int stored = 0;
    for (Future<Boolean> f : done) {
      stored += f.get(60, TimeUnit.SECONDS) ? 1 : 0;
    }
    pool.shutdown();
    assertThat(stored).isEqualTo(1);
    assertThat(engine.program(Fixtures.PROGRAM).version()).isEqualTo(2);
  }
}
