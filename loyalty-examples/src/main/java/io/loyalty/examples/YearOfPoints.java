package io.loyalty.examples;

import io.loyalty.core.AddedPointsExpiry;
import io.loyalty.core.CardSummary;
import io.loyalty.core.ExpirySchedule;
import io.loyalty.core.LoyaltyEngine;
import io.loyalty.core.SweepReport;
import io.loyalty.core.Transfer;
import io.loyalty.spi.CustomerId;
import io.loyalty.spi.ProgramId;
import io.loyalty.spi.RuleId;
import io.loyalty.spi.card.Card;
import io.loyalty.spi.earning.EventOutcome;
import io.loyalty.spi.earning.Reversal;
import io.loyalty.spi.event.Customer;
import io.loyalty.spi.event.Order;
import io.loyalty.spi.event.OrderItem;
import io.loyalty.spi.event.OrderPaid;
import io.loyalty.spi.event.OrderRefunded;
import io.loyalty.spi.event.RefundLine;
import io.loyalty.spi.program.CardPool;
import io.loyalty.spi.program.CardTemplate;
import io.loyalty.spi.program.CodeConfig;
import io.loyalty.spi.program.EarningRule;
import io.loyalty.spi.program.ExpirationRule;
import io.loyalty.spi.program.Measure;
import io.loyalty.spi.program.PendingPoints;
import io.loyalty.spi.program.PointsFormula;
import io.loyalty.spi.program.Program;
import io.loyalty.spi.program.RefundPolicy;
import io.loyalty.spi.program.Trigger;
import java.io.PrintStream;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;

/**
 * A year of simulated time in a coffee club: points earned as pending for 14 days, expiring at the end of the
 * month three months on, a partial refund, a transfer to a book club card, and the balances at every month end.
 */
public final class YearOfPoints {
  static final ZoneId WARSAW = ZoneId.of("Europe/Warsaw");
  static final ProgramId COFFEE = ProgramId.of("camp_coffee_club");
  static final ProgramId BOOKS = ProgramId.of("camp_book_club");

  private final PrintStream out;
  private final ExampleClock clock = new ExampleClock(Instant.parse("2026-01-01T08:00:00Z"));

  YearOfPoints(PrintStream out) {
    this.out = out;
  }

  /** Runs the year, printing to standard output. */
  public static void main(String[] args) {
    new YearOfPoints(System.out).run();
  }

  void run() {
    LoyaltyEngine engine = LoyaltyEngine.builder().clock(clock).build();
    engine.define(Program.builder(COFFEE, "Coffee Club").zone(WARSAW).pool(CardPool.growing(100))
        .card(CardTemplate.DEFAULT.withCodeConfig(CodeConfig.pattern("CAFE-####-####"))
            .withExpiration(ExpirationRule.months(3).roundedUpTo(ExpirationRule.RoundUp.END_OF_MONTH)))
        .refundPolicy(RefundPolicy.WITHIN_BALANCE)
        .earningRule(EarningRule.builder(RuleId.of("ern_per_zloty"), Trigger.ORDER_PAID,
                PointsFormula.proportional(new Measure.OrderAmount(), 100, 1))
            .pendingPoints(new PendingPoints(14)).banner("1 point per zloty, usable after 14 days").build())
        .build());
    engine.define(Program.builder(BOOKS, "Book Club").zone(WARSAW).pool(CardPool.growing(100))
        .card(CardTemplate.DEFAULT.withCodeConfig(CodeConfig.pattern("BOOK-####-####"))
            .withExpiration(ExpirationRule.months(12)))
        .build());
    Customer ola = Customer.of("ola@example.pl");
    Card coffee = engine.enrol(COFFEE, ola.id());
    Card books = engine.enrol(BOOKS, ola.id());
    out.printf("%nOla's cards: %s (coffee: pending 14 days, expiring at the end of the month 3 months on), %s (books)%n",
        coffee.code(), books.code());
    engine.addPoints(coffee.code(), 100, AddedPointsExpiry.programRules(), "welcome bonus", "welcome-ola");
    out.printf("%-10s %8s %8s %8s %8s  %s%n", "month end", "balance", "pending", "expired", "moved", "next expiry");
    int orders = 0;
    for (int m = 1; m <= 12; m++) {
      YearMonth month = YearMonth.of(2026, m);
      for (int day : new int[] {5, 19}) {
        clock.set(month.atDay(day).atTime(9, 30).atZone(WARSAW).toInstant());
        orders++;
        long amount = 4_000 + 1_500L * (orders % 5); // 40 to 100 zloty
        Order order = Order.of("ord_" + orders, "PLN", OrderItem.product("prod_latte", 2, amount / 2));
        engine.apply(OrderPaid.of("evt_paid_" + orders, clock.instant(), ola, order));
      }
      if (m == 3) {
        clock.set(month.atDay(21).atTime(12, 0).atZone(WARSAW).toInstant());
        EventOutcome refund = engine.apply(OrderRefunded.lines("evt_refund_1", clock.instant(), ola, "ord_6", new RefundLine(0, 1)));
        Reversal r = refund.programs().get(0).reversals().get(0);
        out.printf("  21 Mar: one of two lattes of ord_6 refunded: %d points owed, %d taken from pending, %d from balance%n",
            r.owed(), r.pending(), r.active());
      }
      if (m == 6) {
        clock.set(month.atDay(25).atTime(18, 0).atZone(WARSAW).toInstant());
        Transfer t = engine.transfer(coffee.code(), books.code(), 200, "saving for a book", "tr-ola-1");
        out.printf("  25 Jun: %d points moved to %s, expiring by the book club's rules (12 months)%n", -t.out().points(),
            t.in().card());
      }
      clock.set(month.plusMonths(1).atDay(1).atStartOfDay(WARSAW).toInstant().minusSeconds(1));
      SweepReport sweep = engine.sweep(COFFEE, clock.instant());
      CardSummary s = engine.summary(coffee.code(), clock.instant());
      out.printf("%-10s %8d %8d %8d %8d  %s%s%n", month.atEndOfMonth(), s.balance(), s.pending(), s.expired(),
          s.transferredOut(), s.nextExpirationDate() == null ? "-" : s.nextExpirationPoints() + " on " + s.nextExpirationDate(),
          sweep.expiredPoints() > 0 ? "   (sweep: " + sweep.expiredPoints() + " expired)" : "");
    }
    ExpirySchedule liability = engine.liability(COFFEE, clock.instant());
    out.printf("Coffee club liability at %s: %d points outstanding, %d pending; by last usable day: %s%n",
        LocalDate.ofInstant(clock.instant(), WARSAW), liability.outstanding(), liability.pending(), liability.byLastUsableDay());
    out.printf("Book club card %s: balance %d%n", books.code(), engine.balance(books.code()));
  }
}
