package io.loyalty.testkit;

import static io.loyalty.testkit.Changes.changes;
import static io.loyalty.testkit.PortWorld.assertRejectedAndUnchanged;
import static io.loyalty.testkit.StoreValues.T0;
import static io.loyalty.testkit.StoreValues.code;
import static io.loyalty.testkit.StoreValues.cust;
import static io.loyalty.testkit.StoreValues.pid;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.loyalty.spi.card.Card;
import io.loyalty.spi.store.ClaimedEvent;
import io.loyalty.spi.store.DeadLetter;
import io.loyalty.spi.store.DeliveryFailure;
import io.loyalty.spi.store.LoyaltyStore;
import io.loyalty.spi.store.OutboxEvent;
import io.loyalty.spi.store.OutboxEvent.Type;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The claim contract of the outbox ({@code OutboxStore.claim}, {@code settle}, {@code deadLetters},
 * {@code requeue}): a card's events form a line per consumer, claimed as a prefix under a lease by one owner at a
 * time, acknowledged durably, held back by a failure until its retry time and stopped by a dead letter until it is
 * requeued. Time is the caller's: every instant here is given, nothing sleeps. A store that does not implement claims
 * (the port's defaults throw {@link UnsupportedOperationException}) has these sentences reported as skipped.
 */
@DisplayName("outbox claims: per-card lines under leases, durable acknowledgements, retries and dead letters")
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
public abstract class OutboxClaimContract extends StoreContract {
  private static final String RELAY = "relay";
  private static final Duration LEASE = Duration.ofSeconds(30);
  /** The store of the current test, created by {@link #newStore()} before each test. */
  protected LoyaltyStore store;

  @BeforeEach
  void createStore() {
    store = newStore();
    try {
      store.claim(RELAY, "probe", 1, T0, LEASE);
    } catch (UnsupportedOperationException e) {
      assumeTrue(false, "the store does not implement outbox claims");
    }
    PortWorld.seed(store);
  }

  /** Commits one change of the card carrying an event per id, and returns those events. */
  private List<OutboxEvent> emit(String card, String... ids) {
    Card stored = store.card(code(card)).orElseThrow();
    Changes c = changes().write(StoreValues.next(stored));
    List<OutboxEvent> events = java.util.Arrays.stream(ids).map(id -> new OutboxEvent(id, Type.MEMBER_JOINED,
        code(card), pid("P1"), T0, new OutboxEvent.Membership(cust("cust1")))).toList();
    events.forEach(c::event);
    c.applyTo(store);
    return events;
  }

  private List<OutboxEvent> claim(String owner, int limit, Instant now) {
    return store.claim(RELAY, owner, limit, now, LEASE).stream().map(ClaimedEvent::event).toList();
  }

  private static List<String> ids(List<OutboxEvent> events) {
    return events.stream().map(OutboxEvent::id).toList();
  }

  private void fail(String owner, String id, Instant at, @Nullable Instant retryAt) {
    store.settle(RELAY, owner, List.of(), List.of(new DeliveryFailure(id, at, retryAt, "java.lang.IllegalStateException")));
  }

  @Nested
  @DisplayName("claims")
  class Claims {
    @Test
    void committed_events_are_claimed_in_commit_order_and_a_rejected_changes_are_not() {
      List<OutboxEvent> a = emit("A", "a1", "a2");
      List<OutboxEvent> b = emit("B", "b1");
      Card stale = store.card(code("A")).orElseThrow();
      assertRejectedAndUnchanged(store, changes().write(stale, stale.version() - 1).event(new OutboxEvent("a3",
          Type.MEMBER_JOINED, code("A"), pid("P1"), T0, new OutboxEvent.Membership(cust("cust1")))).build(),
          Answers.staleCard("A"));
      assertThat(claim("r1", 10, T0)).containsExactly(a.get(0), a.get(1), b.get(0));
    }

    @Test
    void a_claimed_line_is_held_by_its_owner_until_the_lease_ends_then_claimed_again_by_another() {
      emit("A", "a1", "a2");
      emit("B", "b1");
      assertThat(ids(claim("r1", 10, T0))).containsExactly("a1", "a2", "b1");
      emit("A", "a3");
      assertThat(claim("r2", 10, T0.plusSeconds(29))).as("every line is r1's, a3's too").isEmpty();
      List<ClaimedEvent> again = store.claim(RELAY, "r2", 10, T0.plus(LEASE), LEASE);
      assertThat(ids(again.stream().map(ClaimedEvent::event).toList())).as("r1 never settled: all of it again")
          .containsExactly("a1", "a2", "b1", "a3");
      assertThat(again).allMatch(c -> c.failures() == 0);
    }

    @Test
    void a_limit_cuts_a_line_into_a_prefix_and_its_rest_stays_with_the_holder() {
      emit("A", "a1", "a2", "a3");
      emit("B", "b1");
      assertThat(ids(claim("r1", 2, T0))).containsExactly("a1", "a2");
      assertThat(ids(claim("r2", 10, T0))).as("a3 is on r1's line").containsExactly("b1");
      assertThat(ids(claim("r1", 10, T0))).as("the holder claiming again gets its line again")
          .containsExactly("a1", "a2", "a3");
    }

    @Test
    void a_settled_batch_is_acknowledged_and_its_lines_are_free_at_once() {
      emit("A", "a1", "a2");
      emit("B", "b1");
      claim("r1", 10, T0);
      store.settle(RELAY, "r1", List.of("a1", "b1"), List.of());
      assertThat(ids(claim("r2", 10, T0))).as("a2 was claimed but not handled").containsExactly("a2");
      store.settle(RELAY, "r2", List.of("a2"), List.of());
      assertThat(claim("r1", 10, T0)).isEmpty();
      assertThat(store.pending(RELAY, Set.of(), 10)).isEmpty();
      assertThat(store.pending("audit", Set.of(), 10)).as("another consumer still has every event").hasSize(3);
    }

    @Test
    void an_acknowledgement_after_the_lease_ran_out_still_counts() {
      emit("A", "a1");
      claim("r1", 10, T0);
      assertThat(ids(claim("r2", 10, T0.plus(LEASE)))).containsExactly("a1");
      store.settle(RELAY, "r1", List.of("a1"), List.of());
      assertThat(claim("r3", 10, T0.plus(LEASE).plus(LEASE))).isEmpty();
    }

    @Test
    void consumers_have_lines_of_their_own() {
      emit("A", "a1");
      claim("r1", 10, T0);
      assertThat(ids(store.claim("audit", "r2", 10, T0, LEASE).stream().map(ClaimedEvent::event).toList()))
          .containsExactly("a1");
    }

    @Test
    void arguments_outside_the_documented_bounds_are_refused() {
      assertThrows(IllegalArgumentException.class, () -> store.claim("a b", "r1", 1, T0, LEASE));
      assertThrows(IllegalArgumentException.class, () -> store.claim(RELAY, "", 1, T0, LEASE));
      assertThrows(IllegalArgumentException.class, () -> store.claim(RELAY, "r1", 0, T0, LEASE));
      assertThrows(IllegalArgumentException.class, () -> store.claim(RELAY, "r1", 1, T0, Duration.ZERO));
      assertThrows(IllegalArgumentException.class, () -> store.claim(RELAY, "r1", 1, T0, Duration.ofDays(2)));
    }
  }

  @Nested
  @DisplayName("failures and dead letters")
  class Failures {
    @Test
    void a_failed_event_holds_its_line_until_the_retry_time_while_other_cards_flow() {
      emit("A", "a1", "a2");
      emit("B", "b1");
      claim("r1", 10, T0);
      store.settle(RELAY, "r1", List.of("b1"), List.of(
          new DeliveryFailure("a1", T0, T0.plusSeconds(5), "java.lang.IllegalStateException")));
      emit("B", "b2");
      assertThat(ids(claim("r2", 10, T0.plusSeconds(4)))).containsExactly("b2");
      store.settle(RELAY, "r2", List.of("b2"), List.of());
      List<ClaimedEvent> retried = store.claim(RELAY, "r2", 10, T0.plusSeconds(5), LEASE);
      assertThat(retried).extracting(c -> c.event().id(), ClaimedEvent::failures)
          .containsExactly(org.assertj.core.groups.Tuple.tuple("a1", 1), org.assertj.core.groups.Tuple.tuple("a2", 0));
    }

    @Test
    void failures_of_one_event_are_counted_and_a_dead_letter_stops_its_card_until_requeued() {
      List<OutboxEvent> a = emit("A", "a1", "a2");
      Instant now = T0;
      for (int attempt = 1; attempt <= 2; attempt++) {
        List<ClaimedEvent> got = store.claim(RELAY, "r1", 10, now, LEASE);
        assertThat(got.get(0).failures()).isEqualTo(attempt - 1);
        fail("r1", "a1", now, now.plusSeconds(1));
        now = now.plusSeconds(1);
      }
      claim("r1", 10, now);
      fail("r1", "a1", now, null);
      assertThat(claim("r2", 10, now.plus(Duration.ofDays(365)))).as("the dead letter stops card A").isEmpty();
      List<DeadLetter> dead = store.deadLetters(RELAY, 10);
      assertThat(dead).containsExactly(new DeadLetter(a.get(0), 3, now, "java.lang.IllegalStateException"));
      assertThat(store.deadLetters("audit", 10)).isEmpty();
      assertThat(store.requeue(RELAY, List.of("a2", "no-such-event"))).as("a2 is not dead").isZero();
      assertThat(store.requeue(RELAY, List.of("a1"))).isEqualTo(1);
      assertThat(store.deadLetters(RELAY, 10)).isEmpty();
      assertThat(store.claim(RELAY, "r2", 10, now, LEASE)).extracting(c -> c.event().id(), ClaimedEvent::failures)
          .containsExactly(org.assertj.core.groups.Tuple.tuple("a1", 0), org.assertj.core.groups.Tuple.tuple("a2", 0));
    }

    @Test
    void dead_letters_are_listed_in_commit_order_within_the_limit() {
      emit("B", "b1");
      emit("A", "a1");
      claim("r1", 10, T0);
      store.settle(RELAY, "r1", List.of(), List.of(new DeliveryFailure("a1", T0, null, "x.A"),
          new DeliveryFailure("b1", T0, null, "x.B")));
      assertThat(store.deadLetters(RELAY, 10)).extracting(d -> d.event().id()).containsExactly("b1", "a1");
      assertThat(store.deadLetters(RELAY, 1)).extracting(d -> d.event().id()).containsExactly("b1");
    }

    @Test
    void a_failure_reported_by_an_owner_that_lost_its_line_is_ignored() {
      emit("A", "a1");
      claim("r1", 10, T0);
      assertThat(ids(claim("r2", 10, T0.plus(LEASE)))).containsExactly("a1");
      fail("r1", "a1", T0.plus(LEASE), null);
      assertThat(store.deadLetters(RELAY, 10)).isEmpty();
      store.settle(RELAY, "r2", List.of("a1"), List.of());
      assertThat(store.pending(RELAY, Set.of(), 10)).isEmpty();
    }

    @Test
    void acknowledging_a_failed_event_frees_its_line() {
      emit("A", "a1", "a2");
      claim("r1", 10, T0);
      fail("r1", "a1", T0, null);
      store.acknowledge(RELAY, List.of("a1"));
      assertThat(store.deadLetters(RELAY, 10)).isEmpty();
      assertThat(ids(claim("r2", 10, T0))).containsExactly("a2");
    }
  }
}
