package io.loyalty.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.loyalty.core.LoyaltyEngine;
import io.loyalty.spi.ProgramId;
import io.loyalty.spi.RuleId;
import io.loyalty.spi.card.Card;
import io.loyalty.spi.card.LedgerEntry;
import io.loyalty.spi.earning.EventOutcome;
import io.loyalty.spi.event.Customer;
import io.loyalty.spi.event.Order;
import io.loyalty.spi.event.OrderItem;
import io.loyalty.spi.event.OrderPaid;
import io.loyalty.spi.program.CardPool;
import io.loyalty.spi.program.CardTemplate;
import io.loyalty.spi.program.CodeConfig;
import io.loyalty.spi.program.EarningRule;
import io.loyalty.spi.program.Measure;
import io.loyalty.spi.program.PointsFormula;
import io.loyalty.spi.program.Program;
import io.loyalty.spi.program.Trigger;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The README's quick start, verbatim, so the page cannot drift from the API. */
class ReadmeQuickStartTest {
  @Test
  void the_quick_start_runs_as_the_readme_says() {
    LoyaltyEngine engine = LoyaltyEngine.builder().clock(Clock.systemUTC()).build();   // in-memory store

    engine.define(Program.builder(ProgramId.of("camp_acme"), "ACME Loyalty")
        .zone(ZoneId.of("Europe/Warsaw"))
        .pool(CardPool.growing(1000))
        .card(CardTemplate.DEFAULT.withCodeConfig(CodeConfig.pattern("ACME-CARD-#######")))
        .earningRule(EarningRule.builder(RuleId.of("ern_per_dollar"), Trigger.ORDER_PAID,
                PointsFormula.proportional(new Measure.OrderAmount(), 100, 1))      // 1 point per 100 cents
            .banner("1 point for every dollar").build())
        .build());

    Customer alice = Customer.of("alice@example.com");
    Card card = engine.enrol(ProgramId.of("camp_acme"), alice.id());                // ACME-CARD-3ug8G2E

    Order order = Order.of("ord_1", "EUR", OrderItem.product("prod_phone", 1, 49_900));
    OrderPaid paid = OrderPaid.of("evt_1", Instant.now(), alice, order);
    EventOutcome quote = engine.quote(paid);          // 499 points, with the per-rule breakdown; writes nothing
    EventOutcome outcome = engine.apply(paid);        // equal to the quote; applying evt_1 again credits nothing
    long balance = engine.balance(card.code());       // 499
    List<LedgerEntry> ledger = engine.ledger(card.code());

    assertThat(card.code().value()).matches("ACME-CARD-[0-9a-zA-Z]{7}");
    assertThat(quote.points()).isEqualTo(499);
    assertThat(outcome).isEqualTo(quote);
    assertThat(engine.apply(paid)).isEqualTo(outcome);
    assertThat(balance).isEqualTo(499);
    assertThat(ledger).hasSize(1);
  }
}
