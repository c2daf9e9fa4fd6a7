package io.loyalty.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.loyalty.spi.card.Card;
import io.loyalty.spi.card.EntryType;
import io.loyalty.spi.card.LedgerEntry;
import io.loyalty.spi.card.Lot;
import io.loyalty.spi.event.Customer;
import io.loyalty.spi.event.Order;
import io.loyalty.spi.event.OrderPaid;
import io.loyalty.spi.program.CardTemplate;
import io.loyalty.spi.program.EarningRule;
import io.loyalty.spi.program.ExpirationRule;
import io.loyalty.spi.program.PendingPoints;
import io.loyalty.spi.program.Program;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Pending points: credited as pending, usable from 00:00 of earn day + N, expiry counted from activation. */
class PendingPointsTest {
  final Customer alice = Fixtures.customer("alice");
  final MutableClock clock = new MutableClock(Instant.parse("2026-03-02T09:00:00Z"));
  LoyaltyEngine engine;
  Card card;

  @BeforeEach
  void setUp() {
    EarningRule pending = Fixtures.perAmount("r", 100, 1).toBuilder().pendingPoints(new PendingPoints(10)).build();
    engine = LoyaltyEngine.builder().clock(clock).random(Fixtures.seeded(3)).build();
    engine.define(Program.builder(Fixtures.PROGRAM, "p").zone(ZoneOffset.UTC)
        .card(CardTemplate.DEFAULT.withExpiration(ExpirationRule.months(1))).earningRules(List.of(pending)).build());
    card = engine.enrol(Fixtures.PROGRAM, alice.id());
    engine.apply(OrderPaid.of("e1", Instant.parse("2026-03-02T09:00:00Z"), alice, Order.ofAmount("o1", "EUR", 5_000)));
  }

  Lot pendingLot() {
    return engine.card(card.code()).lots().get(0);
  }

  @Test
  void pending_points_are_not_in_the_balance_until_00_00_of_the_earn_day_plus_ten_days() {
    assertThat(engine.ledger(card.code())).singleElement()
        .satisfies(e -> assertThat(e.type()).isEqualTo(EntryType.PENDING_POINTS_ADDED))
        .satisfies(e -> assertThat(e.pending()).isEqualTo(50))
        .satisfies(e -> assertThat(e.points()).isZero());
    assertThat(engine.balance(card.code(), Instant.parse("2026-03-11T23:59:59Z"))).isZero();
    assertThat(engine.pendingPoints(card.code(), Instant.parse("2026-03-11T23:59:59Z"))).isEqualTo(50);
    assertThat(engine.balance(card.code(), Instant.parse("2026-03-12T00:00:00Z"))).isEqualTo(50);
    assertThat(engine.pendingPoints(card.code(), Instant.parse("2026-03-12T00:00:00Z"))).isZero();
  }

  @Test
  void the_expiry_clock_starts_at_activation() {
    assertThat(pendingLot().expiresAt()).isEqualTo(Instant.parse("2026-04-13T00:00:00Z")); // 12 Mar + 1 month, end of day
    assertThat(engine.balance(card.code(), Instant.parse("2026-04-12T23:00:00Z"))).isEqualTo(50);
    assertThat(engine.balance(card.code(), Instant.parse("2026-04-13T00:00:00Z"))).isZero();
  }

  @Test
  void the_sweep_records_the_activation_once() {
    Instant later = Instant.parse("2026-03-20T00:00:00Z");
    clock.set(later);
    assertThat(engine.sweep(card.code(), later).activatedPoints()).isEqualTo(50);
    assertThat(engine.sweep(card.code(), later)).isEqualTo(SweepReport.NOTHING);
    LedgerEntry activation = engine.ledger(card.code()).get(1);
    assertThat(activation.type()).isEqualTo(EntryType.PENDING_POINTS_ACTIVATION);
    assertThat(activation.at()).isEqualTo(Instant.parse("2026-03-12T00:00:00Z"));
    assertThat(activation.points()).isEqualTo(50);
    assertThat(activation.pending()).isEqualTo(-50);
  }

  @Test
  void activating_by_hand_makes_the_points_usable_now_and_restarts_their_expiry() {
    clock.set(Instant.parse("2026-03-05T15:00:00Z"));
    engine.activatePendingPoints(card.code(), pendingLot().id());
    assertThat(engine.balance(card.code())).isEqualTo(50);
    assertThat(pendingLot().expiresAt()).isEqualTo(Instant.parse("2026-04-06T00:00:00Z"));
    assertThatThrownBy(() -> engine.activatePendingPoints(card.code(), pendingLot().id()))
        .isInstanceOf(PendingPointsStateException.class);
  }

  @Test
  void adjusting_then_canceling_pending_points_never_makes_them_usable() {
    engine.adjustPendingPoints(card.code(), pendingLot().id(), -20, "partial return");
    assertThat(engine.pendingPoints(card.code(), clock.instant())).isEqualTo(30);
    assertThatThrownBy(() -> engine.adjustPendingPoints(card.code(), pendingLot().id(), -30, "too much"))
        .isInstanceOf(io.loyalty.spi.InvalidInputException.class);
    engine.cancelPendingPoints(card.code(), pendingLot().id(), "order returned");
    assertThat(engine.balance(card.code(), Instant.parse("2026-03-20T00:00:00Z"))).isZero();
    assertThat(engine.summary(card.code(), Instant.parse("2026-03-20T00:00:00Z")).canceled()).isEqualTo(30);
    assertThatThrownBy(() -> engine.cancelPendingPoints(card.code(), pendingLot().id(), "again"))
        .isInstanceOf(PendingPointsStateException.class);
  }

  @Test
  void the_summary_reads_pending_points_and_next_expiration_as_of_an_instant() {
    CardSummary before = engine.summary(card.code(), Instant.parse("2026-03-03T00:00:00Z"));
    assertThat(before.pending()).isEqualTo(50);
    assertThat(before.balance()).isZero();
    assertThat(before.earned()).isEqualTo(50);
    CardSummary after = engine.summary(card.code(), Instant.parse("2026-03-13T00:00:00Z"));
    assertThat(after.balance()).isEqualTo(50);
    assertThat(after.nextExpirationDate()).isEqualTo(LocalDate.of(2026, 4, 12));
  }
}
