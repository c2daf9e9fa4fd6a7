package io.loyalty.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.loyalty.spi.InvalidInputException;
import io.loyalty.spi.card.Card;
import io.loyalty.spi.card.EntryType;
import io.loyalty.spi.card.LedgerEntry;
import io.loyalty.spi.card.Lot;
import io.loyalty.spi.event.Customer;
import io.loyalty.spi.program.CardTemplate;
import io.loyalty.spi.program.ExpirationRule;
import io.loyalty.spi.program.Program;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Pending points carried over by hand ({@link LoyaltyEngine#addPendingPoints}): pending until their day, once. */
class AddPendingPointsTest {
  static final ZoneId WARSAW = ZoneId.of("Europe/Warsaw");
  final Customer alice = Fixtures.customer("alice");
  final MutableClock clock = new MutableClock(Instant.parse("2026-03-02T09:00:00Z"));
  LoyaltyEngine engine;
  Card card;

  @BeforeEach
  void setUp() {
    engine = LoyaltyEngine.builder().clock(clock).random(Fixtures.seeded(5)).build();
    engine.define(Program.builder(Fixtures.PROGRAM, "p").zone(WARSAW)
        .card(CardTemplate.DEFAULT.withExpiration(ExpirationRule.months(1))).earningRules(List.of()).build());
    card = engine.enrol(Fixtures.PROGRAM, alice.id());
  }

  @Test
  @DisplayName("the points are pending until 00:00 of their day in the program's zone, then usable, expiring from then")
  void pendingUntilTheirDay() {
    LedgerEntry entry = engine.addPendingPoints(card.code(), 30, LocalDate.parse("2026-03-20"), "imported", "imp:1");
    assertThat(entry.type()).isEqualTo(EntryType.PENDING_POINTS_ADDED);
    assertThat(entry.pending()).isEqualTo(30);
    assertThat(entry.points()).isZero();
    Instant midnight = LocalDate.parse("2026-03-20").atStartOfDay(WARSAW).toInstant();
    assertThat(engine.balance(card.code(), midnight.minusNanos(1))).isZero();
    assertThat(engine.pendingPoints(card.code(), midnight.minusNanos(1))).isEqualTo(30);
    assertThat(engine.balance(card.code(), midnight)).isEqualTo(30);
    assertThat(engine.pendingPoints(card.code(), midnight)).isZero();
    Lot lot = engine.card(card.code()).lots().get(0);
    assertThat(lot.activatesAt()).isEqualTo(midnight);
    assertThat(lot.expiresAt()).as("a month after activation, to the end of that day")
        .isEqualTo(LocalDate.parse("2026-04-21").atStartOfDay(WARSAW).toInstant());
  }

  @Test
  @DisplayName("the same source id again changes nothing and returns the first entry")
  void idempotentBySourceId() {
    LedgerEntry first = engine.addPendingPoints(card.code(), 30, LocalDate.parse("2026-03-20"), "imported", "imp:1");
    LedgerEntry again = engine.addPendingPoints(card.code(), 30, LocalDate.parse("2026-03-20"), "imported", "imp:1");
    assertThat(again).isEqualTo(first);
    assertThat(engine.ledger(card.code())).hasSize(1);
    assertThat(engine.pendingPoints(card.code(), clock.instant())).isEqualTo(30);
    assertThatThrownBy(() -> engine.addPendingPoints(card.code(), 31, LocalDate.parse("2026-03-20"), "imported", "imp:1"))
        .isInstanceOf(SourceIdReusedException.class);
  }

  @Test
  @DisplayName("an activation day that is today or past is refused naming activates_at; nothing is written")
  void pastDayRefused() {
    assertThatThrownBy(() -> engine.addPendingPoints(card.code(), 30, LocalDate.parse("2026-03-02"), "imported", "imp:2"))
        .isInstanceOfSatisfying(InvalidInputException.class,
            e -> assertThat(e.violations().get(0).path()).isEqualTo("activates_at"));
    assertThatThrownBy(() -> engine.addPendingPoints(card.code(), 0, LocalDate.parse("2026-03-20"), "imported", "imp:3"))
        .isInstanceOfSatisfying(InvalidInputException.class,
            e -> assertThat(e.violations().get(0).path()).isEqualTo("points"));
    assertThat(engine.ledger(card.code())).isEmpty();
  }
}
