package io.loyalty.examples;

import io.loyalty.core.InMemoryLoyaltyStore;
import io.loyalty.core.EarningExamination;
import io.loyalty.core.EarningProbe;
import io.loyalty.core.LoyaltyEngine;
import io.loyalty.core.ProgramComponents;
import io.loyalty.core.ProgramPlan;
import io.loyalty.spi.Metadata;
import io.loyalty.spi.CustomerId;
import io.loyalty.spi.ProgramId;
import io.loyalty.spi.RuleId;
import io.loyalty.spi.WalletId;
import io.loyalty.spi.card.Card;
import io.loyalty.spi.card.MemberStatus;
import io.loyalty.spi.earning.EventOutcome;
import io.loyalty.spi.earning.ProgramOutcome;
import io.loyalty.spi.earning.Skip;
import io.loyalty.spi.event.Customer;
import io.loyalty.spi.event.Order;
import io.loyalty.spi.event.OrderPaid;
import io.loyalty.spi.event.OrderRefunded;
import io.loyalty.spi.program.CardDefinition;
import io.loyalty.spi.program.Comparison;
import io.loyalty.spi.program.ComponentKind;
import io.loyalty.spi.program.Condition;
import io.loyalty.spi.program.ExpirationRule;
import io.loyalty.spi.program.FirstMatchRule;
import io.loyalty.spi.program.FirstMatchRule.Earning;
import io.loyalty.spi.program.FirstMatchRule.Effect;
import io.loyalty.spi.program.Measure;
import io.loyalty.spi.program.PendingPoints;
import io.loyalty.spi.program.PointsFormula;
import io.loyalty.spi.program.Program;
import io.loyalty.spi.program.ProgramStatus;
import io.loyalty.spi.program.Trigger;
import java.io.PrintStream;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * A loyalty v2 program of two point wallets, next to the v1 tutorial, assembled from reusable components: store points
 * that expire at the end of the third month, and partner miles that stay pending for 14 days. The order rule's first matching earning applies
 * whole, into both wallets; the tour prints each wallet's card, what an examine says an order would earn, what each
 * order put where, and a refund taking back
 * from both.
 */
public final class WalletTour {
  static final ProgramId PROGRAM = ProgramId.of("lprg_acme_wallets");
  static final WalletId POINTS = WalletId.of("lcd_store_points");
  static final WalletId MILES = WalletId.of("lcd_partner_miles");
  static final RuleId ORDERS = RuleId.of("ler_orders");
  private final PrintStream out;

  WalletTour(PrintStream out) {
    this.out = out;
  }

  /** Runs the tour, printing to standard output. */
  public static void main(String[] args) {
    new WalletTour(System.out).run();
  }

  void run() {
    ExampleClock clock = new ExampleClock(Instant.parse("2026-03-02T09:00:00Z"));
    LoyaltyEngine engine = LoyaltyEngine.builder().store(InMemoryLoyaltyStore.create()).clock(clock).build();
    // Voucherify v2 builds a program from reusable parts: two card definitions and an earning rule, each stored on
    // its own (DRAFT first, then activated), and the program assembled from their ids.
    ProgramComponents parts = engine.components();
    parts.define(CardDefinition.of(POINTS, "Store points").withExpiration(ExpirationRule.months(3)
        .roundedUpTo(ExpirationRule.RoundUp.END_OF_MONTH)));
    parts.define(CardDefinition.of(MILES, "Partner miles").withPendingPoints(new PendingPoints(14)));
    parts.define(FirstMatchRule.of(ORDERS, Trigger.ORDER_PAID,
        Earning.when(new Condition.OrderAmount(Comparison.atLeast(20_000)),
            Effect.points(POINTS, 200),
            Effect.of(MILES, PointsFormula.proportional(new Measure.OrderAmount(), 100, 2))).named("$200 and more"),
        Earning.always(Effect.of(POINTS, PointsFormula.proportional(new Measure.OrderAmount(), 100, 1)))
            .named("every order")));
    parts.activate(ComponentKind.CARD_DEFINITION, POINTS.value());
    parts.activate(ComponentKind.CARD_DEFINITION, MILES.value());
    parts.activate(ComponentKind.EARNING_RULE, ORDERS.value());
    Program program = parts.createProgram(ProgramPlan.builder(PROGRAM, "ACME points and miles")
        .cardDefinition(POINTS).cardDefinition(MILES).earningRule(ORDERS).status(ProgramStatus.ACTIVE).build());
    out.println("Program " + program.id() + " (" + program.status() + ") assembled from " + program.walletIds()
        + " and " + ORDERS);
    List<Card> cards = engine.addMember(PROGRAM, CustomerId.of("alice@example.com"), MemberStatus.ACTIVE,
        Metadata.of("channel", "app"));
    for (Card card : cards) {
      out.println("Wallet " + card.wallet() + ": card " + card.code());
    }
    Customer alice = Customer.of("alice@example.com");
    pay(engine, cards, clock.instant(), alice, "o1", 4_500);
    clock.set(Instant.parse("2026-03-09T09:00:00Z"));
    EarningExamination examined = engine.examineEarningRules(
        EarningProbe.order(alice, Order.ofAmount("o2", "USD", 25_000)), PROGRAM);
    StringBuilder would = new StringBuilder("Examined before paying, a $250 order would earn:");
    for (EarningExamination.CardEstimate estimate : examined.memberships().get(0).cards()) {
      would.append(' ').append(estimate.points()).append(" into ").append(estimate.wallet());
    }
    out.println(would);
    pay(engine, cards, clock.instant(), alice, "o2", 25_000);
    out.println(balances(engine, cards, clock.instant()));
    Instant later = Instant.parse("2026-03-23T00:00:00Z");
    out.println("Read as of " + later + " (the miles' 14 days are over): " + balances(engine, cards, later));
    Instant june = Instant.parse("2026-07-01T00:00:00Z");
    out.println("Read as of " + june + " (March's points went at the end of June): " + balances(engine, cards, june));
    clock.set(Instant.parse("2026-03-10T09:00:00Z"));
    EventOutcome refund = engine.apply(OrderRefunded.whole("evt_r2", clock.instant(), alice, "o2"));
    for (ProgramOutcome p : refund.programs()) {
      out.println("Refund of o2 takes back " + p.reversals().stream().mapToLong(r -> r.owed()).sum()
          + " from wallet " + walletOf(cards, p));
    }
    out.println(balances(engine, cards, clock.instant()));
  }

  private void pay(LoyaltyEngine engine, List<Card> cards, Instant at, Customer customer, String order, long cents) {
    EventOutcome outcome = engine.apply(OrderPaid.of("evt_" + order, at, customer, Order.ofAmount(order, "USD", cents)));
    StringBuilder line = new StringBuilder("A $" + cents / 100 + " order:");
    for (ProgramOutcome p : outcome.programs()) {
      if (p.points() > 0) {
        line.append(' ').append(p.points()).append(" into ").append(walletOf(cards, p));
      }
    }
    List<String> skipped = outcome.programs().stream().flatMap(p -> p.skipped().stream()).map(Skip::reason)
        .map(Enum::name).distinct().toList();
    out.println(line + (skipped.isEmpty() ? "" : " (skipped: " + String.join(", ", skipped) + ")"));
  }

  private static WalletId walletOf(List<Card> cards, ProgramOutcome p) {
    return cards.stream().filter(c -> c.code().equals(p.card())).findFirst().orElseThrow().wallet();
  }

  private static String balances(LoyaltyEngine engine, List<Card> cards, Instant asOf) {
    StringBuilder sb = new StringBuilder("Balances:");
    for (Card card : cards) {
      sb.append(' ').append(card.wallet()).append(' ').append(engine.balance(card.code(), asOf))
          .append(" (pending ").append(engine.pendingPoints(card.code(), asOf)).append(')');
    }
    return sb.toString();
  }
}
