package io.loyalty.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.loyalty.spi.CustomerId;
import io.loyalty.spi.InvalidInputException;
import io.loyalty.spi.Metadata;
import io.loyalty.spi.ProgramId;
import io.loyalty.spi.RuleId;
import io.loyalty.spi.SegmentId;
import io.loyalty.spi.WalletId;
import io.loyalty.spi.card.Card;
import io.loyalty.spi.event.Customer;
import io.loyalty.spi.event.Order;
import io.loyalty.spi.event.OrderPaid;
import io.loyalty.spi.program.CardDefinition;
import io.loyalty.spi.program.Comparison;
import io.loyalty.spi.program.Condition;
import io.loyalty.spi.program.EarningLimits;
import io.loyalty.spi.program.FirstMatchRule;
import io.loyalty.spi.program.FirstMatchRule.Earning;
import io.loyalty.spi.program.FirstMatchRule.Effect;
import io.loyalty.spi.program.Measure;
import io.loyalty.spi.program.PointsFormula;
import io.loyalty.spi.program.Program;
import io.loyalty.spi.program.Trigger;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Loyalty v2's examine of earning rules (digest 12.8): what a member would earn now, per card and rule, from an
 * imagined order, the segments and custom events their rules name; a dry run that equals what applying those events
 * would earn, and writes nothing.
 */
@DisplayName("loyalty v2: examine earning rules")
class ExamineEarningTest {
  static final ProgramId PROGRAM = ProgramId.of("lprg_examine");
  static final WalletId POINTS = WalletId.of("lcd_points");
  static final WalletId MILES = WalletId.of("lcd_miles");
  static final RuleId ORDERS = RuleId.of("ler_orders");
  static final RuleId VIP = RuleId.of("ler_vip");
  private final MutableClock clock = new MutableClock(Fixtures.T0);
  private final LoyaltyEngine engine = LoyaltyEngine.builder().store(InMemoryLoyaltyStore.create()).clock(clock)
      .random(Fixtures.seeded(8)).build();
  private final Customer alice = Fixtures.customer("alice");

  /** Orders of 100.00 or more earn 50 points and 2 miles per euro, smaller ones 5 points; entering VIP gives 30 miles. */
  private List<Card> define(EarningLimits miles) {
    engine.define(Program.builder(PROGRAM, "Examine")
        .wallet(CardDefinition.of(POINTS, "Points"))
        .wallet(CardDefinition.of(MILES, "Miles").withEarningLimits(miles))
        .earningRule(FirstMatchRule.of(ORDERS, Trigger.ORDER_PAID,
            Earning.when(new Condition.OrderAmount(Comparison.atLeast(10_000)), Effect.points(POINTS, 50),
                Effect.of(MILES, PointsFormula.proportional(new Measure.OrderAmount(), 100, 2))),
            Earning.always(Effect.points(POINTS, 5))))
        .earningRule(FirstMatchRule.of(VIP, new Trigger.SegmentEntered(SegmentId.of("seg_vip")),
            Earning.always(Effect.points(MILES, 30))))
        .build());
    return engine.addMember(PROGRAM, CustomerId.of("alice"));
  }

  @Test
  @DisplayName("an order is estimated per card and rule, and equals what paying it earns")
  void an_order_is_estimated_as_it_would_earn() {
    List<Card> cards = define(EarningLimits.NONE);
    Order order = Order.ofAmount("o1", "EUR", 12_000);
    EarningExamination examined = engine.examineEarningRules(EarningProbe.order(alice, order), null);
    assertThat(examined.event()).isEqualTo("customer.order.paid");
    assertThat(examined.memberships()).singleElement().satisfies(m -> {
      assertThat(m.program()).isEqualTo(PROGRAM);
      assertThat(m.cards()).extracting(EarningExamination.CardEstimate::wallet).containsExactly(POINTS, MILES);
      assertThat(m.cards().get(0).points()).isEqualTo(50);
      assertThat(m.cards().get(1).rules()).containsExactly(new EarningExamination.RuleEstimate(ORDERS, 240));
    });
    assertThat(engine.balance(cards.get(0).code())).isZero(); // nothing written
    engine.apply(OrderPaid.of("e1", clock.instant(), alice, order));
    assertThat(engine.balance(cards.get(0).code())).isEqualTo(50);
    assertThat(engine.balance(cards.get(1).code())).isEqualTo(240);
  }

  @Test
  @DisplayName("ALL adds the segments the rules name; the wallet's earning limit caps the estimate as it would the earn")
  void all_triggers_within_limits() {
    List<Card> cards = define(EarningLimits.balanceCap(100));
    EarningExamination examined = engine.examineEarningRules(
        EarningProbe.all(alice, Order.ofAmount("o1", "EUR", 12_000), Metadata.EMPTY), PROGRAM);
    assertThat(examined.event()).isNull();
    EarningExamination.CardEstimate miles = examined.memberships().get(0).cards().get(1);
    // each imagined event is quoted alone on today's card: the order's 240 miles capped at 100, the segment's 30
    assertThat(miles.rules()).containsExactly(new EarningExamination.RuleEstimate(ORDERS, 100),
        new EarningExamination.RuleEstimate(VIP, 30));
    assertThat(miles.points()).isEqualTo(130);
    clock.advance(Duration.ofMinutes(1));
    engine.apply(OrderPaid.of("e1", clock.instant(), alice, Order.ofAmount("o1", "EUR", 12_000)));
    assertThat(engine.balance(cards.get(1).code())).isEqualTo(100);
  }

  @Test
  @DisplayName("a customer who is a member of nothing has no memberships; an order probe without an order is refused")
  void no_membership_and_bad_probes() {
    define(EarningLimits.NONE);
    assertThat(engine.examineEarningRules(EarningProbe.order(Fixtures.customer("bob"),
        Order.ofAmount("o2", "EUR", 500)), null).memberships()).isEmpty();
    assertThatThrownBy(() -> engine.examineEarningRules(new EarningProbe(EarningProbe.Trigger.ORDER_PAID, alice, null,
        null, Metadata.EMPTY), null)).isInstanceOf(InvalidInputException.class);
  }

  @Test
  @DisplayName("property: for random orders, caps and earlier orders, the estimate of each card equals what paying earns")
  void examine_equals_apply() {
    org.quicktheories.QuickTheory.qt().withFixedSeed(83L).withExamples(150)
        .forAll(org.quicktheories.generators.SourceDSL.longs().between(0, 50_000),
            org.quicktheories.generators.SourceDSL.longs().between(1, 600),
            org.quicktheories.generators.SourceDSL.integers().between(0, 3))
        .checkAssert((amount, cap, earlier) -> {
          MutableClock c = new MutableClock(Fixtures.T0);
          LoyaltyEngine e = LoyaltyEngine.builder().store(InMemoryLoyaltyStore.create()).clock(c)
              .random(Fixtures.seeded(8)).build();
          e.define(Program.builder(PROGRAM, "Examine")
              .wallet(CardDefinition.of(POINTS, "Points"))
              .wallet(CardDefinition.of(MILES, "Miles").withEarningLimits(EarningLimits.balanceCap(cap)))
              .earningRule(FirstMatchRule.of(ORDERS, Trigger.ORDER_PAID,
                  Earning.when(new Condition.OrderAmount(Comparison.atLeast(10_000)), Effect.points(POINTS, 50),
                      Effect.of(MILES, PointsFormula.proportional(new Measure.OrderAmount(), 100, 2))),
                  Earning.always(Effect.points(POINTS, 5),
                      Effect.of(MILES, PointsFormula.proportional(new Measure.OrderAmount(), 1_000, 1)))))
              .build());
          List<Card> cards = e.addMember(PROGRAM, CustomerId.of("alice"));
          for (int i = 0; i < earlier; i++) {
            c.advance(Duration.ofMinutes(1));
            e.apply(OrderPaid.of("pre" + i, c.instant(), alice, Order.ofAmount("pre_o" + i, "EUR", 15_000)));
          }
          c.advance(Duration.ofMinutes(1));
          Order order = Order.ofAmount("o", "EUR", amount);
          EarningExamination examined = e.examineEarningRules(EarningProbe.order(alice, order), PROGRAM);
          long[] before = {e.balance(cards.get(0).code()), e.balance(cards.get(1).code())};
          e.apply(OrderPaid.of("e", c.instant(), alice, order));
          List<EarningExamination.CardEstimate> estimates = examined.memberships().get(0).cards();
          assertThat(estimates.get(0).points()).isEqualTo(e.balance(cards.get(0).code()) - before[0]);
          assertThat(estimates.get(1).points()).isEqualTo(e.balance(cards.get(1).code()) - before[1]);
        });
  }
}
