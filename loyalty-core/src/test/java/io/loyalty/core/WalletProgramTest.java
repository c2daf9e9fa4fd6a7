package io.loyalty.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.loyalty.spi.CustomerId;
import io.loyalty.spi.ErrorCode;
import io.loyalty.spi.InvalidInputException;
import io.loyalty.spi.Metadata;
import io.loyalty.spi.ProgramId;
import io.loyalty.spi.RuleId;
import io.loyalty.spi.WalletId;
import io.loyalty.spi.card.Card;
import io.loyalty.spi.earning.EventOutcome;
import io.loyalty.spi.earning.ProgramOutcome;
import io.loyalty.spi.earning.Skip;
import io.loyalty.spi.earning.SkipReason;
import io.loyalty.spi.event.CustomEvent;
import io.loyalty.spi.event.Order;
import io.loyalty.spi.event.OrderPaid;
import io.loyalty.spi.event.OrderRefunded;
import io.loyalty.spi.program.CardDefinition;
import io.loyalty.spi.program.Comparison;
import io.loyalty.spi.program.Condition;
import io.loyalty.spi.program.EventSchema;
import io.loyalty.spi.program.ExpirationRule;
import io.loyalty.spi.program.FirstMatchRule;
import io.loyalty.spi.program.FirstMatchRule.Earning;
import io.loyalty.spi.program.FirstMatchRule.Effect;
import io.loyalty.spi.program.Measure;
import io.loyalty.spi.program.PendingPoints;
import io.loyalty.spi.program.PointsFormula;
import io.loyalty.spi.program.Program;
import io.loyalty.spi.program.Trigger;
import io.loyalty.spi.store.OutboxEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Loyalty v2 programs of point wallets (digest sections 12.1–12.4): a member holds one card per wallet, an earning
 * rule applies its first matching earning whole, each effect into its wallet under that wallet's terms.
 */
@DisplayName("loyalty v2: wallets and first-match earning")
class WalletProgramTest {
  static final ProgramId PROGRAM = ProgramId.of("lprg_0a1b");
  static final WalletId POINTS = WalletId.of("lcd_points");
  static final WalletId MILES = WalletId.of("lcd_miles");
  static final RuleId ORDERS = RuleId.of("ler_orders");
  static final RuleId REVIEWS = RuleId.of("ler_reviews");
  static final io.loyalty.spi.SchemaId REVIEW_SCHEMA = io.loyalty.spi.SchemaId.of("ms_review");
  private final MutableClock clock = new MutableClock(Fixtures.T0);
  private final InMemoryLoyaltyStore store = InMemoryLoyaltyStore.create();
  private final LoyaltyEngine engine = LoyaltyEngine.builder().store(store).clock(clock).random(Fixtures.seeded(7))
      .eventSchemas(new EventSchema(REVIEW_SCHEMA, "review_written", java.util.Map.of(), false)).build();

  /**
   * Store points that expire 30 days after they are earned, and partner miles that stay pending for 7 days and never
   * expire. Orders of $100 or more give 100 points and a mile per dollar; other orders give 10 points.
   */
  static Program twoWallets() {
    return Program.builder(PROGRAM, "Points and miles")
        .wallet(CardDefinition.of(POINTS, "Store points")
            .withExpiration(new ExpirationRule.AfterDays(30, ExpirationRule.RoundUp.NONE, null)))
        .wallet(CardDefinition.of(MILES, "Partner miles").withPendingPoints(new PendingPoints(7)))
        .earningRule(FirstMatchRule.of(ORDERS, Trigger.ORDER_PAID,
            Earning.when(new Condition.OrderAmount(Comparison.atLeast(10_000)),
                Effect.points(POINTS, 100),
                Effect.of(MILES, PointsFormula.proportional(new Measure.OrderAmount(), 100, 1))).named("big orders"),
            Earning.always(Effect.points(POINTS, 10)).named("any order")))
        .earningRule(FirstMatchRule.of(REVIEWS, new Trigger.CustomEvent("review_written", REVIEW_SCHEMA),
            Earning.always(Effect.points(MILES, 5))))
        .build();
  }

  private EventOutcome pay(String id, long cents) {
    clock.advance(Duration.ofMinutes(1));
    return engine.apply(OrderPaid.of(id, clock.instant(), Fixtures.customer("alice"), Order.ofAmount("o_" + id, "USD",
        cents)));
  }

  private List<Card> join() {
    engine.define(twoWallets());
    return engine.addMember(PROGRAM, CustomerId.of("alice"));
  }

  @Test
  @DisplayName("a member holds one card per wallet, with v2's ten-character codes, and each join is an outbox event")
  void membersHoldACardPerWallet() {
    List<Card> cards = join();
    assertThat(cards).extracting(Card::wallet).containsExactly(POINTS, MILES);
    assertThat(cards).allSatisfy(c -> {
      assertThat(c.code().value()).hasSize(10);
      assertThat(c.holder()).isEqualTo(CustomerId.of("alice"));
    });
    assertThat(engine.cardsOf(PROGRAM, CustomerId.of("alice"))).extracting(Card::code)
        .containsExactlyInAnyOrderElementsOf(cards.stream().map(Card::code).toList());
    assertThat(store.pending("test", EnumSet.of(OutboxEvent.Type.MEMBER_JOINED), 10)).hasSize(2);
    assertThatThrownBy(() -> engine.addMember(PROGRAM, CustomerId.of("alice")))
        .isInstanceOf(MemberAlreadyExistsException.class);
    assertThatThrownBy(() -> engine.enrol(PROGRAM, CustomerId.of("bob")))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("addMember");
    assertThat(engine.program(PROGRAM).firstMatchRules()).isEqualTo(List.of(
        FirstMatchRule.regroup(twoWallets().earningRules()).get(0), FirstMatchRule.regroup(twoWallets().earningRules()).get(1)));
  }

  @Test
  @DisplayName("the first matching earning applies whole, into each effect's wallet; the rule's later earnings are skipped")
  void firstMatchIntoWallets() {
    List<Card> cards = join();
    EventOutcome big = pay("e1", 12_345);
    assertThat(big.points()).isEqualTo(100 + 123);
    assertThat(big.programs()).extracting(ProgramOutcome::card).containsExactly(cards.get(0).code(), cards.get(1).code());
    ProgramOutcome points = big.programs().get(0);
    assertThat(points.points()).isEqualTo(100);
    assertThat(points.skipped()).extracting(Skip::reason).containsExactly(SkipReason.EARLIER_EARNING_MATCHED);
    assertThat(points.skipped().get(0).rule()).isEqualTo(FirstMatchRule.effectId(ORDERS, 2, 1));
    assertThat(big.programs().get(1).points()).isEqualTo(123);

    assertThat(engine.balance(cards.get(0).code())).isEqualTo(100);
    assertThat(engine.balance(cards.get(1).code())).isZero(); // the miles wallet keeps them pending for 7 days
    assertThat(engine.pendingPoints(cards.get(1).code(), clock.instant())).isEqualTo(123);

    EventOutcome small = pay("e2", 5_000);
    assertThat(small.points()).isEqualTo(10);
    assertThat(small.programs()).extracting(ProgramOutcome::card).containsExactly(cards.get(0).code(), cards.get(1).code());
    assertThat(small.programs().get(0).skipped()).extracting(Skip::reason).containsExactly(SkipReason.CONDITION_FAILED);
    assertThat(small.programs().get(1).skipped()).extracting(Skip::reason).containsExactly(SkipReason.CONDITION_FAILED);
    assertThat(engine.balance(cards.get(0).code())).isEqualTo(110);
  }

  @Test
  @DisplayName("each wallet's terms: points expire by their wallet's rolling period, miles activate after their pending days")
  void walletTerms() {
    List<Card> cards = join();
    pay("e1", 20_000);
    Instant earned = clock.instant();
    // 30 days after the earn day, at 00:00 of the next day in the program's zone (UTC)
    Instant gone = earned.atZone(java.time.ZoneOffset.UTC).toLocalDate().plusDays(31).atStartOfDay(java.time.ZoneOffset.UTC)
        .toInstant();
    assertThat(engine.balance(cards.get(0).code(), gone.minusSeconds(1))).isEqualTo(100);
    assertThat(engine.balance(cards.get(0).code(), gone)).isZero();
    Instant active = earned.atZone(java.time.ZoneOffset.UTC).toLocalDate().plusDays(7).atStartOfDay(java.time.ZoneOffset.UTC)
        .toInstant();
    assertThat(engine.balance(cards.get(1).code(), active.minusSeconds(1))).isZero();
    assertThat(engine.balance(cards.get(1).code(), active)).isEqualTo(200);
    assertThat(engine.balance(cards.get(1).code(), active.plus(Duration.ofDays(3650)))).isEqualTo(200); // never expire

    // points added by hand take their wallet's expiry too
    engine.addPoints(cards.get(0).code(), 7, AddedPointsExpiry.programRules(), "goodwill", null);
    assertThat(engine.lots(cards.get(0).code(), clock.instant())).last()
        .satisfies(lot -> assertThat(lot.expiresAt()).isEqualTo(gone));
  }

  @Test
  @DisplayName("a custom event earns into the wallet its rule names; a quote equals the apply, and a replay the original")
  void customEventQuoteAndReplay() {
    List<Card> cards = join();
    clock.advance(Duration.ofMinutes(1));
    CustomEvent review = CustomEvent.of("ev_r1", clock.instant(), Fixtures.customer("alice"), "review_written",
        Metadata.EMPTY);
    EventOutcome quoted = engine.quote(review);
    EventOutcome applied = engine.apply(review);
    assertThat(quoted).isEqualTo(applied);
    assertThat(applied.programs()).singleElement().satisfies(p -> {
      assertThat(p.card()).isEqualTo(cards.get(1).code());
      assertThat(p.points()).isEqualTo(5);
    });
    EventOutcome paid = pay("e1", 30_000);
    assertThat(engine.replay(review.id()).identical()).isTrue();
    assertThat(engine.replay(paid.event()).identical()).isTrue();
    assertThat(engine.apply(review)).isEqualTo(applied); // a retried event is applied once
    assertThat(engine.pendingPoints(cards.get(1).code(), clock.instant())).isEqualTo(5 + 300);
  }

  @Test
  @DisplayName("a refund of the order takes back what it earned from every wallet")
  void refundFromEveryWallet() {
    List<Card> cards = join();
    pay("e1", 15_000);
    clock.advance(Duration.ofMinutes(1));
    EventOutcome refunded = engine.apply(OrderRefunded.whole("r1", clock.instant(), Fixtures.customer("alice"), "o_e1"));
    assertThat(refunded.programs()).extracting(ProgramOutcome::card).containsExactly(cards.get(0).code(),
        cards.get(1).code());
    assertThat(engine.replay(refunded.event()).identical()).isTrue();
    assertThat(engine.balance(cards.get(0).code())).isZero();
    assertThat(engine.pendingPoints(cards.get(1).code(), clock.instant())).isZero();
  }

  @Test
  @DisplayName("a switched-off member earns nothing, and a switched-off v2 program takes no members")
  void inactive() {
    List<Card> cards = join();
    assertThat(engine.setMemberActive(PROGRAM, CustomerId.of("alice"), false)).extracting(Card::active)
        .containsExactly(false, false);
    EventOutcome outcome = pay("e1", 15_000);
    assertThat(outcome.points()).isZero();
    assertThat(outcome.programs()).flatExtracting(ProgramOutcome::skipped).extracting(Skip::reason)
        .containsOnly(SkipReason.CARD_INACTIVE);
    assertThat(engine.setMemberActive(PROGRAM, CustomerId.of("alice"), true)).extracting(Card::active)
        .containsExactly(true, true);
    assertThat(pay("e2", 15_000).points()).isEqualTo(100 + 150);
    engine.define(twoWallets().toBuilder().active(false).build());
    assertThatThrownBy(() -> engine.addMember(PROGRAM, CustomerId.of("bob")))
        .isInstanceOf(ProgramNotActiveException.class)
        .satisfies(e -> assertThat(((ProgramNotActiveException) e).errorCode()).isEqualTo(ErrorCode.NON_ACTIVE_PROGRAM));
  }

  @Test
  @DisplayName("a v2 definition is checked whole: wallets, effects into wallets it has, and what v2 does not take")
  void validation() {
    Program bad = Program.builder(PROGRAM, "bad")
        .wallet(CardDefinition.of(POINTS, "Store points"))
        .wallet(CardDefinition.of(POINTS, "Again").withPendingPoints(new PendingPoints(91)))
        .earningRule(FirstMatchRule.of(ORDERS, Trigger.ORDER_PAID, Earning.always(Effect.points(MILES, 1))))
        .autoJoin(true)
        .build();
    assertThatThrownBy(() -> engine.define(bad)).isInstanceOf(InvalidInputException.class)
        .satisfies(e -> assertThat(((InvalidInputException) e).violations()).extracting(v -> v.path())
            .contains("card_definitions[1].id", "card_definitions[1].pending_points.period_value",
                "earning_rules[0].card_definition_id", "auto_join"));
    Program noActiveRule = Program.builder(PROGRAM, "idle").wallet(CardDefinition.of(POINTS, "Store points"))
        .earningRule(new FirstMatchRule(ORDERS, Trigger.ORDER_PAID, List.of(Earning.always(Effect.points(POINTS, 1))),
            false, null, "", null))
        .build();
    assertThatThrownBy(() -> engine.define(noActiveRule)).isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("status");
    Program v1WithWallet = Program.builder(ProgramId.of("camp_v1"), "v1")
        .earningRule(io.loyalty.spi.program.EarningRule.builder(RuleId.of("r"), Trigger.ORDER_PAID,
            PointsFormula.fixed(1)).wallet(POINTS).build())
        .build();
    assertThatThrownBy(() -> engine.define(v1WithWallet)).isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("earning_rules[0].card_definition_id");
    assertThat(store.programs()).isEmpty(); // nothing written
  }

  @Test
  @DisplayName("each wallet's refund policy: NONE keeps the points, REVOKE_FROM_PENDING takes only pending ones,"
      + " REVOKE_BELOW_ZERO takes spent points into debt")
  void walletRefundPolicies() {
    WalletId spent = WalletId.of("lcd_spent");
    engine.define(Program.builder(PROGRAM, "Refund policies")
        .wallet(CardDefinition.of(POINTS, "Kept").withEarnedRefund(CardDefinition.EarnedRefund.NONE))
        .wallet(CardDefinition.of(MILES, "Pending only").withPendingPoints(new PendingPoints(3))
            .withEarnedRefund(CardDefinition.EarnedRefund.REVOKE_FROM_PENDING))
        .wallet(CardDefinition.of(spent, "Into debt").withAllowNegative(true)
            .withEarnedRefund(CardDefinition.EarnedRefund.REVOKE_BELOW_ZERO))
        .earningRule(FirstMatchRule.of(ORDERS, Trigger.ORDER_PAID, Earning.always(
            Effect.points(POINTS, 10), Effect.points(MILES, 20), Effect.points(spent, 30))))
        .build());
    List<Card> cards = engine.addMember(PROGRAM, CustomerId.of("alice"));
    pay("e1", 1_000);
    engine.removePoints(cards.get(2).code(), 30, "spent", null);
    clock.advance(Duration.ofMinutes(1));
    EventOutcome refund = engine.apply(OrderRefunded.whole("r1", clock.instant(), Fixtures.customer("alice"), "o_e1"));
    assertThat(refund.programs()).extracting(ProgramOutcome::card).containsExactly(cards.get(1).code(),
        cards.get(2).code());
    assertThat(engine.balance(cards.get(0).code())).isEqualTo(10);
    assertThat(engine.pendingPoints(cards.get(1).code(), clock.instant())).isZero();
    assertThat(engine.balance(cards.get(2).code())).isEqualTo(-30);
    assertThat(engine.replay(refund.event()).identical()).isTrue();
    assertThatThrownBy(() -> engine.define(Program.builder(ProgramId.of("lprg_bad"), "bad")
        .wallet(CardDefinition.of(POINTS, "x").withEarnedRefund(CardDefinition.EarnedRefund.REVOKE_BELOW_ZERO)
            .withAllowNegative(true).withExpiration(ExpirationRule.months(3)))
        .wallet(CardDefinition.of(MILES, "y").withEarnedRefund(CardDefinition.EarnedRefund.REVOKE_FROM_PENDING))
        .earningRule(FirstMatchRule.of(ORDERS, Trigger.ORDER_PAID, Earning.always(Effect.points(POINTS, 1))))
        .build())).isInstanceOf(InvalidInputException.class)
        .satisfies(e -> assertThat(((InvalidInputException) e).violations()).extracting(v -> v.path())
            .containsExactly("card_definitions[0].balance_settings.allow_negative",
                "card_definitions[1].refunds.earned_points.type"));
  }

  @Test
  @DisplayName("v2 pending periods: months from the earn day, or the first fixed date after it, at 00:00 in the zone")
  void pendingInMonthsOrUntilFixedDates() {
    engine.define(Program.builder(PROGRAM, "Pending")
        .wallet(CardDefinition.of(POINTS, "Months").withPendingPoints(PendingPoints.months(1)))
        .wallet(CardDefinition.of(MILES, "Dates").withPendingPoints(PendingPoints.untilOneOf(
            new ExpirationRule.FixedDayOfYear(3, 4), new ExpirationRule.FixedDayOfYear(6, 1))))
        .earningRule(FirstMatchRule.of(ORDERS, Trigger.ORDER_PAID, Earning.always(
            Effect.points(POINTS, 10), Effect.points(MILES, 20))))
        .build());
    List<Card> cards = engine.addMember(PROGRAM, CustomerId.of("alice"));
    pay("e1", 1_000); // 4 March 2024: 4 March is the earn day itself, so the miles wait for 1 June
    assertThat(engine.balance(cards.get(0).code(), Instant.parse("2024-04-03T23:59:59Z"))).isZero();
    assertThat(engine.balance(cards.get(0).code(), Instant.parse("2024-04-04T00:00:00Z"))).isEqualTo(10);
    assertThat(engine.balance(cards.get(1).code(), Instant.parse("2024-05-31T23:59:59Z"))).isZero();
    assertThat(engine.balance(cards.get(1).code(), Instant.parse("2024-06-01T00:00:00Z"))).isEqualTo(20);
    assertThatThrownBy(() -> engine.define(Program.builder(ProgramId.of("camp_v1p"), "v1")
        .earningRule(io.loyalty.spi.program.EarningRule.builder(RuleId.of("r"), Trigger.ORDER_PAID,
            PointsFormula.fixed(1)).pendingPoints(PendingPoints.months(2)).build()).build()))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("earning_rules[0].pending_points");
    assertThatThrownBy(() -> engine.define(twoWallets().toBuilder().wallets(List.of())
        .wallet(CardDefinition.of(POINTS, "p").withPendingPoints(new PendingPoints(3, 2, List.of())))
        .wallet(CardDefinition.of(MILES, "m").withPendingPoints(PendingPoints.months(13))).build()))
        .isInstanceOf(InvalidInputException.class)
        .satisfies(e -> assertThat(((InvalidInputException) e).violations()).extracting(v -> v.path())
            .containsExactly("card_definitions[0].pending_points.type",
                "card_definitions[1].pending_points.period_value"));
  }

  @Test
  @DisplayName("one order earns in a v1 program and a v2 program of the same customer, in one commit")
  void v1AndV2FromOneOrder() {
    List<Card> cards = join();
    engine.define(Fixtures.program(Fixtures.orderRule("ern_v1", PointsFormula.fixed(3))));
    Card v1 = engine.enrol(Fixtures.PROGRAM, CustomerId.of("alice"));
    EventOutcome outcome = pay("e1", 12_000);
    assertThat(outcome.programs()).extracting(ProgramOutcome::card)
        .containsExactlyInAnyOrder(v1.code(), cards.get(0).code(), cards.get(1).code());
    assertThat(engine.balance(v1.code())).isEqualTo(3);
    assertThat(engine.balance(cards.get(0).code())).isEqualTo(100);
    assertThat(engine.replay(outcome.event()).identical()).isTrue();
    assertThat(store.receipt(outcome.event())).isPresent();
  }
}
