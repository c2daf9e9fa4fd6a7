package io.loyalty.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.loyalty.spi.RuleId;
import io.loyalty.spi.card.Card;
import io.loyalty.spi.card.EntryType;
import io.loyalty.spi.card.LedgerEntry;
import io.loyalty.spi.card.LotDraw;
import io.loyalty.spi.event.Customer;
import io.loyalty.spi.event.Order;
import io.loyalty.spi.event.OrderPaid;
import io.loyalty.spi.program.CardTemplate;
import io.loyalty.spi.program.EarningRule;
import io.loyalty.spi.program.ExpirationRule;
import io.loyalty.spi.program.PointsFormula;
import io.loyalty.spi.program.Program;
import io.loyalty.spi.program.Trigger;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Points expire by the rule's or the program's expiration rule, lazily, and the sweep records it once. */
class ExpirationTest {
  static final ZoneId WARSAW = ZoneId.of("Europe/Warsaw");
  final Customer alice = Fixtures.customer("alice");
  final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));

  LoyaltyEngine engine(Program program) {
    LoyaltyEngine engine = LoyaltyEngine.builder().clock(clock).random(Fixtures.seeded(1)).build();
    engine.define(program);
    return engine;
  }

  static Program monthly(EarningRule... rules) {
    return Program.builder(Fixtures.PROGRAM, "Monthly").zone(WARSAW)
        .card(CardTemplate.DEFAULT.withExpiration(ExpirationRule.months(1)))
        .earningRules(List.of(rules)).build();
  }

  static OrderPaid paid(String id, Customer c, String at, long amount) {
    return OrderPaid.of(id, Instant.parse(at), c, Order.ofAmount("ord_" + id, "PLN", amount));
  }

  /** Applies the event when it happens: the clock moves to its time first. */
  void applyWhenPaid(LoyaltyEngine engine, OrderPaid event) {
    clock.set(event.occurredAt());
    engine.apply(event);
  }

  @Test
  void points_earned_on_25_january_are_usable_through_25_february_and_gone_at_midnight_warsaw_time() {
    LoyaltyEngine engine = engine(monthly(Fixtures.perAmount("r", 100, 1)));
    Card card = engine.enrol(Fixtures.PROGRAM, alice.id());
    applyWhenPaid(engine, paid("e1", alice, "2026-01-25T10:00:00Z", 10_000));
    Instant lastMinute = LocalDate.of(2026, 2, 25).atTime(23, 59).atZone(WARSAW).toInstant();
    Instant midnight = LocalDate.of(2026, 2, 26).atStartOfDay(WARSAW).toInstant();
    assertThat(engine.balance(card.code(), lastMinute)).isEqualTo(100);
    assertThat(engine.balance(card.code(), midnight)).isZero();
    assertThat(engine.summary(card.code(), lastMinute).nextExpirationDate()).isEqualTo(LocalDate.of(2026, 2, 25));
    assertThat(engine.summary(card.code(), lastMinute).nextExpirationPoints()).isEqualTo(100);
  }

  @Test
  void a_rule_expiration_overrides_the_program_one() {
    EarningRule yearly = Fixtures.perAmount("yearly", 100, 1).toBuilder()
        .expiration(ExpirationRule.months(0).roundedUpTo(ExpirationRule.RoundUp.END_OF_YEAR)).build();
    LoyaltyEngine engine = engine(monthly(yearly, Fixtures.perAmount("monthly", 100, 2)));
    Card card = engine.enrol(Fixtures.PROGRAM, alice.id());
    applyWhenPaid(engine, paid("e1", alice, "2026-01-25T10:00:00Z", 10_000));
    assertThat(engine.balance(card.code(), Instant.parse("2026-06-01T00:00:00Z"))).isEqualTo(100);
    assertThat(engine.expirySchedule(card.code(), Instant.parse("2026-01-26T00:00:00Z")).byLastUsableDay())
        .containsEntry(LocalDate.of(2026, 2, 25), 200L).containsEntry(LocalDate.of(2026, 12, 31), 100L);
  }

  @Test
  void the_sweep_records_each_expiration_once_and_changes_no_balance() {
    LoyaltyEngine engine = engine(monthly(Fixtures.perAmount("r", 100, 1)));
    Card card = engine.enrol(Fixtures.PROGRAM, alice.id());
    applyWhenPaid(engine, paid("e1", alice, "2026-01-25T10:00:00Z", 10_000));
    applyWhenPaid(engine, paid("e2", alice, "2026-02-10T10:00:00Z", 5_000));
    Instant march = Instant.parse("2026-03-01T12:00:00Z");
    long before = engine.balance(card.code(), march);
    assertThatThrownBy(() -> engine.sweep(Fixtures.PROGRAM, march)).isInstanceOf(io.loyalty.spi.InvalidInputException.class)
        .hasMessageContaining("as_of");
    clock.set(march);
    SweepReport first = engine.sweep(Fixtures.PROGRAM, march);
    assertThat(first.expiredLots()).isEqualTo(1);
    assertThat(first.expiredPoints()).isEqualTo(100);
    assertThat(engine.sweep(Fixtures.PROGRAM, march)).isEqualTo(SweepReport.NOTHING);
    assertThat(engine.balance(card.code(), march)).isEqualTo(before).isEqualTo(50);
    List<LedgerEntry> ledger = engine.ledger(card.code());
    LedgerEntry expiration = ledger.get(ledger.size() - 1);
    assertThat(expiration.type()).isEqualTo(EntryType.POINTS_EXPIRATION);
    assertThat(expiration.points()).isEqualTo(-100);
    assertThat(expiration.at()).isEqualTo(LocalDate.of(2026, 2, 26).atStartOfDay(WARSAW).toInstant());
    assertThat(ledger.stream().mapToLong(LedgerEntry::points).sum()).isEqualTo(50);
    assertThat(engine.summary(card.code(), march).expired()).isEqualTo(100);
  }

  @Test
  void spending_draws_the_soonest_expiring_lot_first_and_non_expiring_points_last() {
    EarningRule never = EarningRule.builder(RuleId.of("never"), Trigger.ORDER_PAID, PointsFormula.fixed(30)).build();
    EarningRule soon = EarningRule.builder(RuleId.of("soon"), Trigger.ORDER_PAID, PointsFormula.fixed(20))
        .expiration(ExpirationRule.months(0)).build();
    Program program = Program.builder(Fixtures.PROGRAM, "p").zone(WARSAW).earningRules(List.of(never, soon)).build();
    LoyaltyEngine engine = engine(program);
    Card card = engine.enrol(Fixtures.PROGRAM, alice.id());
    clock.set(Instant.parse("2026-01-10T08:00:00Z"));
    engine.apply(paid("e1", alice, "2026-01-10T08:00:00Z", 100));
    LedgerEntry removal = engine.removePoints(card.code(), 25, "goodwill reversal", null);
    long soonLot = engine.ledger(card.code()).get(1).seq();
    long neverLot = engine.ledger(card.code()).get(0).seq();
    assertThat(removal.draws()).containsExactly(new LotDraw(soonLot, 20), new LotDraw(neverLot, 5));
    assertThat(engine.balance(card.code())).isEqualTo(25);
  }
}
