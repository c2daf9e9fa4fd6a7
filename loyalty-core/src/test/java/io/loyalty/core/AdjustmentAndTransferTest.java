package io.loyalty.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.loyalty.spi.CustomerId;
import io.loyalty.spi.ProgramId;
import io.loyalty.spi.card.Card;
import io.loyalty.spi.card.EntryType;
import io.loyalty.spi.card.LedgerEntry;
import io.loyalty.spi.program.CardPool;
import io.loyalty.spi.program.CardTemplate;
import io.loyalty.spi.program.ExpirationRule;
import io.loyalty.spi.program.Program;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class AdjustmentAndTransferTest {
  static final ProgramId COFFEE = ProgramId.of("camp_coffee");
  static final ProgramId BOOKS = ProgramId.of("camp_books");
  final MutableClock clock = new MutableClock(Instant.parse("2026-05-10T12:00:00Z"));
  LoyaltyEngine engine;
  Card alice;
  Card bob;
  Card aliceBooks;

  @BeforeEach
  void setUp() {
    engine = LoyaltyEngine.builder().clock(clock).random(Fixtures.seeded(5)).build();
    engine.define(Program.builder(COFFEE, "Coffee").zone(ZoneOffset.UTC).pool(CardPool.growing(4))
        .card(CardTemplate.DEFAULT.withExpiration(ExpirationRule.months(1))).build());
    engine.define(Program.builder(BOOKS, "Books").zone(ZoneOffset.UTC).pool(CardPool.growing(4))
        .card(CardTemplate.DEFAULT.withExpiration(ExpirationRule.months(12))).build());
    alice = engine.enrol(COFFEE, CustomerId.of("alice"));
    bob = engine.enrol(COFFEE, CustomerId.of("bob"));
    aliceBooks = engine.enrol(BOOKS, CustomerId.of("alice"));
  }

  @Test
  void added_points_expire_by_program_rules_never_or_after_a_custom_day() {
    engine.addPoints(alice.code(), 10, AddedPointsExpiry.programRules(), "welcome", null);
    engine.addPoints(alice.code(), 20, AddedPointsExpiry.never(), "apology", null);
    engine.addPoints(alice.code(), 30, AddedPointsExpiry.on(LocalDate.of(2026, 5, 31)), "campaign", null);
    assertThat(engine.balance(alice.code())).isEqualTo(60);
    assertThat(engine.balance(alice.code(), Instant.parse("2026-06-01T00:00:00Z"))).isEqualTo(30);
    assertThat(engine.balance(alice.code(), Instant.parse("2026-06-11T00:00:00Z"))).isEqualTo(20);
  }

  @Test
  void a_custom_expiry_day_in_the_past_is_rejected() {
    assertThatThrownBy(() -> engine.addPoints(alice.code(), 10, AddedPointsExpiry.on(LocalDate.of(2026, 5, 9)), "late", null))
        .isInstanceOf(io.loyalty.spi.InvalidInputException.class).hasMessageContaining("expiration_date");
    assertThat(engine.ledger(alice.code())).isEmpty();
  }

  @Test
  void a_source_id_makes_an_adjustment_idempotent_and_names_exactly_one_operation() {
    LedgerEntry first = engine.addPoints(alice.code(), 10, AddedPointsExpiry.never(), "welcome", "crm-1");
    assertThat(engine.addPoints(alice.code(), 10, AddedPointsExpiry.never(), "welcome", "crm-1")).isEqualTo(first);
    assertThat(engine.balance(alice.code())).isEqualTo(10);
    assertThatThrownBy(() -> engine.addPoints(alice.code(), 11, AddedPointsExpiry.never(), "welcome", "crm-1"))
        .isInstanceOf(SourceIdReusedException.class)
        .extracting(e -> ((SourceIdReusedException) e).code()).isEqualTo("duplicate_source_id");
  }

  @Test
  void removing_more_than_the_balance_is_rejected_and_writes_nothing() {
    engine.addPoints(alice.code(), 10, AddedPointsExpiry.never(), "welcome", null);
    assertThatThrownBy(() -> engine.removePoints(alice.code(), 11, "oops", null))
        .isInstanceOf(InsufficientPointsException.class).hasMessageContaining("10 usable points");
    assertThat(engine.ledger(alice.code())).hasSize(1);
    assertThat(engine.removePoints(alice.code(), 10, "ok", null).type()).isEqualTo(EntryType.POINTS_REMOVAL);
    assertThat(engine.summary(alice.code()).subtracted()).isEqualTo(10);
  }

  @Test
  void a_transfer_across_programs_moves_points_atomically_with_a_fresh_expiry_under_the_target_rules() {
    engine.addPoints(alice.code(), 100, AddedPointsExpiry.programRules(), "earned", null);
    Transfer t = engine.transfer(alice.code(), aliceBooks.code(), 60, "consolidate", "tr-1");
    assertThat(t.out().type()).isEqualTo(EntryType.POINTS_TRANSFER_OUT);
    assertThat(t.out().points()).isEqualTo(-60);
    assertThat(t.in().points()).isEqualTo(60);
    assertThat(t.out().related()).isEqualTo(t.in().key());
    assertThat(t.in().related()).isEqualTo(t.out().key());
    assertThat(engine.balance(alice.code())).isEqualTo(40);
    assertThat(engine.balance(aliceBooks.code())).isEqualTo(60);
    assertThat(engine.card(aliceBooks.code()).lots().get(0).expiresAt()).isEqualTo(Instant.parse("2027-05-11T00:00:00Z"));
    assertThat(engine.transfer(alice.code(), aliceBooks.code(), 60, "consolidate", "tr-1")).isEqualTo(t);
    assertThat(engine.balance(alice.code()) + engine.balance(aliceBooks.code())).isEqualTo(100);
  }

  @Test
  void expired_and_pending_points_cannot_move() {
    engine.addPoints(alice.code(), 100, AddedPointsExpiry.on(LocalDate.of(2026, 5, 10)), "today only", null);
    clock.set(Instant.parse("2026-05-11T00:00:00Z"));
    assertThatThrownBy(() -> engine.transfer(alice.code(), bob.code(), 1, "late", "tr-2"))
        .isInstanceOf(InsufficientPointsException.class);
    assertThat(engine.balance(bob.code())).isZero();
  }

  @Test
  void a_transfer_needs_two_published_active_cards_and_leaves_no_trace_otherwise() {
    engine.addPoints(alice.code(), 100, AddedPointsExpiry.never(), "earned", null);
    engine.disable(bob.code());
    assertThatThrownBy(() -> engine.transfer(alice.code(), bob.code(), 10, "x", "tr-3"))
        .isInstanceOf(CardInactiveException.class);
    assertThatThrownBy(() -> engine.transfer(alice.code(), alice.code(), 10, "x", "tr-4"))
        .isInstanceOf(io.loyalty.spi.InvalidInputException.class);
    assertThat(engine.balance(alice.code())).isEqualTo(100);
    assertThat(engine.ledger(alice.code())).hasSize(1);
  }

  @Test
  void the_program_liability_sums_outstanding_points_by_expiry_day() {
    engine.addPoints(alice.code(), 100, AddedPointsExpiry.programRules(), "a", null);
    engine.addPoints(bob.code(), 50, AddedPointsExpiry.programRules(), "b", null);
    engine.addPoints(bob.code(), 7, AddedPointsExpiry.never(), "c", null);
    ExpirySchedule liability = engine.liability(COFFEE, clock.instant());
    assertThat(liability.outstanding()).isEqualTo(157);
    assertThat(liability.nonExpiring()).isEqualTo(7);
    assertThat(liability.byLastUsableDay()).containsExactly(java.util.Map.entry(LocalDate.of(2026, 6, 10), 150L));
    assertThat(liability.expiringBy(LocalDate.of(2026, 6, 9))).isZero();
    assertThat(engine.liability(COFFEE, Instant.parse("2026-06-11T00:00:00Z")).outstanding()).isEqualTo(7);
  }
}
