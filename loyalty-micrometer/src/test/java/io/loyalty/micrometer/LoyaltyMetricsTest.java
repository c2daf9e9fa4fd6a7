package io.loyalty.micrometer;

import static org.assertj.core.api.Assertions.assertThat;

import io.loyalty.core.AddedPointsExpiry;
import io.loyalty.core.InMemoryLoyaltyStore;
import io.loyalty.core.LoyaltyEngine;
import io.loyalty.core.OutboxRelay;
import io.loyalty.spi.AssignmentId;
import io.loyalty.spi.CardCode;
import io.loyalty.spi.CustomerId;
import io.loyalty.spi.ProgramId;
import io.loyalty.spi.RedemptionId;
import io.loyalty.spi.RewardId;
import io.loyalty.spi.card.EntryType;
import io.loyalty.spi.program.Program;
import io.loyalty.spi.reward.Redemption;
import io.loyalty.spi.store.OutboxEvent;
import io.loyalty.webhooks.DeliveryAttempt;
import io.loyalty.webhooks.WebhookRejectedException;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("the Micrometer binder, on a SimpleMeterRegistry")
class LoyaltyMetricsTest {
  private static final Instant T0 = Instant.parse("2024-03-04T10:00:00Z");
  private static final ProgramId PROGRAM = ProgramId.of("camp_test");

  private final InMemoryLoyaltyStore store = InMemoryLoyaltyStore.create();
  private final MutableClock clock = new MutableClock(T0);
  private final LoyaltyMetrics metrics = LoyaltyMetrics.create(clock);
  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  private LoyaltyEngine engine;
  private OutboxRelay relay;
  private CardCode card;

  @BeforeEach
  void anEngineWiredToTheMetrics() {
    engine = LoyaltyEngine.builder().store(store).clock(clock).commitObserver(metrics.commitObserver()).build();
    engine.define(Program.builder(PROGRAM, "Test program").build());
    relay = OutboxRelay.builder(store, "metrics").clock(clock).listener(metrics.listener()).build();
    metrics.bindTo(registry);
    card = engine.enrol(PROGRAM, CustomerId.of("cust_1")).code();
    engine.addPoints(card, 5, AddedPointsExpiry.never(), "welcome", "src-1");
    engine.addPoints(card, 7, AddedPointsExpiry.never(), "bonus", "src-2");
    engine.removePoints(card, 3, "correction", "src-3");
  }

  private double counter(String name, String... tags) {
    return registry.get(name).tags(tags).functionCounter().count();
  }

  @Test
  void counts_committed_events_by_type_and_points_issued_and_deducted_once_delivered() {
    assertThat(counter("loyalty.events", "type", "points.added")).as("nothing before the relay ran").isZero();
    relay.runOnce();
    assertThat(counter("loyalty.events", "type", "member.joined")).isEqualTo(1);
    assertThat(counter("loyalty.events", "type", "points.added")).isEqualTo(2);
    assertThat(counter("loyalty.events", "type", "points.deducted")).isEqualTo(1);
    assertThat(counter("loyalty.points.issued")).isEqualTo(12);
    assertThat(counter("loyalty.points.deducted")).isEqualTo(3);
    assertThat(registry.get("loyalty.outbox.delivery").timer().count()).isEqualTo(4);
  }

  @Test
  void counts_points_spent_and_expired_and_redemptions_by_outcome() {
    var added = ((OutboxEvent.Transaction) store.pending("x", Set.of(OutboxEvent.Type.POINTS_ADDED), 1).get(0)
        .payload()).entry();
    var expiry = added.toBuilder().type(EntryType.POINTS_EXPIRATION).points(-4).build();
    var spend = added.toBuilder().type(EntryType.POINTS_REDEMPTION).points(-6).build();
    metrics.listener().onEvent(new OutboxEvent("e1", OutboxEvent.Type.POINTS_EXPIRED, card, PROGRAM, T0,
        new OutboxEvent.Transaction(expiry)));
    metrics.listener().onEvent(new OutboxEvent("e2", OutboxEvent.Type.POINTS_REDEEMED, card, PROGRAM, T0,
        new OutboxEvent.Transaction(spend)));
    Redemption ok = redemption(Redemption.Status.SUCCEEDED);
    metrics.listener().onEvent(new OutboxEvent("r1", OutboxEvent.Type.REWARD_REDEEMED, card, PROGRAM, T0,
        new OutboxEvent.RedemptionChange(ok)));
    metrics.listener().onEvent(new OutboxEvent("r2", OutboxEvent.Type.REDEMPTION_FAILED, card, PROGRAM, T0,
        new OutboxEvent.RedemptionChange(redemption(Redemption.Status.FAILED))));

    assertThat(counter("loyalty.points.expired")).isEqualTo(4);
    assertThat(counter("loyalty.points.spent")).isEqualTo(6);
    assertThat(counter("loyalty.redemptions", "outcome", "succeeded")).isEqualTo(1);
    assertThat(counter("loyalty.redemptions", "outcome", "failed")).isEqualTo(1);
    assertThat(counter("loyalty.redemptions", "outcome", "rolled_back")).isZero();
  }

  private Redemption redemption(Redemption.Status status) {
    return Redemption.builder().id(RedemptionId.of("red_1")).version(1).program(PROGRAM).card(card)
        .assignment(AssignmentId.of("rewa_1")).reward(RewardId.of("rew_1")).at(T0).status(status)
        .failureCode(status == Redemption.Status.FAILED ? "loyalty_card_points_exceeded" : null)
        .fulfilment(Redemption.Fulfilment.NONE).points(status == Redemption.Status.FAILED ? 0 : 10).build();
  }

  @Test
  void counts_commit_conflicts_retries_and_operations_that_gave_up() {
    metrics.commitObserver().conflicted(1, true);
    metrics.commitObserver().conflicted(2, true);
    metrics.commitObserver().conflicted(64, false);
    assertThat(counter("loyalty.commit.conflicts")).isEqualTo(3);
    assertThat(counter("loyalty.commit.retries")).isEqualTo(2);
    assertThat(counter("loyalty.commit.exhausted")).isEqualTo(1);
  }

  @Test
  void the_outbox_lag_is_the_age_of_the_consumer_oldest_unacknowledged_event() {
    metrics.watchOutbox(store, "metrics");
    clock.advance(Duration.ofSeconds(30));
    assertThat(registry.get("loyalty.outbox.lag").tags("consumer", "metrics").gauge().value()).isEqualTo(30);
    relay.runOnce();
    assertThat(registry.get("loyalty.outbox.lag").tags("consumer", "metrics").gauge().value()).isZero();
  }

  @Test
  void the_liability_gauge_is_the_program_outstanding_points_read_again_after_the_refresh_interval() {
    metrics.watchLiability(engine, PROGRAM);
    assertThat(registry.get("loyalty.liability").tags("program", "camp_test").gauge().value()).isEqualTo(9);
    engine.addPoints(card, 100, AddedPointsExpiry.never(), "more", "src-4");
    assertThat(registry.get("loyalty.liability").gauge().value()).as("cached").isEqualTo(9);
    clock.advance(Duration.ofMinutes(1));
    assertThat(registry.get("loyalty.liability").gauge().value()).isEqualTo(109);
    assertThat(registry.get("loyalty.liability.pending").gauge().value()).isZero();
  }

  @Test
  void counts_webhook_failures_by_endpoint_and_error_and_times_every_request() {
    var log = metrics.deliveryLog();
    log.record(new DeliveryAttempt("crm", "entry:x#1", "whs_1", "customer.voucher.loyalty_card.points_added", 1, T0,
        false, 500, WebhookRejectedException.class.getName(), Duration.ofMillis(3)));
    log.record(new DeliveryAttempt("crm", "entry:x#1", "whs_1", "customer.voucher.loyalty_card.points_added", 2, T0,
        true, 200, null, Duration.ofMillis(2)));
    assertThat(registry.get("loyalty.webhook.failures").tags("endpoint", "crm", "error", "WebhookRejectedException")
        .counter().count()).isEqualTo(1);
    assertThat(registry.get("loyalty.webhook.requests").tags("endpoint", "crm", "outcome", "delivered").timer()
        .count()).isEqualTo(1);
    assertThat(registry.get("loyalty.webhook.requests").tags("outcome", "failed").timer().count()).isEqualTo(1);
  }

  @Test
  void events_delivered_before_the_binder_was_bound_are_counted_too() {
    LoyaltyMetrics late = LoyaltyMetrics.create(clock);
    OutboxRelay.builder(store, "late").clock(clock).listener(late.listener()).build().runOnce();
    SimpleMeterRegistry other = new SimpleMeterRegistry();
    late.bindTo(other);
    assertThat(other.get("loyalty.points.issued").functionCounter().count()).isEqualTo(12);
  }
}
