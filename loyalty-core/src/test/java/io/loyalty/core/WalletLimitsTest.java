package io.loyalty.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.loyalty.spi.CardCode;
import io.loyalty.spi.CustomerId;
import io.loyalty.spi.InvalidInputException;
import io.loyalty.spi.ProgramId;
import io.loyalty.spi.RuleId;
import io.loyalty.spi.Violation;
import io.loyalty.spi.WalletId;
import io.loyalty.spi.card.Card;
import io.loyalty.spi.earning.Accrual;
import io.loyalty.spi.earning.EventOutcome;
import io.loyalty.spi.earning.ProgramOutcome;
import io.loyalty.spi.earning.Skip;
import io.loyalty.spi.earning.SkipReason;
import io.loyalty.spi.event.Order;
import io.loyalty.spi.event.OrderPaid;
import io.loyalty.spi.program.CardDefinition;
import io.loyalty.spi.program.EarningLimits;
import io.loyalty.spi.program.FirstMatchRule;
import io.loyalty.spi.program.FirstMatchRule.Earning;
import io.loyalty.spi.program.FirstMatchRule.Effect;
import io.loyalty.spi.program.Measure;
import io.loyalty.spi.program.PendingPoints;
import io.loyalty.spi.program.PointsFormula;
import io.loyalty.spi.program.Program;
import io.loyalty.spi.program.Trigger;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * A v2 wallet's earning limits (digest section 12.3): a balance cap counting pending points reduces an earn to what
 * fits, a cap per calendar period reduces it to what is left, and a per-transaction maximum rejects it in full; the
 * room a decision used is recorded, so quote, apply and replay agree.
 */
@DisplayName("loyalty v2: earning limits of a wallet")
class WalletLimitsTest {
  static final ProgramId PROGRAM = ProgramId.of("lprg_limits");
  static final WalletId POINTS = WalletId.of("lcd_points");
  static final RuleId ORDERS = RuleId.of("ler_orders");
  private final MutableClock clock = new MutableClock(Instant.parse("2024-03-04T10:00:00Z"));
  private final LoyaltyEngine engine = LoyaltyEngine.builder().store(InMemoryLoyaltyStore.create()).clock(clock)
      .random(Fixtures.seeded(3)).build();

  /** A point per dollar, and a flat 10 per order, into a wallet under {@code limits}. */
  private CardCode member(EarningLimits limits, PendingPoints pending) {
    engine.define(Program.builder(PROGRAM, "limited")
        .wallet(CardDefinition.of(POINTS, "Points").withEarningLimits(limits).withPendingPoints(pending))
        .earningRule(FirstMatchRule.of(ORDERS, Trigger.ORDER_PAID, Earning.always(
            Effect.of(POINTS, PointsFormula.proportional(new Measure.OrderAmount(), 100, 1)),
            Effect.points(POINTS, 10))))
        .build());
    List<Card> cards = engine.addMember(PROGRAM, CustomerId.of("alice"));
    return cards.get(0).code();
  }

  private EventOutcome pay(String id, long cents) {
    clock.advance(Duration.ofMinutes(1));
    OrderPaid paid = OrderPaid.of(id, clock.instant(), Fixtures.customer("alice"), Order.ofAmount("o_" + id, "USD",
        cents));
    return Fixtures.applyAgreeing(engine, paid);
  }

  private static List<SkipReason> reasons(EventOutcome outcome) {
    return outcome.programs().stream().flatMap(p -> p.skipped().stream()).map(Skip::reason).toList();
  }

  @Test
  @DisplayName("a balance cap counts pending points, cuts the accruals in rule order, and frees room as points go")
  void balanceCap() {
    CardCode card = member(EarningLimits.balanceCap(250), new PendingPoints(5));
    EventOutcome first = pay("e1", 20_000); // 200 + 10, all pending
    assertThat(first.points()).isEqualTo(210);
    EventOutcome second = pay("e2", 10_000); // 100 + 10 wanted, 40 fit (210 pending count)
    assertThat(second.points()).isEqualTo(40);
    assertThat(second.programs().get(0).accruals()).extracting(Accrual::points).containsExactly(40L);
    assertThat(reasons(second)).containsExactly(SkipReason.EARNING_LIMIT_REACHED, SkipReason.EARNING_LIMIT_REACHED);
    assertThat(second.programs().get(0).skipped().get(0).detail()).contains("room for 40 of its 100 points");
    EventOutcome third = pay("e3", 5_000);
    assertThat(third.points()).isZero();
    assertThat(engine.pendingPoints(card, clock.instant())).isEqualTo(250);

    clock.advance(Duration.ofDays(6)); // the points activate; spending frees room
    engine.removePoints(card, 100, "spent", null);
    EventOutcome fourth = pay("e4", 20_000);
    assertThat(fourth.points()).isEqualTo(100);
    assertThat(engine.balance(card) + engine.pendingPoints(card, clock.instant())).isEqualTo(250);
  }

  @Test
  @DisplayName("a monthly cap limits what rules earn in the month; points added by hand do not count, and April starts afresh")
  void periodCap() {
    CardCode card = member(EarningLimits.perPeriod(EarningLimits.CalendarUnit.MONTH, 300), null);
    assertThat(pay("e1", 25_000).points()).isEqualTo(260);
    engine.addPoints(card, 1_000, AddedPointsExpiry.never(), "goodwill", null);
    assertThat(pay("e2", 10_000).points()).isEqualTo(40);
    assertThat(pay("e3", 10_000).points()).isZero();
    clock.set(Instant.parse("2024-04-01T00:00:00Z"));
    assertThat(pay("e4", 10_000).points()).isEqualTo(110);
    assertThat(engine.balance(card)).isEqualTo(260 + 1_000 + 40 + 110);
  }

  @Test
  @DisplayName("a weekly cap runs Monday to Sunday in the program's time zone")
  void weeklyCap() {
    member(EarningLimits.perPeriod(EarningLimits.CalendarUnit.WEEK, 100), null); // 4 March 2024 is a Monday
    assertThat(pay("e1", 9_000).points()).isEqualTo(100);
    clock.set(Instant.parse("2024-03-10T23:00:00Z")); // Sunday
    assertThat(pay("e2", 1_000).points()).isZero();
    clock.set(Instant.parse("2024-03-11T00:00:00Z")); // Monday
    assertThat(pay("e3", 1_000).points()).isEqualTo(20);
  }

  @Test
  @DisplayName("an event earning more than the per-transaction maximum earns nothing in the wallet")
  void perTransaction() {
    CardCode card = member(EarningLimits.NONE.withPerTransaction(150L), null);
    EventOutcome over = pay("e1", 15_000); // 150 + 10 > 150
    assertThat(over.points()).isZero();
    assertThat(reasons(over)).containsExactly(SkipReason.TRANSACTION_EARNING_LIMIT,
        SkipReason.TRANSACTION_EARNING_LIMIT);
    assertThat(over.programs()).extracting(ProgramOutcome::card).containsExactly(card);
    assertThat(pay("e2", 14_000).points()).isEqualTo(150); // exactly the maximum
    assertThat(engine.balance(card)).isEqualTo(150);
  }

  @Test
  @DisplayName("limits are checked with the definition: one global limit, each at least 1")
  void validation() {
    Program bad = Program.builder(PROGRAM, "bad")
        .wallet(CardDefinition.of(POINTS, "Points").withEarningLimits(
            new EarningLimits(0L, new EarningLimits.Period(EarningLimits.CalendarUnit.DAY, 0), -1L)))
        .earningRule(FirstMatchRule.of(ORDERS, Trigger.ORDER_PAID, Earning.always(Effect.points(POINTS, 1))))
        .build();
    assertThatThrownBy(() -> engine.define(bad)).isInstanceOf(InvalidInputException.class)
        .satisfies(e -> assertThat(((InvalidInputException) e).violations()).extracting(Violation::path)
            .containsExactly("card_definitions[0].earning_limits.global",
                "card_definitions[0].earning_limits.global.balance_based.max",
                "card_definitions[0].earning_limits.global.time_based.points.max",
                "card_definitions[0].earning_limits.transactions.points.max"));
  }
}
