package io.loyalty.core;

import io.loyalty.spi.CustomerId;
import io.loyalty.spi.Metadata;
import io.loyalty.spi.ProgramId;
import io.loyalty.spi.RuleId;
import io.loyalty.spi.event.Customer;
import io.loyalty.spi.event.Order;
import io.loyalty.spi.event.OrderItem;
import io.loyalty.spi.event.OrderPaid;
import io.loyalty.spi.host.RandomSource;
import io.loyalty.spi.program.EarningRule;
import io.loyalty.spi.program.Measure;
import io.loyalty.spi.program.PointsFormula;
import io.loyalty.spi.program.Program;
import io.loyalty.spi.program.Trigger;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.SplittableRandom;

/** Small test data builders shared by the engine's tests. */
public final class Fixtures {
  /** The instant every fixture happens at unless told otherwise: a Monday. */
  public static final Instant T0 = Instant.parse("2024-03-04T10:00:00Z");
  /** The fixtures' program. */
  public static final ProgramId PROGRAM = ProgramId.of("camp_test");

  private Fixtures() {}

  /** A seeded random source, for repeatable codes. */
  public static RandomSource seeded(long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    return bound -> {
      synchronized (random) {
        return random.nextInt(bound);
      }
    };
  }

  /** An engine builder with a fixed clock at {@link #T0} and a seeded random source. */
  public static LoyaltyEngine.Builder engine() {
    return LoyaltyEngine.builder().clock(Clock.fixed(T0, ZoneOffset.UTC)).random(seeded(42));
  }

  /** A program builder with the given rules, auto-update pool. */
  public static Program program(EarningRule... rules) {
    return Program.builder(PROGRAM, "Test program").earningRules(List.of(rules)).build();
  }

  /** An order.paid rule. */
  public static EarningRule orderRule(String id, PointsFormula formula) {
    return EarningRule.builder(RuleId.of(id), Trigger.ORDER_PAID, formula).build();
  }

  /** {@code every} cents of order amount give {@code points}. */
  public static EarningRule perAmount(String id, long every, long points) {
    return orderRule(id, PointsFormula.proportional(new Measure.OrderAmount(), every, points));
  }

  /** A customer with no metadata. */
  public static Customer customer(String id) {
    return new Customer(CustomerId.of(id), Metadata.EMPTY, java.util.Set.of());
  }

  /** An order.paid event at {@link #T0} for an order of one product line. */
  public static OrderPaid paid(String eventId, Customer customer, String orderId, long amount) {
    return OrderPaid.of(eventId, T0, customer, Order.of(orderId, "USD", OrderItem.product("prod_1", 1, amount)));
  }

  /** Applies the event after quoting it, checking that the quote equals the apply and the replay the original. */
  public static io.loyalty.spi.earning.EventOutcome applyAgreeing(LoyaltyEngine engine,
      io.loyalty.spi.event.LoyaltyEvent event) {
    io.loyalty.spi.earning.EventOutcome quoted = engine.quote(event);
    io.loyalty.spi.earning.EventOutcome applied = engine.apply(event);
    org.assertj.core.api.Assertions.assertThat(applied).as("quote = apply").isEqualTo(quoted);
    org.assertj.core.api.Assertions.assertThat(engine.replay(event.id()).identical()).as("replay = original").isTrue();
    return applied;
  }
}
