package io.loyalty.bench;

import io.loyalty.spi.event.Customer;
import io.loyalty.spi.event.Order;
import io.loyalty.spi.event.OrderPaid;
import java.util.Map;

/**
 * The four ways of writing the workload, built once and checked to agree: the same points and the same
 * per-rule breakdown (points and measured lines) from the hand-written floor, the engine's evaluation and
 * quote, Easy Rules and Drools. Every benchmark builds its variants through {@link #createChecked()}.
 */
public final class Variants {
  /** The engine (evaluation and quote). */
  public final EngineVariant engine;
  /** Easy Rules. */
  public final EasyRulesVariant easyRules;
  /** Drools. */
  public final DroolsVariant drools;
  /** The order paid, as the engine gets it. */
  public final OrderPaid event;
  /** The order, as the other variants get it. */
  public final Order order;
  /** The customer, as the other variants get it. */
  public final Customer customer;

  private Variants() {
    engine = new EngineVariant();
    easyRules = new EasyRulesVariant();
    drools = new DroolsVariant();
    event = engine.event();
    order = event.order();
    customer = event.customer();
  }

  /**
   * Builds the variants and checks that they agree with each other and with the hand-worked points.
   *
   * @throws IllegalStateException naming the variant that disagrees, and both breakdowns
   */
  public static Variants createChecked() {
    Variants variants = new Variants();
    variants.check();
    return variants;
  }

  /** The floor's breakdown, which every other variant must equal. */
  public Breakdown expected() {
    return Breakdown.of(HandWritten.earn(order, customer));
  }

  /** Checks every variant against the floor and the floor against the hand-worked points. */
  public void check() {
    Breakdown floor = expected();
    Map<String, Long> worked = Breakdown.expectedPoints();
    if (!floor.points().equals(worked)) {
      throw new IllegalStateException("hand-written " + floor.points() + " != worked by hand " + worked);
    }
    require("engine evaluation", Breakdown.of(engine.evaluate(event)), floor);
    require("engine quote", Breakdown.of(engine.quote(event).programs().get(0)), floor);
    require("Easy Rules", Breakdown.of(easyRules.earn(order, customer)), floor);
    require("Drools", Breakdown.of(drools.earn(order, customer)), floor);
  }

  private static void require(String variant, Breakdown actual, Breakdown floor) {
    if (!actual.equals(floor)) {
      throw new IllegalStateException(variant + " disagrees with the hand-written floor:\n  " + actual + "\n  " + floor);
    }
  }
}
