package io.loyalty.core;

import static io.loyalty.core.Fixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.loyalty.spi.CustomerId;
import io.loyalty.spi.store.OutboxEvent;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

@DisplayName("the outbox relay over the in-memory store")
class OutboxRelayTest {
  private final InMemoryLoyaltyStore store = InMemoryLoyaltyStore.create();
  private final MutableClock clock = new MutableClock(T0);
  private final List<OutboxEvent> seen = new ArrayList<>();

  @BeforeEach
  void fourEvents() {
    LoyaltyEngine engine = Fixtures.engine().store(store).build();
    engine.define(Fixtures.program(Fixtures.perAmount("per_euro", 100, 1)));
    var card = engine.enrol(Fixtures.PROGRAM, CustomerId.of("cust_1"));
    for (int i = 0; i < 3; i++) {
      engine.addPoints(card.code(), 5, AddedPointsExpiry.never(), "gift", "src-" + i);
    }
  }

  private OutboxRelay.Builder relay() {
    return OutboxRelay.builder(store, "listeners").owner("r1").clock(clock);
  }

  @Test
  void a_batch_stops_handing_out_events_once_its_lease_ran_out_and_the_next_batch_takes_them() {
    OutboxRelay relay = relay().lease(Duration.ofSeconds(10)).listener(event -> {
      seen.add(event);
      clock.advance(Duration.ofSeconds(6)); // a slow listener: the lease runs out after the second event
    }).build();
    assertThat(relay.runOnce()).isEqualTo(new OutboxRelay.Run(4, 2, 0, 0));
    assertThat(relay.runOnce()).isEqualTo(new OutboxRelay.Run(2, 2, 0, 0));
    assertThat(seen).isEqualTo(store.pending("audit", Set.of(), 10));
  }

  @Test
  void a_listener_gets_only_the_types_it_asks_for_and_the_others_are_acknowledged_past_it() {
    OutboxRelay relay = relay().listener(new LoyaltyListener() {
      @Override
      public void onEvent(OutboxEvent event) {
        seen.add(event);
      }

      @Override
      public Set<OutboxEvent.Type> types() {
        return Set.of(OutboxEvent.Type.MEMBER_JOINED);
      }
    }).build();
    assertThat(relay.runOnce().delivered()).isEqualTo(4);
    assertThat(seen).extracting(OutboxEvent::type).containsExactly(OutboxEvent.Type.MEMBER_JOINED);
    assertThat(store.pending("listeners", Set.of(), 10)).isEmpty();
  }

  @Test
  void listeners_are_called_in_the_order_added_and_one_that_throws_fails_the_event_for_all() {
    List<String> calls = new ArrayList<>();
    OutboxRelay relay = relay().listener(e -> calls.add("first")).listener(e -> {
      throw new IllegalStateException("down");
    }).build();
    assertThat(relay.runOnce()).isEqualTo(new OutboxRelay.Run(4, 0, 1, 0));
    assertThat(calls).containsExactly("first");
    clock.advance(Duration.ofSeconds(1));
    relay.runOnce();
    assertThat(calls).as("the retry calls the first listener again").containsExactly("first", "first");
  }

  @Test
  void stopping_from_inside_a_batch_settles_what_was_handled_and_leaves_the_rest_pending() throws Exception {
    OutboxRelay[] relay = new OutboxRelay[1];
    java.util.concurrent.CountDownLatch handled = new java.util.concurrent.CountDownLatch(1);
    relay[0] = relay().listener(event -> {
      seen.add(event);
      relay[0].stop(Duration.ZERO);
      handled.countDown();
    }).build();
    relay[0].start();
    assertThat(handled.await(30, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
    assertThat(relay[0].stop(Duration.ofSeconds(30))).isTrue();
    assertThat(seen).hasSize(1);
    assertThat(store.pending("listeners", Set.of(), 10)).hasSize(3);
  }

  @Test
  void a_relay_the_executor_refuses_can_be_started_again_and_a_stopped_one_cannot() {
    OutboxRelay relay = relay().listener(seen::add).build();
    assertThatThrownBy(() -> relay.start(task -> {
      throw new java.util.concurrent.RejectedExecutionException("full");
    })).isInstanceOf(java.util.concurrent.RejectedExecutionException.class);
    List<Runnable> tasks = new ArrayList<>();
    relay.start(tasks::add);
    assertThat(tasks).hasSize(1);
    assertThat(relay.stop(Duration.ZERO)).as("its task never ran").isFalse();
    tasks.get(0).run(); // the loop sees the stop at once
    assertThat(relay.stop(Duration.ZERO)).isTrue();
    assertThat(seen).isEmpty();
    OutboxRelay stopped = relay().listener(seen::add).build();
    stopped.stop(Duration.ZERO);
    assertThatThrownBy(stopped::start).isInstanceOf(IllegalStateException.class);
  }

  @Nested
  @DisplayName("configuration")
  class Configuration {
    @Test
    void the_builder_refuses_values_out_of_bounds_naming_them() {
      assertThatThrownBy(() -> relay().batchSize(0)).hasMessageContaining("batchSize");
      assertThatThrownBy(() -> relay().lease(Duration.ZERO)).hasMessageContaining("lease");
      assertThatThrownBy(() -> relay().pollInterval(Duration.ofHours(2))).hasMessageContaining("pollInterval");
      assertThatThrownBy(() -> relay().owner("a b")).hasMessageContaining("owner");
      assertThatThrownBy(() -> OutboxRelay.builder(store, "")).hasMessageContaining("consumer");
      assertThatThrownBy(() -> relay().build()).hasMessageContaining("listener");
      assertThatThrownBy(() -> OutboxRelay.builder(store, "listeners").listener(e -> {}).build())
          .hasMessageContaining("clock");
    }

    @Test
    void a_relay_without_an_owner_gets_one_of_its_consumer_name_and_a_unique_part() {
      LoyaltyListener none = e -> {};
      OutboxRelay a = OutboxRelay.builder(store, "listeners").clock(clock).listener(none).build();
      OutboxRelay b = OutboxRelay.builder(store, "listeners").clock(clock).listener(none).build();
      assertThat(a.owner()).startsWith("listeners-").isNotEqualTo(b.owner());
      assertThat(a.consumer()).isEqualTo("listeners");
    }

    @Test
    void the_retry_delay_doubles_from_the_first_up_to_the_cap_and_the_last_attempt_dead_letters() {
      RetryPolicy policy = RetryPolicy.of(5, Duration.ofSeconds(1), Duration.ofSeconds(5));
      assertThat(List.of(1, 2, 3, 4).stream().map(policy::delayAfter)).containsExactly(Duration.ofSeconds(1),
          Duration.ofSeconds(2), Duration.ofSeconds(4), Duration.ofSeconds(5));
      assertThat(policy.retryAt(T0, 4)).isEqualTo(T0.plusSeconds(5));
      assertThat(policy.retryAt(T0, 5)).isNull();
      assertThat(RetryPolicy.ofDefaults().delayAfter(1000)).isEqualTo(Duration.ofMinutes(10));
    }

    @Test
    void a_retry_policy_out_of_bounds_is_refused() {
      assertThatThrownBy(() -> RetryPolicy.of(0, Duration.ofSeconds(1), Duration.ofSeconds(1)))
          .hasMessageContaining("maxAttempts");
      assertThatThrownBy(() -> RetryPolicy.of(3, Duration.ZERO, Duration.ofSeconds(1)))
          .hasMessageContaining("firstDelay");
      assertThatThrownBy(() -> RetryPolicy.of(3, Duration.ofSeconds(2), Duration.ofSeconds(1)))
          .hasMessageContaining("maxDelay");
    }
  }
}
