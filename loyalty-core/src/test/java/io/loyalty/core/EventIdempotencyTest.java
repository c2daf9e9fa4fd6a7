package io.loyalty.core;

import static io.loyalty.core.Fixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.loyalty.spi.card.Card;
import io.loyalty.spi.earning.EventOutcome;
import io.loyalty.spi.earning.SkipReason;
import io.loyalty.spi.event.Customer;
import io.loyalty.spi.event.OrderPaid;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class EventIdempotencyTest {
  final Customer alice = Fixtures.customer("alice");
  LoyaltyEngine engine;
  Card card;

  @BeforeEach
  void setUp() {
    engine = Fixtures.engine().build();
    engine.define(Fixtures.program(Fixtures.perAmount("per_dollar", 100, 1)));
    card = engine.enrol(Fixtures.PROGRAM, alice.id());
  }

  @Test
  void the_same_event_applied_twice_credits_once_and_returns_the_first_outcome() {
    OrderPaid paid = Fixtures.paid("evt_1", alice, "ord_1", 12_345);
    EventOutcome first = engine.apply(paid);
    EventOutcome second = engine.apply(paid);
    assertThat(second).isEqualTo(first);
    assertThat(first.points()).isEqualTo(123);
    assertThat(engine.balance(card.code())).isEqualTo(123);
    assertThat(engine.ledger(card.code())).hasSize(1);
  }

  @Test
  void the_same_event_id_with_another_payload_is_an_error_and_writes_nothing() {
    engine.apply(Fixtures.paid("evt_1", alice, "ord_1", 12_345));
    assertThatThrownBy(() -> engine.apply(Fixtures.paid("evt_1", alice, "ord_1", 99_999)))
        .isInstanceOf(EventIdReusedException.class)
        .extracting(e -> ((EventIdReusedException) e).code()).isEqualTo("event_id_reused");
    assertThat(engine.balance(card.code())).isEqualTo(123);
  }

  @Test
  void a_quote_of_an_applied_event_is_its_first_outcome() {
    OrderPaid paid = Fixtures.paid("evt_1", alice, "ord_1", 12_345);
    EventOutcome first = engine.apply(paid);
    assertThat(engine.quote(paid)).isEqualTo(first);
  }

  @Test
  void an_order_earns_once_per_rule_even_under_another_event_id() {
    engine.apply(Fixtures.paid("evt_1", alice, "ord_1", 12_345));
    EventOutcome again = engine.apply(Fixtures.paid("evt_2", alice, "ord_1", 12_345));
    assertThat(again.points()).isZero();
    assertThat(again.programs().get(0).skipped().get(0).reason()).isEqualTo(SkipReason.ALREADY_AWARDED);
    assertThat(engine.balance(card.code())).isEqualTo(123);
  }

  @Test
  void a_quote_writes_nothing() {
    EventOutcome quote = engine.quote(Fixtures.paid("evt_1", alice, "ord_1", 12_345));
    assertThat(quote.points()).isEqualTo(123);
    assertThat(engine.balance(card.code())).isZero();
    assertThat(engine.ledger(card.code())).isEmpty();
    assertThat(engine.apply(Fixtures.paid("evt_1", alice, "ord_1", 12_345))).isEqualTo(quote);
  }

  @Test
  void the_ledger_entry_records_the_event_rule_order_and_program_version() {
    engine.apply(Fixtures.paid("evt_1", alice, "ord_1", 12_345));
    var entry = engine.ledger(card.code()).get(0);
    assertThat(entry.event().value()).isEqualTo("evt_1");
    assertThat(entry.rule().value()).isEqualTo("per_dollar");
    assertThat(entry.order().value()).isEqualTo("ord_1");
    assertThat(entry.programVersion()).isEqualTo(1);
    assertThat(entry.at()).isEqualTo(T0);
    assertThat(entry.balanceAfter()).isEqualTo(123);
    var lot = engine.card(card.code()).lots().get(0);
    assertThat(lot.remaining()).isEqualTo(123);
    assertThat(lot.expiresAt()).isNull();
    assertThat(lot.activatesAt()).isNull();
  }
}
