package io.loyalty.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.loyalty.spi.InvalidInputException;
import io.loyalty.spi.Violation;
import io.loyalty.spi.card.Card;
import io.loyalty.spi.card.EntryType;
import io.loyalty.spi.card.LedgerEntry;
import io.loyalty.spi.earning.EventOutcome;
import io.loyalty.spi.event.Customer;
import io.loyalty.spi.event.LoyaltyEvent;
import io.loyalty.spi.event.Order;
import io.loyalty.spi.event.OrderPaid;
import io.loyalty.spi.event.OrderRefunded;
import io.loyalty.spi.program.CardTemplate;
import io.loyalty.spi.program.ExpirationRule;
import io.loyalty.spi.program.PendingPoints;
import io.loyalty.spi.program.Program;
import io.loyalty.spi.program.Validity;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * An event's time is data about the event: rules are evaluated as of it, but the card is settled and written at
 * the engine's clock, and an event too far ahead of the clock (or too far behind it) is refused whole.
 */
class EventTimeTest {
  /** Points earned on 1 March expire at 00:00 of 2 April (UTC): one month, end of day. */
  static final Instant EARNED = Instant.parse("2026-03-01T09:00:00Z");
  static final Instant GONE = Instant.parse("2026-04-02T00:00:00Z");

  final Customer alice = Fixtures.customer("alice");
  final MutableClock clock = new MutableClock(EARNED);
  final LoyaltyEngine engine = LoyaltyEngine.builder().clock(clock).random(Fixtures.seeded(5)).build();
  Card card;

  void define(Program.Builder program) {
    engine.define(program.build());
    card = engine.enrol(Fixtures.PROGRAM, alice.id());
  }

  Program.Builder monthly() {
    return Program.builder(Fixtures.PROGRAM, "Monthly").zone(ZoneOffset.UTC)
        .card(CardTemplate.DEFAULT.withExpiration(ExpirationRule.months(1)))
        .earningRules(List.of(Fixtures.perAmount("r", 100, 1)));
  }

  OrderPaid paid(String id, Instant at, long amount) {
    return OrderPaid.of(id, at, alice, Order.ofAmount("ord_" + id, "EUR", amount));
  }

  static InvalidInputException rejected(Runnable call) {
    return catchThrowableOfType(InvalidInputException.class, call::run);
  }

  static List<String> paths(InvalidInputException e) {
    return e.violations().stream().map(Violation::path).toList();
  }

  @Test
  void an_order_paid_a_year_ahead_of_the_clock_is_rejected_and_todays_valid_points_stay() {
    define(monthly());
    engine.apply(paid("today", EARNED, 10_000));
    List<LedgerEntry> before = engine.ledger(card.code());
    LoyaltyEvent nextYear = paid("next_year", EARNED.plus(Duration.ofDays(365)), 5_000);

    InvalidInputException e = rejected(() -> engine.apply(nextYear));

    assertThat(paths(e)).containsExactly("created_at");
    assertThat(e.getMessage()).contains("PT5M");
    assertThat(rejected(() -> engine.quote(nextYear))).isNotNull();
    assertThat(engine.balance(card.code())).isEqualTo(100);
    assertThat(engine.ledger(card.code())).isEqualTo(before);
    assertThat(engine.card(card.code()).lots().get(0).remaining()).isEqualTo(100);
  }

  @Test
  void an_order_stamped_just_after_todays_points_expire_but_within_the_lead_does_not_expire_them() {
    define(monthly());
    engine.apply(paid("march", EARNED, 10_000));
    clock.set(GONE.minus(Duration.ofMinutes(2)));

    EventOutcome outcome = engine.apply(paid("skewed", GONE.plus(Duration.ofMinutes(2)), 5_000));

    assertThat(outcome.at()).isEqualTo(GONE.plus(Duration.ofMinutes(2)));
    assertThat(engine.balance(card.code())).isEqualTo(150);
    assertThat(engine.ledger(card.code())).extracting(LedgerEntry::type)
        .containsExactly(EntryType.POINTS_ACCRUAL, EntryType.POINTS_ACCRUAL);
    assertThat(engine.ledger(card.code()).get(1).at()).isEqualTo(clock.instant());
  }

  @Test
  void a_refund_a_year_ahead_of_the_clock_is_rejected_and_changes_nothing() {
    define(monthly());
    engine.apply(paid("p", EARNED, 10_000));
    List<LedgerEntry> before = engine.ledger(card.code());

    InvalidInputException e = rejected(() ->
        engine.apply(OrderRefunded.whole("refund", EARNED.plus(Duration.ofDays(365)), alice, "ord_p")));

    assertThat(paths(e)).containsExactly("created_at");
    assertThat(engine.ledger(card.code())).isEqualTo(before);
    assertThat(engine.balance(card.code())).isEqualTo(100);
  }

  @Test
  void a_refund_stamped_just_after_other_points_expire_but_within_the_lead_does_not_expire_them() {
    define(monthly());
    engine.apply(paid("old", EARNED, 10_000));
    clock.set(GONE.minus(Duration.ofDays(3)));
    engine.apply(paid("new", clock.instant(), 4_000));
    clock.set(GONE.minus(Duration.ofMinutes(1)));

    engine.apply(OrderRefunded.whole("refund", GONE.plus(Duration.ofMinutes(3)), alice, "ord_new"));

    assertThat(engine.balance(card.code())).isEqualTo(100);
    assertThat(engine.ledger(card.code())).extracting(LedgerEntry::type).doesNotContain(EntryType.POINTS_EXPIRATION);
    assertThat(engine.ledger(card.code()).get(2).at()).isEqualTo(clock.instant());
  }

  @Test
  void a_backdated_order_is_recorded_at_the_clock_and_a_read_as_of_an_earlier_instant_is_unchanged() {
    define(monthly());
    Instant now = EARNED.plus(Duration.ofDays(10));
    clock.set(now);
    Instant between = EARNED.plus(Duration.ofDays(5));
    long balanceBetween = engine.balance(card.code(), between);

    EventOutcome outcome = engine.apply(paid("late", EARNED, 10_000));

    assertThat(outcome.at()).isEqualTo(EARNED);
    assertThat(outcome.points()).isEqualTo(100);
    assertThat(engine.ledger(card.code())).singleElement().satisfies(e -> assertThat(e.at()).isEqualTo(now));
    assertThat(engine.card(card.code()).lots()).singleElement().satisfies(l -> assertThat(l.grantedAt()).isEqualTo(now));
    assertThat(engine.balance(card.code(), between)).isEqualTo(balanceBetween).isZero();
    assertThat(engine.balance(card.code())).isEqualTo(100);
  }

  @Test
  void backdated_points_expire_by_the_instant_they_were_recorded_not_by_the_order_date() {
    define(monthly());
    clock.set(EARNED.plus(Duration.ofDays(40)));

    engine.apply(paid("late", EARNED, 10_000));

    assertThat(engine.balance(card.code())).isEqualTo(100);
    assertThat(engine.expirySchedule(card.code(), clock.instant()).byLastUsableDay())
        .containsOnlyKeys(LocalDate.of(2026, 5, 10));
  }

  @Test
  void a_backdated_order_is_evaluated_by_the_rules_in_force_when_it_was_paid() {
    Instant ruleEnds = EARNED.plus(Duration.ofDays(2));
    define(monthly().earningRules(List.of(Fixtures.perAmount("r", 100, 1).toBuilder()
        .validity(Validity.between(null, ruleEnds)).build())));
    clock.set(ruleEnds.plus(Duration.ofDays(1)));

    assertThat(engine.apply(paid("in_force", EARNED, 10_000)).points()).isEqualTo(100);
    assertThat(engine.apply(paid("too_late", ruleEnds, 10_000)).points()).isZero();
  }

  @Test
  void backdated_pending_points_activate_by_the_instant_they_were_recorded() {
    define(monthly().earningRules(List.of(Fixtures.perAmount("r", 100, 1).toBuilder()
        .pendingPoints(new PendingPoints(10)).build())));
    clock.set(EARNED.plus(Duration.ofDays(20)));

    engine.apply(paid("late", EARNED, 10_000));

    assertThat(engine.balance(card.code())).isZero();
    assertThat(engine.pendingPoints(card.code(), clock.instant())).isEqualTo(100);
    assertThat(engine.card(card.code()).lots().get(0).activatesAt()).isEqualTo(Instant.parse("2026-03-31T00:00:00Z"));
  }

  @Test
  void a_backdated_refund_is_settled_at_the_clock_so_expired_points_are_not_taken_back_as_if_usable() {
    define(monthly());
    engine.apply(paid("p", EARNED, 10_000));
    clock.set(GONE.plus(Duration.ofDays(1)));

    engine.apply(OrderRefunded.whole("refund", GONE.minus(Duration.ofDays(1)), alice, "ord_p"));

    List<LedgerEntry> ledger = engine.ledger(card.code());
    assertThat(ledger).extracting(LedgerEntry::type)
        .containsExactly(EntryType.POINTS_ACCRUAL, EntryType.POINTS_EXPIRATION, EntryType.POINTS_REVERSAL);
    assertThat(ledger.get(2).points()).isZero();
    assertThat(ledger.get(2).at()).isEqualTo(clock.instant());
    assertThat(engine.summary(card.code()).expired()).isEqualTo(100);
    assertThat(engine.summary(card.code()).reversed()).isZero();
  }

  @Test
  void an_order_older_than_the_maximum_age_is_rejected_naming_the_bound() {
    define(monthly());
    clock.set(EARNED.plus(Duration.ofDays(367)));

    InvalidInputException e = rejected(() -> engine.apply(paid("ancient", EARNED, 10_000)));

    assertThat(paths(e)).containsExactly("created_at");
    assertThat(e.getMessage()).contains("P366D");
    assertThat(engine.ledger(card.code())).isEmpty();
  }

  @Test
  void the_bounds_are_set_on_the_builder() {
    LoyaltyEngine strict = LoyaltyEngine.builder().clock(clock).random(Fixtures.seeded(5))
        .maxEventLead(Duration.ZERO).maxEventAge(Duration.ofDays(1)).build();
    strict.define(monthly().build());
    strict.enrol(Fixtures.PROGRAM, alice.id());

    assertThat(rejected(() -> strict.apply(paid("ahead", EARNED.plusNanos(1), 100)))).isNotNull();
    assertThat(rejected(() -> strict.apply(paid("old", EARNED.minus(Duration.ofDays(1)).minusNanos(1), 100)))).isNotNull();
    assertThat(strict.apply(paid("now", EARNED, 10_000)).points()).isEqualTo(100);
    assertThat(strict.apply(paid("yesterday", EARNED.minus(Duration.ofDays(1)), 10_000)).points()).isEqualTo(100);
  }

  @Test
  void the_builder_refuses_negative_or_absurd_bounds() {
    assertThat(rejected(() -> LoyaltyEngine.builder().maxEventLead(Duration.ofSeconds(-1)))).isNotNull();
    assertThat(rejected(() -> LoyaltyEngine.builder().maxEventAge(Duration.ofDays(-1)))).isNotNull();
    assertThat(rejected(() -> LoyaltyEngine.builder().maxEventAge(Duration.ofSeconds(Long.MAX_VALUE)))).isNotNull();
    assertThat(rejected(() -> LoyaltyEngine.builder().maxEventLead(Duration.ofDays(36_525)))).isNotNull();
  }
}
