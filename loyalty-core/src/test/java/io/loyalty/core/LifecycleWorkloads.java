package io.loyalty.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import io.loyalty.spi.AssignmentId;
import io.loyalty.spi.CardCode;
import io.loyalty.spi.ProductId;
import io.loyalty.spi.RuleId;
import io.loyalty.spi.card.Lot;
import io.loyalty.spi.earning.EventOutcome;
import io.loyalty.spi.event.Customer;
import io.loyalty.spi.event.LoyaltyEvent;
import io.loyalty.spi.event.Order;
import io.loyalty.spi.event.OrderItem;
import io.loyalty.spi.event.OrderPaid;
import io.loyalty.spi.event.RefundLine;
import io.loyalty.spi.program.CardTemplate;
import io.loyalty.spi.program.EarningRule;
import io.loyalty.spi.program.ExpirationRule;
import io.loyalty.spi.program.ItemTarget;
import io.loyalty.spi.program.Measure;
import io.loyalty.spi.program.PendingPoints;
import io.loyalty.spi.program.PointsFormula;
import io.loyalty.spi.program.Program;
import io.loyalty.spi.program.RefundPolicy;
import io.loyalty.spi.program.Trigger;
import io.loyalty.spi.reward.Reward;
import io.loyalty.spi.reward.RewardAssignment;
import io.loyalty.spi.reward.RewardKind;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.quicktheories.core.Gen;

/**
 * Test data for the points lifecycle properties: random programs, members and step sequences over a
 * {@link MutableClock}, and a {@link World} that keeps the engine together with a small model of what was paid,
 * refunded and delivered. Every choice is decoded from small integers, so QuickTheories can shrink a failing
 * workload to a short one with small numbers.
 */
final class LifecycleWorkloads {
  /** Where every workload starts: a Monday morning. */
  static final Instant START = Instant.parse("2026-01-05T10:00:00Z");
  static final long[] EVERY = {100, 250, 1_000};
  /** The reward every workload program offers for 30 points. */
  static final AssignmentId MUG = AssignmentId.of("rewa_mug");

  private LifecycleWorkloads() {}

  /**
   * One order.paid rule. {@code formula}: 0 per order amount, 1 fixed, 2 per unit of one product, 3 per order
   * total; {@code pendingDays} 0 credits at once; {@code expiry} decoded by {@link #expiration(int)}.
   */
  record RuleSpec(int formula, int size, int pendingDays, int expiry) {
    EarningRule toRule(int index) {
      PointsFormula f = switch (formula) {
        case 0 -> PointsFormula.proportional(new Measure.OrderAmount(), EVERY[size % 3], 1 + size % 5);
        case 1 -> PointsFormula.fixed(5 + size % 50);
        case 2 -> PointsFormula.proportional(new Measure.OrderItems(Measure.ItemMeasure.QUANTITY,
            List.of(ItemTarget.product("p" + size % 3))), 1, 1 + size % 10);
        default -> PointsFormula.proportional(new Measure.OrderTotalAmount(), EVERY[size % 3], 1 + size % 3);
      };
      return EarningRule.builder(RuleId.of("r" + index), Trigger.ORDER_PAID, f)
          .pendingPoints(pendingDays == 0 ? null : new PendingPoints(pendingDays))
          .expiration(expiration(expiry))
          .build();
    }
  }

  /** A program and its members: 1–4 rules, the card template's expiry, the refund policy, 1 or 2 members. */
  record Setup(List<RuleSpec> rules, int programExpiry, RefundPolicy policy, int members, int initialPoints, boolean warsaw,
      int tiers) {
    Setup(List<RuleSpec> rules, int programExpiry, RefundPolicy policy, int members, int initialPoints, boolean warsaw) {
      this(rules, programExpiry, policy, members, initialPoints, warsaw, 0);
    }

    Program program() {
      List<EarningRule> built = new ArrayList<>();
      for (int i = 0; i < rules.size(); i++) {
        built.add(rules.get(i).toRule(i));
      }
      return Program.builder(Fixtures.PROGRAM, "Lifecycle").zone(warsaw ? ZoneId.of("Europe/Warsaw") : ZoneId.of("UTC"))
          .card(CardTemplate.DEFAULT.withExpiration(expiration(programExpiry)).withInitialPoints(initialPoints))
          .refundPolicy(policy).earningRules(built).tiers(tiers == 0 ? List.of() : TIERS)
          .tierPolicy(POLICIES.get(Math.max(0, tiers - 1))).build();
    }

    /**
     * The tier policies a workload may run under ({@code tiers} 1 to 4): the balance, a CUSTOM term of 10 days on the
     * balance, and points earned per month (to the next month's end) or per quarter (from the next quarter, 7 days
     * of grace).
     */
    private static final List<io.loyalty.spi.tier.TierPolicy> POLICIES = List.of(
        io.loyalty.spi.tier.TierPolicy.BALANCE_DROP,
        new io.loyalty.spi.tier.TierPolicy(io.loyalty.spi.tier.TierPolicy.Qualification.BALANCE, null,
            io.loyalty.spi.tier.TierPolicy.Start.IMMEDIATE, new io.loyalty.spi.tier.TierPolicy.Expiration(
                io.loyalty.spi.tier.TierPolicy.ExpirationType.CUSTOM, io.loyalty.spi.program.IsoDuration.ofDays(10),
                null)),
        new io.loyalty.spi.tier.TierPolicy(io.loyalty.spi.tier.TierPolicy.Qualification.POINTS_IN_PERIOD,
            io.loyalty.spi.tier.TierPolicy.CalendarPeriod.MONTH, io.loyalty.spi.tier.TierPolicy.Start.IMMEDIATE,
            new io.loyalty.spi.tier.TierPolicy.Expiration(
                io.loyalty.spi.tier.TierPolicy.ExpirationType.END_OF_NEXT_PERIOD, null, null)),
        new io.loyalty.spi.tier.TierPolicy(io.loyalty.spi.tier.TierPolicy.Qualification.POINTS_IN_PERIOD,
            io.loyalty.spi.tier.TierPolicy.CalendarPeriod.QUARTER, io.loyalty.spi.tier.TierPolicy.Start.NEXT_PERIOD,
            new io.loyalty.spi.tier.TierPolicy.Expiration(io.loyalty.spi.tier.TierPolicy.ExpirationType.END_OF_PERIOD,
                io.loyalty.spi.program.IsoDuration.ofDays(7), null)));

    /** Balance tiers over the workload's amounts: 0-39, 40-149 (the first rule × 1.5), 150+ (it gives 3). */
    private static final List<io.loyalty.spi.tier.Tier> TIERS = List.of(
        io.loyalty.spi.tier.Tier.builder(io.loyalty.spi.TierId.of("t_low"), "Low", 0).to(39L).build(),
        io.loyalty.spi.tier.Tier.builder(io.loyalty.spi.TierId.of("t_mid"), "Mid", 40).to(149L)
            .earningRule(RuleId.of("r0"), io.loyalty.spi.tier.TierMapping.multiply(new java.math.BigDecimal("1.5")))
            .build(),
        io.loyalty.spi.tier.Tier.builder(io.loyalty.spi.TierId.of("t_top"), "Top", 150)
            .earningRule(RuleId.of("r0"), io.loyalty.spi.tier.TierMapping.custom(3)).build());
  }

  /**
   * One step: {@code kind} 0–2 pay, 3–4 refund, 5 add, 6 remove, 7 transfer, 8 pending points by hand, 9 sweep;
   * the clock first moves by {@code wait} ({@link #waitOf}); {@code a} and {@code b} pick members, amounts, lines.
   */
  record Step(int kind, int unit, int count, int a, int b) {
    Duration waitOf() {
      return switch (unit) {
        case 0 -> Duration.ZERO;
        case 1 -> Duration.ofMinutes(count);
        case 2 -> Duration.ofHours(1 + count % 23);
        case 3 -> Duration.ofDays(1 + count % 6);
        default -> Duration.ofDays(7L * (1 + count % 4));
      };
    }
  }

  /** The {@link CardSummary} identity: what came in equals what is left plus where the rest went. */
  static void assertConserved(CardSummary s, Object context) {
    assertThat(s.earned() + s.added() + s.transferredIn()).as("conservation after %s: %s", context, s)
        .isEqualTo(s.balance() + s.pending() + s.redeemed() + s.subtracted() + s.expired() + s.transferredOut()
            + s.reversed() + s.canceled());
  }

  /** {@code null} (never), or one of a few expiration rules, short and long. */
  static ExpirationRule expiration(int code) {
    return switch (code) {
      case 1 -> ExpirationRule.months(0);
      case 2 -> ExpirationRule.months(1);
      case 3 -> ExpirationRule.months(2).roundedUpTo(ExpirationRule.RoundUp.END_OF_MONTH);
      case 4 -> new ExpirationRule.FixedDayOfYear(3, 31);
      default -> null;
    };
  }

  static Gen<RuleSpec> ruleSpecs() {
    return integers().between(0, 3).zip(integers().between(0, 60), integers().between(-12, 20), integers().between(0, 4),
        (formula, size, pending, expiry) -> new RuleSpec(formula, size, Math.max(0, pending), expiry));
  }

  static Gen<Setup> setups() {
    return lists().of(ruleSpecs()).ofSizeBetween(1, 4).zip(integers().between(0, 4), integers().between(0, 2),
        integers().between(1, 2), integers().between(0, 6),
        (rules, expiry, policy, members, extra) -> new Setup(rules, expiry, RefundPolicy.values()[policy], members,
            extra == 3 ? 25 : 0, extra == 2 || extra == 6, extra == 1 ? 1 : extra >= 4 ? extra - 2 : 0));
  }

  static Gen<Step> steps() {
    return integers().between(0, 9).zip(integers().between(0, 4), integers().between(1, 59), integers().between(0, 1_000),
        integers().between(0, 1_000), Step::new);
  }

  static Gen<List<Step>> stepLists(int min, int max) {
    return lists().of(steps()).ofSizeBetween(min, max);
  }

  /** An order of 1–3 product lines of 1–4 units, sometimes with an order-level discount. */
  static Order order(String id, int a, int b) {
    int lines = 1 + b % 3;
    OrderItem[] items = new OrderItem[lines];
    for (int i = 0; i < lines; i++) {
      long quantity = 1 + (a / (i + 1) + b) % 4;
      long price = 100L * (1 + (a * 31 + b * 17 + i * 7) % 150);
      items[i] = OrderItem.product("p" + (a + i) % 3, quantity, price);
    }
    Order order = Order.of(id, "EUR", items);
    return a % 4 == 0 ? order.withDiscount(order.totalAmount() / 10) : order;
  }

  /** A paid order and the units refunded so far, as the test expects them. */
  static final class PaidOrder {
    final int member;
    final OrderPaid event;
    final boolean earned;
    final long[] refunded;
    boolean whole;

    PaidOrder(int member, OrderPaid event, boolean earned) {
      this.member = member;
      this.event = event;
      this.earned = earned;
      this.refunded = new long[event.order().items().size()];
    }

    long left(int line) {
      return event.order().items().get(line).quantity() - refunded[line];
    }

    boolean anyLeft() {
      for (int i = 0; i < refunded.length; i++) {
        if (left(i) > 0) {
          return true;
        }
      }
      return false;
    }

    /** Valid refund lines chosen by {@code a} and {@code b}: a non-empty set of lines with units left. */
    List<RefundLine> pick(int a, int b) {
      List<RefundLine> lines = new ArrayList<>();
      for (int i = 0; i < refunded.length; i++) {
        if (left(i) > 0 && ((a >> i) & 1) == 1) {
          lines.add(new RefundLine(i, 1 + (b >> i) % left(i)));
        }
      }
      for (int i = 0; i < refunded.length && lines.isEmpty(); i++) {
        if (left(i) > 0) {
          lines.add(new RefundLine(i, 1 + b % left(i)));
        }
      }
      return lines;
    }

    void refund(List<RefundLine> lines) {
      if (lines.isEmpty()) {
        whole = true;
        for (int i = 0; i < refunded.length; i++) {
          refunded[i] = event.order().items().get(i).quantity();
        }
      }
      lines.forEach(l -> refunded[l.line()] += l.quantity());
    }
  }

  /** An event the engine applied, with the outcome it returned the first time. */
  record Delivered(LoyaltyEvent event, EventOutcome outcome) {}

  /** An engine over a mutable clock with its members' cards and the test's model of the history. */
  static final class World {
    final Setup setup;
    final MutableClock clock = new MutableClock(START);
    final InMemoryLoyaltyStore store = InMemoryLoyaltyStore.create();
    final LoyaltyEngine engine = LoyaltyEngine.builder().store(store).clock(clock).random(Fixtures.seeded(17)).build();
    final List<Customer> members = new ArrayList<>();
    final List<CardCode> cards = new ArrayList<>();
    final List<PaidOrder> orders = new ArrayList<>();
    final List<Delivered> delivered = new ArrayList<>();
    private int ids;

    World(Setup setup) {
      this.setup = setup;
      // a reward to spend points on, so workloads can redeem and roll back (MUG)
      Reward mug = engine.defineReward(Reward.of("rew_mug", "Mug", new RewardKind.Material(ProductId.of("prod_mug"), null)));
      engine.define(setup.program().toBuilder().reward(RewardAssignment.of(MUG.value(), mug.id(), 30)).build());
      for (int m = 0; m < setup.members(); m++) {
        Customer customer = Fixtures.customer(m == 0 ? "alice" : "bob");
        members.add(customer);
        cards.add(engine.enrol(Fixtures.PROGRAM, customer.id()).code());
      }
    }

    Instant now() {
      return clock.instant();
    }

    String id(String prefix) {
      return prefix + "_" + ++ids;
    }

    CardCode card(int member) {
      return cards.get(member % cards.size());
    }

    /** Pays a new order for the member now and records it. */
    EventOutcome pay(int member, int a, int b) {
      OrderPaid paid = OrderPaid.of(id("paid"), now(), members.get(member % members.size()), order(id("ord"), a, b));
      EventOutcome outcome = engine.apply(paid);
      orders.add(new PaidOrder(member % members.size(), paid, outcome.points() > 0));
      delivered.add(new Delivered(paid, outcome));
      return outcome;
    }

    List<PaidOrder> ordersOf(int member) {
      return orders.stream().filter(o -> o.member == member).toList();
    }

    /** By the program's rules, never, or through a day from today to 59 days on. */
    AddedPointsExpiry addedExpiry(int a, int b) {
      return switch (b % 4) {
        case 0 -> AddedPointsExpiry.programRules();
        case 1 -> AddedPointsExpiry.never();
        default -> AddedPointsExpiry.on(now().atZone(engine.program(Fixtures.PROGRAM).zone()).toLocalDate().plusDays(a % 60));
      };
    }

    /** The card's lots still pending now. */
    List<Lot> pendingLots(CardCode card) {
      return engine.card(card).lots().stream().filter(l -> l.isPendingAt(now()) && l.remaining() > 0).toList();
    }
  }
}
