package io.loyalty.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectMethod;

import io.loyalty.core.InMemoryLoyaltyStore;
import io.loyalty.spi.store.LoyaltyStore;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;
import org.junit.platform.testkit.engine.Events;

/**
 * The kit is only worth something if it fails broken adapters: each mutant here runs a contract through JUnit's
 * {@link EngineTestKit}, and the contract must report failures, naming the sentences a correct store keeps.
 */
@DisplayName("the kit fails deliberately broken stores")
class KitCatchesMutantsTest {

  /** The compare-and-set contract against a store that ignores expected versions. */
  static class VersionBlindCompareAndSet extends CompareAndSetContract {
    @Override
    protected LoyaltyStore newStore() {
      return new VersionBlindStore(InMemoryLoyaltyStore.create());
    }
  }

  /** The engine races against a store that ignores expected versions. */
  static class VersionBlindEngineRaces extends EngineConcurrencyContract {
    @Override
    protected LoyaltyStore newStore() {
      return new VersionBlindStore(InMemoryLoyaltyStore.create());
    }
  }

  /** The engine races against a store that ignores expected versions of rewards. */
  static class StockBlindEngineRaces extends EngineConcurrencyContract {
    @Override
    protected LoyaltyStore newStore() {
      return new StockBlindStore(InMemoryLoyaltyStore.create());
    }
  }

  /** The all-or-nothing contract against a store that commits write by write. */
  static class PartialAllOrNothing extends AllOrNothingContract {
    @Override
    protected LoyaltyStore newStore() {
      return new PartialCommitStore(InMemoryLoyaltyStore.create());
    }
  }

  /** The unique-key contract against a store that commits write by write. */
  static class PartialUniqueKeys extends UniqueKeyContract {
    @Override
    protected LoyaltyStore newStore() {
      return new PartialCommitStore(InMemoryLoyaltyStore.create());
    }
  }

  /** The claim contract against a store that forgets the lease asked for and holds a claim for a millisecond. */
  static class LeaseBlindClaims extends OutboxClaimContract {
    @Override
    protected LoyaltyStore newStore() {
      return new ForwardingStore(InMemoryLoyaltyStore.create()) {
        @Override
        public List<io.loyalty.spi.store.ClaimedEvent> claim(String consumer, String owner, int limit,
            java.time.Instant now, java.time.Duration lease) {
          return delegate.claim(consumer, owner, limit, now, java.time.Duration.ofMillis(1));
        }
      };
    }
  }

  /** The relay against a store that hands a claim's events out newest first. */
  static class OrderBlindRelay extends OutboxRelayContract {
    @Override
    protected LoyaltyStore newStore() {
      return new ForwardingStore(InMemoryLoyaltyStore.create()) {
        @Override
        public List<io.loyalty.spi.store.ClaimedEvent> claim(String consumer, String owner, int limit,
            java.time.Instant now, java.time.Duration lease) {
          List<io.loyalty.spi.store.ClaimedEvent> claimed = new java.util.ArrayList<>(
              delegate.claim(consumer, owner, limit, now, lease));
          java.util.Collections.reverse(claimed);
          return claimed;
        }
      };
    }
  }

  /** The component contract against a store that writes a component's version over whatever is stored. */
  static class VersionBlindComponents extends ComponentContract {
    @Override
    protected LoyaltyStore newStore() {
      return new ForwardingStore(InMemoryLoyaltyStore.create()) {
        @Override
        public io.loyalty.spi.store.CommitResult commit(io.loyalty.spi.store.ChangeSet changes) {
          io.loyalty.spi.store.ChangeSet.Builder blind = io.loyalty.spi.store.ChangeSet.builder();
          changes.programs().forEach(blind::program);
          blind.cards(changes.cards()).entries(changes.entries()).receipt(changes.receipt())
              .rewards(changes.rewards()).redemptions(changes.redemptions()).events(changes.events());
          for (io.loyalty.spi.store.ComponentWrite w : changes.components()) {
            io.loyalty.spi.program.Component part = w.component().component();
            long latest = delegate.component(part.kind(), part.componentId())
                .map(io.loyalty.spi.store.StoredComponent::version).orElse(0L);
            io.loyalty.spi.store.StoredComponent c = w.component();
            blind.component(new io.loyalty.spi.store.ComponentWrite(new io.loyalty.spi.store.StoredComponent(
                c.component(), c.status(), latest + 1, c.createdAt(), c.updatedAt()), latest));
          }
          return delegate.commit(blind.build());
        }
      };
    }
  }

  /** The in-memory store itself, to show the same run passes when nothing is broken. */
  static class CorrectAllOrNothing extends AllOrNothingContract {
    @Override
    protected LoyaltyStore newStore() {
      return InMemoryLoyaltyStore.create();
    }
  }

  private static Events run(Class<?> contract) {
    return EngineTestKit.engine("junit-jupiter").selectors(selectClass(contract)).execute().testEvents();
  }

  private static List<String> failedNames(Events events) {
    return events.failed().stream().map(Event::getTestDescriptor).map(d -> d.getDisplayName()).toList();
  }

  @Test
  void a_store_that_ignores_expected_component_versions_fails_the_component_sentences() {
    assertThat(failedNames(run(VersionBlindComponents.class)))
        .contains("a component write over a stale or skipped version is a conflict and writes nothing");
  }

  @Test
  void a_store_that_ignores_expected_versions_fails_the_compare_and_set_sentences() {
    Events events = run(VersionBlindCompareAndSet.class);
    assertThat(failedNames(events)).contains("a stale card write is a conflict",
        "a version other than expected plus one is a conflict");
  }

  @Test
  void a_store_that_ignores_expected_versions_gives_one_card_to_two_customers_under_the_engine_races() {
    // Lost updates of a card's points are still caught by the (card, seq) key; a publication has no entry to
    // collide on, so two racing enrolments both win the same card.
    // A race shows itself only when two threads pick the same card at the same moment: repeat until it does.
    List<String> enrolments = List.of("several threads enrolling into an auto update pool all get their own card",
        "several threads enrolling into a static pool never share a card and exhaust it exactly");
    List<String> failed = List.of();
    for (int attempt = 0; attempt < 20 && failed.stream().noneMatch(enrolments::contains); attempt++) {
      failed = failedNames(run(VersionBlindEngineRaces.class));
    }
    assertThat(failed).containsAnyElementsOf(enrolments);
  }

  @Test
  void a_store_that_ignores_expected_versions_of_rewards_oversells_a_limited_reward_under_the_engine_races() {
    String stock = "several threads racing for a limited reward across many cards never oversell it";
    List<String> failed = List.of();
    for (int attempt = 0; attempt < 20 && !failed.contains(stock); attempt++) {
      failed = failedNames(EngineTestKit.engine("junit-jupiter")
          .selectors(selectMethod(StockBlindEngineRaces.class, "several_threads_racing_for_a_limited_reward_across_many_cards_never_oversell_it"))
          .execute().testEvents());
    }
    assertThat(failed).contains(stock);
  }

  @Test
  void a_store_that_commits_write_by_write_fails_all_or_nothing() {
    Events events = run(PartialAllOrNothing.class);
    assertThat(events.failed().count()).isGreaterThanOrEqualTo(8);
    assertThat(events.failed().stream().map(e -> e.getPayload(TestExecutionResult.class).orElseThrow()
        .getThrowable().orElseThrow().getMessage())).anyMatch(m -> m.contains("every read after a change set answered"));
  }

  @Test
  void a_store_that_commits_write_by_write_fails_the_unique_key_sentences() {
    Events events = run(PartialUniqueKeys.class);
    assertThat(failedNames(events)).contains("inserting one code twice in a change set is a duplicate code",
        "publishing a second card to a member is a duplicate membership");
  }

  @Test
  void a_store_that_forgets_leases_fails_the_claim_sentences_on_held_lines() {
    assertThat(failedNames(run(LeaseBlindClaims.class))).contains(
        "a claimed line is held by its owner until the lease ends then claimed again by another");
  }

  @Test
  void a_store_that_hands_out_a_claim_newest_first_fails_the_relays_per_card_order() {
    assertThat(failedNames(run(OrderBlindRelay.class))).contains(
        "a relay hands every committed event to its listener in commit order and acknowledges it",
        "a relay killed mid batch loses nothing another delivers its events after the lease");
  }

  @Test
  void the_same_contract_passes_on_the_correct_store() {
    Events events = run(CorrectAllOrNothing.class);
    assertThat(events.failed().count()).isZero();
    assertThat(events.succeeded().count()).isGreaterThanOrEqualTo(12);
  }
}
