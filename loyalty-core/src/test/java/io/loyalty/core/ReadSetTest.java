package io.loyalty.core;

import static io.loyalty.core.Fixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;

import io.loyalty.spi.CollectionId;
import io.loyalty.spi.CustomerId;
import io.loyalty.spi.EventId;
import io.loyalty.spi.ProductId;
import io.loyalty.spi.ProgramId;
import io.loyalty.spi.ValidationRuleId;
import io.loyalty.spi.card.Card;
import io.loyalty.spi.earning.EventOutcome;
import io.loyalty.spi.earning.HostAnswers;
import io.loyalty.spi.event.Customer;
import io.loyalty.spi.event.Order;
import io.loyalty.spi.event.OrderItem;
import io.loyalty.spi.event.OrderPaid;
import io.loyalty.spi.event.OrderRefunded;
import io.loyalty.spi.event.RefundLine;
import io.loyalty.spi.host.ProductCollections;
import io.loyalty.spi.host.ValidationRules;
import io.loyalty.spi.program.CardPool;
import io.loyalty.spi.program.Comparison;
import io.loyalty.spi.program.Condition;
import io.loyalty.spi.program.ItemTarget;
import io.loyalty.spi.program.Measure;
import io.loyalty.spi.program.PointsFormula;
import io.loyalty.spi.program.Program;
import io.loyalty.spi.program.ValidationRule;
import io.loyalty.spi.reward.Reward;
import io.loyalty.spi.reward.RewardAssignment;
import io.loyalty.spi.reward.RewardKind;
import io.loyalty.spi.store.LoyaltyStore;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * An event is decided from a read set gathered before the decision: what the host's answers, the order's entries, the
 * pools and auto-redeem need is read first, derived from the compiled rules, and the decision reads nothing more. These
 * cover the paths where what is needed is found only by following something read: a named rule's body, the part of a
 * condition a payment's evaluation skipped, a reward that credits another program.
 */
class ReadSetTest {
  private static final CollectionId SHOES = CollectionId.of("col_shoes");
  private static final CollectionId SOCKS = CollectionId.of("col_socks");
  private static final ProductCollections HOST = (collection, item) -> {
    String product = item.product() == null ? "" : item.product().value();
    return Map.of(SHOES, Set.of("prod_boot"), SOCKS, Set.of("prod_sock")).getOrDefault(collection, Set.of())
        .contains(product);
  };
  private static final ProductCollections REFUSING_COLLECTIONS = (collection, item) -> {
    throw new AssertionError("asked the host about " + collection);
  };
  private static final ValidationRules REFUSING_RULES = id -> {
    throw new AssertionError("asked the host for " + id);
  };
  private final Customer alice = Fixtures.customer("alice");
  private final Order order = Order.of("ord_1", "EUR", OrderItem.product("prod_boot", 2, 5_000),
      OrderItem.product("prod_sock", 1, 1_000));
  private final LoyaltyStore store = InMemoryLoyaltyStore.create();
  private final MutableClock clock = new MutableClock(T0);

  private LoyaltyEngine engine(ProductCollections collections, ValidationRules rules) {
    return Fixtures.engine().store(store).clock(clock).productCollections(collections).validationRules(rules).build();
  }

  @Test
  @DisplayName("a named rule whose body names another rule and a collection: the receipt records what was used, in order")
  void nestedNamedRules() {
    ValidationRule inner = new ValidationRule(ValidationRuleId.of("val_inner"), "Has shoes",
        new Condition.Items(Condition.Quantifier.ANY, List.of(ItemTarget.collection(SHOES.value())), null), null);
    ValidationRule outer = new ValidationRule(ValidationRuleId.of("val_outer"), "Shoe buyer",
        new Condition.Named(inner.id()), null);
    LoyaltyEngine engine = engine(HOST, ValidationRules.of(outer, inner));
    engine.define(Fixtures.program(
        Fixtures.orderRule("bonus", PointsFormula.fixed(50)).toBuilder().validationRule(outer.id()).build()));
    engine.enrol(Fixtures.PROGRAM, alice.id());
    OrderPaid paid = OrderPaid.of("paid_1", T0, alice, order);
    EventOutcome quoted = engine.quote(paid);
    EventOutcome applied = engine.apply(paid);

    assertThat(applied).isEqualTo(quoted);
    assertThat(applied.points()).isEqualTo(50);
    HostAnswers answers = store.receipt(EventId.of("paid_1")).orElseThrow().inputsOf(Fixtures.PROGRAM).orElseThrow()
        .answers();
    // the first line is a shoe: the socks line was never asked about by the decision, though the read set holds it
    assertThat(answers.collections()).containsExactly(
        new HostAnswers.CollectionAnswer(SHOES, ProductId.of("prod_boot"), null, true));
    assertThat(answers.validationRules()).containsExactly(new HostAnswers.RuleAnswer(outer.id(), outer),
        new HostAnswers.RuleAnswer(inner.id(), inner));
    assertThat(engine(REFUSING_COLLECTIONS, REFUSING_RULES).replay(EventId.of("paid_1")).identical()).isTrue();
  }

  @Test
  @DisplayName("a refund that evaluates a part of a condition the payment skipped takes its answers from the read set")
  void refundBeyondThePaymentsAnswers() {
    LoyaltyEngine engine = engine(HOST, ValidationRules.none());
    // big orders earn on shoes; smaller ones only with socks in the cart (not asked at payment: the order was big)
    Condition bigOrSocks = Condition.any(new Condition.OrderAmount(Comparison.atLeast(10_000)),
        new Condition.Items(Condition.Quantifier.ANY, List.of(ItemTarget.collection(SOCKS.value())), null));
    engine.define(Fixtures.program(Fixtures.orderRule("per_shoe", PointsFormula.proportional(
        new Measure.OrderItems(Measure.ItemMeasure.QUANTITY, List.of(ItemTarget.collection(SHOES.value()))), 1, 10))
        .toBuilder().condition(bigOrSocks).build()));
    Card card = engine.enrol(Fixtures.PROGRAM, alice.id());
    assertThat(engine.apply(OrderPaid.of("paid_1", T0, alice, order)).points()).isEqualTo(20);
    assertThat(store.receipt(EventId.of("paid_1")).orElseThrow().inputsOf(Fixtures.PROGRAM).orElseThrow().answers()
        .collections()).extracting(HostAnswers.CollectionAnswer::collection).containsOnly(SHOES);

    clock.set(T0.plus(Duration.ofHours(1)));
    OrderRefunded refund = OrderRefunded.lines("refund_1", clock.instant(), alice, "ord_1", new RefundLine(0, 1));
    assertThat(engine.quote(refund).points()).isEqualTo(-10);
    // one boot of two: 6,000 left, below 10,000, but the socks keep the rule earning on the other boot
    assertThat(engine.apply(refund).points()).isEqualTo(-10);
    assertThat(engine.balance(card.code())).isEqualTo(10);
    assertThat(store.receipt(EventId.of("refund_1")).orElseThrow().inputsOf(Fixtures.PROGRAM).orElseThrow().answers()
        .collections()).extracting(HostAnswers.CollectionAnswer::collection).contains(SOCKS);
    assertThat(engine(REFUSING_COLLECTIONS, REFUSING_RULES).replay(EventId.of("refund_1")).identical()).isTrue();
  }

  @Test
  @DisplayName("a redemption by hand whose condition names a rule that looks at the order's lines takes its answers from"
      + " the read set")
  void redemptionConditionOnTheOrder() {
    ValidationRule shoes = new ValidationRule(ValidationRuleId.of("val_shoes"), "Buys shoes",
        new Condition.Items(Condition.Quantifier.ANY, List.of(ItemTarget.collection(SHOES.value())), null), null);
    LoyaltyEngine engine = engine(HOST, ValidationRules.of(shoes));
    Reward coin = engine.defineReward(Reward.of("rew_coin", "100 = 20 EUR",
        new RewardKind.Coin(new java.math.BigDecimal("20"), 100)));
    engine.define(Fixtures.program(Fixtures.perAmount("per_euro", 100, 1)).toBuilder()
        .reward(RewardAssignment.payWithPoints("rewa_coin", coin.id()).when(new Condition.Named(shoes.id()))).build());
    Card card = engine.enrol(Fixtures.PROGRAM, alice.id());
    engine.addPoints(card.code(), 500, AddedPointsExpiry.programRules(), "balance", null);
    io.loyalty.spi.AssignmentId assignment = io.loyalty.spi.AssignmentId.of("rewa_coin");

    assertThat(engine.redeem(io.loyalty.spi.reward.RedeemRequest.payWithPoints("r1", card.code(), assignment,
        order, 100L)).succeeded()).isTrue();
    Order socks = Order.of("ord_2", "EUR", OrderItem.product("prod_sock", 1, 1_000));
    assertThat(engine.redeem(io.loyalty.spi.reward.RedeemRequest.payWithPoints("r2", card.code(), assignment,
        socks, 100L)).failureCode()).isEqualTo("customer_rules_violated");
  }

  @Test
  @DisplayName("an event naming its card auto-redeems a reward that publishes the customer a card in another program")
  void targetedAutoRedeemIntoAnotherProgram() {
    ProgramId partner = ProgramId.of("camp_partner");
    LoyaltyEngine engine = engine(HOST, ValidationRules.none());
    engine.define(Program.builder(partner, "Partner").zone(ZoneOffset.UTC).pool(CardPool.growing(5)).build());
    Reward points = engine.defineReward(Reward.of("rew_partner", "300 partner points",
        RewardKind.Campaign.points(partner, 300)));
    engine.define(Fixtures.program(Fixtures.perAmount("per_euro", 100, 1)).toBuilder()
        .reward(RewardAssignment.of("rewa_partner", points.id(), 100).autoRedeemed()).build());
    Card card = engine.enrol(Fixtures.PROGRAM, alice.id());
    OrderPaid paid = OrderPaid.of("paid_1", T0, alice, order).forCard(card.code());
    EventOutcome quoted = engine.quote(paid);
    EventOutcome applied = engine.apply(paid);

    assertThat(applied).isEqualTo(quoted);
    assertThat(applied.programs()).singleElement().satisfies(p -> assertThat(p.autoRedemption()).isNotNull());
    assertThat(engine.balance(card.code())).isEqualTo(110 - 100);
    Card joined = engine.cardOf(partner, CustomerId.of("alice")).orElseThrow();
    assertThat(engine.balance(joined.code())).isEqualTo(300);
  }
}
