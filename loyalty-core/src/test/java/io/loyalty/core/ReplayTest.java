package io.loyalty.core;

import static io.loyalty.core.Fixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.loyalty.spi.CollectionId;
import io.loyalty.spi.EventId;
import io.loyalty.spi.ProductId;
import io.loyalty.spi.ValidationRuleId;
import io.loyalty.spi.card.Card;
import io.loyalty.spi.earning.EventOutcome;
import io.loyalty.spi.earning.HostAnswers;
import io.loyalty.spi.earning.ProgramInputs;
import io.loyalty.spi.event.Customer;
import io.loyalty.spi.event.Order;
import io.loyalty.spi.event.OrderItem;
import io.loyalty.spi.event.OrderPaid;
import io.loyalty.spi.event.OrderRefunded;
import io.loyalty.spi.event.RefundLine;
import io.loyalty.spi.host.ProductCollections;
import io.loyalty.spi.host.ValidationRules;
import io.loyalty.spi.program.Comparison;
import io.loyalty.spi.program.Condition;
import io.loyalty.spi.program.ItemTarget;
import io.loyalty.spi.program.Measure;
import io.loyalty.spi.program.PointsFormula;
import io.loyalty.spi.program.Program;
import io.loyalty.spi.program.ValidationRule;
import io.loyalty.spi.store.EventReceipt;
import io.loyalty.spi.store.LoyaltyStore;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * A decision is a function of its receipt: the host's answers it used are recorded there, a replay makes it again
 * from the receipt alone with host ports that refuse to answer, and a refund is judged by the answers recorded at
 * payment even when the host has changed its mind since.
 */
class ReplayTest {
  private static final CollectionId SHOES = CollectionId.of("col_shoes");
  private static final ValidationRule BIG = new ValidationRule(ValidationRuleId.of("val_big"), "Big",
      new Condition.OrderAmount(Comparison.atLeast(10_000)), null);
  private final Customer alice = Fixtures.customer("alice");
  private final Order order = Order.of("ord_1", "EUR", OrderItem.product("prod_boot", 2, 5_000),
      OrderItem.product("prod_sock", 1, 1_000));
  /** The host's collection, which the host may change. */
  private final Map<CollectionId, Set<String>> catalog = new ConcurrentHashMap<>(Map.of(SHOES, Set.of("prod_boot")));
  private final ProductCollections host = (collection, item) -> catalog.getOrDefault(collection, Set.of())
      .contains(item.product() == null ? "" : item.product().value());
  private final LoyaltyStore store = InMemoryLoyaltyStore.create();
  private final MutableClock clock = new MutableClock(T0);

  private static Program program() {
    return Fixtures.program(
        Fixtures.orderRule("per_shoe", PointsFormula.proportional(new Measure.OrderItems(Measure.ItemMeasure.QUANTITY,
            List.of(ItemTarget.collection(SHOES.value()))), 1, 10)),
        Fixtures.orderRule("big", PointsFormula.fixed(50)).toBuilder().validationRule(BIG.id()).build());
  }

  /** The candidate: 20 points a shoe, and no big-order bonus. */
  private static Program doubledShoes() {
    return Fixtures.program(
        Fixtures.orderRule("per_shoe", PointsFormula.proportional(new Measure.OrderItems(Measure.ItemMeasure.QUANTITY,
            List.of(ItemTarget.collection(SHOES.value()))), 1, 20)));
  }

  private LoyaltyEngine engine(ProductCollections collections, ValidationRules rules) {
    return Fixtures.engine().store(store).clock(clock).productCollections(collections).validationRules(rules).build();
  }

  private static final ProductCollections REFUSING_COLLECTIONS = (collection, item) -> {
    throw new AssertionError("asked the host about " + collection);
  };
  private static final ValidationRules REFUSING_RULES = id -> {
    throw new AssertionError("asked the host for " + id);
  };

  private Card paid(LoyaltyEngine engine) {
    engine.define(program());
    Card card = engine.enrol(Fixtures.PROGRAM, alice.id());
    EventOutcome outcome = engine.apply(OrderPaid.of("paid_1", T0, alice, order));
    assertThat(outcome.points()).isEqualTo(2 * 10 + 50);
    return card;
  }

  @Test
  @DisplayName("the receipt records each collection answer by product and the named rule as the host gave them")
  void answersAreRecorded() {
    paid(engine(host, ValidationRules.of(BIG)));
    EventReceipt receipt = store.receipt(EventId.of("paid_1")).orElseThrow();
    ProgramInputs inputs = receipt.inputsOf(Fixtures.PROGRAM).orElseThrow();
    assertThat(inputs.answers().collections()).containsExactly(
        new HostAnswers.CollectionAnswer(SHOES, ProductId.of("prod_boot"), null, true),
        new HostAnswers.CollectionAnswer(SHOES, ProductId.of("prod_sock"), null, false));
    assertThat(inputs.answers().validationRules()).containsExactly(new HostAnswers.RuleAnswer(BIG.id(), BIG));
  }

  @Test
  @DisplayName("a replay makes the decision again from the receipt alone: the host is never asked")
  void replayAsksNoHost() {
    paid(engine(host, ValidationRules.of(BIG)));
    Replay replay = engine(REFUSING_COLLECTIONS, REFUSING_RULES).replay(EventId.of("paid_1"));
    assertThat(replay.identical()).isTrue();
    assertThat(replay.replayed().points()).isEqualTo(70);
  }

  @Test
  @DisplayName("a replay still gives what happened after the host changed its collection and its rule")
  void replayKeepsThePast() {
    paid(engine(host, ValidationRules.of(BIG)));
    catalog.put(SHOES, Set.of());
    LoyaltyEngine today = engine(host, ValidationRules.none());
    assertThat(today.replay(EventId.of("paid_1")).replayed().points()).isEqualTo(70);
    assertThat(today.quote(OrderPaid.of("paid_2", T0, alice, order)).points()).as("what the host says now").isZero();
  }

  @Test
  @DisplayName("a refund is judged by the answers recorded at payment, not by the host's answers today")
  void refundUsesPaymentAnswers() {
    LoyaltyEngine engine = engine(host, ValidationRules.of(BIG));
    Card card = paid(engine);
    catalog.put(SHOES, Set.of()); // the host no longer counts boots as shoes
    clock.set(T0.plus(Duration.ofHours(1)));
    EventOutcome refund = engine.apply(OrderRefunded.lines("refund_1", clock.instant(), alice, "ord_1",
        new RefundLine(0, 1)));
    // one boot of two: 10 points of per_shoe, and the order falls below 100.00 so the big bonus goes too
    assertThat(refund.points()).isEqualTo(-(10 + 50));
    assertThat(engine.balance(card.code())).isEqualTo(10);
    Replay replay = engine(REFUSING_COLLECTIONS, REFUSING_RULES).replay(EventId.of("refund_1"));
    assertThat(replay.identical()).isTrue();
  }

  @Test
  @DisplayName("what would have happened: the recorded event and answers under a candidate definition")
  void whatIf() {
    LoyaltyEngine engine = engine(host, ValidationRules.of(BIG));
    paid(engine);
    Program doubled = doubledShoes();
    catalog.put(SHOES, Set.of()); // the recorded answer (boots are shoes) is the one used, not today's
    Replay replay = engine.replay(EventId.of("paid_1"), doubled);
    assertThat(replay.recorded().points()).isEqualTo(70);
    assertThat(replay.replayed().points()).isEqualTo(40);
    assertThat(replay.identical()).isFalse();
    assertThat(engine.program(Fixtures.PROGRAM).earningRules()).as("nothing was stored").hasSize(2);
  }

  @Test
  @DisplayName("a quote under a candidate definition: today's card and answers, the candidate's rules, nothing stored")
  void quoteUnderCandidate() {
    LoyaltyEngine engine = engine(host, ValidationRules.of(BIG));
    paid(engine);
    Program doubled = doubledShoes();
    OrderPaid next = OrderPaid.of("paid_2", T0, alice, Order.of("ord_2", "EUR", OrderItem.product("prod_boot", 1, 5_000)));
    assertThat(engine.quote(next).points()).isEqualTo(10);
    assertThat(engine.quote(next, doubled).points()).isEqualTo(20);
    assertThat(engine.program(Fixtures.PROGRAM).earningRules()).as("nothing was stored").hasSize(2);
    assertThat(store.receipt(EventId.of("paid_2"))).isEmpty();
    Program brandNew = Program.builder(io.loyalty.spi.ProgramId.of("camp_new"), "New").autoJoin(true)
        .pool(io.loyalty.spi.program.CardPool.growing(1)).earningRules(doubled.earningRules()).build();
    EventOutcome joined = engine.quote(next, brandNew);
    assertThat(joined.programs()).extracting(p -> p.program().value()).containsExactly("camp_new", "camp_test");
    assertThat(joined.points()).as("10 under today's program, 20 under the new one").isEqualTo(30);
  }

  @Test
  @DisplayName("a receipt written without inputs cannot be replayed, and says so")
  void receiptWithoutInputs() {
    LoyaltyEngine engine = engine(host, ValidationRules.of(BIG));
    paid(engine);
    EventReceipt full = store.receipt(EventId.of("paid_1")).orElseThrow();
    OrderPaid legacy = OrderPaid.of("legacy", T0, alice, order);
    store.commit(new io.loyalty.spi.store.ChangeSet(List.of(), List.of(), List.of(), new EventReceipt(legacy,
        new EventOutcome(legacy.id(), legacy.name(), T0, full.outcome().programs()))));
    assertThatThrownBy(() -> engine.replay(EventId.of("legacy"))).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("records no inputs");
  }
}
