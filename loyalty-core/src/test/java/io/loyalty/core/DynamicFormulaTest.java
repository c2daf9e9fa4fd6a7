package io.loyalty.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import io.loyalty.core.internal.eval.PointsExpression;
import io.loyalty.spi.InvalidInputException;
import io.loyalty.spi.Metadata;
import io.loyalty.spi.RuleId;
import io.loyalty.spi.earning.ProgramOutcome;
import io.loyalty.spi.earning.SkipReason;
import io.loyalty.spi.event.Customer;
import io.loyalty.spi.event.Order;
import io.loyalty.spi.event.OrderPaid;
import io.loyalty.spi.program.EarningRule;
import io.loyalty.spi.program.PointsFormula;
import io.loyalty.spi.program.Program;
import io.loyalty.spi.program.Trigger;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Dynamic points formulas (digest section 2.7): the documented examples, the fallback, refusals and hostile text. */
@DisplayName("dynamic points formulas")
class DynamicFormulaTest {
  private final MutableClock clock = new MutableClock(Fixtures.T0);
  private final LoyaltyEngine engine = LoyaltyEngine.builder().clock(clock).random(Fixtures.seeded(4)).build();

  private static Program program(String formula, long fallback) {
    return Program.builder(Fixtures.PROGRAM, "formulas").autoJoin(true)
        .earningRule(EarningRule.builder(RuleId.of("ern_formula"), Trigger.ORDER_PAID,
            PointsFormula.dynamic(formula, fallback)).build())
        .build();
  }

  private ProgramOutcome pay(String id, long cents, Customer customer, Metadata orderMetadata) {
    return engine.apply(OrderPaid.of(id, clock.instant(), customer,
        Order.ofAmount("o_" + id, "USD", cents).withMetadata(orderMetadata))).programs().get(0);
  }

  private static BigDecimal eval(String formula) {
    return PointsExpression.parse(formula).evaluate(new PointsExpression.Inputs(null, Metadata.EMPTY, Metadata.EMPTY));
  }

  @Test
  @DisplayName("the documented example: 1.5 points per dollar above $500, 1 below, in major units")
  void documentedExample() {
    engine.define(program("IF(ORDER_AMOUNT > 500;ROUND(ORDER_AMOUNT * 1.5;0);ROUND(ORDER_AMOUNT;0))", 0));
    assertThat(pay("e1", 60_000, Fixtures.customer("alice"), Metadata.EMPTY).points()).isEqualTo(900);
    assertThat(pay("e2", 12_050, Fixtures.customer("alice"), Metadata.EMPTY).points()).isEqualTo(121);
    // a replay of the receipt gives the same outcome
    Replay replay = engine.replay(io.loyalty.spi.EventId.of("e1"));
    assertThat(replay.replayed()).isEqualTo(replay.recorded());
  }

  @Test
  @DisplayName("the documented rounding helpers, and the functions")
  void helpers() {
    assertThat(eval("ROUND(75.55;1)")).isEqualByComparingTo("75.6");
    assertThat(eval("ROUND(75.55;0)")).isEqualByComparingTo("76");
    assertThat(eval("FLOOR(75.55;1)")).isEqualByComparingTo("75.5");
    assertThat(eval("CEIL(74.44;1)")).isEqualByComparingTo("74.5");
    assertThat(eval("MIN(3;1;2) + MAX(3, 7) * POW(2;3) - 10 % 4")).isEqualByComparingTo("55");
    assertThat(eval("IF(2 >= 2 AND NOT(1 = 2);10;20)")).isEqualByComparingTo("10");
    assertThat(eval("OR(0;0) + (1 <> 1) + -(-3)")).isEqualByComparingTo("3");
    assertThat(eval("1 / 3 * 3")).isEqualByComparingTo("0.999999999999");
    assertThat(eval("DEFAULT_TO(CUSTOMER_METADATA(\"ltv\");4) + 1")).isEqualByComparingTo("5");
    assertThat(eval("10 / 0")).as("cannot be computed").isNull();
    assertThat(eval("CUSTOMER_METADATA(\"ltv\")")).as("missing").isNull();
    assertThat(eval("POW(10;10) * POW(10;10)")).as("beyond 10^18").isNull();
  }

  @Test
  @DisplayName("metadata operands; a value missing or not a number gives the fallback; a formula that gives nothing says why")
  void fallback() {
    engine.define(program("CUSTOMER_METADATA(\"months\") * 2 + ORDER_METADATA(\"visits\")", 7));
    Customer loyal = new Customer(io.loyalty.spi.CustomerId.of("bob"), Metadata.of("months", 12), java.util.Set.of());
    assertThat(pay("e1", 100, loyal, Metadata.of("visits", 3)).points()).isEqualTo(27);
    assertThat(pay("e2", 100, loyal, Metadata.EMPTY).points()).as("visits missing: the fallback").isEqualTo(7);
    assertThat(pay("e3", 100, loyal, Metadata.of("visits", "many")).points()).as("not a number").isEqualTo(7);
    assertThat(pay("e4", 100, loyal, Metadata.of("visits", -30)).skipped()).extracting(s -> s.reason())
        .containsExactly(SkipReason.FORMULA_GIVES_NONE);
  }

  @Test
  @DisplayName("a formula that does not parse is refused at definition, naming the field and the position")
  void refused() {
    for (String bad : List.of("ORDER_AMOUNT *", "IF(1;2)", "FOO(1)", "ORDER_AMOUNTX", "(1 + 2", "1 2",
        "ORDER_METADATA(visits)", "", "(".repeat(40) + "1" + ")".repeat(40), "1+".repeat(600) + "1")) {
      InvalidInputException e = catchThrowableOfType(InvalidInputException.class, () -> engine.define(program(bad, 0)));
      assertThat(e).as(bad).isNotNull();
      assertThat(e.violations()).as(bad).extracting(v -> v.path()).containsExactly("earning_rules[0].loyalty.points_formula");
    }
    InvalidInputException e = catchThrowableOfType(InvalidInputException.class,
        () -> engine.define(program("ORDER_AMOUNT *", 0)));
    assertThat(e.violations().get(0).message()).contains("position 15");
    InvalidInputException fallback = catchThrowableOfType(InvalidInputException.class,
        () -> engine.define(program("1", -1)));
    assertThat(fallback.violations()).extracting(v -> v.path()).containsExactly("earning_rules[0].loyalty.points");
  }

  @Test
  @DisplayName("hostile formulas: any text of the formula's tokens parses or is refused, and a parsed one never throws")
  void hostile() {
    String[] tokens = {"ORDER_AMOUNT", "ORDER_UNITS_QUANTITY", "CUSTOMER_METADATA(\"k\")", "IF(", "ROUND(", "POW(",
        "DEFAULT_TO(", "MIN(", ";", ",", "(", ")", "+", "-", "*", "/", "%", ">", "=", " AND ", " OR ", "0", "7.5",
        "99999999999999999999", "\"", "NOT(", "FLOOR(", "x"};
    Customer customer = new Customer(io.loyalty.spi.CustomerId.of("c"), Metadata.of("k", new BigDecimal("1e17")),
        java.util.Set.of());
    Order order = Order.ofAmount("o", "USD", Long.MAX_VALUE / 4);
    qt().withFixedSeed(20261204L).withExamples(3_000)
        .forAll(lists().of(integers().between(0, tokens.length - 1)).ofSizeBetween(0, 40))
        .checkAssert(picks -> {
          StringBuilder text = new StringBuilder();
          picks.forEach(i -> text.append(tokens[i]));
          PointsExpression parsed;
          try {
            parsed = PointsExpression.parse(text.toString());
          } catch (IllegalArgumentException refused) {
            return; // refused with a message: fine
          }
          parsed.evaluate(new PointsExpression.Inputs(order, customer.metadata(), Metadata.EMPTY));
          parsed.evaluate(new PointsExpression.Inputs(null, Metadata.EMPTY, Metadata.EMPTY));
        });
  }
}
