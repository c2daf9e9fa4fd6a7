package io.loyalty.testkit;

import io.loyalty.spi.card.LedgerKey;
import io.loyalty.spi.WalletId;
import static io.loyalty.testkit.StoreValues.T0;

import io.loyalty.spi.AssignmentId;
import io.loyalty.spi.CardCode;
import io.loyalty.spi.CustomerId;
import io.loyalty.spi.EventId;
import io.loyalty.spi.Metadata;
import io.loyalty.spi.OrderId;
import io.loyalty.spi.ProductId;
import io.loyalty.spi.ProgramId;
import io.loyalty.spi.RedemptionId;
import io.loyalty.spi.RewardId;
import io.loyalty.spi.RuleId;
import io.loyalty.spi.SchemaId;
import io.loyalty.spi.SegmentId;
import io.loyalty.spi.SkuId;
import io.loyalty.spi.ValidationRuleId;
import io.loyalty.spi.card.Card;
import io.loyalty.spi.card.EntryType;
import io.loyalty.spi.card.LedgerEntry;
import io.loyalty.spi.card.Lot;
import io.loyalty.spi.card.LotDraw;
import io.loyalty.spi.card.LotSource;
import io.loyalty.spi.card.LotState;
import io.loyalty.spi.earning.Accrual;
import io.loyalty.spi.earning.EventOutcome;
import io.loyalty.spi.earning.LineShare;
import io.loyalty.spi.earning.ProgramOutcome;
import io.loyalty.spi.earning.Reversal;
import io.loyalty.spi.earning.Skip;
import io.loyalty.spi.earning.SkipReason;
import io.loyalty.spi.event.CustomEvent;
import io.loyalty.spi.event.Customer;
import io.loyalty.spi.event.LoyaltyEvent;
import io.loyalty.spi.event.Order;
import io.loyalty.spi.event.OrderItem;
import io.loyalty.spi.event.OrderPaid;
import io.loyalty.spi.event.OrderRefunded;
import io.loyalty.spi.event.RefundLine;
import io.loyalty.spi.event.SegmentEntered;
import io.loyalty.spi.program.CalculationType;
import io.loyalty.spi.program.CardPool;
import io.loyalty.spi.program.CardTemplate;
import io.loyalty.spi.program.CodeConfig;
import io.loyalty.spi.program.Comparison;
import io.loyalty.spi.program.Condition;
import io.loyalty.spi.program.DailyHours;
import io.loyalty.spi.program.EarningRule;
import io.loyalty.spi.program.ExpirationRule;
import io.loyalty.spi.program.IsoDuration;
import io.loyalty.spi.program.ItemTarget;
import io.loyalty.spi.program.Measure;
import io.loyalty.spi.program.Operator;
import io.loyalty.spi.program.PendingPoints;
import io.loyalty.spi.program.PointsFormula;
import io.loyalty.spi.program.Program;
import io.loyalty.spi.program.RefundPolicy;
import io.loyalty.spi.program.Timeframe;
import io.loyalty.spi.program.Trigger;
import io.loyalty.spi.program.Validity;
import io.loyalty.spi.reward.RedeemRequest;
import io.loyalty.spi.reward.Redemption;
import io.loyalty.spi.reward.Reward;
import io.loyalty.spi.reward.RewardAssignment;
import io.loyalty.spi.reward.RewardKind;
import io.loyalty.spi.store.EventReceipt;
import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Records that use every variant of every sealed hierarchy, every nullable field both set and unset, exact
 * decimals of odd scales, nanosecond instants and non-ASCII text: what a store must give back equal.
 */
final class RichValues {
  static final ProgramId PROGRAM = ProgramId.of("camp_rïch");
  static final CardCode CARD = CardCode.of("RICH-ÄB12-☕");
  static final Duration DAY = Duration.ofDays(1);
  /** {@code 1200} with trailing zeros stripped: scale -2, which a plain-number encoding would lose. */
  static final BigDecimal STRIPPED = new BigDecimal("1200").stripTrailingZeros();

  private RichValues() {}

  static Program program() {
    Condition orderBits = Condition.all(new Condition.OrderAmount(Comparison.atLeast(1_000)),
        Condition.any(new Condition.OrderTotalAmount(Comparison.lessThan(99_999)),
            new Condition.Not(new Condition.InSegment(Set.of(SegmentId.of("vip"), SegmentId.of("new"))))),
        new Condition.OrderItemsCount(Comparison.in(1L, 2L, 3L)));
    Condition itemBits = Condition.numbered("(1 and 2) OR 3",
        new Condition.OrderMetadata("channel", Comparison.of(Operator.STARTS_WITH, "web")),
        new Condition.CustomerMetadata("age", Comparison.of(Operator.MORE_THAN_OR_EQUAL, new BigDecimal("18.50"))),
        new Condition.Items(Condition.Quantifier.ANY,
            List.of(ItemTarget.product("p1"), ItemTarget.sku("s1"), ItemTarget.collection("pc_1")),
            Condition.all(new Condition.ItemQuantity(Comparison.atLeast(2)), new Condition.ItemPrice(Comparison.atMost(5_000)),
                new Condition.ItemMetadata("color", Comparison.is("red")))));
    List<EarningRule> rules = List.of(
        EarningRule.builder(RuleId.of("r_fixed"), Trigger.ORDER_PAID, PointsFormula.fixed(25)).active(false)
            .validity(Validity.between(T0, null).withDaysOfWeek(Set.of(DayOfWeek.TUESDAY)))
            .condition(orderBits).validationRule(ValidationRuleId.of("val_1")).pendingPoints(new PendingPoints(14))
            .expiration(new ExpirationRule.FixedDayOfYear(2, 29)).banner("Fixed ☕ « bonus »")
            .metadata(Metadata.of("a", 1L, "b", "two")).build(),
        EarningRule.builder(RuleId.of("r_amount"), Trigger.ORDER_PAID,
            PointsFormula.proportional(new Measure.OrderAmount(), 100, 1)).build(),
        EarningRule.builder(RuleId.of("r_total"), Trigger.ORDER_PAID,
            PointsFormula.proportional(new Measure.OrderTotalAmount(), 250, 3)
                .withRounding(PointsFormula.StepRounding.PRORATE_HALF_UP)).build(),
        EarningRule.builder(RuleId.of("r_meta"), Trigger.ORDER_PAID,
            PointsFormula.proportional(new Measure.OrderMetadata("visits"), 2, 7)
                .withRounding(PointsFormula.StepRounding.PRORATE_FLOOR))
            .condition(itemBits)
            .validity(Validity.ALWAYS.withHours(List.of(DailyHours.of("08:30", null, DayOfWeek.SATURDAY),
                DailyHours.of("10:00", "12:00", DayOfWeek.SUNDAY, DayOfWeek.MONDAY)))).build(),
        EarningRule.builder(RuleId.of("r_items"), Trigger.ORDER_PAID, PointsFormula.proportional(
            new Measure.OrderItems(Measure.ItemMeasure.SUBTOTAL_AMOUNT, List.of(ItemTarget.sku("s2"))), 500, 2))
            .condition(new Condition.Items(Condition.Quantifier.NONE, List.of(), null)).build(),
        EarningRule.builder(RuleId.of("r_segment"), new Trigger.SegmentEntered(SegmentId.of("vip")),
            PointsFormula.proportional(new Measure.CustomerMetadata("ltv"), 10, 1)).build(),
        EarningRule.builder(RuleId.of("r_review"), new Trigger.CustomEvent("review", SchemaId.of("ms_review")),
            PointsFormula.proportional(new Measure.CustomEventMetadata("stars"), 1, 10))
            .condition(Condition.all(new Condition.EventMetadata("stars", Comparison.of(Operator.IS_DEFINED)),
                new Condition.EventMetadata("spam", Comparison.of(Operator.IS_NOT, false))))
            .expiration(ExpirationRule.months(3).roundedUpTo(ExpirationRule.RoundUp.END_OF_QUARTER)).build(),
        EarningRule.builder(RuleId.of("r_tier"), new Trigger.TierChange(Trigger.TierEvent.UPGRADED,
            Trigger.TierChange.ANY_TIER), PointsFormula.fixed(5)).build(),
        EarningRule.builder(RuleId.of("r_formula"), Trigger.ORDER_PAID, PointsFormula.dynamic(
            "IF(ORDER_AMOUNT > 500;ROUND(ORDER_AMOUNT * 1.5;0);DEFAULT_TO(CUSTOMER_METADATA(\"ltv ☕\");3))", 2)).build());
    return Program.builder(PROGRAM, "Rïch — ünïcødé ☕ 🎉").zone(ZoneId.of("Europe/Paris")).active(false)
        .validity(new Validity(T0, T0.plus(Duration.ofDays(365)), Timeframe.of("P2D", "PT1H"),
            Set.of(DayOfWeek.MONDAY, DayOfWeek.FRIDAY), List.of()))
        .pool(CardPool.fixed(3))
        .card(new CardTemplate(50, new CodeConfig(10, CodeConfig.UPPERCASE, "RICH-", "-X", null), 3,
            IsoDuration.parse("P1MT12H"), ExpirationRule.months(6).roundedUpToMonth(12)))
        .autoJoin(true).refundPolicy(RefundPolicy.UNLIMITED).earningRules(rules)
        .reward(RewardAssignment.of("rewa_1", RewardId.of("rew_points"), 100).autoRedeemed()
            .when(new Condition.Named(ValidationRuleId.of("val_2"))))
        .reward(RewardAssignment.payWithPoints("rewa_2", RewardId.of("rew_coin")))
        .redemptionCondition(new Condition.CustomerMetadata("tier", Comparison.in("gold", "silver")))
        .tier(io.loyalty.spi.tier.Tier.builder(io.loyalty.spi.TierId.of("ltr_basic"), "Básic ☕", 0).to(99L).build())
        .tier(io.loyalty.spi.tier.Tier.builder(io.loyalty.spi.TierId.of("ltr_gold"), "Gold 🎉", 100)
            .earningRule(RuleId.of("r_fixed"), io.loyalty.spi.tier.TierMapping.multiply(new BigDecimal("1.50")))
            .earningRule(RuleId.of("r_amount"), io.loyalty.spi.tier.TierMapping.custom(7))
            .reward(io.loyalty.spi.AssignmentId.of("rewa_1"), io.loyalty.spi.tier.TierMapping.custom(80))
            .metadata(Metadata.of("perk", "lounge")).build())
        .tierPolicy(new io.loyalty.spi.tier.TierPolicy(io.loyalty.spi.tier.TierPolicy.Qualification.POINTS_IN_PERIOD,
            io.loyalty.spi.tier.TierPolicy.CalendarPeriod.QUARTER, io.loyalty.spi.tier.TierPolicy.Start.NEXT_PERIOD,
            new io.loyalty.spi.tier.TierPolicy.Expiration(io.loyalty.spi.tier.TierPolicy.ExpirationType.CUSTOM,
                IsoDuration.parse("P3M"), new io.loyalty.spi.tier.TierPolicy.Rounding(null,
                    io.loyalty.spi.tier.TierPolicy.Strategy.END, 11))))
        .metadata(Metadata.of("tier", "gold", "ratio", new BigDecimal("1.50"), "flag", true, "n", 42L, "big", STRIPPED))
        .build().withVersion(1);
  }

  static Card card() {
    List<Lot> lots = List.of(
        new Lot(1, 100, 40, T0, null, T0.plus(DAY.multipliedBy(30)), LotState.ACTIVE,
            new LotSource(EventId.of("evt1"), RuleId.of("r_amount"), 1, OrderId.of("ord1"))),
        new Lot(2, 50, 50, T0.plusNanos(1), T0.plus(DAY.multipliedBy(14)), null, LotState.PENDING,
            new LotSource(null, null, 2, null)),
        new Lot(3, 20, 0, T0.plusNanos(123_456_789), T0.plus(DAY), T0.plus(DAY.multipliedBy(10)), LotState.CANCELED,
            new LotSource(EventId.of("evt2"), RuleId.of("r_fixed"), 1, null)));
    return new Card(CARD, PROGRAM, WalletId.of("lcd_wället"), 1, CustomerId.of("cust_ü"), T0, T0.plusSeconds(1).plusNanos(987_654_321),
        T0.plus(DAY.multipliedBy(400)), false, lots, 35, EntryType.values().length, 2,
        new io.loyalty.spi.tier.TierState(T0.plusSeconds(5).plusNanos(1), T0, 42, List.of(
            new io.loyalty.spi.tier.TierState.Grant(io.loyalty.spi.TierId.of("ltr_basic"), T0, T0.plus(DAY), T0),
            new io.loyalty.spi.tier.TierState.Grant(io.loyalty.spi.TierId.of("ltr_gold"), T0.plus(DAY),
                T0.plus(DAY.multipliedBy(90)).plusNanos(5), T0.plusNanos(3)))));
  }

  /** A key of every kind in turn, with host parts that hold colons, digits and non-ASCII text. */
  static LedgerKey richKey(long seq) {
    String part = "ü☕:" + seq + ":7";
    return switch ((int) (seq % 8)) {
      case 0 -> LedgerKey.Accrual.of(CARD, OrderId.of("ord:" + part), EventId.of("evt1"), RuleId.of("r:" + part));
      case 1 -> LedgerKey.Accrual.of(CARD, null, EventId.of("evt:" + part), RuleId.of("r_amount"));
      case 2 -> new LedgerKey.Reversal(CARD, EventId.of("refund:" + part), RuleId.of("r:" + part));
      case 3 -> LedgerKey.Source.of("src:" + part);
      case 4 -> new LedgerKey.OnCard(LedgerKey.OnCard.Kind.values()[1 + (int) (seq % 5)], CARD, seq);
      case 5 -> new LedgerKey.OfRedemption(LedgerKey.OfRedemption.Kind.values()[(int) (seq % 4)],
          io.loyalty.spi.RedemptionId.of("redeem:" + part));
      case 6 -> new LedgerKey.OnCard(LedgerKey.OnCard.Kind.INITIAL, CARD, 0);
      default -> LedgerKey.parse("rich:" + seq + ":ü☕");
    };
  }

  /** One entry of every type, seq 1 to 13, for {@link #card()}. */
  static List<LedgerEntry> entries() {
    List<LedgerEntry> entries = new ArrayList<>();
    long seq = 0;
    for (EntryType type : EntryType.values()) {
      seq++;
      boolean odd = seq % 2 == 1;
      entries.add(new LedgerEntry(CARD, seq, type, odd ? -seq * 1_000_003 : seq, odd ? 0 : -seq, Long.MAX_VALUE - seq,
          T0.plusNanos(seq * 1_001), richKey(seq), odd ? EventId.of("evt" + seq) : null,
          odd ? RuleId.of("r_amount") : null, seq, odd ? null : OrderId.of("ord" + seq % 3), odd ? "" : "réason « " + seq + " » 🎉",
          odd ? List.of(new LotDraw(1, seq), new LotDraw(3, 2 * seq)) : List.of(), odd ? null : new LedgerKey.Source("rich:" + seq + ":ü☕", LedgerKey.Source.Leg.TRANSFER_IN)));
    }
    return entries;
  }

  static Customer customer() {
    return new Customer(CustomerId.of("cust_ü"), Metadata.of("ltv", new BigDecimal("1234.5600"), "name", "Zoë", "vip", true),
        Set.of(SegmentId.of("vip"), SegmentId.of("new")));
  }

  static Order order() {
    Order order = Order.of("ord_rich", "JPY", OrderItem.product("p1", 2, 1_500),
        OrderItem.sku("p2", "s2", 3, 999).withDiscount(97).withMetadata(Metadata.of("color", "red", "weight", new BigDecimal("0.125"))),
        new OrderItem(null, SkuId.of("s9"), 1, 0, 0, 0, Metadata.EMPTY));
    return order.withDiscount(3).withMetadata(Metadata.of("visits", STRIPPED, "channel", "web-shop"));
  }

  /** Receipts of every event kind, with outcomes using every part. */
  static List<EventReceipt> receipts() {
    Customer customer = customer();
    List<LoyaltyEvent> events = List.of(
        new OrderPaid(EventId.of("evt_paid"), T0.plusNanos(5), customer, order(), CARD),
        SegmentEntered.of("evt_segment", T0.plusSeconds(60), customer, "vip"),
        CustomEvent.of("evt_review", T0.plusSeconds(120), customer, "review",
            Metadata.of("stars", new BigDecimal("4.50"), "text", "très bien ☕", "spam", false)),
        new OrderRefunded(EventId.of("evt_refund"), T0.plusSeconds(180), customer, OrderId.of("ord_rich"),
            List.of(new RefundLine(0, 1), new RefundLine(1, 3)), CARD),
        OrderRefunded.whole("evt_cancel", T0.plusSeconds(240), Customer.of("cust_plain"), "ord_rich"),
        new io.loyalty.spi.event.TierMoved(EventId.of("tier:" + CARD.value() + "@7.1"), T0.plusSeconds(300).plusNanos(9),
            Customer.of("cust_ü"), CARD, io.loyalty.spi.program.Trigger.TierEvent.PROLONGED,
            io.loyalty.spi.TierId.of("ltr_gold"), 2));
    List<EventReceipt> receipts = new ArrayList<>();
    for (LoyaltyEvent event : events) {
      ProgramOutcome outcome = new ProgramOutcome(PROGRAM, 3, CARD, true, 42,
          List.of(new Accrual(RuleId.of("r_meta"), "Meta ☕", CalculationType.ORDER_METADATA, STRIPPED, 40,
                  List.of(new LineShare(0, 500), new LineShare(1, 700))),
              new Accrual(RuleId.of("r_amount"), "", CalculationType.ORDER_AMOUNT, new BigDecimal("12.50"), 1, List.of()),
              new Accrual(RuleId.of("r_fixed"), "", null, null, 1, List.of())),
          List.of(new Skip(RuleId.of("r_total"), SkipReason.CONDITION_FAILED, "order.amount $more_than 100")),
          List.of(new Reversal(RuleId.of("r_amount"), 130, 10, 30, 40, 50)), RedemptionId.of("auto:evt:camp"));
      ProgramOutcome blocked = new ProgramOutcome(ProgramId.of("camp_other"), 1, null, false, 0, List.of(),
          List.of(new Skip(RuleId.of("r_x"), SkipReason.PROGRAM_INACTIVE, "")), List.of(), null);
      receipts.add(new EventReceipt(event, new EventOutcome(event.id(), event.name(), event.occurredAt(),
          List.of(outcome, blocked))));
    }
    return receipts;
  }

  static List<Reward> rewards() {
    return List.of(
        new Reward(RewardId.of("rew_points"), 1, "Points ☕", RewardKind.Campaign.points(ProgramId.of("camp_other"), 100),
            null, 0, false, Metadata.EMPTY),
        new Reward(RewardId.of("rew_coupon"), 1, "Coupon", RewardKind.Campaign.coupon("camp_coupons"), 10L, 3, true,
            Metadata.of("note", "deleted but kept")),
        new Reward(RewardId.of("rew_gift"), 1, "Gift", RewardKind.Campaign.giftCredit("camp_gift", 2_500), 0L, 0, false, Metadata.EMPTY),
        new Reward(RewardId.of("rew_coin"), 1, "Pay with points", new RewardKind.Coin(new BigDecimal("20.00"), 100), null, 0,
            false, Metadata.EMPTY),
        new Reward(RewardId.of("rew_mug"), 1, "Mug", new RewardKind.Material(ProductId.of("prod_mug"), SkuId.of("sku_blue")),
            Long.MAX_VALUE, 7, false, Metadata.EMPTY));
  }

  /** Redemptions at version 1 in every status; {@link #undone} is the first one rolled back. */
  static List<Redemption> redemptions() {
    RedeemRequest pay = RedeemRequest.payWithPoints("rdm_pay", CARD, AssignmentId.of("rewa_2"), order(), 150L);
    pay = new RedeemRequest(pay.id(), pay.card(), pay.assignment(), pay.points(), pay.order(), Metadata.of("channel", "pos"),
        new Customer(CustomerId.of("cust_rich"), Metadata.of("tier", "gold"), java.util.Set.of(SegmentId.of("vip"))));
    return List.of(
        new Redemption(RedemptionId.of("rdm_pay"), 1, pay, PROGRAM, CARD, AssignmentId.of("rewa_2"), RewardId.of("rew_coin"),
            T0.plusNanos(42), Redemption.Status.SUCCEEDED, null, "", 150, List.of(new LotDraw(1, 100), new LotDraw(2, 50)),
            order().withDiscount(3_000), 3_000, new Redemption.Fulfilment(Redemption.FulfilmentStatus.COMPLETE, "COUPON-✓-1"),
            false, null, ""),
        new Redemption(RedemptionId.of("rdm_failed"), 1, RedeemRequest.of("rdm_failed", CARD, AssignmentId.of("rewa_1")),
            PROGRAM, CARD, AssignmentId.of("rewa_1"), RewardId.of("rew_points"), T0.plusSeconds(5), Redemption.Status.FAILED,
            "loyalty_card_points_exceeded", "needs 100 points, has 40", 0, List.of(), null, 0, Redemption.Fulfilment.NONE,
            false, null, ""),
        new Redemption(RedemptionId.of("auto:rich:1"), 1, null, PROGRAM, CARD, AssignmentId.of("rewa_1"),
            RewardId.of("rew_points"), T0.plusSeconds(9), Redemption.Status.SUCCEEDED, null, "", 100,
            List.of(new LotDraw(1, 100)), null, 0, new Redemption.Fulfilment(Redemption.FulfilmentStatus.PENDING, ""), true,
            null, ""));
  }

  /** The pay-with-points redemption one version on: rolled back, its coupon revoked. */
  static Redemption undone(Redemption paid) {
    return paid.with(Redemption.Status.ROLLED_BACK, new Redemption.Fulfilment(Redemption.FulfilmentStatus.REVOKED,
        "COUPON-✓-1"), null, "", T0.plus(DAY), "customer returned it ↩");
  }
}
