package io.loyalty.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import io.loyalty.spi.CardCode;
import io.loyalty.spi.CustomerId;
import io.loyalty.spi.LoyaltyException;
import io.loyalty.spi.RuleId;
import io.loyalty.spi.event.Order;
import io.loyalty.spi.event.OrderPaid;
import io.loyalty.spi.program.CardTemplate;
import io.loyalty.spi.program.EarningRule;
import io.loyalty.spi.program.ExpirationRule;
import io.loyalty.spi.program.Measure;
import io.loyalty.spi.program.PendingPoints;
import io.loyalty.spi.program.PointsFormula;
import io.loyalty.spi.program.Trigger;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** True history: a read "as of" an instant made later answers what the read made live at that instant answered. */
class HistoryProperties {
  private record Live(Instant at, long balance, long pending) {}

  @Test
  void a_balance_or_pending_read_as_of_an_instant_made_later_equals_the_live_read_then() {
    qt().withFixedSeed(20261202L).withExamples(150)
        .forAll(lists().of(integers().between(0, 99)).ofSizeBetween(1, 30))
        .checkAssert(ops -> {
          MutableClock clock = new MutableClock(Fixtures.T0);
          LoyaltyEngine engine = LoyaltyEngine.builder().clock(clock).random(Fixtures.seeded(2)).build();
          engine.define(Fixtures.program(EarningRule.builder(RuleId.of("per_dollar"), Trigger.ORDER_PAID,
                  PointsFormula.proportional(new Measure.OrderAmount(), 100, 1)).pendingPoints(new PendingPoints(2)).build())
              .toBuilder().card(CardTemplate.DEFAULT.withExpiration(ExpirationRule.months(1))).build());
          CardCode card = engine.enrol(Fixtures.PROGRAM, CustomerId.of("alice")).code();
          List<Live> live = new ArrayList<>();
          for (int i = 0; i < ops.size(); i++) {
            int op = ops.get(i);
            try {
              if (op < 25) {
                engine.addPoints(card, 1 + op, AddedPointsExpiry.programRules(), "r", null);
              } else if (op < 40) {
                engine.removePoints(card, op - 24, "r", null);
              } else if (op < 60) {
                engine.apply(OrderPaid.of("e" + i, clock.instant(), Fixtures.customer("alice"),
                    Order.ofAmount("o" + i, "USD", 100L * op)));
              } else if (op < 70) {
                engine.sweep(card, clock.instant());
              } else {
                clock.advance(Duration.ofHours(7L * (op - 69)));
              }
            } catch (LoyaltyException refused) {
              // not enough points: a refusal writes nothing, and history must not care
            }
            // a read as of T answers after everything at T: only the last live read of an instant is its answer
            if (!live.isEmpty() && live.get(live.size() - 1).at().equals(clock.instant())) {
              live.remove(live.size() - 1);
            }
            live.add(new Live(clock.instant(), engine.balance(card), engine.pendingPoints(card, clock.instant())));
          }
          clock.advance(Duration.ofDays(40)); // everything lapses since: later reads must not rewrite the past
          engine.addPoints(card, 5, AddedPointsExpiry.never(), "later", null);
          for (Live l : live) {
            assertThat(engine.balance(card, l.at())).as("balance as of %s in %s", l.at(), ops).isEqualTo(l.balance());
            assertThat(engine.pendingPoints(card, l.at())).as("pending as of %s in %s", l.at(), ops)
                .isEqualTo(l.pending());
          }
        });
  }
}
